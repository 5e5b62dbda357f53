// Search with pagefind's own API, in the reader's language. Everything that comes from the index (titles,
// filter names and values, excerpts, URLs) is put in the page as text, never as HTML: a record's text that
// looks like markup stays text. Excerpts keep only pagefind's <mark> highlights, read from an inert document.
(function () {
  "use strict";
  var box = document.getElementById("pa-search");
  if (!box) return;
  var bundle = box.getAttribute("data-bundle");
  var label = box.getAttribute("data-placeholder");
  var STEP = 10;
  var engine = null;
  var chosen = {};
  var found = [];
  var shown = 0;
  var serial = 0;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  var form = el("form", null, "pa-search__form");
  form.setAttribute("role", "search");
  var input = el("input", null, "pa-search__input");
  input.type = "search";
  input.name = "q";
  input.autocomplete = "off";
  input.setAttribute("aria-label", label);
  input.placeholder = label;
  form.appendChild(input);
  var filterWrap = el("details", null, "pa-search__filters");
  filterWrap.appendChild(el("summary", box.getAttribute("data-filters") || "…"));
  var filterBox = el("div");
  filterWrap.appendChild(filterBox);
  var status = el("p", null, "pa-search__status");
  status.setAttribute("role", "status");
  var list = el("ol", null, "pa-search__results");
  var more = el("button", box.getAttribute("data-more") || "…", "md-button pa-search__more");
  more.type = "button";
  more.hidden = true;
  box.append(form, filterWrap, status, list, more);

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        // filters() loads the filter indexes: without it, searches report no filter counts
        return Promise.resolve(pagefind.options({ basePath: bundle }))
          .then(function () { return pagefind.filters(); })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }
  function excerpt(html) {
    var doc = new DOMParser().parseFromString("<!doctype html><body>" + String(html || ""), "text/html"); // inert
    var out = el("p", null, "pa-search__excerpt");
    doc.body.childNodes.forEach(function (node) {
      out.appendChild(node.nodeName === "MARK" ? el("mark", node.textContent) : document.createTextNode(node.textContent));
    });
    return out;
  }
  function sameSite(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
  }
  var counts = {};
  function showFilters(filters) {
    // drawn once (keyboard focus stays where it is); later searches update the counts in place
    if (filterBox.firstChild) {
      Object.keys(counts).forEach(function (key) {
        var parts = JSON.parse(key);
        var n = (filters && filters[parts[0]] && filters[parts[0]][parts[1]]) || 0;
        counts[key].textContent = "(" + n + ")";
      });
      return;
    }
    Object.keys(filters || {}).sort().forEach(function (name) {
      var values = filters[name];
      var keys = Object.keys(values).sort();
      if (!keys.length) return;
      var group = el("details", null, "pa-search__filter");
      group.appendChild(el("summary", name));
      keys.forEach(function (value) {
        var row = el("label");
        var tick = el("input");
        tick.type = "checkbox";
        tick.addEventListener("change", function () {
          var now = (chosen[name] || []).filter(function (v) { return v !== value; });
          if (tick.checked) now.push(value);
          chosen[name] = now;
          run();
        });
        var count = el("span", "(" + values[value] + ")");
        counts[JSON.stringify([name, value])] = count;
        row.append(tick, document.createTextNode(value), count);
        group.appendChild(row);
      });
      filterBox.appendChild(group);
    });
  }
  function page() {
    var next = found.slice(shown, shown + STEP);
    shown += next.length;
    more.hidden = shown >= found.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (item) {
        if (!sameSite(item.url)) return;
        var li = el("li", null, "pa-search__result");
        var link = el("a", (item.meta && item.meta.title) || item.url, "pa-search__link");
        link.href = item.url;
        li.append(link, excerpt(item.excerpt));
        list.appendChild(li);
      });
    });
  }
  function filtersQuery() {
    var out = {};
    Object.keys(chosen).forEach(function (name) { if (chosen[name].length) out[name] = { any: chosen[name] }; });
    return out;
  }
  function run() {
    var mine = ++serial;
    var q = input.value.trim();
    var filters = filtersQuery();
    load().then(function (pagefind) {
      return (filterBox.firstChild ? Promise.resolve(null) : pagefind.filters().then(showFilters)).then(function () {
        if (!q && !Object.keys(filters).length) {
          if (mine !== serial) return;
          list.textContent = "";
          status.textContent = "";
          more.hidden = true;
          return;
        }
        return pagefind.search(q || null, { filters: filters }).then(function (search) {
          if (mine !== serial || !search) return;
          found = search.results;
          shown = 0;
          list.textContent = "";
          status.textContent = (box.getAttribute("data-count") || "{n}").replace("{n}", String(found.length));
          showFilters(search.filters);
          return page();
        });
      });
    });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  more.addEventListener("click", page);
  var query = new URLSearchParams(location.search).get("q");
  if (query) input.value = query;
  run();
})();
