"""The live preview: serve rebuilds when a record changes, and keeps the last good site on errors."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import fetch, serving, wait_until


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
