"""Search: pagefind indexes one language's searchable pages into <lang>/pagefind/ (one small index per language).

Pagefind is given each searchable page's body only (the part marked data-pagefind-body), not the
page mkdocs wrote around it: the index is the same, and pagefind parses a third of the bytes.

Pagefind 1.5 writes its filter indexes, and the list of languages, in a different order on every run
(upstream issue #638). They are rewritten here in a fixed order, under names taken from their
content, so that the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterable

import cbor2
import pagefind_bin_extended
from markupsafe import escape

MARK = "data-pagefind-body"
SIGNATURE = b"pagefind_dcd"


def searchable(body: str) -> bool:
    """Whether a page's body goes into the search index: it is marked data-pagefind-body."""
    return MARK in body


def search_input(pages: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The searchable pages among (url below the language root, body HTML)."""
    return [(url, body) for url, body in pages if searchable(body)]


def write_search_pages(pages: list[tuple[str, str]], lang: str, folder: Path) -> None:
    """What pagefind reads: each searchable page's body (see search_input) in a minimal document at its URL below
    `folder`."""
    for url, body in pages:
        page = folder / url / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><html lang="{escape(lang)}"><body>{body}</body></html>', encoding="utf-8")


def start_search_index(folder: Path, bundle: Path) -> subprocess.Popen[bytes]:
    """Start pagefind on the pages of `folder` (see write_search_pages), writing the language's index into `bundle`;
    it runs in its own process while the caller goes on (see finish_search_index)."""
    return subprocess.Popen(
        [str(pagefind_bin_extended.get_executable()), "--site", str(folder), "--output-path", str(bundle), "--silent"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finish_search_index(indexing: subprocess.Popen[bytes], folder: Path, bundle: Path) -> None:
    """Wait for pagefind, then make its index stable (see make_stable); `folder`, the pages it read, is removed."""
    try:
        output, _ = indexing.communicate()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if indexing.returncode != 0:
        raise RuntimeError(f"pagefind failed ({indexing.returncode}): {output.decode('utf-8', 'replace')[-2000:]}")
    make_stable(bundle)


def write_search_index(folder: Path, bundle: Path) -> None:
    """Index the pages of `folder` into `bundle` and wait for it."""
    finish_search_index(start_search_index(folder, bundle), folder, bundle)


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a pagefind index file")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _write(folder: Path, prefix: str, stem: str, suffix: str, data: Any, digits: int) -> str:
    """Write `data` as pagefind does, named after its content; returns the new hash."""
    raw = gzip.compress(SIGNATURE + cbor2.dumps(data), mtime=0)
    name = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{stem}{name}{suffix}").write_bytes(raw)
    return name


def make_stable(bundle: Path) -> None:
    """Sort what pagefind leaves unordered: filter values, the filter list, the languages."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for code, info in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            data = _read(path)
            data[1] = sorted(data[1], key=lambda pair: pair[0])
            path.unlink()
            filters.append([name, _write(bundle / "filter", code, "", ".pf_filter", data, 7)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _write(bundle, code, "pagefind.", ".pf_meta", meta, 10)
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    entry_path.write_text(json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8")
