"""Sitemap: every indexable page of every language, with its hreflang alternates and its last change, and robots.txt.

A page's `x-default` is the page in the default language; the root chooser is the `x-default` of the home pages
only. `lastmod` comes from the records (a job's `posted`, a story's `published`, the newest of a list's records),
never from the clock, so that builds of the same inputs are the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from passerelle.records.catalog import Catalog
from passerelle.records.settings import Site


def indexable_pages(catalog: Catalog) -> list[tuple[str, dt.date]]:
    """Page paths below a language root that search engines may index (same in every language), each with the
    date it last changed."""
    stories = [s for s in catalog.stories if s.indexable]
    newest = max([j.posted for j in catalog.jobs] + [s.published for s in stories], default=catalog.today)

    pages = [("", newest), ("impact/", newest), ("stories/", max((s.published for s in stories), default=newest)), ("employers/", newest)]
    pages += [(path, max((j.posted for j in jobs), default=newest)) for listing in catalog.listings for path, jobs in listing.pages()]
    pages += [(f"{p.id}/", newest) for p in catalog.content.pages if p.id != "home"]
    pages += [(f"jobs/{j.key}/", j.posted) for j in catalog.jobs]
    pages += [(f"stories/{s.id}/", s.published) for s in stories]
    for e in catalog.employers:
        dates = [j.posted for j in catalog.jobs_of(e.id)] + [s.published for s in catalog.stories_of(e.id) if s.indexable]
        pages.append((f"employers/{e.id}/", max(dates, default=newest)))
    return pages


def write_sitemap(site: Site, catalog: Catalog, root: Path) -> None:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path, changed in indexable_pages(catalog):
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
    (root / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site.url}sitemap.xml\n", encoding="utf-8")
