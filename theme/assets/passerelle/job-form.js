// "Post a job": writes a job file (YAML) from the form and checks it with the rules of `python build.py check`,
// which the page gives as data (#pa-form-data, made by passerelle/render/job_form.py from the spec and the
// vocabulary): nothing here lists a field, a value or a character of its own. A rule is applied by the kind of
// the field it belongs to. Each input shows its own error beside it once it has been left, or when the file is
// asked for. Nothing leaves the page before the employer opens GitHub's editor or her e-mail program.
(function () {
  "use strict";
  var form = document.getElementById("pa-job-form");
  if (!form) return;
  var data = JSON.parse(document.getElementById("pa-form-data").textContent);
  var msg = data.messages, inputs = data.inputs, rules = data.text;
  var refused = new RegExp(rules.refused, "u"), noncharacters = new RegExp(rules.noncharacters, "u");
  var isolates = new RegExp(rules.isolates, "gu"), markup = new RegExp(rules.markup, "u");
  var legacy = new Set(rules.legacy), email = new RegExp(rules.email), idPattern = new RegExp(data.idPattern);
  var out = document.getElementById("pa-yaml");
  var status = document.getElementById("pa-form-status");
  var routes = ["pa-propose", "pa-email"].map(function (id) { return document.getElementById(id); }).filter(Boolean);
  var touched = {}, attempted = false, state = null;

  function say(key, values) {
    var text = msg[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  ["contract", "remote", "french_level", "period"].forEach(function (name) {
    inputs[name].choices.forEach(function (v) {
      var option = document.createElement("option");
      option.value = v;
      option.textContent = (data.labels[name] || {})[v] || v;
      form.elements[name].appendChild(option);
    });
  });
  form.period.value = "month";
  form.posted.value = today();
  var asked = new URLSearchParams(location.search).get("employer");
  if (asked && data.employers.indexOf(asked) >= 0) form.employer.value = asked;

  function label(name) {
    var node = form.querySelector('label[for="' + form.elements[name].id + '"]');
    return node ? node.textContent.trim() : name;
  }
  function value(name) { return (form.elements[name].value || "").trim(); } // check strips every value too

  // -- the rules of records/text.py: characters no record may hold, markup and HTML codes in plain text --------
  function characters(name, text) {
    var found = refused.exec(text) || noncharacters.exec(text);
    if (found) {
      var code = found[0].codePointAt(0).toString(16).toUpperCase();
      return say("err_characters", { field: label(name), char: "U+" + "0000".slice(code.length) + code,
        position: Array.from(text.slice(0, found.index)).length + 1 });
    }
    var open = text.split(/\r\n|[\n\r\u2028\u2029]/).some(function (line) {
      var depth = 0;
      (line.match(isolates) || []).some(function (c) { depth += rules.openers.indexOf(c) >= 0 ? 1 : -1; return depth < 0; });
      return depth !== 0;
    });
    return open ? say("err_isolate", { field: label(name) }) : null;
  }
  function isEntity(found) {
    if (found.slice(-1) === ";" || found.indexOf("&#") === 0) return true;
    var word = found.slice(1);
    for (var n = 2; n <= Math.min(word.length, 6); n++) if (legacy.has(word.slice(0, n))) return true;
    return false;
  }
  function plain(name, text) {
    var tag = markup.exec(text);
    if (tag) return say("err_markup", { field: label(name) });
    var entities = new RegExp(rules.entity, "g"), m;
    while ((m = entities.exec(text))) if (isEntity(m[0])) return say("err_entity", { field: label(name), entity: m[0] });
    return null;
  }

  // -- the value each input gives the file, and what is wrong with it ------------------------------------------
  function amount(text) {
    var t = text.replace(/\s/g, "").replace(/(€|eur)$/i, "");
    if (!/^\d+([.,]\d+)?$/.test(t) || /^\d{1,3}[.,]\d{3}$/.test(t)) return NaN; // 1.200: a thousands separator?
    return Number(t.replace(",", "."));
  }
  function applyLink(text) {
    if (text.indexOf("@") > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(text)) return "mailto:" + text;
    return text;
  }
  function applyProblem(text) {
    if (/\s/.test(text)) return say("err_apply");
    if (/^mailto:/i.test(text)) return email.test(text.slice(7).split("?")[0]) ? null : say("err_apply");
    var m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(text);
    if (!m || m[1].toLowerCase() !== "https" || !m[2] || text.indexOf("\\") >= 0) return say("err_apply");
    if (m[2].indexOf("@") >= 0) return say("err_apply_at");
    if (m[2].indexOf(".") < 0) return say("err_apply_host", { host: m[2] });
    return m[2].indexOf(".") > 0 && m[2].slice(-1) !== "." ? null : say("err_apply");
  }
  function near(text, choices, words) {
    var meant = words && words[text.toLowerCase()];
    if (meant && choices.indexOf(meant) >= 0) return meant;
    return choices.filter(function (c) { return c.toLowerCase() === text.toLowerCase(); })[0] || null;
  }
  function problem(name) {
    var input = inputs[name], text = value(name);
    if (name === "employer") return !text ? say("err_required", { field: label(name) }) : data.employers.indexOf(text) < 0 ? say("err_choice") : null;
    if (name === "id") {
      if (!text) return say("err_required", { field: label(name) });
      if (!idPattern.test(text) || text.length > data.idMax) return say("err_id");
      if (data.reserved.indexOf(text) >= 0) return say("err_id_reserved", { id: text });
      var taken = data.existing[value("employer")] || [];
      if (taken.indexOf(text) >= 0) {
        for (var n = 2; taken.indexOf(text + "-" + n) >= 0; n++);
        return say("err_id_taken", { id: text + "-" + n });
      }
      return null;
    }
    var required = input.required || (input.unless && value(input.unless[0]) !== input.unless[1]);
    if (!text) return required ? say("err_required", { field: label(name) }) : null;
    var why = characters(name, text);
    if (why) return why;
    switch (input.kind) {
      case "text": case "plain": return plain(name, text);
      case "place": // a name that makes a list's address: it needs Latin letters
        var slug = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
        return plain(name, text) || (slug || text.toLowerCase() === "region" ? null : say("err_latin", { field: label(name) }));
      case "markdown":
        var length = Array.from(text).length;
        return length > data.markdownMax ? say("err_long", { field: label(name), length: length, limit: data.markdownMax }) : null;
      case "choice": return input.choices.indexOf(text) >= 0 ? null : say("err_choice");
      case "country":
        if (data.countries.indexOf(text) >= 0) return null;
        var code = near(text, data.countries, data.countryWords);
        return say("err_country") + (code ? " " + say("err_near", { value: code }) : "");
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < data.dateMin || text > data.dateMax) return say("err_date", { low: data.dateMin, high: data.dateMax });
        if (name === "deadline" && value("posted") && text < value("posted")) return say("err_deadline");
        if (name === "deadline" && text < today()) return say("err_deadline_past");
        return null;
      case "apply": return applyProblem(applyLink(text));
      case "amount":
        var x = amount(text);
        if (!(x >= 0 && x <= data.salaryMax)) return say("err_amount", { max: data.salaryMax });
        var low = amount(value("salary_min"));
        return name === "salary_max" && low >= 0 && x < low ? say("err_salary") : null;
    }
    return null;
  }
  function warning(name) {
    if (name === "start" && value("start") && value("posted") && value("start") < value("posted")) return say("warn_start");
    if (name === "posted" && value("posted") > today()) return say("warn_posted");
    return null;
  }

  // -- the file: a YAML serialiser that quotes every text ---------------------------------------------------
  var SPECIAL = /^(y|yes|n|no|true|false|on|off|null|~)$/i;
  function q(text) { // a YAML double-quoted scalar: JSON's escapes, and \u for what YAML would not read as typed
    return JSON.stringify(text).replace(/[\u007f-\u009f\u00a0\u2028\u2029\ufeff\u200b-\u200f\u2060-\u206f]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function word(text) { return /^[A-Za-z][A-Za-z0-9-]*$/.test(text) && !SPECIAL.test(text) ? text : q(text); }
  function block(text, indent) { // a Markdown text as a literal block, as one would type it; quoted when it cannot be
    if (text.indexOf("\n") < 0 || /^\s/.test(text) || /[^\t\n\u0020-\u007e\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\ud800-\udfff]/.test(text)) return q(text);
    return "|-\n" + text.split("\n").map(function (line) { return line ? indent + line : ""; }).join("\n");
  }
  function translatable(key, fr, en, markdown) {
    var one = function (t, indent) { return markdown ? block(t, indent) : q(t); };
    if (!en) return key + ": " + one(fr, "  ") + "\n";
    return key + ":\n  fr: " + one(fr, "    ") + "\n  en: " + one(en, "    ") + "\n";
  }
  function number(text) { var x = amount(text); return String(Math.round(x * 100) / 100); }
  function yaml() {
    var text = "# jobs/" + value("employer") + "/" + value("id") + ".yml\n";
    text += "# yaml-language-server: $schema=../../schemas/job.schema.json\n";
    text += translatable("title", value("title_fr"), value("title_en"));
    text += "contract: " + word(value("contract")) + "\n";
    text += "location:\n";
    if (value("city")) text += "  city: " + q(value("city")) + "\n";
    if (value("region")) text += "  region: " + q(value("region")) + "\n";
    text += "  country: " + q(value("country")) + "\n";
    text += "remote: " + word(value("remote")) + "\n";
    text += "posted: " + value("posted") + "\n"; // unquoted: a date (the rules allow only YYYY-MM-DD)
    text += "deadline: " + value("deadline") + "\n";
    if (value("start")) text += "start: " + value("start") + "\n";
    text += "apply: " + q(applyLink(value("apply"))) + "\n";
    if (value("french_level")) text += "french_level: " + word(value("french_level")) + "\n";
    if (value("training")) text += "training: " + q(value("training")) + "\n";
    var low = value("salary_min"), high = value("salary_max");
    if (low || high) {
      text += "salary:\n  min: " + number(low || high) + "\n  max: " + number(high || low) + "\n  currency: " + word(data.currency) +
        "\n  period: " + word(value("period")) + "\n";
    }
    text += translatable("description", value("description_fr"), value("description_en"), true);
    return text;
  }

  // -- showing it -----------------------------------------------------------------------------------------
  var names = ["employer", "id"].concat(Object.keys(inputs));
  function show(name, error, warn) {
    var input = form.elements[name], slot = document.getElementById(input.id + "-error");
    var visible = touched[name] || attempted;
    var text = visible ? error || warn : null;
    slot.hidden = !text;
    slot.textContent = text || "";
    slot.className = "pa-field__error" + (error ? "" : " pa-field__error--warning");
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== slot.id; });
    if (text) described.push(slot.id);
    if (described.length) input.setAttribute("aria-describedby", described.join(" ")); else input.removeAttribute("aria-describedby");
    if (visible && error) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }
  function update() {
    var wrong = [];
    names.forEach(function (name) {
      var error = problem(name);
      if (error) wrong.push(name);
      show(name, error, error ? null : warning(name));
    });
    var text = yaml();
    out.textContent = text;
    var ready = wrong.length === 0;
    var said = ready ? say("form_ok") : attempted ? say("form_fix", { count: wrong.length }) : "";
    if (said !== state) { status.textContent = said; state = said; }
    routes.forEach(function (link) {
      if (!ready) { link.removeAttribute("href"); return; }
      if (link.id === "pa-propose") {
        link.href = data.repository + "/new/" + encodeURIComponent(data.branch) + "/jobs/" + encodeURIComponent(value("employer")) +
          "?filename=" + encodeURIComponent(value("id") + ".yml") + "&value=" + encodeURIComponent(text);
      } else {
        link.href = "mailto:" + data.contact + "?subject=" + encodeURIComponent(say("form_email_subject", { title: value("title_fr"), employer: value("employer") })) +
          "&body=" + encodeURIComponent(text);
      }
    });
    return wrong;
  }
  function attempt(event) {
    var wrong = update();
    if (!wrong.length) return;
    event.preventDefault();
    attempted = true;
    update();
    form.elements[wrong[0]].focus();
  }
  form.addEventListener("input", update);
  form.addEventListener("change", function (event) { if (event.target.name) touched[event.target.name] = true; update(); });
  form.addEventListener("focusout", function (event) { if (event.target.name && event.target.value) touched[event.target.name] = true; update(); });
  routes.forEach(function (link) {
    link.addEventListener("click", attempt);
    link.addEventListener("keydown", function (event) { // a link that acts as a button: Enter and Space press it
      if (event.key !== "Enter" && event.key !== " ") return;
      if (event.key === " " || !link.hasAttribute("href")) { event.preventDefault(); link.click(); }
    });
  });
  document.getElementById("pa-copy").addEventListener("click", function () {
    if (navigator.clipboard) navigator.clipboard.writeText(out.textContent).then(function () { status.textContent = state = say("form_copied"); });
  });
  update();
})();
