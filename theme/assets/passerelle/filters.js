// The jobs list's filters: instant, in the reader's language, each combination a URL to share.
// Without JavaScript the form stays hidden and the pre-built lists (by contract, by region) serve.
(function () {
  "use strict";
  var root = document.querySelector(".pa-joblist");
  var form = document.getElementById("pa-filters");
  var box = document.getElementById("pa-filter-box");
  if (!root || !form || !box) return;
  var list = document.getElementById("pa-jobs");
  var count = document.getElementById("pa-count");
  var pager = document.getElementById("pa-pager");
  var moreWrap = document.getElementById("pa-more-wrap");
  var more = document.getElementById("pa-more");
  // the levels of French, lowest first, as the page lists them (from the vocabulary): none is repeated here
  var LEVELS = Array.prototype.map.call(form.elements.level.options, function (o) { return o.value; }).filter(Boolean);
  var STEP = 50;
  var index = null;
  var shown = STEP;
  var now = new Date();
  var TODAY = now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
  var fields = ["contract", "region", "city", "remote", "level", "employer", "sector", "sort"];

  box.hidden = false;
  box.open = window.matchMedia("(min-width: 60em)").matches; // on a phone the list comes first

  function state() {
    var out = {};
    fields.forEach(function (name) { out[name] = form.elements[name].value; });
    return out;
  }
  function fits(job, s) {
    if (job.deadline < TODAY) return false; // closed by the reader's clock, even if the site was built before
    if (s.contract && job.contract !== s.contract) return false;
    if (s.region && job.region !== s.region) return false;
    if (s.city && job.city !== s.city) return false;
    if (s.remote && job.remote !== s.remote) return false;
    if (s.employer && job.employer !== s.employer) return false;
    if (s.sector && job.sector !== s.sector) return false;
    // "my level": jobs that ask for that level or less (no level asked fits everyone)
    if (s.level && job.level && LEVELS.indexOf(job.level) > LEVELS.indexOf(s.level)) return false;
    return true;
  }
  function render() {
    var s = state();
    var found = index.jobs.filter(function (job) { return fits(job, s); });
    found.sort(function (a, b) {
      var x = s.sort === "posted" ? b.posted.localeCompare(a.posted) : a.deadline.localeCompare(b.deadline);
      return x || a.key.localeCompare(b.key);
    });
    if (!list) {
      list = document.createElement("ul");
      list.className = "pa-cards pa-jobs";
      list.id = "pa-jobs";
      count.after(list);
    }
    list.innerHTML = found.slice(0, shown).map(function (job) { return job.card; }).join("");
    count.textContent = count.getAttribute("data-template").replace("{n}", found.length);
    moreWrap.hidden = found.length <= shown;
    if (pager) pager.hidden = true;
    var query = new URLSearchParams();
    fields.forEach(function (name) {
      if (s[name] && !(name === "sort" && s[name] === "deadline")) query.set(name, s[name]);
    });
    var url = location.pathname + (query.toString() ? "?" + query.toString() : "");
    history.replaceState(null, "", url);
  }
  function load(then) {
    if (index) { then(); return; }
    fetch(root.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      then();
    });
  }
  form.addEventListener("change", function () { shown = STEP; load(render); });
  more.addEventListener("click", function () { shown += STEP; render(); });
  var query = new URLSearchParams(location.search);
  var any = false;
  fields.forEach(function (name) {
    var value = query.get(name);
    if (value !== null && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) {
      form.elements[name].value = value;
      any = true;
    }
  });
  if (any) { box.open = true; load(render); }
})();
