// Saved jobs, kept on this device only (localStorage; no account, no cookie, nothing sent anywhere): the "save"
// control of a job page, and the saved-jobs page that lists them. What is read back from storage is checked
// field by field and put into the page as text (textContent, setAttribute): never as HTML.
(function () {
  "use strict";
  var KEY = "passerelle-saved";
  var PATH = /^\/[A-Za-z0-9\/._~%-]*\/$/, DAY = /^\d{4}-\d{2}-\d{2}$/, LANG = /^[a-z]{2,3}$/;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var d = new Date();
  var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());

  function valid(job) {
    return job && typeof job === "object" && typeof job.path === "string" && PATH.test(job.path) &&
      job.path.indexOf("//") < 0 && typeof job.title === "string" && job.title.length <= 300 &&
      typeof job.employer === "string" && job.employer.length <= 200 &&
      typeof job.deadline === "string" && DAY.test(job.deadline) && typeof job.lang === "string" && LANG.test(job.lang) &&
      (job.dir === "ltr" || job.dir === "rtl");
  }
  function load() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(valid) : [];
    } catch (e) { return []; }
  }
  function store(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); return true; } catch (e) { return false; }
  }
  function without(list, path) { return list.filter(function (job) { return job.path !== path; }); }

  // A job page: the save control says whether this job is kept, and keeps or drops it.
  var button = document.querySelector("button.pa-save");
  if (button) {
    var h1 = document.querySelector(".pa-jobhead h1");
    var shown = (h1 && h1.querySelector("[lang]")) || document.documentElement;  // a title not yet translated
    var job = {
      path: location.pathname,
      title: button.getAttribute("data-title"),
      employer: button.getAttribute("data-employer"),
      deadline: button.getAttribute("data-deadline"),
      lang: shown.getAttribute("lang"),
      dir: shown.getAttribute("dir") || "ltr"
    };
    var saveText = button.textContent, savedText = button.getAttribute("data-saved-text");
    var link = document.querySelector(".pa-saved-link");
    var show = function (kept) {
      button.setAttribute("aria-pressed", kept ? "true" : "false");
      button.textContent = kept ? savedText : saveText;
      if (link) link.hidden = !kept;
    };
    if (valid(job)) {
      button.hidden = false;
      show(load().some(function (j) { return j.path === job.path; }));
      button.addEventListener("click", function () {
        var list = load(), kept = list.some(function (j) { return j.path === job.path; });
        if (store(kept ? without(list, job.path) : [job].concat(list))) show(!kept);
      });
    }
  }

  // The saved-jobs page: one item a kept job, newest first; a job whose deadline passed says it is closed.
  var box = document.getElementById("pa-saved");
  if (!box) return;
  var empty = document.getElementById("pa-saved-empty");
  var lang = document.documentElement.lang;
  function date(day) {
    try {
      return new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
        .format(new Date(day + "T12:00:00Z"));
    } catch (e) { return day; }
  }
  function render() {
    var list = load();
    box.textContent = "";
    empty.hidden = list.length > 0;
    list.forEach(function (job) {
      var item = document.createElement("li");
      item.className = "pa-saved__item";
      var a = document.createElement("a");
      a.setAttribute("href", job.path);
      a.setAttribute("lang", job.lang);
      a.setAttribute("dir", job.dir);
      a.textContent = job.title;
      var meta = document.createElement("p");
      meta.className = "pa-saved__meta";
      var closed = job.deadline < today;
      meta.textContent = job.employer + " · " + (closed ? box.getAttribute("data-closed") : box.getAttribute("data-apply-by") + " " + date(job.deadline));
      if (closed) item.classList.add("pa-saved__item--closed");
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "pa-saved__remove";
      remove.textContent = box.getAttribute("data-remove");
      remove.setAttribute("aria-label", box.getAttribute("data-remove") + " : " + job.title);
      remove.addEventListener("click", function () { store(without(load(), job.path)); render(); });
      item.appendChild(a);
      item.appendChild(meta);
      item.appendChild(remove);
      box.appendChild(item);
    });
  }
  render();
})();
