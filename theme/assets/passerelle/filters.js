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
  var STEP = 10; // cards shown, then added by "show more": a phone's first screen holds three
  var index = null; // jobs/index.json, then the columns and the cards as they are fetched (render/filter_index.py)
  var columns = {};
  var cards = {};
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
  var GROUPS = {};
  JSON.parse(form.getAttribute("data-groups") || "[]").forEach(function (g) { GROUPS[g.value] = g.members; });
  // A job is its row in the index (the list's order: deadline, then address); `of(field, job)` is its value.
  function of(field, job) {
    if (field === "sector") return index.values.sector[index.employer_sector[columns.employer[job]]];
    return index.values[field][columns[field][job]];
  }
  function fits(job, s) {
    if (index.deadlines[job] < TODAY) return false; // closed by the reader's clock, even if the site was built before
    // a group (alternance) covers its contracts; a fully remote job fits every place
    var contract = s.contract && of("contract", job);
    if (s.contract && contract !== s.contract && (GROUPS[s.contract] || []).indexOf(contract) < 0) return false;
    if (s.region && of("region", job) !== s.region && of("remote", job) !== "full") return false;
    if (s.city && of("city", job) !== s.city && of("remote", job) !== "full") return false;
    if (s.remote && of("remote", job) !== s.remote) return false;
    if (s.employer && of("employer", job) !== s.employer) return false;
    if (s.sector && of("sector", job) !== s.sector) return false;
    // "my level": jobs that ask for that level or less (no level asked fits everyone)
    var level = s.level && of("level", job);
    if (s.level && level && LEVELS.indexOf(level) > LEVELS.indexOf(s.level)) return false;
    return true;
  }
  function matching(s) {
    var found = [];
    for (var job = 0; job < index.count; job++) if (fits(job, s)) found.push(job);
    if (s.sort === "posted") found.sort(function (a, b) { return of("posted", b).localeCompare(of("posted", a)) || a - b; });
    return found;
  }
  // The columns that a choice reads (fetched once each), then the cards of the jobs to show.
  var NEEDS = { contract: ["contract"], region: ["region", "remote"], city: ["city", "remote"], remote: ["remote"],
    level: ["level"], employer: ["employer"], sector: ["employer"], sort: [] };
  function get(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); }); }
  function missing(s) {
    var names = [];
    fields.forEach(function (name) {
      if (!s[name] || (name === "sort" && s[name] !== "posted")) return;
      (name === "sort" ? ["posted"] : NEEDS[name]).forEach(function (c) { if (!columns[c] && names.indexOf(c) < 0) names.push(c); });
    });
    return names;
  }
  function load(s, then) {
    (index ? Promise.resolve() : get(root.getAttribute("data-index")).then(function (data) {
      index = data;
      var at = 0; // the deadlines, written as differences in the list's order
      index.deadlines = data.deadline.map(function (step) { at += step; return data.values.deadline[at]; });
    })).then(function () {
      return Promise.all(missing(s).map(function (c) { return get(index.columns[c]).then(function (col) { columns[c] = col; }); }));
    }).then(then);
  }
  function withCards(jobs, then) {
    var files = [];
    jobs.forEach(function (job) { var n = Math.floor(job / index.size); if (!cards[n] && files.indexOf(n) < 0) files.push(n); });
    Promise.all(files.map(function (n) { return get(index.cards + n + ".json").then(function (list) { cards[n] = list; }); }))
      .then(function () { then(jobs.map(function (job) { return cards[Math.floor(job / index.size)][job % index.size]; }).join("")); });
  }
  var relax = document.getElementById("pa-relax");
  var show = document.getElementById("pa-show");
  function nothing(s) {
    // never a bare zero: what each choice costs, as a button that lifts it, and the jobs of the best of them
    relax.textContent = "";
    var options = fields.filter(function (name) { return name !== "sort" && s[name]; }).map(function (name) {
      var without = Object.assign({}, s);
      without[name] = "";
      var select = form.elements[name];
      return { name: name, label: select.options[select.selectedIndex].textContent.trim(),
        jobs: matching(without) };
    }).sort(function (a, b) { return b.jobs.length - a.jobs.length; });
    var intro = document.createElement("p");
    intro.textContent = form.getAttribute("data-none");
    relax.appendChild(intro);
    var ul = document.createElement("ul");
    options.forEach(function (o) {
      var li = document.createElement("li"), button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      var parts = form.getAttribute("data-without").replace("{n}", o.jobs.length).split("{filter}");
      var name = document.createElement("bdi"); // a place or a level in Latin letters inside Arabic keeps its order
      name.textContent = o.label;
      button.append(parts[0], name, parts[1] || "");
      button.addEventListener("click", function () { form.elements[o.name].value = ""; shown = STEP; render(); count.focus(); });
      li.appendChild(button);
      ul.appendChild(li);
    });
    relax.appendChild(ul);
    var best = options[0] && options[0].jobs.length ? options[0].jobs.slice(0, 3) : [];
    relax.hidden = false;
    var asked = asking;
    if (best.length) {
      withCards(best, function (html) {
        if (asked !== asking) return; // she chose again meanwhile
        var near = document.createElement("p");
        near.textContent = form.getAttribute("data-nearest");
        relax.appendChild(near);
        var ul = document.createElement("ul");
        ul.className = "pa-cards pa-jobs";
        ul.innerHTML = html; // cards are our own HTML, escaped at build
        relax.appendChild(ul);
        if (window.passerelleDaysLeft) window.passerelleDaysLeft();
      });
    }
  }
  var asking = 0; // the cards of the latest choice only, whatever order the files arrive in
  function render() {
    var s = state();
    if (!index || missing(s).length) { load(s, render); return; } // she chose again while the last choice loaded
    var found = matching(s);
    if (!list) {
      list = document.createElement("ul");
      list.className = "pa-cards pa-jobs";
      list.id = "pa-jobs";
      count.after(list);
    }
    var asked = ++asking;
    withCards(found.slice(0, shown), function (html) {
      if (asked !== asking) return;
      list.innerHTML = html;
      if (window.passerelleDaysLeft) window.passerelleDaysLeft();
    });
    count.textContent = count.getAttribute("data-template").replace("{n}", found.length);
    show.textContent = form.getAttribute("data-show").replace("{n}", found.length);
    show.hidden = false;
    if (found.length) { relax.hidden = true; relax.textContent = ""; } else nothing(s);
    moreWrap.hidden = found.length <= shown;
    if (pager) pager.hidden = true;
    var query = new URLSearchParams();
    fields.forEach(function (name) {
      if (s[name] && !(name === "sort" && s[name] === "deadline")) query.set(name, s[name]);
    });
    var url = location.pathname + (query.toString() ? "?" + query.toString() : "");
    history.replaceState(null, "", url);
    followed(s);
  }
  // The feed of what she chose: the pre-built feed that follows every filter chosen, else the one that follows
  // the most of them (and none she did not choose), said as the nearest.
  var follow = document.getElementById("pa-follow");
  function followed(s) {
    if (!follow || !index.feeds) return;
    var chosen = fields.filter(function (name) { return name !== "sort" && s[name]; });
    var best = null, score = -1;
    index.feeds.forEach(function (feed) {
      var keys = Object.keys(feed.when);
      var fits = keys.every(function (k) { return s[k] === feed.when[k]; });
      if (fits && keys.length > score) { best = feed; score = keys.length; }
    });
    if (!best) { follow.hidden = true; return; }
    var template = follow.getAttribute(score === chosen.length ? "data-exact" : "data-nearest");
    follow.querySelector(".pa-follow__label").textContent = template.replace("{feed}", best.label);
    ["rss", "atom", "json"].forEach(function (format) {
      follow.querySelector(".pa-follow__" + format).setAttribute("href", index.feed_base + best.feed + index.feed_suffixes[format]);
    });
    follow.hidden = false;
  }
  form.addEventListener("change", function () { shown = STEP; render(); });
  show.addEventListener("click", function () { box.open = false; }); // on a phone: close the filters, see the list
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
  if (any) { box.open = true; render(); }
})();
