"""The plan: every output path is claimed once, and a second claimant is a problem naming both, in `check` too."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, run
from passerelle.pipeline import check
from passerelle.plan import urls
from passerelle.plan.outputs import plan
from passerelle.records import loading, validation

DAY = dt.date.fromisoformat(TODAY)


def test_the_sample_plans_each_path_once_and_the_build_writes_what_was_planned(site: Path) -> None:
    checked = check(ROOT, DAY)
    assert checked.plan is not None and checked.problems == []
    planned = {f"{lang}/{urls.page_file(p.path)}" for lang in checked.site.languages for p in checked.plan.pages}
    written = {str(p.relative_to(site)) for p in site.rglob("index.html") if "/assets/" not in str(p)}
    assert written - {"index.html"} == planned
    feeds = {
        f"{lang}/{urls.feed(f.name, s)}"
        for lang in checked.site.languages
        for f in checked.plan.feeds
        for s in urls.FEED_SUFFIXES
    }
    assert {str(p.relative_to(site)) for p in site.glob("*/feeds/**/*") if p.is_file()} == feeds


def test_two_outputs_at_one_path_are_refused_with_both_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the reserved ids forgotten, an employer 'contract' with a job 'internship' would take the internship
    list's address: check says so, naming both, and build writes nothing."""
    monkeypatch.setitem(loading.RESERVED_IDS, "employers", ())
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("site", ".git", "__pycache__", "tests", "docs", "bench"))
    employer = root / "content" / "employers" / "contract.yml"
    employer.write_text("name: Contract SA\nwebsite: https://contract.example.org\n", encoding="utf-8")
    (root / "jobs" / "contract").mkdir()
    (root / "jobs" / "contract" / "internship.yml").write_text(
        (root / "jobs" / "lumen-studio" / "designer-ux-stage.yml")
        .read_text(encoding="utf-8")
        .replace("lumen-studio.example.org", "contract.example.org"),
        encoding="utf-8",
    )
    checked = check(root, DAY)
    messages = [str(p) for p in checked.problems if not p.warning]
    assert messages == [
        "jobs/contract/internship.yml: two outputs would be written at fr/jobs/contract/internship/index.html: "
        "the list of internship jobs and jobs/contract/internship.yml. Rename one of them."
    ]
    out = tmp_path / "site"
    from passerelle.pipeline import build

    assert [str(p) for p in build(root, out, DAY) if not p.warning] == messages
    assert not out.exists()


def test_an_editorial_page_named_like_a_list_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation.V, "RESERVED_PAGES", ())
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("site", ".git", "__pycache__", "tests", "docs", "bench"))
    shutil.copytree(root / "content" / "pages" / "about", root / "content" / "pages" / "stories")
    checked = check(root, DAY)
    assert [str(p) for p in checked.problems if not p.warning] == [
        "content/pages/stories/fr.md: two outputs would be written at fr/stories/index.html: the list of stories and "
        "content/pages/stories/fr.md. Rename one of them."
    ]


def test_check_from_the_command_line_reports_a_clash_in_french(tmp_path: Path) -> None:
    """The same rule, through build.py (reserved ids make this one a reserved-name error first)."""
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("site", ".git", "__pycache__", "tests", "docs", "bench"))
    shutil.copytree(root / "content" / "pages" / "about", root / "content" / "pages" / "jobs")
    result = run(root, "check", "--lang", "fr")
    assert result.returncode == 1 and "content/pages/jobs" in result.stdout


def test_plan_is_the_same_for_the_same_records() -> None:
    a, b = check(ROOT, DAY), check(ROOT, DAY)
    assert a.plan is not None and b.plan is not None
    assert [p.path for p in a.plan.pages] == [p.path for p in b.plan.pages]
    assert plan(a.site, a.catalog)[0].claims == a.plan.claims


def test_the_reserved_ids_cover_every_segment_the_site_writes_beside_records() -> None:
    """The reserved lists (vocabulary.py) are kept by hand: every path the plan gives to the site itself, beside the
    records' own (jobs/<employer>/, stories/<id>/, <page>/), must be a reserved name, so that check refuses a record
    that would take it, with its own message, before the plan has to."""
    from passerelle.records import vocabulary as V

    checked = check(ROOT, DAY)
    assert checked.plan is not None
    records = {"job", "story", "employer", "page"}
    own = [p.path for p in checked.plan.pages if p.kind not in records]
    for path in own:
        parts = path.strip("/").split("/")
        if parts == [""]:
            continue
        if parts[0] == "jobs" and len(parts) > 1:
            assert parts[1] in V.RESERVED_IDS["employers"], path
        elif parts[0] == "stories" and len(parts) > 1:
            assert parts[1] in V.RESERVED_IDS["stories"], path
        else:
            assert parts[0] in V.RESERVED_PAGES, path
    for folder in (urls.FEEDS, urls.SEARCH_BUNDLE, "assets/", urls.JOBS_INDEX.split("/")[0] + "/"):
        assert folder.strip("/").split("/")[0] in V.RESERVED_PAGES, folder
    assert urls.JOBS_INDEX.split("/")[1].split(".")[0] in V.RESERVED_IDS["employers"]


def test_a_file_inside_a_folder_another_output_owns_is_a_problem() -> None:
    from passerelle.plan.outputs import _Claims

    claims = _Claims()
    claims.claim("fr/pagefind/", "the search index")
    claims.claim("fr/assets/", "the theme's files")
    claims.claim("fr/pagefind/index.html", "content/pages/pagefind/fr.md")  # inside, by someone else
    claims.claim("fr/pagefind/entry.json", "the search index")  # inside, by the owner
    claims.claim("fr/pagefinder/index.html", "content/pages/pagefinder/fr.md")  # a longer name beside it
    claims.claim("fr/assetsx.html", "content/pages/x/fr.md")
    claims.check_folders()
    said = [str(p) for p in claims.problems]
    assert len(said) == 1 and "fr/pagefind/index.html" in said[0] and "the search index" in said[0], said
