// Search with pagefind: the index of this page's language only, loaded on the first query.
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("pa-search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#pa-search",
    bundlePath: box.getAttribute("data-bundle"),
    showImages: false,
    translations: { placeholder: box.getAttribute("data-placeholder") }
  });
  var query = new URLSearchParams(location.search).get("q");
  var input = box.querySelector("input");
  if (input) {
    input.setAttribute("aria-label", box.getAttribute("data-placeholder"));
    if (query) { input.value = query; input.dispatchEvent(new Event("input", { bubbles: true })); }
  }
});
