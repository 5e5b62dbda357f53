// Share a job: the browser's own share sheet where it has one (phones), else the links beside it. Nothing is
// asked of any other site before the reader taps one of them; "copy the link" needs no other site at all.
(function () {
  "use strict";
  // The weekly digest: its text copied in one tap, to paste into a group.
  var digest = document.querySelector(".pa-digest");
  if (digest && navigator.clipboard) {
    var button = digest.querySelector(".pa-digest__copy"), said = digest.querySelector(".pa-digest__status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(digest.querySelector("textarea").value).then(function () { said.textContent = said.getAttribute("data-done"); });
    });
  }
  var box = document.querySelector(".pa-share");
  if (!box) return;
  var native = box.querySelector(".pa-share__native");
  var links = box.querySelector(".pa-share__links");
  var status = box.querySelector(".pa-share__status");
  var data = { title: box.getAttribute("data-title"), url: box.getAttribute("data-url") };
  if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
    native.hidden = false;
    links.hidden = true;
    native.addEventListener("click", function () { navigator.share(data).catch(function () { links.hidden = false; }); });
  }
  var copy = box.querySelector(".pa-share__copy");
  copy.hidden = false;
  copy.addEventListener("click", function () {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(data.url).then(function () { status.textContent = status.getAttribute("data-done"); });
  });
})();
