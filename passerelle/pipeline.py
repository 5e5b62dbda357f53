"""The pipeline, in order: check (load, validate, catalog) -> render and write each language -> feeds, sitemap, exports."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import jinja2

from passerelle.publish import staging as output
from passerelle.records.catalog import Catalog
from passerelle.records.check import check
from passerelle.render.exports import write_exports
from passerelle.render.feeds import write_feeds
from passerelle.records.strings import Strings
from passerelle.render.impact import measure, write_impact_json
from passerelle.records.markup import MarkdownRenderer
from passerelle.render.media import Media, write_media
from passerelle.records.problems import Problem, errors
from passerelle.records.messages import M
from passerelle.render.pages import LanguageRenderer, PathClaimedTwice, markdown_texts, og_locale
from passerelle.records.settings import Site
from passerelle.render.sitemap import write_sitemap
from passerelle.render.structured import script_json
from passerelle.render.search import write_search_index, write_search_pages
from passerelle.records.translations import reports
from passerelle.publish.consent import traces
from passerelle.publish.theme import Frame, LanguagePages, MarkdownSettings, markdown_settings, move_in, write_language

Progress = Callable[[str], None]


def build(root: Path, out: Path, today: dt.date, progress: Progress = lambda _: None) -> list[Problem]:
    """Build the whole site into `out`; on any problem, `out` is left exactly as it was."""
    started = time.monotonic()
    unsafe = output.out_problem(out, root)
    if unsafe:
        raise ValueError(unsafe)
    checked = check(root, today)
    if errors(checked.problems):
        return checked.problems
    for warning in checked.problems:
        progress(str(warning))
    site, catalog = checked.site, checked.catalog
    progress(f"checked {len(catalog.content.jobs)} jobs, {len(catalog.content.stories)} stories, "
             f"{len(catalog.content.employers)} employers")
    for state in reports(site, catalog, checked.strings):
        progress(state.summary())
    staging = output.staging_dir(out)
    try:
        base = urlsplit(site.url).path
        media = write_media(catalog, staging, base, site.name)
        html = _build_languages(root, site, checked.strings, catalog, media, staging, progress)
        write_root(site, checked.strings, media, root, staging)
        write_sitemap(site, catalog, staging)
        write_exports(site, catalog, html, staging)
        write_impact_json(measure(catalog), staging)
        withdrawn = [s.id for s in catalog.content.stories if s.withdrawn is not None]
        left = traces(staging, withdrawn, site.languages) if withdrawn else []
        if left:  # a bug of ours: refuse to publish it (the live site stays as it was)
            raise RuntimeError("withdrawn stories are still in the built site: " + "; ".join(left))
        output.mark(staging)
        output.commit(staging, out)
    except PathClaimedTwice as e:
        output.abandon(staging)
        return [Problem(e.second, None, M("two pages would be written at {path}: {first} and {second}. Rename one of them.",
                                          path=e.path, first=e.first, second=e.second))]
    except BaseException:
        output.abandon(staging)
        raise
    progress(f"built {out} in {time.monotonic() - started:.1f} s")
    return []


def _build_languages(root: Path, site: Site, strings: dict[str, Strings], catalog: Catalog, media: Media,
                     staging: Path, progress: Progress) -> dict[str, str]:
    """Render the records' Markdown, then every language; then write each with mkdocs and index it with pagefind.

    The Markdown of every record is rendered once, whatever number of languages show it (a French
    description is also the English and Arabic fallback), in chunks shared by the cores; then the
    languages' tasks (render; then write and index, which do not wait for each other) take the cores
    as they free up. Files meant for a language's folder are written beside it and moved in at the end,
    since mkdocs empties the folder it writes.
    Returns the records' Markdown as HTML (for jobs.json, so that nothing is rendered twice)."""
    settings = markdown_settings(site)  # loads mkdocs and material here, once, before the workers fork
    texts = markdown_texts(site, catalog)
    workers = max(1, min(len(site.languages), os.cpu_count() or 1))
    with output.scratch() as scratch, ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        chunks = [texts[i::MARKDOWN_CHUNKS] for i in range(MARKDOWN_CHUNKS)]
        html: dict[str, str] = {}
        for chunk, rendered_chunk in zip(chunks, pool.map(_render_markdown, [(settings, c) for c in chunks]), strict=True):
            html.update(zip(chunk, rendered_chunk, strict=True))
        progress(f"{len(html)} Markdown texts rendered")
        (scratch / "templates").mkdir()
        shared = _Shared(root, site, catalog, media, staging, scratch, settings, html)
        writes = []
        for future in as_completed([pool.submit(_render_language, shared, strings[lang]) for lang in site.languages]):
            rendered = future.result()
            progress(f"{rendered.lang}: {len(rendered.pages)} pages rendered, feeds written")
            # only what each needs crosses to its process (the catalog and the HTML are large)
            writes.append(pool.submit(_index_language, rendered.lang, scratch / rendered.lang,
                                      shared.extra(rendered.lang) / "pagefind"))
            writes.append(pool.submit(_write_language, site, rendered, staging, scratch / "templates"))
        for future in as_completed(writes):
            progress(future.result())
    for lang in site.languages:
        move_in(shared.extra(lang), staging / lang)
    return html


