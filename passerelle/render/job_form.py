"""The "Post a job" form's view: its inputs and the rules it applies, taken from what `check` applies.

Nothing here is a second copy of a rule. Each input names the field of the spec it fills (records/spec.py), and
the form receives that field's kind, whether it is required, its choices; the countries, currencies, id pattern,
reserved ids, date and amount bounds come from the modules `check` uses, the character and markup rules from
records/text.py as regular expressions. theme/assets/passerelle/job-form.js applies them by kind and writes the
file with a YAML serialiser that quotes every text. tests/test_job_form.py feeds the form generated inputs and runs
`check` on every file it calls ready.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from passerelle.records import spec
from passerelle.records import vocabulary as V
from passerelle.records.catalog import Catalog
from passerelle.records.fields import DATE_MAX, DATE_MIN, EMAIL_RE, countries, country_words
from passerelle.records.markup import MAX_CHARS
from passerelle.records.settings import Site
from passerelle.records.strings import Strings
from passerelle.records.text import browser_rules
from passerelle.render.structured import script_json

FORM_INPUTS = (
    ("title", "title_fr"),
    ("title", "title_en"),
    ("contract", "contract"),
    ("training", "training"),
    ("remote", "remote"),
    ("location.city", "city"),
    ("location.region", "region"),
    ("location.country", "country"),
    ("posted", "posted"),
    ("deadline", "deadline"),
    ("start", "start"),
    ("apply", "apply"),
    ("french_level", "french_level"),
    ("salary.min", "salary_min"),
    ("salary.max", "salary_max"),
    ("salary.period", "period"),
    ("description", "description_fr"),
    ("description", "description_en"),
)
"""The form's input for each field of the spec it asks (the employer and the file name are its own). A
translatable field has one input per language the form offers; only the first of them can be required."""
OPTIONAL_INPUTS = frozenset({"title_en", "description_en", "salary_min", "salary_max", "period"})
"""Inputs that are never required: a second language, and the salary (optional as a whole)."""


def required_inputs() -> list[str]:
    """The inputs the form requires: those of required fields, but for the ones required only `unless`."""
    return [
        name
        for path, name in FORM_INPUTS
        if name not in OPTIONAL_INPUTS and spec.required("job", path) and spec.field("job", path).unless is None
    ]


def form_view(site: Site, catalog: Catalog, t: Strings, script: str) -> dict[str, Any]:
    """What the template of the form reads, the rules as one JSON document among them."""
    inputs, required = {}, required_inputs()
    for path, name in FORM_INPUTS:
        field = spec.field("job", path)
        inputs[name] = {
            "field": path,
            "kind": field.kind,
            "required": name in required,
            "choices": list(field.choices),
            "unless": [dict(FORM_INPUTS)[field.unless[0]], field.unless[1]] if field.unless else None,
        }
    inputs["salary_min"]["kind"] = inputs["salary_max"]["kind"] = "amount"
    existing: dict[str, list[str]] = {}
    # the ids the site shows (open jobs, and closed ones whose page stays): a job closed long ago or not yet posted
    # is in no file of the site, and GitHub's editor and `add job` refuse to write over its file all the same
    for job in (*catalog.jobs, *catalog.recently_closed):
        existing.setdefault(job.employer, []).append(job.id)
    data = {
        "repository": site.repository,
        "branch": site.branch,
        "contact": site.contact,
        "inputs": inputs,
        "employers": sorted(e.id for e in catalog.employers),
        "existing": {k: sorted(v) for k, v in sorted(existing.items())},
        "idPattern": V.ID_RE.pattern,
        "idMax": V.ID_MAX,
        "reserved": list(V.RESERVED_IDS["jobs"]),
        "countries": sorted(countries()),
        "countryWords": {k: v for k, v in sorted(country_words().items())},
        "words": V.WORDS,
        "currency": "EUR",
        "salaryMax": V.SALARY_MAX,
        "dateMin": DATE_MIN.isoformat(),
        "dateMax": DATE_MAX.isoformat(),
        "markdownMax": MAX_CHARS,
        "text": {**browser_rules(), "email": EMAIL_RE.pattern},
        "labels": {
            "contract": {c: t(f"contract_{c}") for c in V.CONTRACTS},
            "remote": {r: t(f"remote_{r}") for r in V.REMOTE},
            "period": {p: t(f"period_{p}") for p in V.SALARY_PERIODS},
        },
        "messages": {k: v for k, v in t.table.items() if k.startswith(("err_", "form_", "warn_"))},
    }
    return {
        "data": Markup(script_json(data)),
        "employers": [{"value": e.id, "label": e.name} for e in catalog.employers],
        "required": required,
        "contact": site.contact,
        "repository": site.repository,
        "script": script,
    }
