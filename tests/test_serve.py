"""The live preview: serve shows an edit's own pages first, then rebuilds the site, and keeps the last good site
on errors."""

from __future__ import annotations

import datetime as dt
import http.server
import time
from pathlib import Path

import pytest

from conftest import LANGS, TODAY, fetch, run, serving, wait_until
from helpers import GOOD_JOB, edit, files, write
from passerelle.commands.serve import Rebuilds, Server
from passerelle.pipeline import preview
from passerelle.records.problems import errors

JOB = "jobs/lumen-studio/developpeuse-web-alternance.yml"
STORY = "stories/nadia/fr.md"
ABOUT = "content/pages/about/fr.md"


def built(project: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = run(project, "build", "--out", str(out), "--today", TODAY, *extra)
    assert result.returncode == 0, result.stderr
    return files(out)


def test_an_edit_s_own_pages_are_put_in_first_each_as_the_build_makes_it(project: Path, tmp_path: Path) -> None:
    """What serve does first after an edit: the edited records' pages, in every language, into the site it serves;
    every other file stays as it was until the build that follows, which then makes the site a cold build makes."""
    site, today = tmp_path / "site", dt.date.fromisoformat(TODAY)
    before = built(project, site)
    edit(project / JOB, "fr: Développeuse web en alternance", "fr: Développeuse web et mobile en alternance")
    edit(project / STORY, "title: Nadia,", "title: Nadia, deux ans après,")
    edit(project / ABOUT, "des parcours en ligne", "des parcours en ligne, à leur rythme,")  # a page in the nav
    problems, put = preview(project, site, today, {JOB, STORY, ABOUT}, "ar")
    assert not errors(problems), problems
    after, cold = files(site), built(project, tmp_path / "cold", "--no-cache")
    pages = {
        f"{lang}/{page}/index.html"
        for lang in LANGS
        for page in ("jobs/lumen-studio/developpeuse-web-alternance", "stories/nadia", "about")
    }
    assert set(put) == pages and len(put) == len(pages)
    assert [rel.split("/")[0] for rel in put[:2]] == ["ar", "ar"]  # the language last looked at first
    assert [rel for rel in pages if after[rel] != cold[rel]] == []  # each as the build makes it
    assert "et mobile" in after["fr/jobs/lumen-studio/developpeuse-web-alternance/index.html"].decode()
    assert {rel: after[rel] for rel in after if rel not in pages} == {rel: before[rel] for rel in before if rel not in pages}
    assert "et mobile" in cold["fr/jobs/index.html"].decode() and after["fr/jobs/index.html"] == before["fr/jobs/index.html"]
    assert built(project, site) == cold

    edit(project / JOB, "contract: apprenticeship", "contract: nope")
    problems, put = preview(project, site, today, {JOB}, None)
    assert errors(problems) and put == [] and files(site) == cold  # a mistake: nothing shown, nothing changed
    edit(project / JOB, "contract: nope", "contract: apprenticeship")
    edit(project / "theme/passerelle/job.html", "</article>", "<p>Bonne chance !</p></article>")
    assert preview(project, site, today, {"theme/passerelle/job.html"}, "fr") == ([], [])  # no record's page: the build does it


def test_serve_shows_an_edit_and_survives_a_mistake(project: Path) -> None:
    with serving(project) as base:
        url = base + "en/jobs/lumen-studio/developpeuse-web-alternance/"
        assert "Web developer apprentice" in fetch(url)
        job = project / "jobs" / "lumen-studio" / "developpeuse-web-alternance.yml"
        text = job.read_text(encoding="utf-8")
        job.write_text(text.replace("en: Web developer apprentice", "en: Junior web developer"), encoding="utf-8")
        assert wait_until(lambda: "Junior web developer" in fetch(url))
        job.write_text(text.replace("contract: apprenticeship", "contract: nope"), encoding="utf-8")
        time.sleep(3)
        assert "Junior web developer" in fetch(url)  # the last good build is still served


def test_serve_shows_a_new_employer_s_first_job_and_a_template_edit(project: Path) -> None:
    """Files and folders made after serve started, and the theme, are watched as the records are."""
    with serving(project) as base:
        url = base + "fr/jobs/atelier-neuf/testeuse-logiciel/"
        assert "Testeuse logiciel" not in fetch(url)
        write(project, "content/employers/atelier-neuf.yml", "name: Atelier Neuf\nwebsite: https://atelier-neuf.example.org\n")
        write(project, "jobs/atelier-neuf/testeuse-logiciel.yml", GOOD_JOB.replace("Développeuse web", "Testeuse logiciel"))
        assert wait_until(lambda: "Testeuse logiciel" in fetch(url), limit=60)
        template = project / "theme" / "passerelle" / "job.html"
        template.write_text(
            template.read_text(encoding="utf-8").replace("</article>", "<p>Bonne chance !</p></article>", 1), encoding="utf-8"
        )
        assert wait_until(lambda: "Bonne chance !" in fetch(url), limit=60)


def test_serve_builds_the_rest_after_the_edit_s_pages_and_a_new_edit_stops_that_build(project: Path) -> None:
    """The lists follow the edited page (the build in the background); an edit made while that build runs stops it
    (see the next test); and serve stopped in the middle of a build stops it too."""
    job = project / JOB
    with serving(project) as base:
        page, jobs = base + "fr/jobs/lumen-studio/developpeuse-web-alternance/", base + "fr/jobs/"
        edit(job, "fr: Développeuse web en alternance", "fr: Développeuse web et mobile en alternance")
        assert wait_until(lambda: "web et mobile" in fetch(page))
        assert wait_until(lambda: "web et mobile" in fetch(jobs), limit=60)
        edit(job, "web et mobile", "web, mobile")
        assert wait_until(lambda: "web, mobile" in fetch(page))
        time.sleep(0.3)  # the build of that edit under way
        edit(job, "web, mobile", "web et cloud")
        assert wait_until(lambda: "web et cloud" in fetch(page))
        assert wait_until(lambda: "web et cloud" in fetch(jobs), limit=60)
        edit(job, "web et cloud", "web et data")
        assert wait_until(lambda: "web et data" in fetch(page))
        assert wait_until(lambda: bool(serve_builds()), limit=10)  # its build under way as serve is stopped
    assert not serve_builds()


def test_an_edit_made_while_the_site_builds_stops_that_build(project: Path, tmp_path: Path) -> None:
    """The build under way gives way to the next edit's (it would land after it otherwise, or hold the machine)."""
    site = tmp_path / "site"
    built(project, site)
    rebuilds = Rebuilds(project, site, TODAY, shown := [])
    try:
        edit(project / JOB, "fr: Développeuse web en alternance", "fr: Développeuse web et mobile en alternance")
        rebuilds.after({JOB}, "fr")
        first = rebuilds.running
        assert first is not None and first.poll() is None  # building
        edit(project / JOB, "web et mobile", "web et cloud")
        rebuilds.after({JOB}, "fr")
        assert first.returncode is not None and first.returncode < 0  # stopped by a signal
        assert "web et cloud" in (site / "fr/jobs/lumen-studio/developpeuse-web-alternance/index.html").read_text()
        assert rebuilds.running is not None and rebuilds.running.wait(timeout=120) == 0
        rebuilds.poll()
        assert shown == [] and "web et cloud" in (site / "fr/jobs/index.html").read_text(encoding="utf-8")
        edit(project / JOB, "web et cloud", "web et data")
        rebuilds.after({JOB}, "fr")
        last = rebuilds.running
        rebuilds.stop()  # as serve stops
        assert last is not None and last.returncode is not None and last.returncode < 0 and rebuilds.running is None
        assert "web et cloud" in (site / "fr/jobs/index.html").read_text(encoding="utf-8")  # the site as it was
    finally:
        rebuilds.stop()


def serve_builds() -> list[str]:
    """The command lines of processes building a site of serve's (its folder is passerelle-serve-...)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if "passerelle-serve-" in text and " build " in text:
            found.append(text)
    return found


def test_serve_started_on_a_mistake_shows_the_site_once_it_is_mended(project: Path) -> None:
    """Nothing built at first (the banner says why); the fix builds the whole site."""
    job = project / JOB
    text = job.read_text(encoding="utf-8")
    job.write_text(text.replace("contract: apprenticeship", "contract: nope"), encoding="utf-8")
    with serving(project) as base:
        page = base + "fr/jobs/lumen-studio/developpeuse-web-alternance/"
        job.write_text(text.replace("fr: Développeuse web en alternance", "fr: Développeuse web et mobile"), encoding="utf-8")
        assert wait_until(lambda: "web et mobile" in fetch(base + "fr/jobs/"), limit=60)
        assert "web et mobile" in fetch(page)


def test_a_visitor_who_leaves_before_a_file_is_sent_is_no_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A tab closed while a page loads printed a traceback in the editor's terminal; a real error still shows."""
    server = Server(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    try:
        for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "Connection reset by peer")):
            try:
                raise error
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a mistake of ours")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError: a mistake of ours" in capsys.readouterr().err
    finally:
        server.server_close()
