"""Schemas: JSON Schemas of the three records, made from the field specification that `check` reads (spec.py).

`python build.py schemas` writes schemas/{job,story,employer}.schema.json; a test keeps the committed
files equal to what this module makes. They let an editor with a YAML language server validate and
complete a record as it is typed; `check` stays the judge (cross-references, files, dates in order).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from passerelle.records import spec
from passerelle.records import vocabulary as V
from passerelle.records.fields import countries
from passerelle.records.spec import Field

DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
PLAIN = {"type": "string", "minLength": 1, "pattern": r"^[^<>]*$"}
ID = {"type": "string", "pattern": V.ID_RE.pattern, "maxLength": V.ID_MAX}


def doc(fr: str, en: str, example: Any = None) -> dict[str, Any]:
    """Title-less help in both languages, as editors show it on hover."""
    out: dict[str, Any] = {"description": f"{fr} / {en}"}
    if example is not None:
        out["examples"] = [example]
    return out


def translatable(languages: tuple[str, ...], markdown: bool = False) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1} if markdown else PLAIN
    return {
        "oneOf": [
            text,
            {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": False,
                "properties": {lang: text for lang in languages},
            },
        ]
    }


def _kind(f: Field, languages: tuple[str, ...]) -> dict[str, Any]:
    """The schema of a value of `f`'s kind (see spec.Field.kind)."""
    kinds: dict[str, dict[str, Any]] = {
        "text": translatable(languages),
        "markdown": translatable(languages, markdown=True),
        "plain": PLAIN,
        "place": PLAIN,
        "choice": {"enum": list(f.choices)},
        "date": DATE,
        "id": ID,
        "apply": {"type": "string", "pattern": "^(https://|mailto:)"},
        "https": {"type": "string", "pattern": "^https://"},
        "country": {"enum": sorted(countries())},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "number": {"type": "number", "minimum": 0, "maximum": V.SALARY_MAX},
        "tags": {"type": "array", "items": PLAIN},
        "boolean": {"type": "boolean"},
        "photo": {"type": "string", "pattern": r"^[^/\\]+\.(png|jpe?g|webp)$"},
        "logo": {"type": "string", "pattern": r"^[^/\\]+\.(svg|png|jpe?g|webp)$"},
        "logins": {"type": "array", "items": {"type": "string", "pattern": "^@?" + V.GITHUB_LOGIN.pattern + "$"}},
    }
    return kinds[f.kind]


def _property(f: Field, languages: tuple[str, ...]) -> dict[str, Any]:
    help_ = doc(f.fr, f.en, f.example)
    if f.kind == "object":
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [s.name for s in f.fields if s.required and s.unless is None],
            **help_,
            "properties": {s.name: _property(s, languages) for s in f.fields},
        }
    return {**_kind(f, languages), **help_}


def record_schema(title: str, fields: tuple[Field, ...], languages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required and f.unless is None],
        "properties": {f.name: _property(f, languages) for f in fields},
    }


def job_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    return record_schema("Passerelle: offre d'emploi / job opening", spec.JOB, languages)


def story_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    return record_schema("Passerelle: parcours / story (story.yml)", spec.STORY, languages)


def employer_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    return record_schema("Passerelle: entreprise partenaire / partner employer", spec.EMPLOYER, languages)


MAKERS = {"job": job_schema, "story": story_schema, "employer": employer_schema}


def schemas(languages: tuple[str, ...], site_url: str) -> dict[str, dict[str, Any]]:
    out = {}
    for kind, make in MAKERS.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{site_url}schemas/{kind}.schema.json",
            **make(languages),
        }
        out[f"{kind}.schema.json"] = schema
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path, languages: tuple[str, ...], site_url: str) -> list[str]:
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in schemas(languages, site_url).items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        written.append(f"schemas/{name}")
    return written
