"""Offline reading: the service worker at the site's root (sw.js), which keeps the pages a reader opened and the
site's shell (see the comments of passerelle/render/sw.js for what it keeps and for how long).

Its release is a digest of the shared assets/ folder as written: a build that changes no stylesheet,
script or image writes the same sw.js (browsers then keep the worker and its copies), and one that does makes
browsers take the new worker, which deletes the last release's shell.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from passerelle.plan import urls
from passerelle.records.settings import Site

SOURCE = Path(__file__).with_name("sw.js")


def release(staging: Path, site: Site) -> str:
    """A digest of the shell: every file under the site's assets/, by path and content."""
    digest = hashlib.sha256()
    folder = staging / urls.ASSETS
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(staging).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(site: Site, staging: Path) -> None:
    code = SOURCE.read_text(encoding="utf-8").replace("__RELEASE__", release(staging, site))
    (staging / urls.SERVICE_WORKER).write_text(code, encoding="utf-8")
