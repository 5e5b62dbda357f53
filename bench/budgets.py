"""A fellow's first visits, measured in Chromium at 360 x 740 on a built site served with gzip: bytes transferred
(everything the page fetches until the network is idle, filters' data and cards included) and the first
contentful paint on a 400 kbps / 400 ms connection.

    python bench/generate.py 5000 /tmp/g5000 && python build.py --root /tmp/g5000 build --out /tmp/g5000-site
    python bench/budgets.py /tmp/g5000-site [LANG ...]

The pages: a job, the jobs list, the jobs list opened from a shared filtered link (a common choice, and the
rarest employer, whose few jobs are spread over the whole list), the stories list. Needs Debian's chromium and
playwright. The budgets of issue 12: a job page < 60 KB, the jobs list < 80 KB, first paint < 2.5 s.
"""

from __future__ import annotations

import collections
import json
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import FLAGS, first_paint, open_page, serve  # noqa: E402


def pages(site: Path, lang: str) -> dict[str, str]:
    index = json.loads((site / lang / "jobs" / "index.json").read_text(encoding="utf-8"))
    employers = json.loads((site / lang / "jobs" / "index" / "employer.json").read_text(encoding="utf-8"))
    rarest = min(collections.Counter(employers).items(), key=lambda item: (item[1], item[0]))[0]
    first = json.loads((site / lang / "jobs" / "index" / "cards" / "0.json").read_text(encoding="utf-8"))[0]
    job = first.split('href="', 1)[1].split('"', 1)[0].removeprefix(f"/{lang}/")
    return {
        "job": job,
        "jobs list": "jobs/",
        "jobs list, alternance in Île-de-France": "jobs/?contract=alternance&region=ile-de-france",
        "jobs list, the rarest employer": f"jobs/?employer={index['values']['employer'][rarest]}",
        "stories list": "stories/",
    }


def measure(site: Path, langs: list[str]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        for lang in langs:
            for name, path in pages(site, lang).items():
                page, visit = open_page(browser, f"{base}{lang}/{path}", width=360, height=740)
                shown = page.locator("#pa-jobs > li, .pa-cards > li").count()
                page.context.close()
                rows.append(
                    {
                        "lang": lang,
                        "page": name,
                        "kb": round(visit.transferred / 1000, 1),
                        "cards": shown,
                        "fcp_s": round(first_paint(browser, f"{base}{lang}/{path}"), 2),
                    }
                )
        browser.close()
    return rows


if __name__ == "__main__":
    for row in measure(Path(sys.argv[1]), sys.argv[2:] or ["fr", "ar"]):
        print(json.dumps(row, ensure_ascii=False))
