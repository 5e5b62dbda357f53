"""A real Chromium (Debian's), driven by Playwright, on the built site served from 127.0.0.1 only."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_or_skip() -> str:
    """Debian's chromium, or a skip that says why (a failure where CI requires the browser)."""
    path = shutil.which("chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        reason = "browser tests need Debian's chromium and the playwright package (apt-get install chromium)"
        if os.environ.get("PASSERELLE_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 and yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@dataclass
class Visit:
    """What one page load did: requests refused (another host), failures, console errors, bytes."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    transferred: int = 0


def open_page(browser: Any, url: str, width: int = 1280, height: int = 900) -> tuple[Any, Visit]:
    """A fresh page (empty cache) at `url`; every request that is not for 127.0.0.1 is refused and noted."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    visit = Visit()

    def route(r: Any) -> None:
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            visit.blocked.append(r.request.url)
            r.abort()

    def finished(request: Any) -> None:
        response = request.response()
        if response is None:
            return
        if response.status >= 400:
            visit.failed.append(f"{response.status} {request.url}")
        sizes = request.sizes()
        visit.transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.route("**/*", route)
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed.append(f"failed {r.url}"))
    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    return page, visit
