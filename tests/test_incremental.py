"""Incremental builds: a build that reuses what earlier builds made (.passerelle-cache/) writes the same bytes as a
build that makes everything anew (--no-cache), after every kind of change a project sees."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from conftest import TODAY, run
from helpers import GOOD_JOB, edit, files, write

CACHE = ".passerelle-cache"


def assert_same_site(warm: Path, cold: Path, after: str = "") -> None:
    built, expected = files(warm), files(cold)
    assert sorted(built) == sorted(expected), (
        f"after {after}: only in the incremental build: {sorted(built.keys() - expected.keys())[:5]}; "
        f"only in the cold one: {sorted(expected.keys() - built.keys())[:5]}"
    )
    differ = [rel for rel in built if built[rel] != expected[rel]]
    assert differ == [], f"after {after}: {len(differ)} files differ from a cold build, e.g. {differ[:5]}"


def build(root: Path, out: Path, *extra: str, today: str = TODAY) -> str:
    result = run(root, "build", "--out", str(out), "--today", today, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


NEXT_DAY = (dt.date.fromisoformat(TODAY) + dt.timedelta(days=1)).isoformat()
JOB = "jobs/lumen-studio/developpeuse-web-alternance.yml"


def edit_job(root: Path) -> None:
    edit(root / JOB, "fr: Développeuse web en alternance", "fr: Développeuse web et mobile en alternance")
    edit(root / JOB, "deadline: 2036-06-30", "deadline: 2036-05-31")
    edit(root / JOB, "Vous rejoignez l'équipe", "Vous rejoignez la petite équipe")


CLOSING = "jobs/cooperative-du-code/developpeuse-fullstack-cdd.yml"


def retitle_story(root: Path) -> None:
    edit(root / "stories/nadia/fr.md", "title: Nadia,", "title: Nadia, deux ans après,")


def change_logo(root: Path) -> None:
    edit(root / "content/employers/lumen-studio.svg", "</svg>", '<circle cx="4" cy="4" r="3" fill="#123456"/></svg>')


def change_photo(root: Path) -> None:
    """The fellow's portrait replaced by the same one mirrored (the photos are remade from their bytes)."""
    from PIL import Image, ImageOps

    path = root / "stories/amal/portrait.jpg"
    with Image.open(path) as img:
        ImageOps.mirror(img).save(path, "JPEG")


CHANGES: list[tuple[str, list[Callable[[Path], object]]]] = [
    # Changes that touch different outputs share a step (each step is two builds); a change whose outputs another
    # would remake anyway has its own (an employer's name redraws every card its logo is on).
    ("the next day (a job closes overnight)", []),
    ("nothing", []),
    (
        "a job's title, deadline and description; a job added; a job deleted; a fellow's photo",
        [
            edit_job,
            lambda root: write(root, "jobs/lumen-studio/nouvelle-offre.yml", GOOD_JOB),
            lambda root: (root / "jobs/orbe-donnees/data-engineer-cdi.yml").unlink(),
            change_photo,
        ],
    ),
    (
        "an employer's logo; a story deleted; a story's title (its card is on its employer's job pages)",
        [change_logo, lambda root: shutil.rmtree(root / "stories/amal"), retitle_story],
    ),
    (
        "an employer's name",
        [lambda root: edit(root / "content/employers/lumen-studio.yml", "name: Lumen Studio", "name: Lumen Studio & Co")],
    ),
    (
        "a template; a string",
        [
            lambda root: edit(root / "theme/passerelle/job.html", "</article>", "<p>Bonne chance !</p></article>"),
            lambda root: edit(root / "theme/strings/en.yml", 'apply: "Apply"', 'apply: "Apply now"'),
        ],
    ),
    ("mkdocs.yml", [lambda root: edit(root / "mkdocs.yml", "site_name: Passerelle", "site_name: Passerelle Lyon")]),
]


def test_a_rebuild_after_any_change_is_byte_identical_to_a_cold_build(project: Path, tmp_path: Path) -> None:
    """Each change in turn (the next day first), each rebuild compared with a cold build of the same inputs."""
    site = tmp_path / "site"
    edit(project / CLOSING, "deadline: 2035-10-31", f"deadline: {TODAY}")  # open today, closed the next day
    build(project, site)
    assert (project / CACHE).is_dir()
    for n, (what, changes) in enumerate(CHANGES):
        for change in changes:
            change(project)
        said = build(project, site, today=NEXT_DAY)
        cold = tmp_path / f"cold-{n}"
        build(project, cold, "--no-cache", today=NEXT_DAY)
        assert_same_site(site, cold, what)
        assert ("nothing changed" in said) == (what == "nothing"), said


