"""How far Zensical gets with Passerelle's pages handed over as files (issue 16: keep the theme layer swappable).

    python bench/zensical_trial.py --zensical /path/to/venv/bin/zensical [--lang fr] [--work /tmp/passerelle-zensical]

Renders one language of the sample exactly as the build does (plan -> views -> templates), hands it over as
`build --handover files` does (publish/theme.py: a docs folder of files whose front matter holds each page,
and a config file inheriting mkdocs.yml), flattens that config (Zensical may not read INHERIT), and runs
`zensical build` on it. Prints what Zensical wrote, and whether each page's content is the one mkdocs-material
writes. Zensical is not a dependency of the project: install it in a venv of its own (pip install zensical==0.0.73).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.cache import Cache  # noqa: E402
from passerelle.pipeline import build, check  # noqa: E402
from passerelle.plan import urls  # noqa: E402
from passerelle.publish.theme import Frame, LanguagePages, declared, language_config, write_docs  # noqa: E402
from passerelle.records.markup import MarkdownRenderer  # noqa: E402
from passerelle.render.media import write_media  # noqa: E402
from passerelle.render.pages import LanguageRenderer  # noqa: E402
from passerelle.render.record_html import RecordHtml  # noqa: E402


def hand_over(lang: str, work: Path, today: dt.date) -> tuple[Path, int]:
    checked = check(ROOT, today)
    assert checked.plan is not None, [str(p) for p in checked.problems]
    site, strings = checked.site, checked.strings[lang]
    shutil.rmtree(work, ignore_errors=True)
    media = write_media(checked.catalog, work / "docs", site.base, site.name, Cache.off())
    project = declared(site)
    renderer = LanguageRenderer(
        site, checked.catalog, strings, RecordHtml(MarkdownRenderer(*project.markdown)), media, ROOT / "theme"
    )
    pages = renderer.pages(checked.plan)
    frame = Frame(
        renderer.footer(),
        strings("skip"),
        strings("languages"),
        tuple((c, site.language_name(c)) for c in site.languages),
        site.base,
        {
            "title": strings("not_found_title"),
            "text": strings("not_found_text"),
            "home": site.href(lang),
            "home_label": strings("nav_home"),
            "jobs": site.href(lang, urls.JOBS),
            "jobs_label": strings("all_jobs"),
        },
    )
    rendered = LanguagePages(lang, pages, renderer.nav(), frame)
    write_docs(rendered, work / "docs")
    config = yaml.safe_load(language_config(site, rendered, work / "site", work, project).read_text(encoding="utf-8"))
    parent = yaml.safe_load(Path(config.pop("INHERIT")).read_text(encoding="utf-8"))
    parent.update({k: v for k, v in config.items() if k not in ("theme", "extra")})
    parent["theme"] = {**parent["theme"], **config["theme"]}
    parent["extra"] = {**parent.get("extra", {}), **config["extra"]}
    parent["docs_dir"], parent["site_dir"] = "docs", "site"  # Zensical 0.0.73 panics on absolute folders
    (work / "zensical.yml").write_text(yaml.safe_dump(parent, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return work, len(pages)


def content(html: str) -> str:
    found = re.search(r'<(article|div) id="content".*?(?=</article>\s*</div>\s*</div>|<footer)', html, re.S)
    return re.sub(r"\s+", " ", found.group(0)) if found else ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zensical", required=True)
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--work", type=Path, default=Path("/tmp/passerelle-zensical"))
    ap.add_argument("--today", default="2026-11-26")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today)
    work, n = hand_over(args.lang, args.work, today)
    started = time.monotonic()
    result = subprocess.run([args.zensical, "build", "-f", str(work / "zensical.yml")], cwd=work, capture_output=True, text=True)
    seconds = time.monotonic() - started
    built = work / "site"
    written = sorted(p for p in built.rglob("index.html")) if built.exists() else []
    material = work / "material"
    assert not build(ROOT, material, today)
    same = sum(
        content((material / args.lang / p.relative_to(built)).read_text(encoding="utf-8"))
        == content(p.read_text(encoding="utf-8"))
        for p in written
    )
    print(
        f"{n} pages handed over; zensical exit {result.returncode} in {seconds:.1f} s; {len(written)} index.html written; "
        f"{same} with the same content as mkdocs-material's"
    )
    print((result.stdout + result.stderr)[-3000:])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
