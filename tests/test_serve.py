"""The live preview: serve rebuilds when a record changes, and keeps the last good site on errors."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode()
    except OSError:
        return ""


def wait_until(predicate, limit: float = 90) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_serve_shows_an_edit_and_survives_a_mistake(project: Path) -> None:
    proc = subprocess.Popen([sys.executable, str(project / "build.py"), "serve", "--port", "0", "--today", "2026-11-26"],
                            cwd=project, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        while "Serving on" not in line:
            line = proc.stderr.readline()
            assert line or proc.poll() is None, "serve stopped"
        base = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert base.startswith("http://127.0.0.1:")
        url = base + "en/jobs/lumen-studio/developpeuse-web-alternance/"
        assert "Web developer apprentice" in fetch(url)
        job = project / "jobs" / "lumen-studio" / "developpeuse-web-alternance.yml"
        text = job.read_text(encoding="utf-8")
        job.write_text(text.replace("en: Web developer apprentice", "en: Junior web developer"), encoding="utf-8")
        assert wait_until(lambda: "Junior web developer" in fetch(url))
        job.write_text(text.replace("contract: apprenticeship", "contract: nope"), encoding="utf-8")
        time.sleep(3)
        assert "Junior web developer" in fetch(url)  # the last good build is still served
    finally:
        proc.terminate()
        proc.wait(timeout=30)
