"""Serve: a live preview on 127.0.0.1 that rebuilds the site whenever a record, a page or the theme changes.

After an edit, the pages of the edited records are made first, in every language (the one last looked at first),
and put into the served site, so that the edit shows in a moment however large the site; then the whole site is
built in a process of its own (lists, feeds, cards, search index) and swapped in. A further edit stops that build
(a killed build leaves nothing half-made) and starts again from its pages."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from passerelle.records.days import resolve_today
from passerelle.records.problems import errors
from passerelle.pipeline import build, preview

WATCHED = ("content", "stories", "jobs", "theme", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, int]:
    """Modification time of every watched file."""
    seen: dict[str, int] = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else (Path(d) / f for d, _, fs in os.walk(path) for f in fs)  # links not followed
        for f in files:
            try:
                seen[str(f)] = f.lstat().st_mtime_ns
            except OSError:
                continue
    return seen


class Server(http.server.ThreadingHTTPServer):
    """A local server that says nothing when a visitor leaves before a file is sent (a tab closed, another page
    opened): that is no error, and it printed a traceback in the terminal of whoever was editing."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a broken pipe, a connection reset
            super().handle_error(request, client_address)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the last good build; while the sources have problems, every page says so at its top."""

    problems: list[str] = []
    viewed: list[str] = []
    """The first part of the path of the last page asked for: its language."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if self.path.split("?")[0].endswith(("/", ".html")):
            self.viewed[:] = [self.path.lstrip("/").split("/")[0]]
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


def changed_files(root: Path, before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The watched files added, removed or modified between two snapshots, as paths from the project's folder."""
    paths = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    return {Path(path).relative_to(root).as_posix() for path in paths}


class Rebuilds:
    """What follows an edit: its pages first (pipeline.preview), then the whole build in a process of its own, which
    the next edit stops."""

    def __init__(self, root: Path, out: Path, today_option: str | None, shown: list[str]) -> None:
        self.root, self.out, self.today_option, self.shown = root, out, today_option, shown
        self.running: subprocess.Popen[bytes] | None = None
        self.said = tempfile.TemporaryFile()  # the build's messages (a pipe nobody reads would fill and block it)
        self.started = 0.0

    def after(self, changed: set[str], lang: str | None) -> None:
        """Stop the build under way, show the edited pages, then build the site anew in the background."""
        self.stop()
        started = time.monotonic()
        today = resolve_today(self.today_option)
        try:
            problems, put = preview(self.root, self.out, today, changed, lang)
        except Exception as e:  # noqa: BLE001 - whatever went wrong, the preview must keep serving
            problems, put = [], []
            print(f"the edited pages could not be shown first ({type(e).__name__}: {e}); building the site", file=sys.stderr)
        if errors(problems):
            self.shown[:] = [str(p) for p in problems]
            for p in self.shown:
                print(p, file=sys.stderr)
            print("The preview still shows the last good build.", file=sys.stderr, flush=True)
            return
        self.shown[:] = []
        if put:
            print(f"{len(put)} edited pages shown in {time.monotonic() - started:.1f} s; building the rest", file=sys.stderr)
        else:
            print("building the site (no record's page to show first)", file=sys.stderr)
        self.said.seek(0)
        self.said.truncate()
        self.started = started
        self.running = subprocess.Popen(
            [
                sys.executable,
                str(self.root / "build.py"),
                "build",
                "--quiet",
                "--out",
                str(self.out),
                "--today",
                today.isoformat(),
            ],
            cwd=self.root,
            stdout=subprocess.DEVNULL,
            stderr=self.said,
            start_new_session=True,  # its workers and pagefind with it: stopped as one group
        )

    def poll(self) -> None:
        """Say how the build under way ended, if it has."""
        if self.running is None or self.running.poll() is None:
            return
        code, self.running = self.running.returncode, None
        if code == 0:
            print(f"rebuilt in {time.monotonic() - self.started:.1f} s", file=sys.stderr, flush=True)
            return
        self.said.seek(0)
        lines = self.said.read().decode("utf-8", "replace").splitlines()
        self.shown[:] = lines[-50:] or [f"the build failed (exit {code})"]
        for line in self.shown:
            print(line, file=sys.stderr)
        print("The preview still shows the last good build.", file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.running is None:
            return
        if self.running.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.running.pid, signal.SIGTERM)
            try:
                self.running.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.running.pid, signal.SIGKILL)
                self.running.wait()
        self.running = None


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
        viewed: list[str] = []
        handler = functools.partial(type("Handler", (_Quiet,), {"problems": shown, "viewed": viewed}), directory=str(out))
        server = Server((host, port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Serving on http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
        rebuilds = Rebuilds(root, out, today_option, shown)
        try:
            while True:
                if observer is None:
                    time.sleep(interval)
                elif woken.wait(CHECK_ANYWAY):
                    time.sleep(SETTLE)  # an editor's save is often several writes and a rename
                woken.clear()
                rebuilds.poll()
                now = snapshot(root)
                if now != seen:
                    changed, seen = changed_files(root, seen, now), now
                    rebuilds.after(changed, viewed[0] if viewed else None)
        except KeyboardInterrupt:
            pass
        finally:
            rebuilds.stop()
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
