"""Sitemap: every indexable page of every language, with its hreflang alternates, and robots.txt naming it."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .catalog import Catalog
from .site import Site


def indexable_paths(catalog: Catalog) -> list[str]:
    """Page paths below a language root that search engines may index (same in every language)."""
    paths = ["", "stories/", "employers/"]
    paths += [path for listing in catalog.listings for path, _ in listing.pages()]
    paths += [f"{p.id}/" for p in catalog.content.pages if p.id != "home"]
    paths += [f"jobs/{j.key}/" for j in catalog.jobs]
    paths += [f"stories/{s.id}/" for s in catalog.stories if s.indexable]
    paths += [f"employers/{e.id}/" for e in catalog.employers]
    return paths


def write_sitemap(site: Site, catalog: Catalog, root: Path) -> None:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in indexable_paths(catalog):
        for lang in site.languages:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(site.lang_url(lang, path))}</loc>")
            for other in site.languages:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href="{escape(site.lang_url(other, path))}"/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(site.url)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    (root / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site.url}sitemap.xml\n", encoding="utf-8")
