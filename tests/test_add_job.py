"""`add job FILE|-`: an editor files a job an employer sent by e-mail; it lands in its folder only if `check` accepts it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import TODAY, run

JOB = """\
# jobs/orbe-donnees/analyste-bi.yml
title: "Analyste BI"
contract: apprenticeship
location:
  city: "Paris"
  country: {country}
posted: 2026-11-20
deadline: 2027-01-31
apply: "https://orbe-donnees.example.org/jobs"
description: "Une offre."
"""
MAIL = "Bonjour,\r\n\r\nvoici notre offre :\r\n\r\n" + "".join(f"> {line}\r\n" for line in JOB.splitlines())


def paste(project: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "build.py"), "add", "job", "-", "--today", TODAY, *args],
        cwd=project,
        input=text,
        capture_output=True,
        text=True,
        env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_a_pasted_reply_is_unquoted_checked_and_filed(project: Path) -> None:
    result = paste(project, MAIL.format(country='"NO"'))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == (
        "Added jobs/orbe-donnees/analyste-bi.yml. Review it, then commit it (git add jobs/orbe-donnees/analyste-bi.yml)."
    )
    assert (project / "jobs/orbe-donnees/analyste-bi.yml").read_text(encoding="utf-8") == JOB.format(country='"NO"')
    assert run(project, "check", "--today", TODAY).returncode == 0


def test_a_job_with_an_error_is_not_filed_and_the_line_is_the_pasted_ones(project: Path) -> None:
    before = sorted((project / "jobs").rglob("*"))
    result = paste(project, MAIL.format(country="UK"), "--lang", "fr")
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "-:10: le champ « location.country » vaut « UK », qui n'est pas un code pays. Vouliez-vous dire « GB » ?"
    )
    assert "Rien n'a été ajouté." in result.stderr
    assert sorted((project / "jobs").rglob("*")) == before  # nothing left behind, not even a temporary file


def test_a_file_is_never_replaced_and_the_next_id_is_offered(project: Path) -> None:
    file = project.parent / "offre.yml"
    file.write_text(JOB.format(country="FR").replace("analyste-bi", "developpeuse-web-alternance"), encoding="utf-8")
    before = (project / "jobs/lumen-studio/developpeuse-web-alternance.yml").read_bytes()
    result = run(project, "add", "job", str(file), "--employer", "lumen-studio", "--today", TODAY)
    assert result.returncode == 1
    assert "exists already: add --id developpeuse-web-alternance-2 to file this one beside it." in result.stdout
    assert (project / "jobs/lumen-studio/developpeuse-web-alternance.yml").read_bytes() == before


def test_without_the_first_line_the_employer_is_asked_and_the_id_made_from_the_title(project: Path) -> None:
    text = JOB.format(country="FR").split("\n", 1)[1]
    result = paste(project, text)
    assert result.returncode == 1 and "says no employer: add --employer ID" in result.stdout
    result = paste(project, text, "--employer", "orbe-donne")
    assert result.returncode == 1 and "Did you mean 'orbe-donnees'?" in result.stdout
    result = paste(project, text, "--employer", "orbe-donnees")
    assert result.returncode == 0, result.stdout
    assert (project / "jobs/orbe-donnees/analyste-bi.yml").is_file()