MARKDOWN_CHUNKS = 8
"""More chunks than cores, so that a core slowed by a neighbour does not hold the others up."""

@dataclass(frozen=True)
class _Shared:
    """What the tasks of every language are given (a copy goes to the worker process with each task)."""

    root: Path
    site: Site
    catalog: Catalog
    media: Media
    staging: Path
    scratch: Path
    """Files read back and thrown away: each language's searchable pages, compiled templates (see output.scratch)."""
    settings: MarkdownSettings
    html: dict[str, str]
    """The records' Markdown, rendered."""

    def extra(self, lang: str) -> Path:
        """Files for the language's folder, written beside it while mkdocs writes the folder (see move_in)."""
        return self.staging / f".extra-{lang}"


def _render_markdown(task: tuple[MarkdownSettings, list[str]]) -> list[str]:
    settings, texts = task
    renderer = MarkdownRenderer(*settings)
    return [renderer.render(text) for text in texts]


def _render_language(shared: _Shared, strings: Strings) -> LanguagePages:
    """Render one language's pages (for mkdocs to write), write its feeds and what pagefind will read."""
    site, catalog, lang = shared.site, shared.catalog, strings.lang
    renderer = LanguageRenderer(site, catalog, strings, MarkdownRenderer(*shared.settings), shared.media,
                                shared.root / "theme", shared.html, shared.scratch / "templates")
    pages = renderer.pages()
    write_search_pages(((p.url, p.body) for p in pages), lang, shared.scratch / lang)
    frame = Frame(
        footer=renderer.env.get_template("footer.html").render(r=renderer, t=strings, c=catalog),
        skip=strings("skip"),
        languages_label=strings("languages"),
        languages=tuple((code, site.language_name(code)) for code in site.languages),
        base=renderer.base,
        not_found={"title": strings("not_found_title"), "text": strings("not_found_text"), "home": renderer.href(),
                   "home_label": strings("nav_home"), "jobs": renderer.href("jobs/"), "jobs_label": strings("all_jobs")},
    )
    write_feeds(site, catalog, strings, renderer.html, shared.extra(lang) / "feeds")
    (shared.extra(lang) / "jobs").mkdir(parents=True, exist_ok=True)
    (shared.extra(lang) / "jobs" / "index.json").write_text(script_json(renderer.jobs_index()), encoding="utf-8")
    return LanguagePages(lang, pages, renderer.nav(), frame)


def _index_language(lang: str, searchable: Path, bundle: Path) -> str:
    write_search_index(searchable, bundle)
    return f"{lang}: search index written"


def _write_language(site: Site, rendered: LanguagePages, staging: Path, templates: Path) -> str:
    write_language(site, rendered, staging, templates)
    return f"{rendered.lang}: pages written"


def write_root(site: Site, strings: dict[str, Strings], media: Media, root: Path, staging: Path) -> None:
    """The language chooser at the root, and the 404 page that hosts serve for any missing address: every
    language's message, the visitor's own first (each language folder also has its own 404.html)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "theme" / "passerelle"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    base = urlsplit(site.url).path
    html = env.get_template("chooser.html").render(site=site, strings=strings, base=base, card=media.card,
                                                   card_url=f"{site.url}{media.card['src'][len(base):]}",
                                                   locales=[og_locale(code) for code in site.languages])
    (staging / "index.html").write_text(html, encoding="utf-8")
    notfound = env.get_template("notfound.html").render(site=site, strings=strings, base=base)
    (staging / "404.html").write_text(notfound, encoding="utf-8")
