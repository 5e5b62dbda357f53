"""Search: pagefind indexes one language's built pages into <lang>/pagefind/ (one small index per language)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


INDEXED = "{jobs/*/*,stories/*,employers/*,*}/index.html"
"""Only these pages can carry data-pagefind-body: lists are not read at all (a third of the time saved)."""


def write_search_index(site_dir: Path) -> None:
    """Index the pages that carry data-pagefind-body (open jobs, stories, employers, editorial pages).

    No pagefind filters: pagefind 1.5 writes its filter indexes in a different order on every run
    (upstream issue #638), which would break byte-identical builds. The jobs list has its own filters.
    """
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
                    "--glob", INDEXED, "--silent"], check=True, capture_output=True)
    # pagefind lists its languages in a random order: sort them, so that builds are byte-identical
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), encoding="utf-8")
