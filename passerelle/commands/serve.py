"""Serve: a live preview on 127.0.0.1 that rebuilds the site whenever a record, a page or the theme changes."""

from __future__ import annotations

import functools
import html
import http.server
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from passerelle.records.days import resolve_today
from passerelle.pipeline import build

WATCHED = ("content", "stories", "jobs", "theme", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, float]:
    """Modification time of every watched file."""
    seen: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (Path(d) / f for d, _, fs in os.walk(path) for f in fs)  # links not followed
        for f in files:
            try:
                seen[str(f)] = f.lstat().st_mtime_ns
            except OSError:
                continue
    return seen


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the last good build; while the sources have problems, every page says so at its top."""

    problems: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            not self.problems
            or path.suffix != ".html"
            or not path.is_file()
            or not self.path.split("?")[0].endswith(("/", ".html"))
        ):
            return super().do_GET()
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems[:50])
        banner = (
            '<div role="alert" style="background:#fde8e8;color:#5c0000;padding:1em;font:14px/1.4 sans-serif">'
            f"<strong>The last change did not build; this preview shows the last good build.</strong><ul>{items}</ul></div>"
        )
        page = path.read_text(encoding="utf-8")
        at = page.find(">", page.find("<body")) + 1 if "<body" in page else 0
        body = (page[:at] + banner + page[at:]).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def rebuild(root: Path, out: Path, today_option: str | None, shown: list[str] | None = None) -> bool:
    """Build the preview; on any failure say why and keep the last good build (the preview keeps serving)."""
    started = time.monotonic()
    try:
        problems = [str(p) for p in build(root, out, resolve_today(today_option))]
    except Exception as e:  # noqa: BLE001 - whatever went wrong, the preview must keep serving
        problems = [f"the build failed: {type(e).__name__}: {e}"]
    if shown is not None:
        shown[:] = problems
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print("The preview still shows the last good build.", file=sys.stderr, flush=True)
        return False
    print(f"rebuilt in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return True


def serve(root: Path, host: str, port: int, today_option: str | None, interval: float = 0.3) -> int:
    """Serve the built site and rebuild it on every change of the sources: the system says when a file changes
    (inotify, through watchdog), and the watched files' times, compared every `interval` seconds where it cannot
    (or a second apart where it can, in case it missed one), decide whether anything did."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped by a supervisor: clean up as for Ctrl-C
    with tempfile.TemporaryDirectory(prefix="passerelle-serve-") as tmp:
        out = Path(tmp) / "site"
        woken = threading.Event()
        observer = _watch(root, woken)
        seen = snapshot(root)  # before the first build: an edit made while it runs is not missed
        shown: list[str] = []
        rebuild(root, out, today_option, shown)
        out.mkdir(exist_ok=True)
        handler = functools.partial(type("Handler", (_Quiet,), {"problems": shown}), directory=str(out))
        server = http.server.ThreadingHTTPServer((host, port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Serving on http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
        try:
            while True:
                if observer is None:
                    time.sleep(interval)
                elif woken.wait(CHECK_ANYWAY):
                    time.sleep(SETTLE)  # an editor's save is often several writes and a rename
                woken.clear()
                now = snapshot(root)
                if now != seen:
                    seen = now
                    rebuild(root, out, today_option, shown)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            if observer is not None:
                observer.stop()
    return 0


SETTLE = 0.03
"""Seconds from the first sign of a change to looking at the files."""
CHECK_ANYWAY = 1.0
"""Seconds between two looks at the files when the system reports changes (a folder made after serve started is
not watched: the look finds its files)."""


def _watch(root: Path, woken: threading.Event) -> Any:
    """A watchdog observer that sets `woken` when a watched file changes, or None where the system cannot watch.
    It is told of changes only, never of files opened or read: every build reads every source, and the theme's
    files are read by every language's worker (told of those reads, its thread would take the build's time)."""
    try:
        from watchdog import events
        from watchdog.observers import Observer
    except ImportError:
        return None
    changes: list[type[events.FileSystemEvent]] = [
        events.FileCreatedEvent,
        events.FileDeletedEvent,
        events.FileModifiedEvent,
        events.FileMovedEvent,
        events.FileClosedEvent,  # closed after writing
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]

    class Wake(events.FileSystemEventHandler):
        def on_any_event(self, event: events.FileSystemEvent) -> None:
            woken.set()

    observer = Observer()
    try:
        # mkdocs.yml, and the folders made or removed; then each watched folder, whole
        observer.schedule(Wake(), str(root), recursive=False, event_filter=changes)
        for name in WATCHED:
            if (root / name).is_dir():
                observer.schedule(Wake(), str(root / name), recursive=True, event_filter=changes)
        observer.daemon = True
        observer.start()
    except OSError:  # no inotify, or its limits reached: serve polls
        return None
    return observer
