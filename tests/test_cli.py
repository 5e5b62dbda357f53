"""The command line as people use it: exit codes, messages, and a failed build that loses nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, TODAY, run

from passerelle.publish.staging import scratch_base


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_alone_builds_the_site(project: Path) -> None:
    result = run(project, env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "fr" / "jobs" / "index.html").is_file()
    # the build's options work without naming the command too
    quiet = run(project, "--quiet", "--today", TODAY)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == "", quiet.stderr


def test_bad_usage_exits_2(project: Path) -> None:
    assert run(project, "build", "--bogus").returncode == 2
    result = run(project, "build", "--today", "26/11/2026")
    assert result.returncode == 2 and "--today must be a date written YYYY-MM-DD" in result.stderr
    assert run(project, "new", "job", "only-one-id").returncode == 2


def test_check_reports_every_problem_and_no_traceback(project: Path) -> None:
    (project / "jobs" / "lumen-studio" / "broken.yml").write_text("title: [\n", encoding="utf-8")
    (project / "stories" / "amal" / "story.yml").write_text(
        (project / "stories" / "amal" / "story.yml").read_text(encoding="utf-8").replace("consent:", "consnet:"), encoding="utf-8"
    )
    result = run(project, "check", "--today", TODAY)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "jobs/lumen-studio/broken.yml:2: this is not valid YAML: did not find expected node content. Check the indentation and the quotes.",
        "stories/amal/story.yml:1: the field 'consent' is missing: it is required, a date written YYYY-MM-DD.",
        "stories/amal/story.yml:2: unknown field 'consnet'. Did you mean 'consent'? The fields of a story are: "
        "name, consent, withdrawn, published, employer, role, cohort, photo, photo_alt, indexable, tags.",
    ]
    assert "3 problems in 2 files" in result.stderr
    only = run(project, "check", "--today", TODAY, "jobs/lumen-studio/broken.yml")
    assert only.returncode == 1 and len(only.stdout.splitlines()) == 1


def test_messages_in_french_and_as_pull_request_annotations(project: Path) -> None:
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(
        (project / "jobs" / "lumen-studio" / "designer-ux-stage.yml")
        .read_text(encoding="utf-8")
        .replace("contract: internship", "contract: aprenticeship")
        .replace("deadline:", "deadlline:"),
        encoding="utf-8",
    )
    fr = run(project, "check", "--today", TODAY, env={"LC_ALL": "", "LANG": "fr_FR.UTF-8"})
    assert fr.returncode == 1
    assert fr.stdout.splitlines() == [
        "jobs/lumen-studio/x.yml:1: le champ « deadline » manque : il est obligatoire, une date écrite AAAA-MM-JJ.",
        "jobs/lumen-studio/x.yml:4: le champ « contract » vaut 'aprenticeship', ce qui n'est pas permis. Vouliez-vous "
        "dire « apprenticeship » ? Écrivez l'une de ces valeurs : apprenticeship, professionalisation, internship, "
        "fixed-term, permanent, freelance.",
        "jobs/lumen-studio/x.yml:10: champ inconnu « deadlline ». Vouliez-vous dire « deadline » ? Les champs d'une offre "
        "sont : title, contract, location, remote, posted, deadline, start, apply, description, french_level, training, "
        "salary, tags.",
    ]
    assert "3 problème(s) dans 1 fichier(s)" in fr.stderr
    en = run(project, "check", "--today", TODAY, "--lang", "en", env={"LANG": "fr_FR.UTF-8", "LC_ALL": ""})
    assert en.stdout.startswith("jobs/lumen-studio/x.yml:1: the field 'deadline' is missing")
    gh = run(project, "check", "--today", TODAY, "--format", "github")
    assert gh.stdout.splitlines()[0] == (
        "::error file=jobs/lumen-studio/x.yml,line=1,title=Passerelle::the field 'deadline' is missing: "
        "it is required, a date written YYYY-MM-DD."
    )


def test_every_message_has_a_french_translation() -> None:
    import ast

    from passerelle.records.messages import FRENCH

    templates = set()
    for module in (ROOT / "passerelle").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "M"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                templates.add(node.args[0].value)
    assert len(templates) > 90
    assert sorted(t for t in templates if t not in FRENCH) == []


def test_failed_build_leaves_the_previous_site_exactly_as_it_was(project: Path) -> None:
    out = project / "public"
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    before = digest(out)
    (project / "jobs" / "lumen-studio" / "bad.yml").write_text("contract: cdi\n", encoding="utf-8")
    result = run(project, "build", "--out", str(out), "--today", TODAY)
    assert result.returncode == 1
    assert "jobs/lumen-studio/bad.yml:1: the field 'title' is missing" in result.stdout
    assert "the previous site is unchanged" in result.stderr
    assert digest(out) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".public")] == []


def test_killed_build_leaves_the_previous_site(project: Path) -> None:
    out = project / "public"
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    before = digest(out)
    proc = subprocess.Popen(
        [sys.executable, str(project / "build.py"), "build", "--out", str(out), "--today", "2030-01-01"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(project.glob(".public.building-*/fr")):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert digest(out) == before
    scratch = scratch_base() / f"passerelle-scratch-{proc.pid}"  # the files pagefind reads, in memory
    assert scratch.exists()
    # the next build clears what the killed one left behind
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    assert digest(out) == before
    assert not list(project.glob(".public.*"))
    assert not scratch.exists()


def test_new_writes_a_template_that_checks_and_never_overwrites(project: Path) -> None:
    result = run(project, "new", "job", "lumen-studio", "chargee-de-projet")
    assert result.returncode == 0 and "wrote jobs/lumen-studio/chargee-de-projet.yml" in result.stdout
    text = (project / "jobs" / "lumen-studio" / "chargee-de-projet.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert run(project, "check", "jobs/lumen-studio/chargee-de-projet.yml").returncode == 0
    again = run(project, "new", "job", "lumen-studio", "chargee-de-projet")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert (project / "jobs" / "lumen-studio" / "chargee-de-projet.yml").read_text(encoding="utf-8") == text
    # a new story is not published until the team writes the date of consent
    assert run(project, "new", "story", "samira").returncode == 0
    story = run(project, "check", "stories/samira")
    assert story.returncode == 1 and "the field 'consent' is empty" in story.stdout
    assert run(project, "new", "employer", "acme").returncode == 0
    assert run(project, "check", "content/employers/acme.yml").returncode == 0
