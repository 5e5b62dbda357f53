"""Sitemap: every indexable page of every language, with its hreflang alternates and its last change, and robots.txt.

A page's `x-default` is the page in the default language; the root chooser is the `x-default` of the home pages
only. `lastmod` comes from the records (a job's `posted`, a story's `published`, the newest of a list's records),
never from the clock, so that builds of the same inputs are the same (see plan.outputs).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from passerelle.plan import urls
from passerelle.plan.outputs import Plan
from passerelle.records.settings import Site


def write_sitemap(site: Site, plan: Plan, root: Path) -> None:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path, changed in ((p.path, p.changed) for p in plan.pages if p.indexable):
        default = site.lang_url(site.default, path) if path else site.url
        for lang in site.languages:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(site.lang_url(lang, path))}</loc>")
            lines.append(f"    <lastmod>{changed.isoformat()}</lastmod>")
            for other in site.languages:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href="{escape(site.lang_url(other, path))}"/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(default)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    (root / urls.SITEMAP).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / urls.ROBOTS).write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site.file_url(urls.SITEMAP)}\n", encoding="utf-8")
