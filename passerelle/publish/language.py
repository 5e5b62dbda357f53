"""One language, from the plan to its folder: render its pages, have the theme write them, then add its feeds,
its filters' index and its search index. One task a language; the tasks share nothing but what they are given.

The theme (mkdocs) empties the folder it writes, so it writes first and everything else comes in after it;
pagefind indexes the searchable pages meanwhile, in its own process, beside the language's folder.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from passerelle.cache import Cache, digest_of
from passerelle.plan import urls
from passerelle.plan.outputs import Plan, PlannedPage
from passerelle.records.catalog import Catalog
from passerelle.records.markup import MarkdownRenderer
from passerelle.records.settings import Site
from passerelle.records.strings import Strings
from passerelle.render.calendar import write_calendars
from passerelle.render.cards import CardPainter, write_cards
from passerelle.render.feeds import write_feeds
from passerelle.render.filter_index import write_filter_index
from passerelle.render.media import Media
from passerelle.render.pages import LanguageRenderer, Made, RenderedPage
from passerelle.render.record_html import RecordHtml
from passerelle.render.search import finish_search_index, start_search_index, write_search_pages
from passerelle.publish.theme import Declared, Frame, LanguagePages, write_language


@dataclass(frozen=True)
class LanguageTask:
    """What one language's task is given (a copy goes to its worker process)."""

    site: Site
    catalog: Catalog
    plan: Plan
    strings: Strings
    media: Media
    html: dict[str, str]
    """The records' Markdown, rendered once for every language (see record_html.texts)."""
    project: Declared
    """What the project's mkdocs.yml declares (read once, in the parent)."""
    theme: Path
    staging: Path
    """The site being built: this task writes <staging>/<lang>/ only."""
    handover: str
    """How the theme gets the pages: 'memory' or 'files' (see theme.write_language)."""
    scratch: Path
    """Files read back and thrown away (see staging.scratch): this task's own <lang>* entries."""
    templates: Path
    """Where the tasks share their compiled templates (Jinja's bytecode): in the cache, kept from build to build,
    or in the scratch folder when the cache is off."""
    cache: Cache
    """What earlier builds made (passerelle/cache.py): cards, calendars, pages, the search index."""


def _renderer(task: LanguageTask) -> LanguageRenderer:
    return LanguageRenderer(
        task.site,
        task.catalog,
        task.strings,
        RecordHtml(MarkdownRenderer(*task.project.markdown), task.html),
        task.media,
        task.theme,
        task.templates,
    )


def _frame(task: LanguageTask, renderer: LanguageRenderer) -> Frame:
    """What every page of the language shares around its content."""
    site, lang = task.site, task.strings.lang
    return Frame(
        footer=renderer.footer(),
        skip=task.strings("skip"),
        languages_label=task.strings("languages"),
        languages=tuple((code, site.language_name(code)) for code in site.languages),
        base=site.base,
        not_found={
            "title": task.strings("not_found_title"),
            "text": task.strings("not_found_text"),
            "home": site.href(lang),
            "home_label": task.strings("nav_home"),
            "jobs": site.href(lang, urls.JOBS),
            "jobs_label": task.strings("all_jobs"),
        },
    )


def write_some_pages(task: LanguageTask, planned: Sequence[PlannedPage]) -> list[Path]:
    """Only the `planned` pages of one language, through the theme, into <staging>/<lang>/ (nothing else: no feeds,
    cards or search index); returns their files. The pages are kept in the cache as a whole build keeps them, so
    that the build that follows takes them from there. `serve` shows an edit this way before building the site."""
    renderer = _renderer(task)
    pages = [renderer.render(page, task.cache) for page in planned]
    nav, paths = renderer.nav(), {page.path for page in pages}
    # The nav's pages must be there for the sidebar's links to be theirs (a link to a missing page is left as it
    # was written): each stands in by its title alone, its own HTML thrown away (the theme never keeps a nav page)
    stand_ins = [
        RenderedPage(path, None, "", False, Made(title, "", ""))
        for item in nav
        for title, src in item.items()
        if (path := src.removesuffix("index.md")) not in paths
    ]
    write_language(
        task.site,
        LanguagePages(task.strings.lang, pages + stand_ins, nav, _frame(task, renderer)),
        task.project,
        task.staging,
        task.scratch / f"{task.strings.lang}-theme",
        task.handover,
        task.templates,
        task.cache,
        theme_files=False,
    )
    return [task.staging / task.strings.lang / urls.page_file(page.path) for page in planned]


def build_language(task: LanguageTask) -> tuple[str, set[str]]:
    """Write one language; returns what to tell the user, and the cache entries it used (see Cache.sweep)."""
    site, lang = task.site, task.strings.lang
    renderer = _renderer(task)
    pages = renderer.pages(task.plan, task.cache)
    searchable = task.scratch / lang
    bundle = task.staging / f".{lang}-pagefind"  # beside the language's folder (one rename moves it in)
    searched = [p for p in pages if p.searchable]  # what made each one stands for its body (RenderedPage.made_from)
    search_key = task.cache.key("pagefind", lang, digest_of(f"{p.path}\0{p.made_from}" for p in searched))
    indexing = None
    if task.cache.find(search_key) is None:  # pagefind runs only when what it reads changed
        write_search_pages([(p.path, p.body) for p in searched], lang, searchable)
        indexing = start_search_index(searchable, bundle)
    try:
        frame = _frame(task, renderer)
        write_language(
            site,
            LanguagePages(lang, pages, renderer.nav(), frame),
            task.project,
            task.staging,
            task.scratch / f"{lang}-theme",
            task.handover,
            task.templates,
            task.cache,
            theme_files=lang == site.languages[0],
        )
        out = task.staging / lang
        write_feeds(site, task.plan, task.catalog, task.strings, renderer.views.html, out / urls.FEEDS, task.cache)
        write_filter_index(renderer.jobs_index(task.plan), out)
        write_calendars(site, task.catalog, task.strings, out, task.cache)
        write_cards([p.card for p in pages if p.card], CardPainter(task.media.card_logos), out, task.cache)
    finally:
        if indexing is not None:
            finish_search_index(indexing, searchable, bundle)
    if indexing is None:
        if not task.cache.copy_to(search_key, out / urls.SEARCH_BUNDLE):
            raise RuntimeError(f"the cache lost {search_key} during the build: build again")
    else:
        os.replace(bundle, out / urls.SEARCH_BUNDLE)
        task.cache.store_file(search_key, out / urls.SEARCH_BUNDLE)
    shutil.rmtree(searchable, ignore_errors=True)
    return f"{lang}: {len(pages)} pages, feeds and search index written", task.cache.used