def test_nothing_changed_leaves_the_site_as_it_is_unless_someone_touched_it(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(project, site)
    home = site / "fr" / "index.html"
    before = home.stat().st_ino
    assert "nothing changed" in build(project, site)
    assert home.stat().st_ino == before  # not even rewritten
    home.write_text("vandalised", encoding="utf-8")
    (site / "en" / "jobs" / "index.html").unlink()
    assert "nothing changed" not in build(project, site)
    cold = tmp_path / "cold"
    build(project, cold, "--no-cache")
    assert_same_site(site, cold)


def test_a_cache_that_came_with_a_commit_is_not_used(project: Path, tmp_path: Path) -> None:
    """Entries are taken as built, past every check: a .passerelle-cache/ that git tracks is someone else's."""
    build(project, tmp_path / "site")
    git = ["git", "-C", str(project), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", CACHE], check=True)
    subprocess.run([*git, "commit", "-qm", "a cache"], check=True)
    poisoned = 0
    for entry in (project / CACHE).rglob("*"):
        if entry.is_file() and entry.parent.parent.name == "page":
            entry.unlink()  # its bytes are the first site's too (a hard link): a new file in its place
            entry.write_text("<script>window.__pwned = 1</script>", encoding="utf-8")
            poisoned += 1
    assert poisoned > 100
    out = tmp_path / "again"
    said = build(project, out)
    assert "git tracks" in said
    assert not [p for p in out.rglob("*.html") if b"__pwned" in p.read_bytes()]
    build(project, tmp_path / "cold", "--no-cache")
    assert_same_site(out, tmp_path / "cold")


def test_a_damaged_entry_is_made_again(project: Path, tmp_path: Path) -> None:
    """Entries the build parses (Markdown's HTML, rendered pages, the cards and search marks kept beside them, an SVG
    logo's pixels) that are not what it wrote are made again, with no traceback: a page whose entry beside it is
    whole, but whose HTML is not, is made again when its HTML is asked for."""
    build(project, tmp_path / "site")
    damaged: dict[str, int] = {}
    abouts = 0
    for entry in sorted((project / CACHE).rglob("*")):
        kind = entry.parent.parent.name
        if entry.is_file() and kind in ("markdown", "rendered", "job-page", "logo-pixels"):
            entry.write_bytes(b"\xff\xfe not what the build wrote {")
            damaged[kind] = damaged.get(kind, 0) + 1
        elif entry.is_file() and kind == "page-about":
            said = json.loads(entry.read_bytes())
            if said["card"] and abouts % 3 == 0:  # a card's title that is no text
                said["card"]["title"]["text"] = 7
            elif said["card"] and abouts % 3 == 1:  # a card missing a line
                del said["card"]["byline"]
            elif abouts % 3 == 1:
                said["searchable"] = "yes"
            entry.write_text(json.dumps(said), encoding="utf-8")  # else whole: its page's HTML is not
            abouts += 1
    assert sum(damaged.values()) > 100 and abouts > 100 and damaged["logo-pixels"] >= 1
    build(project, tmp_path / "again")
    build(project, tmp_path / "cold", "--no-cache")
    assert_same_site(tmp_path / "again", tmp_path / "cold")


def test_a_page_made_again_because_its_html_was_damaged_is_kept_again(project: Path, tmp_path: Path) -> None:
    """Its entry beside it whole, its HTML not: the page is made again when its HTML is asked for, and kept again
    (the next build takes it from the cache)."""
    build(project, tmp_path / "site")
    garbage = b"\xff\xfe not what the build wrote {"
    pages = [e for e in (project / CACHE).rglob("*") if e.is_file() and e.parent.parent.name in ("rendered", "job-page")]
    for entry in pages:
        entry.write_bytes(garbage)
    shutil.rmtree(project / CACHE / "page")  # every page's final HTML made again: each page's HTML is asked for
    build(project, tmp_path / "again")
    still = [e for e in pages if e.exists() and e.read_bytes() == garbage]
    assert len(pages) > 100 and still == []


def test_no_cache_reads_and_writes_no_cache(project: Path, tmp_path: Path) -> None:
    build(project, tmp_path / "site", "--no-cache")
    assert not (project / CACHE).exists()


def test_a_killed_build_leaves_no_entry_that_a_rebuild_would_use(project: Path, tmp_path: Path) -> None:
    """Killed while it fills the cache, at several moments; the next build is still the cold build's twin, and its
    sweep leaves no temporary file behind."""
    site = tmp_path / "site"
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for entries in (1, 200, 1500):
        proc = subprocess.Popen(
            [sys.executable, str(project / "build.py"), "build", "--out", str(site), "--today", TODAY, "--quiet"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if sum(1 for _ in (project / CACHE).rglob("*")) >= entries if (project / CACHE).is_dir() else False:
                break
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        (project / "jobs/lumen-studio/nouvelle-offre.yml").unlink(missing_ok=True)
        write(project, "jobs/lumen-studio/nouvelle-offre.yml", GOOD_JOB.replace("Une description.", f"Tour {entries}."))
    build(project, site)
    cold = tmp_path / "cold"
    build(project, cold, "--no-cache")
    assert_same_site(site, cold)
    assert [p.name for p in (project / CACHE).rglob(".tmp-*")] == []


@pytest.mark.parametrize("handover", ["files"])
def test_the_files_hand_over_builds_the_same_site_with_a_cache(project: Path, tmp_path: Path, handover: str) -> None:
    site, cold = tmp_path / "site", tmp_path / "cold"
    build(project, site, "--handover", handover)
    edit(project / JOB, "deadline: 2036-06-30", "deadline: 2036-05-31")
    build(project, site, "--handover", handover)
    build(project, cold, "--handover", handover, "--no-cache")
    assert_same_site(site, cold)
