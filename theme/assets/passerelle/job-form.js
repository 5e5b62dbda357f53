// "Post a job": writes a job file (YAML) from the form, with the rules of `python build.py check`,
// and opens GitHub's web editor to propose it as a new file. Nothing leaves the page before that.
(function () {
  "use strict";
  var form = document.getElementById("pa-job-form");
  if (!form) return;
  var data = JSON.parse(document.getElementById("pa-form-data").textContent);
  var msg = data.messages;
  var idPattern = new RegExp(data.idPattern);
  var out = document.getElementById("pa-yaml");
  var status = document.getElementById("pa-form-status");
  var propose = document.getElementById("pa-propose");

  function fill(select, pairs) {
    pairs.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      select.appendChild(option);
    });
  }
  fill(form.contract, data.contracts);
  fill(form.remote, data.remote);
  fill(form.french_level, data.levels.map(function (l) { return [l, l]; }));
  fill(form.period, data.periods);
  form.period.value = "month";
  form.posted.value = new Date().toISOString().slice(0, 10);

  function label(name) {
    var field = form.elements[name];
    var node = form.querySelector('label[for="' + field.id + '"]');
    return node ? node.textContent.trim() : name;
  }
  function value(name) { return (form.elements[name].value || "").trim(); }
  function q(text) { return JSON.stringify(text); } // a JSON string is a valid YAML double-quoted scalar
  function translatable(key, fr, en) {
    if (!en) return key + ": " + q(fr) + "\n";
    return key + ":\n  fr: " + q(fr) + "\n  en: " + q(en) + "\n";
  }

  function problems() {
    var found = [];
    // the fields the spec requires (passerelle/records/spec.py), and those it requires unless another has a value
    ["employer", "id"].concat(data.required).forEach(function (name) {
      if (!value(name)) found.push(msg.err_required.replace("{field}", label(name)));
    });
    Object.keys(data.unless).forEach(function (name) {
      var other = data.inputs[data.unless[name][0]];
      if (value(other) !== data.unless[name][1] && !value(name)) found.push(msg.err_required.replace("{field}", label(name)));
    });
    if (value("id") && !idPattern.test(value("id"))) found.push(msg.err_id);
    if (value("country") && !/^[A-Z]{2}$/.test(value("country"))) found.push(msg.err_country);
    if (value("posted") && value("deadline") && value("deadline") < value("posted")) found.push(msg.err_deadline);
    var apply = value("apply");
    if (apply && !/^https:\/\/[^\s]+\.[^\s]+$/.test(apply) && !/^(mailto:)?[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(apply)) found.push(msg.err_apply);
    var low = value("salary_min"), high = value("salary_max");
    if (low && high && Number(high) < Number(low)) found.push(msg.err_salary);
    ["title_fr", "title_en", "city", "region", "training"].forEach(function (name) {
      if (/<\s*[a-zA-Z\/!?]/.test(value(name))) found.push(msg.err_markup.replace("{field}", label(name)));
    });
    return found;
  }

  function yaml() {
    var apply = value("apply");
    if (apply.indexOf("@") > 0 && apply.indexOf("mailto:") !== 0 && apply.indexOf("https://") !== 0) apply = "mailto:" + apply;
    var text = "# yaml-language-server: $schema=../../schemas/job.schema.json\n";
    text += translatable("title", value("title_fr"), value("title_en"));
    text += "contract: " + value("contract") + "\n";
    text += "location:\n";
    if (value("city")) text += "  city: " + q(value("city")) + "\n";
    if (value("region")) text += "  region: " + q(value("region")) + "\n";
    text += "  country: " + value("country") + "\n";
    text += "remote: " + value("remote") + "\n";
    text += "posted: " + value("posted") + "\n";
    text += "deadline: " + value("deadline") + "\n";
    if (value("start")) text += "start: " + value("start") + "\n";
    text += "apply: " + q(apply) + "\n";
    if (value("french_level")) text += "french_level: " + value("french_level") + "\n";
    if (value("training")) text += "training: " + q(value("training")) + "\n";
    var low = value("salary_min"), high = value("salary_max");
    if (low) {
      text += "salary:\n  min: " + Number(low) + "\n  max: " + Number(high || low) + "\n  currency: EUR\n  period: " + value("period") + "\n";
    }
    text += translatable("description", value("description_fr"), value("description_en"));
    return text;
  }

  function update() {
    var text = yaml();
    out.textContent = text;
    var found = problems();
    status.innerHTML = "";
    if (found.length) {
      var p = document.createElement("p");
      p.textContent = msg.form_fix;
      var ul = document.createElement("ul");
      found.forEach(function (f) { var li = document.createElement("li"); li.textContent = f; ul.appendChild(li); });
      status.appendChild(p);
      status.appendChild(ul);
      propose.removeAttribute("href");
      propose.setAttribute("aria-disabled", "true");
    } else {
      status.textContent = msg.form_ok;
      var url = data.repository + "/new/" + encodeURIComponent(data.branch) + "/jobs/" + encodeURIComponent(value("employer")) +
        "?filename=" + encodeURIComponent(value("id") + ".yml") + "&value=" + encodeURIComponent(text);
      propose.setAttribute("href", url);
      propose.setAttribute("aria-disabled", "false");
    }
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  document.getElementById("pa-copy").addEventListener("click", function () {
    if (navigator.clipboard) navigator.clipboard.writeText(out.textContent).then(function () { status.textContent = msg.form_copied; });
  });
  update();
})();
