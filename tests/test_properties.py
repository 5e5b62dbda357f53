"""Property tests: generated records, valid and invalid, never crash `check`; valid ones always build."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from passerelle.records import vocabulary as V
from passerelle.records.loading import Source, Sources
from passerelle.pipeline import check
from passerelle.pipeline import build
from passerelle.records.validation import validate
from passerelle.records.yamlfile import YamlError, decode, parse

LANGS = ("fr", "en", "ar")
plain = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn"), blacklist_characters="<>&"), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
region = plain.filter(lambda s: any(c.isascii() and c.isalnum() for c in s))
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 31))
translatable = st.one_of(plain, st.dictionaries(st.sampled_from(LANGS), plain, min_size=1))


@st.composite
def valid_jobs(draw: st.DrawFn) -> dict:
    posted = draw(dates)
    remote = draw(st.sampled_from(V.REMOTE))
    location: dict = {"country": draw(st.sampled_from(["FR", "BE", "DE", "CH"]))}
    if remote != "full" or draw(st.booleans()):
        location["city"] = draw(plain)
    if draw(st.booleans()):
        location["region"] = draw(region)
    job = {
        "title": draw(translatable),
        "contract": draw(st.sampled_from(V.CONTRACTS)),
        "location": location,
        "remote": remote,
        "posted": posted,
        "deadline": posted + dt.timedelta(days=draw(st.integers(0, 4000))),
        "apply": draw(st.sampled_from(["https://example.org/apply", "mailto:jobs@example.org"])),
        "description": draw(translatable),
    }
    if draw(st.booleans()):
        job["french_level"] = draw(st.sampled_from(V.FRENCH_LEVELS))
    if draw(st.booleans()):
        low = draw(st.integers(0, 100_000))
        job["salary"] = {
            "min": low,
            "max": low + draw(st.integers(0, 50_000)),
            "currency": "EUR",
            "period": draw(st.sampled_from(V.SALARY_PERIODS)),
        }
    if draw(st.booleans()):
        job["tags"] = draw(st.lists(plain, max_size=4))
    return job


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), dates)
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=20,
)


def validate_text(text: str) -> list:
    """Read `text` as jobs/lumen-studio/x.yml and validate it beside the sample's employers."""
    sources = Sources(
        employers={"lumen-studio": Source("content/employers/lumen-studio.yml", parse("name: L\nwebsite: https://l.example\n"))}
    )
    try:
        sources.jobs[("lumen-studio", "x")] = Source("jobs/lumen-studio/x.yml", parse(text))
    except YamlError as e:
        return [e]
    return [p for p in validate(sources, LANGS)[1] if not getattr(p, "warning", False)]  # warnings stop nothing


@settings(max_examples=150, deadline=None)
@given(valid_jobs())
def test_valid_jobs_are_valid(job: dict) -> None:
    assert validate_text(yaml.safe_dump(job, allow_unicode=True)) == []


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        anything,
        valid_jobs().flatmap(
            lambda j: st.dictionaries(st.sampled_from([*j, "deadlline", "x"]), anything).map(lambda bad: {**j, **bad})
        ),
    )
)
def test_any_data_gives_problems_not_a_crash(data: object) -> None:
    problems = validate_text(yaml.safe_dump(data, allow_unicode=True))
    assert all(str(p) for p in problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_message_not_a_crash(raw: bytes) -> None:
    try:
        text = decode(raw)
    except YamlError as e:
        assert e.message
        return
    validate_text(text)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(valid_jobs(), min_size=1, max_size=3))
def test_valid_jobs_always_build(tmp_path: Path, jobs: list[dict]) -> None:
    import tempfile

    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "content" / "employers").mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copytree(ROOT / "schemas", root / "schemas")
    (root / "content" / "employers" / "acme.yml").write_text("name: Acme\nwebsite: https://acme.example\n", encoding="utf-8")
    (root / "jobs" / "acme").mkdir(parents=True)
    for i, job in enumerate(jobs):
        (root / "jobs" / "acme" / f"job-{i}.yml").write_text(yaml.safe_dump(job, allow_unicode=True), encoding="utf-8")
    today = min(j["posted"] for j in jobs)
    assert [p for p in check(root, today).problems if not p.warning] == []
    assert [p for p in build(root, root / "site", today) if not p.warning] == []
    assert (root / "site" / "fr" / "jobs" / "acme" / "job-0" / "index.html").is_file() or jobs[0]["posted"] > today


hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "Dev\x01ops",
            "a\u202eb",
            "a\u2067b",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&#60;b&#62;",
            "12:30",
            "0123",
            "0x1F",
            "NO",
            "   ",
            "[" * 300 + "x" * 3000,
            "<a " * 200,
            "x\ufffe",
            "\u200b",
            ".nan",
        ]
    ),
)
hostile_number = st.one_of(
    st.integers(), st.integers(10**300, 10**400), st.floats(), st.sampled_from([float("nan"), float("inf"), 1e300])
)
hostile_date = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def hostile_jobs(draw: st.DrawFn) -> dict:
    """Jobs with odd values in every field: many are refused by check; the others must build."""
    job = draw(valid_jobs())
    for field in draw(
        st.sets(
            st.sampled_from(
                ["title", "description", "city", "region", "tags", "salary", "posted", "deadline", "start", "training"]
            ),
            max_size=4,
        )
    ):
        if field in ("city", "region"):
            job["location"][field] = draw(hostile_text)
        elif field == "tags":
            job["tags"] = draw(st.lists(st.one_of(hostile_text, hostile_number), max_size=3))
        elif field == "salary":
            job["salary"] = {"min": draw(hostile_number), "max": draw(hostile_number), "currency": "EUR", "period": "month"}
        elif field in ("posted", "deadline", "start"):
            job[field] = draw(hostile_date)
        else:
            job[field] = draw(st.one_of(hostile_text, st.dictionaries(st.sampled_from(LANGS), hostile_text, min_size=1)))
    return job


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(hostile_jobs(), min_size=30, max_size=30))
def test_whatever_check_accepts_builds(tmp_path: Path, jobs: list[dict]) -> None:
    """The rule behind family 6: a job that check accepts never stops the build (a batch of hostile jobs,
    those check refuses removed, builds as one site)."""
    import tempfile

    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "content" / "employers").mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "content" / "employers" / "acme.yml").write_text("name: Acme\nwebsite: https://acme.example\n", encoding="utf-8")
    (root / "jobs" / "acme").mkdir(parents=True)
    today = dt.date(2030, 1, 1)
    for i, job in enumerate(jobs):
        (root / "jobs" / "acme" / f"job-{i}.yml").write_text(yaml.safe_dump(job, allow_unicode=True), encoding="utf-8")
    refused = {p.path for p in check(root, today).problems if not p.warning}
    for path in refused:
        (root / path).unlink()
    assert [p for p in check(root, today).problems if not p.warning] == []
    assert build(root, root / "site", today) == []
