"""A real Chromium (Debian's), driven by Playwright, on the built site served from 127.0.0.1 only."""

from __future__ import annotations

import functools
import gzip
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

from passerelle.commands.serve import Server  # says nothing of a browser that leaves before a file is sent

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host or CDN does (GitHub Pages, say): text compressed with gzip when the browser
    asks, every file with `Cache-Control: max-age=600`."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's URL
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 and yield its base URL."""
    server = Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
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


def open_page(browser: Any, url: str, width: int = 1280, height: int = 900, today: str | None = None) -> tuple[Any, Visit]:
    """A fresh page (empty cache) at `url`; every request that is not for 127.0.0.1 is refused and noted. With
    `today` (YYYY-MM-DD), the page's clock stands at noon that day."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    if today:
        page.clock.set_fixed_time(f"{today}T12:00:00")
    visit = Visit()

    def route(r: Any) -> None:
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            visit.blocked.append(r.request.url)
            r.abort()

    def finished(request: Any) -> None:
        try:
            response = request.response()
        except Exception:  # the page was closed meanwhile (a measurement that did not wait for the network)
            return
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


SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
"""400 kbps down and up, 400 ms round trip (Chrome DevTools' network emulation: bytes a second, milliseconds)."""


def first_paint(browser: Any, url: str, width: int = 360, height: int = 740) -> float:
    """Seconds to the first contentful paint of `url`, on a fresh page, over the SLOW connection."""
    page, _ = open_page(browser, "about:blank", width=width, height=height)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    page.goto(url, wait_until="load")
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint').map(e => e.startTime)[0] || 1e9")
    page.context.close()
    return float(fcp) / 1000
