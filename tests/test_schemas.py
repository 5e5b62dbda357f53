"""The JSON Schemas of the records: made from the vocabulary `check` uses, and agreeing with it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import ROOT
from passerelle.records.schemas import render, schemas
from passerelle.records.settings import load_site
from helpers import GOOD_JOB, job_problems

SITE = load_site(ROOT)
SCHEMAS = schemas(SITE.languages, SITE.url)


def as_json(value: Any) -> Any:
    """YAML values as a YAML language server sees them: dates are strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def errors(kind: str, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMAS[f"{kind}.schema.json"], format_checker=jsonschema.FormatChecker())
    return [e.message for e in validator.iter_errors(as_json(data))]


def test_committed_schemas_are_the_generated_ones() -> None:
    for name, schema in SCHEMAS.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == render(schema), (
            f"schemas/{name} is stale: run python build.py schemas"
        )


@pytest.mark.parametrize(
    ("kind", "pattern"), [("job", "jobs/*/*.yml"), ("story", "stories/*/story.yml"), ("employer", "content/employers/*.yml")]
)
def test_every_sample_record_follows_its_schema(kind: str, pattern: str) -> None:
    paths = sorted(ROOT.glob(pattern))
    assert paths
    for path in paths:
        assert errors(kind, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("deadline: 2036-06-30", "deadlline: 2036-06-30"),
        ("contract: apprenticeship", "contract: aprenticeship"),
        ("posted: 2026-09-01", "posted: 01/09/2026"),
        ("apply: https://example.org/apply", "apply: http://example.org/apply"),
        ("  country: FR", "  country: fr"),
        ("  en: Web developer", "  en: <b>Web</b> developer"),
        ("  en: Web developer", "  de: Web developer"),
        ("description: Une description.\n", "description: Une description.\nfrench_level: b1\n"),
    ],
)
def test_schema_and_check_refuse_the_same_mistakes(mini: Path, old: str, new: str) -> None:  # noqa: F811
    text = GOOD_JOB.replace(old, new)
    assert errors("job", yaml.safe_load(text)) != []
    assert job_problems(mini, text) != []
    assert errors("job", yaml.safe_load(GOOD_JOB)) == []


def test_templates_name_their_schema(project: Path) -> None:
    from conftest import run

    for args, path in (
        (("new", "job", "lumen-studio", "x"), "jobs/lumen-studio/x.yml"),
        (("new", "employer", "acme"), "content/employers/acme.yml"),
        (("new", "story", "zara"), "stories/zara/story.yml"),
    ):
        assert run(project, *args).returncode == 0
        first = (project / path).read_text(encoding="utf-8").splitlines()[0]
        schema = first.split("$schema=", 1)[1]
        assert (project / path).parent.joinpath(schema).resolve().is_file(), first
    template = yaml.safe_load((project / "jobs/lumen-studio/x.yml").read_text(encoding="utf-8"))
    assert errors("job", template) == []
    assert (
        json.loads((ROOT / "schemas" / "job.schema.json").read_text(encoding="utf-8"))["properties"]["contract"]["enum"][0]
        == "apprenticeship"
    )
