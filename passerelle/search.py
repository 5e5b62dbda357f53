"""Search: pagefind indexes one language's built pages into <lang>/pagefind/ (one small index per language).

Pagefind 1.5 writes its filter indexes, and the list of languages, in a different order on every run
(upstream issue #638). They are rewritten here in a fixed order, under names taken from their
content, so that the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2

INDEXED = "{jobs/*/*,stories/*,employers/*,*}/index.html"
"""Only these pages can carry data-pagefind-body: lists are not read at all."""
SIGNATURE = b"pagefind_dcd"


def write_search_index(site_dir: Path) -> None:
    """Index the pages that carry data-pagefind-body (open jobs, stories, employers, editorial pages)."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
                    "--glob", INDEXED, "--silent"], check=True, capture_output=True)
    make_stable(site_dir / "pagefind")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a pagefind index file")
    return cbor2.loads(raw[len(SIGNATURE):])


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
