"""The live preview: serve rebuilds when a record changes, and keeps the last good site on errors."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import fetch, serving, wait_until
from helpers import GOOD_JOB, write


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
