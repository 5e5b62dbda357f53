// Small jobs that every page needs: closed jobs and days left by the reader's clock, and a language menu that keeps
// choices.
// By the reader's clock: a job whose deadline has passed is closed, whatever day the site was last built (the
// daily rebuild may have failed, or GitHub may have stopped its schedule). Pages carry each job's deadline
// (data-deadline on cards, data-pa-deadline on a job page): closed jobs leave the lists, and a job page says it
// is closed and offers no Apply button. Without JavaScript the pages stay as built.
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var d = new Date();
  var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  var me = document.currentScript;
  // Days left, said the reader's way ("closes in 9 days", "closes in 2 years"), and the "closing soon" badge: the
  // pages carry the deadline only, so that a new day changes no page (the date stays, without JavaScript).
  function daysLeft(deadline) {
    var p = deadline.split("-");
    return Math.round((Date.UTC(+p[0], p[1] - 1, +p[2]) - Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())) / 864e5);
  }
  function closes(days) {
    if (days === 0) return me.getAttribute("data-closes-today");
    var unit = "day", n = days; // days up to 99, then months, then years (as the build said it before)
    if (days >= 730) { unit = "year"; n = Math.round(days / 365.25); } else if (days >= 100) { unit = "month"; n = Math.round(days / 30.44); }
    var when = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: "always" }).format(n, unit);
    return me.getAttribute("data-closes-in").replace("{delta}", when);
  }
  function tell() {
    if (!me || !window.Intl || !Intl.RelativeTimeFormat) return;
    var soon = Number(me.getAttribute("data-soon"));
    document.querySelectorAll(".pa-closes").forEach(function (el) {
      var holder = el.closest("[data-deadline], [data-pa-deadline]");
      var deadline = holder && (holder.getAttribute("data-deadline") || holder.getAttribute("data-pa-deadline"));
      if (!deadline || deadline < today) return;
      var days = daysLeft(deadline);
      el.textContent = " (" + closes(days) + ")";
      el.hidden = false;
      var badge = holder.querySelector(".pa-soon");
      if (badge) badge.hidden = days > soon;
    });
  }
  function run() {
    var page = document.querySelector("[data-pa-deadline]");
    if (page && page.getAttribute("data-pa-deadline") < today) {
      var notice = document.getElementById("pa-closed-now");
      if (notice) notice.hidden = false;
      page.querySelectorAll(".pa-apply").forEach(function (a) { a.parentNode.remove(); });
      page.querySelectorAll(".pa-closes").forEach(function (el) { el.remove(); });
    }
    var gone = 0;
    document.querySelectorAll("li.pa-job[data-deadline]").forEach(function (card) {
      if (card.getAttribute("data-deadline") < today) { card.remove(); gone++; }
    });
    var count = document.getElementById("pa-count");
    if (gone && count && count.hasAttribute("data-total")) {
      count.textContent = count.getAttribute("data-template").replace("{n}", Number(count.getAttribute("data-total")) - gone);
    }
    tell();
  }
  window.passerelleDaysLeft = tell; // the filters' cards arrive later: they ask again
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();

// The language menu keeps what the reader chose: the filters of the jobs list and the words of a search go
// with her to the same page in another language (the lists and the search read the same parameters).
(function () {
  "use strict";
  function keep() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () {
        var query = new URLSearchParams(location.search);
        var search = document.querySelector("#pa-search input");
        if (search && search.value) query.set("q", search.value);
        var href = link.getAttribute("href").split("?")[0].split("#")[0];
        link.setAttribute("href", href + (query.toString() ? "?" + query.toString() : ""));
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keep); else keep();
})();

// The phone menu opens from the keyboard too: material's button is a label for a hidden checkbox (its script, which
// made it a button, is not loaded). It becomes a button named like the menu, that says whether the menu is open.
(function () {
  "use strict";
  function menu() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    var nav = document.querySelector(".md-nav--primary");
    if (!toggle || !button) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    if (nav && nav.getAttribute("aria-label")) button.setAttribute("aria-label", nav.getAttribute("aria-label"));
    function said() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    said();
    toggle.addEventListener("change", said);
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      toggle.checked = !toggle.checked;
      said();
      if (toggle.checked && nav) { var first = nav.querySelector("a[href]"); if (first) setTimeout(function () { first.focus(); }, 0); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; said(); button.focus(); }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", menu); else menu();
})();

// Offline reading: the service worker at the site's root (sw.js) keeps the pages a reader opened and the site's
// shell, so that a job she read once opens again without a connection. Where the browser has none, or the page
// is not served over HTTPS or from this machine, nothing happens.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  var url = me.getAttribute("data-sw"), scope = me.getAttribute("data-scope");
  if (url) navigator.serviceWorker.register(url, { scope: scope || "/" }).catch(function () {});
})();
