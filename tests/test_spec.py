"""The field specification is the one truth: check requires what it marks required, accepts what it leaves
optional, and knows no other field; the form requires the same inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import problems, write
from passerelle.records import spec

FULL_JOB = {
    "title": {"fr": "Développeuse web", "en": "Web developer"},
    "contract": "apprenticeship",
    "location": {"city": "Lyon", "region": "Auvergne-Rhône-Alpes", "country": "FR"},
    "remote": "hybrid",
    "posted": "2026-09-01",
    "deadline": "2036-06-30",
    "start": "2026-10-01",
    "apply": "https://lumen-studio.example.org/apply",
    "description": "Une description.",
    "french_level": "B1",
    "training": "BTS SIO",
    "salary": {"min": 1100, "max": 1400, "currency": "EUR", "period": "month"},
    "tags": ["web"],
}
FULL_EMPLOYER = {
    "name": "Atelier Nord",
    "website": "https://atelier-nord.example.org",
    "sector": "Web",
    "description": "Un atelier.",
    "posters": ["alice-martin"],
}
FULL_STORY = {
    "name": "Sara",
    "consent": "2026-01-01",
    "published": "2026-01-02",
    "employer": "lumen-studio",
    "role": "Développeuse",
    "cohort": "2025",
    "indexable": True,
    "tags": ["web"],
}
WRITTEN_BY_HAND = {"withdrawn", "photo", "photo_alt", "logo"}
"""Optional fields the full records above leave out: they need a file beside the record, or hide the story."""


def dump(data: dict[str, object]) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text)  # dates as YAML dates, the way people write them


def paths(fields: tuple[spec.Field, ...], prefix: str = "") -> list[tuple[str, spec.Field]]:
    out = []
    for f in fields:
        out.append((prefix + f.name, f))
        out += paths(f.fields, prefix + f.name + ".")
    return out


def without(data: dict[str, object], path: str) -> dict[str, object]:
    copy = json.loads(json.dumps(data))
    *parents, last = path.split(".")
    target = copy
    for part in parents:
        target = target[part]
    del target[last]
    return copy


CASES = [
    ("job", "jobs/lumen-studio/dev.yml", FULL_JOB),
    ("employer", "content/employers/atelier-nord.yml", FULL_EMPLOYER),
    ("story", "stories/sara/story.yml", FULL_STORY),
]


@pytest.mark.parametrize(("record", "rel", "full"), CASES, ids=[c[0] for c in CASES])
def test_check_requires_exactly_what_the_spec_marks_required(mini: Path, record: str, rel: str, full: dict[str, object]) -> None:
    if record == "story":
        write(mini, "stories/sara/fr.md", "---\ntitle: Un titre\nsummary: Un résumé.\n---\nLe texte.\n")
    write(mini, rel, dump(full))
    assert problems(mini) == [], "the full record is valid"
    for path, field in paths(spec.RECORDS[record]):
        if path.split(".")[-1] in WRITTEN_BY_HAND or "." in path and not any(p == path.split(".")[0] for p in full):
            continue
        write(mini, rel, dump(without(full, path)))
        missing = [p for p in problems(mini) if f"'{path}' is missing" in p or f"'{path.split('.')[-1]}' is missing" in p]
        assert bool(missing) == field.required, (record, path, problems(mini))
    write(mini, rel, dump({**full, "extra_field": "x"}))
    assert any("extra_field" in p for p in problems(mini)), "a field the spec does not name is refused"


def test_every_spec_field_is_in_the_full_records() -> None:
    for record, _, full in CASES:
        named = {p for p, _ in paths(spec.RECORDS[record])}
        given = {p for p, _ in paths(spec.RECORDS[record]) if p.split(".")[0] in full}
        assert named - given <= WRITTEN_BY_HAND, record


def test_the_form_requires_the_inputs_of_required_fields(site: Path) -> None:
    """The "Post a job" page: each input of a required field carries `required`, and the form's script is told each
    input's field, kind and choices as the spec has them."""
    html = (site / "en" / "post-a-job" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="pa-form-data">(.*?)</script>', html, re.S).group(1))
    firsts = {}
    for name, given in data["inputs"].items():
        field = spec.field("job", given["field"])
        firsts.setdefault(given["field"], name)
        required = field.required and field.unless is None and firsts[given["field"]] == name and "salary" not in given["field"]
        assert given["kind"] == ("amount" if field.kind == "number" else field.kind)
        assert given["choices"] == list(field.choices)
        assert (given["unless"] is not None) == (field.unless is not None)
        assert given["required"] == required, name
        tag = re.search(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html)
        assert tag and (" required" in tag.group(0)) == required, (name, tag)
    assert {f for f in spec.names("job")} - {given["field"].split(".")[0] for given in data["inputs"].values()} == {"tags"}
