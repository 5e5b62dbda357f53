"""Shared fixtures: a copy of the sample project to break, and the sample site built once."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
SITE_URL = "https://passerelle.example.org/"
RTL = {"ar", "fa"}


def _languages() -> tuple[str, ...]:
    from passerelle.records.settings import load_site

    return load_site(ROOT).languages


LANGS = _languages()
"""The sample site's languages, default first (from mkdocs.yml)."""
PROJECT_PARTS = ("content", "stories", "jobs", "theme", "schemas", "mkdocs.yml", "build.py", "passerelle")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / name)
    return target


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run build.py of `root` as a user would, and capture what it prints."""
    base = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}  # messages in English unless a test asks
    base.pop("PYTHONUNBUFFERED", None)  # output to a pipe is buffered, as a user's is: what is printed must be flushed
    return subprocess.run(
        [sys.executable, str(root / "build.py"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=600,
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that drive Chromium are marked `browser`: `pytest -m "not browser"` runs the others alone."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the sample project, free to break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A project with the site settings, the theme and one employer, Lumen Studio."""
    root = tmp_path / "mini"
    (root / "content" / "employers").mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    for name in ("lumen-studio.yml", "lumen-studio.svg"):
        shutil.copy2(ROOT / "content" / "employers" / name, root / "content" / "employers" / name)
    return root


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for the whole session with a fixed today."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run(ROOT, "build", "--out", str(out), "--today", TODAY, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201 - a Playwright Browser
    """Debian's chromium, driven by Playwright (skipped, or failed where CI requires it, when absent)."""
    from browser import FLAGS, chromium_or_skip

    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=FLAGS)
        yield b
        b.close()


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


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    """`build.py serve` of `project` on a free port, for the time of the block: yields its base URL."""
    proc = subprocess.Popen(
        [sys.executable, str(project / "build.py"), "serve", "--port", "0", "--today", TODAY],
        cwd=project,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = ""
        while "Serving on" not in line:
            line = proc.stderr.readline() if proc.stderr else ""
            assert line or proc.poll() is None, "serve stopped"
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert found
        yield found.group(0)
        assert proc.poll() is None, "serve stopped"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
