"""How far Zensical gets with Passerelle's pages handed over as files (issue 16: keep the theme layer swappable).

    python bench/zensical_trial.py --zensical /path/to/venv/bin/zensical [--lang fr] [--work /tmp/passerelle-zensical]

Renders one language of the sample exactly as the build does (plan -> views -> templates), writes each page as
a Markdown file holding its HTML body (`<path>/index.md`; its title, head elements and frame in front matter,
where theme/main.html reads them) into a docs folder, writes an
mkdocs.yml for it (the project's, with that docs folder and the language's settings, no plugin), and runs
`zensical build` on it. Prints what Zensical wrote and what it said. Zensical is not a dependency of the
project: install it in a venv of its own (pip install zensical==0.0.73).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.pipeline import check  # noqa: E402
from passerelle.publish.theme import markdown_settings  # noqa: E402
from passerelle.records.markup import MarkdownRenderer  # noqa: E402
from passerelle.render.media import write_media  # noqa: E402
from passerelle.render.pages import LanguageRenderer  # noqa: E402
from passerelle.render.record_html import RecordHtml  # noqa: E402


def write_docs(lang: str, work: Path, today: dt.date) -> tuple[Path, int]:
    checked = check(ROOT, today)
    assert checked.plan is not None, [str(p) for p in checked.problems]
    site = checked.site
    shutil.rmtree(work, ignore_errors=True)
    docs = work / "docs"
    media = write_media(checked.catalog, docs, site.base, site.name)
    renderer = LanguageRenderer(site, checked.catalog, checked.strings[lang], RecordHtml(MarkdownRenderer(*markdown_settings(site))),
                                media, ROOT / "theme")
    pages = renderer.pages(checked.plan)
    strings = checked.strings[lang]
    footer = renderer.footer()
    for page in pages:
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        frame = {"head": page.head, "title": page.title, "footer": footer, "skip": strings("skip"),
                 "languages_label": strings("languages"), "navs": {}, "nav_key": None,
                 "languages": [{"lang": c, "name": site.language_name(c), "link": site.href(c, page.path), "current": c == lang}
                               for c in site.languages]}
        front = yaml.safe_dump({"title": page.title, "passerelle": frame}, allow_unicode=True)
        target.write_text(f"---\n{front}---\n\n{page.body}\n", encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update({"docs_dir": "docs", "site_dir": "site", "site_url": site.lang_url(lang), "nav": renderer.nav(),
                   "markdown_extensions": ["attr_list", "md_in_html"], "plugins": []})
    config["theme"] = {**config["theme"], "language": lang, "custom_dir": str(ROOT / "theme")}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return work, len(pages)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zensical", required=True)
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--work", type=Path, default=Path("/tmp/passerelle-zensical"))
    ap.add_argument("--today", default="2026-11-26")
    args = ap.parse_args()
    work, n = write_docs(args.lang, args.work, dt.date.fromisoformat(args.today))
    started = time.monotonic()
    result = subprocess.run([args.zensical, "build", "-f", str(work / "mkdocs.yml")], cwd=work, capture_output=True, text=True)
    seconds = time.monotonic() - started
    written = sorted(p.relative_to(work / "site") for p in (work / "site").rglob("index.html")) if (work / "site").exists() else []
    print(f"{n} pages handed over; zensical exit {result.returncode} in {seconds:.1f} s; {len(written)} index.html written")
    print((result.stdout + result.stderr)[-3000:])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
