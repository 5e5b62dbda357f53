"""Records' Markdown as sanitised HTML, each distinct text rendered once, whatever number of pages and languages show it."""

from __future__ import annotations

from typing import Any

from passerelle.records.catalog import Catalog
from passerelle.records.markup import MarkdownRenderer
from passerelle.records.settings import Site


class RecordHtml:
    """Markdown text -> sanitised HTML: given rendered already (see texts), or rendered as pages need it."""

    def __init__(self, renderer: MarkdownRenderer, rendered: dict[str, str] | None = None) -> None:
        self.renderer = renderer
        self.rendered = rendered if rendered is not None else {}

    def html(self, text: str) -> str:
        if text not in self.rendered:
            self.rendered[text] = self.renderer.render(text)
        return self.rendered[text]

    def html_with_toc(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """An editorial page's HTML and its table of contents (pages are few: not cached)."""
        return self.renderer.render_with_toc(text)


def texts(site: Site, catalog: Catalog) -> list[str]:
    """Every distinct Markdown text of a record that the pages of some language show, in a stable order."""
    found: dict[str, None] = {}
    for lang in site.languages:
        for job in (*catalog.jobs, *catalog.recently_closed):
            found.setdefault(job.description.pick(lang, site.default, site.languages)[0])
        for story in catalog.stories:
            found.setdefault(story.text(lang, site.default, site.languages).body)
        for employer in catalog.employers:
            if employer.description is not None:
                found.setdefault(employer.description.pick(lang, site.default, site.languages)[0])
    return list(found)
