"""Bytes a first search transfers, measured in Chromium on a built site served with gzip.

    python bench/search_bytes.py SITE_DIR LANG QUERY

Prints the bytes of the search page itself and of the first query (pagefind's script, its WebAssembly,
the language's index chunks and result fragments). Needs Debian's chromium and playwright.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import FLAGS, open_page, serve  # noqa: E402


def measure(site: Path, lang: str, query: str) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page, visit = open_page(browser, f"{base}{lang}/search/")
        before = visit.transferred
        page.fill("#pa-search input", query)
        page.wait_for_selector(".pa-search__link", timeout=30000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".pa-search__link").count()
        browser.close()
    return {"page_bytes": before, "first_search_bytes": visit.transferred - before, "results_shown": results}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2], sys.argv[3])))
