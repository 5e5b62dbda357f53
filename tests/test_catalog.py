"""What is published on a given day: deadlines, publication dates, consent."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import pytest

from conftest import ROOT, run
from passerelle.records.catalog import Catalog
from passerelle.records.models import Content
from passerelle.records.days import resolve_today
from passerelle.pipeline import check

D = dt.date


@functools.cache
def _content() -> Content:
    """The sample's records, read once (what is published depends on the day; the records do not)."""
    return check(ROOT, D(2026, 11, 26)).catalog.content


def catalog(today: dt.date) -> Catalog:
    return Catalog(_content(), today)


def keys(jobs) -> set[str]:  # noqa: ANN001
    return {j.key for j in jobs}


FULLSTACK = "cooperative-du-code/developpeuse-fullstack-cdd"  # deadline 2035-10-31


def test_a_job_is_open_through_its_deadline_day() -> None:
    assert FULLSTACK in keys(catalog(D(2035, 10, 31)).jobs)
    after = catalog(D(2035, 11, 1))
    assert FULLSTACK not in keys(after.jobs)
    assert FULLSTACK in keys(after.recently_closed)
    assert FULLSTACK not in keys(catalog(D(2036, 3, 1)).recently_closed)  # long closed: no page at all


def test_every_query_agrees_on_which_jobs_are_open() -> None:
    """The pages (is_open), the lists (jobs) and the closed pages (recently_closed) say the same of every job,
    on the days around each deadline and posting day."""
    days = {j.deadline + dt.timedelta(days=n) for j in catalog(D(2026, 11, 26)).content.jobs for n in (-1, 0, 1)}
    days |= {j.posted + dt.timedelta(days=n) for j in catalog(D(2026, 11, 26)).content.jobs for n in (-1, 0)}
    for day in sorted(days):
        c = catalog(day)
        for job in c.content.jobs:
            assert c.is_open(job) == (job in c.jobs) == (job.posted <= day <= job.deadline), (job.key, day)
            assert not (job in c.jobs and job in c.recently_closed)


def test_a_job_appears_on_its_posting_day() -> None:
    key = "veille-cyber-sud/pentest-stage"  # posted 2026-11-10
    assert key not in keys(catalog(D(2026, 11, 9)).jobs)
    assert key in keys(catalog(D(2026, 11, 10)).jobs)


def test_stories_appear_on_their_publication_day_and_never_after_withdrawal() -> None:
    before = {s.id for s in catalog(D(2026, 8, 31)).stories}
    on = {s.id for s in catalog(D(2026, 9, 1)).stories}
    assert on - before == {"farah"}
    # once a withdrawal is recorded the story is gone, whatever day the site is built for
    assert "zeynep" not in {s.id for s in catalog(D(2025, 5, 1)).stories}
    assert "zeynep" not in {s.id for s in catalog(D(2026, 11, 26)).stories}


def test_today_comes_from_the_option_then_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert resolve_today("2030-01-02") == D(2030, 1, 2)
    assert resolve_today(None) == D(2026, 11, 18)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798758000")  # 2026-12-31 23:00 UTC is already 2027 in Paris
    assert resolve_today(None) == D(2027, 1, 1)


@pytest.fixture(scope="module")
def later_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("later") / "site"
    assert run(ROOT, "build", "--out", str(out), "--today", "2035-11-01", "--quiet").returncode == 0
    return out


def test_a_recently_closed_job_keeps_a_page_that_says_so(later_site: Path) -> None:
    html = (later_site / "en" / "jobs" / FULLSTACK / "index.html").read_text(encoding="utf-8")
    assert "This job is closed" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "application/ld+json" not in html
    assert "pa-apply" not in html
    for rel in (
        "en/jobs/index.html",
        "en/index.html",
        "en/employers/cooperative-du-code/index.html",
        "en/feeds/jobs.xml",
        "en/feeds/jobs.atom.xml",
        "sitemap.xml",
        "jobs.json",
    ):
        assert "developpeuse-fullstack-cdd" not in (later_site / rel).read_text(encoding="utf-8"), rel


def test_a_job_is_listed_on_its_last_day(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run(ROOT, "build", "--out", str(out), "--today", "2035-10-31", "--quiet").returncode == 0
    listing = (out / "en" / "jobs" / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<li class="pa-card pa-job"[^>]*data-deadline="2035-10-31".*?</li>', listing, re.S)
    assert card and '<strong class="pa-badge pa-soon" hidden>Closing soon</strong>' in card.group(0)  # shown by clock.js
    job = (out / "en" / "jobs" / FULLSTACK / "index.html").read_text(encoding="utf-8")  # still open on its last day
    assert "pa-apply" in job and "application/ld+json" in job
    assert job.count("This job is closed") == 1 and 'id="pa-closed-now" role="status" hidden' in job  # for the clock


def test_a_new_day_changes_only_what_really_changes(mini: Path, tmp_path: Path) -> None:
    """Days left and the "closing soon" badge are the reader's clock's (clock.js): the next day's build rewrites no
    job page, list, card or feed; only what says the day (the weekly digest's window, the exports' date, and the
    search index of the digest page) changes. A job 20 days from its deadline, and one posted the day before."""
    jobs = mini / "jobs" / "lumen-studio"
    jobs.mkdir(parents=True)
    for name, posted, deadline in (("soon", "2026-10-01", "2026-12-16"), ("new", "2026-11-25", "2036-01-31")):
        (jobs / f"{name}.yml").write_text(
            f"title: Développeuse {name}\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\n"
            f"posted: {posted}\ndeadline: {deadline}\napply: https://example.org/{name}\ndescription: Un poste.\n",
            encoding="utf-8",
        )
    sites = []
    for day in ("2026-11-26", "2026-11-27"):
        out = tmp_path / day
        built = run(ROOT, "--root", str(mini), "build", "--out", str(out), "--today", day, "--quiet")
        assert built.returncode == 0, built.stdout + built.stderr
        sites.append(out)
    first, second = (
        {p.relative_to(s).as_posix(): p.read_bytes() for p in s.rglob("*") if p.is_file() and "/pagefind/" not in p.as_posix()}
        for s in sites
    )  # pagefind names its files by their content: the digest page's new window renames some
    assert first.keys() == second.keys()
    changed = {path for path in first if first[path] != second[path]}
    said_the_day = re.compile(r"^(jobs\.json|impact\.json|[a-z]{2}/week/index\.html)$")
    assert changed and all(said_the_day.match(path) for path in changed), sorted(changed)
    soon = next(p for p in first if p.endswith("fr/jobs/lumen-studio/soon/index.html"))
    assert b"Ferme dans" not in first[soon] and b'data-pa-deadline="2026-12-16"' in first[soon]
