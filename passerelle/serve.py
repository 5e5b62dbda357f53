"""Serve: a live preview on 127.0.0.1 that rebuilds the site whenever a record, a page or the theme changes."""

from __future__ import annotations

import functools
import http.server
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from .catalog import resolve_today
from .pipeline import build

WATCHED = ("content", "stories", "jobs", "theme", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, float]:
    """Modification time of every watched file."""
    seen: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for f in files:
            try:
                seen[str(f)] = f.stat().st_mtime_ns
            except OSError:
                continue
    return seen


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def rebuild(root: Path, out: Path, today_option: str | None) -> bool:
    started = time.monotonic()
    problems = build(root, out, resolve_today(today_option))
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print("The preview still shows the last good build.", file=sys.stderr)
        return False
    print(f"rebuilt in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return True


def serve(root: Path, host: str, port: int, today_option: str | None, interval: float = 0.3) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped by a supervisor: clean up as for Ctrl-C
    with tempfile.TemporaryDirectory(prefix="passerelle-serve-") as tmp:
        out = Path(tmp) / "site"
        seen = snapshot(root)  # before the first build: an edit made while it runs is not missed
        rebuild(root, out, today_option)
        out.mkdir(exist_ok=True)
        handler = functools.partial(_Quiet, directory=str(out))
        server = http.server.ThreadingHTTPServer((host, port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Serving on http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
        try:
            while True:
                time.sleep(interval)
                now = snapshot(root)
                if now != seen:
                    seen = now
                    rebuild(root, out, today_option)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0
