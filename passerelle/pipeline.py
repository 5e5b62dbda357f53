"""The pipeline: check (read the records, plan every output) -> write (media, each language, the root files)
-> publish (the consent guard, then one atomic swap). Each stage is a folder of passerelle/; this only
orchestrates."""

from __future__ import annotations

import datetime as dt
import os
import time
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection

from passerelle.plan.outputs import Plan, PlannedPage, plan
from passerelle.records.catalog import Catalog
from passerelle.records.problems import Problem, errors, ordered
from passerelle.records.reading import read, uncollected
from passerelle.records.settings import Site
from passerelle.records.strings import Strings

if TYPE_CHECKING:
    from passerelle.cache import Cache
    from passerelle.publish.theme import MarkdownSettings

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Checked:
    """What `check` found: the site, the strings, the records, the plan of every output, and every problem."""

    site: Site
    strings: dict[str, Strings]
    catalog: Catalog
    plan: Plan | None
    """None when the records have errors (nothing can be planned from them)."""
    problems: list[Problem]


def check(root: Path, today: dt.date, jobs: int | None = None, cache: bool = True) -> Checked:
    """Stages 1 and 2: read and validate every record, then plan every output; of the site, nothing is written.
    `cache`: take what an earlier read made of the same files, and keep what this one makes (records/memo.py)."""
    from passerelle.cache import cache_folder

    with uncollected():
        records = read(root, today, jobs, cache_folder(root)[0] if cache else None)
        if errors(records.problems):
            return Checked(records.site, records.strings, records.catalog, None, records.problems)
        planned, clashes = plan(records.site, records.catalog)
    return Checked(records.site, records.strings, records.catalog, planned, ordered(records.problems + clashes))


def build(
    root: Path,
    out: Path,
    today: dt.date,
    progress: Progress = lambda _: None,
    jobs: int | None = None,
    handover: str = "memory",
    cache: bool = True,
) -> list[Problem]:
    """Build the whole site into `out`; on any problem, `out` is left exactly as it was.
    `jobs`: processes (see workers); `handover`: how the theme gets the pages (see publish/theme.py);
    `cache`: reuse what earlier builds made from the same inputs (see cache.py), and keep what this one makes."""
    from passerelle.cache import Cache, now
    from passerelle.publish import staging as output

    started, since = time.monotonic(), now()
    unsafe = output.out_problem(out, root)
    if unsafe:
        raise ValueError(unsafe)
    checked = check(root, today, jobs, cache)
    if errors(checked.problems) or checked.plan is None:
        return checked.problems
    for warning in checked.problems:
        progress(str(warning))
    content = checked.catalog.content
    progress(f"checked {len(content.jobs)} jobs, {len(content.stories)} stories, {len(content.employers)} employers")
    from passerelle.records.translations import reports

    for state in reports(checked.site, checked.catalog, checked.strings):
        progress(state.summary())
    store = Cache.open(root) if cache else Cache.off()
    if store.off_because:
        progress(store.off_because)
    inputs = store.inputs(root, today.isoformat(), str(out.resolve()), handover)
    if store.unchanged(inputs, out):
        output.tidy(out)
        progress(f"nothing changed since the last build: {out} is up to date ({time.monotonic() - started:.1f} s)")
        return []
    staging = output.staging_dir(out)
    try:
        write(root, checked, checked.plan, staging, progress, jobs, handover, store)
        publish(checked, staging, out)
    except BaseException:
        output.abandon(staging)
        raise
    store.remember(inputs, out)
    store.sweep(since)
    progress(f"built {out} in {time.monotonic() - started:.1f} s")
    return []


def preview(
    root: Path, out: Path, today: dt.date, changed: Collection[str], first: str | None = None
) -> tuple[list[Problem], list[str]]:
    """`serve`'s first step after an edit, so that it shows before the site is built again: the pages of the records
    whose files are `changed` (paths from the project's folder), in every language (`first` first), put into `out`,
    a site built before, one file at a time (a new file each: the old one may share its bytes with the cache). The
    lists, feeds, cards and search index wait for the build that follows, which finds these pages in the cache.
    Returns check's problems (with errors, nothing is written) and the files put in, in order (below `out`): none
    when no page belongs to the changed files (a template, a deleted record, mkdocs.yml), or `out` is no site built
    before."""
    from passerelle.cache import Cache
    from passerelle.publish import staging as output
    from passerelle.publish.language import LanguageTask, write_some_pages
    from passerelle.publish.theme import declared
    from passerelle.render.media import write_media

    checked = check(root, today)
    if errors(checked.problems) or checked.plan is None:
        return checked.problems, []
    planned = [page for page in checked.plan.pages if _belongs(page, changed)]
    if not planned or not output.is_site(out):  # nothing built yet (the first build failed): the build makes it all
        return checked.problems, []
    site, store = checked.site, Cache.open(root)
    languages = sorted(site.languages, key=lambda lang: lang != first)
    staging = output.staging_dir(out)  # beside `out`: its files are renamed into it
    put: list[str] = []
    try:
        with output.scratch() as scratch:
            media = write_media(checked.catalog, staging, site.base, site.name, store)
            project = declared(site)
            templates = store.shared_folder("templates") or scratch / "templates"
            templates.mkdir(exist_ok=True)
            for lang in languages:
                task = LanguageTask(
                    site,
                    checked.catalog,
                    checked.plan,
                    checked.strings[lang],
                    media,
                    {},
                    project,
                    root / "theme",
                    staging,
                    "memory",
                    scratch,
                    templates,
                    store,
                )
                for made in write_some_pages(task, planned):
                    target = out / made.relative_to(staging)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(made, target)
                    put.append(target.relative_to(out).as_posix())
    finally:
        output.abandon(staging)
    return checked.problems, put


def _belongs(page: PlannedPage, changed: Collection[str]) -> bool:
    """Whether a page shows the record of one of the `changed` files (its YAML, or one of its texts)."""
    texts = getattr(page.subject, "texts", ())
    return page.claimant in changed or any(text.source in changed for text in texts)


def write(
    root: Path,
    checked: Checked,
    planned: Plan,
    staging: Path,
    progress: Progress,
    jobs: int | None,
    handover: str,
    cache: Cache,
) -> None:
    """Stage 3: the media, then every language (one task each), then the files at the site's root.

    The records' Markdown is rendered first, once for all languages (a French description is also the English
    and Arabic fallback), in chunks shared by the workers. The writing stages are imported here, when a build
    needs them: `check`, which runs on every pull request, never loads mkdocs (0.4 s of its 1.1 s)."""
    from passerelle.publish import staging as output
    from passerelle.publish.language import LanguageTask, build_language
    from passerelle.publish.theme import declared, share_assets
    from passerelle.render.exports import write_exports
    from passerelle.render.impact import measure, write_impact_json
    from passerelle.render.media import write_media
    from passerelle.render.offline import write_service_worker
    from passerelle.render.record_html import texts
    from passerelle.render.root import write_root
    from passerelle.render.sitemap import write_sitemap
    from passerelle.workers import pool

    site, catalog = checked.site, checked.catalog
    media = write_media(catalog, staging, site.base, site.name, cache)
    project = declared(site)  # loads mkdocs and material here, once, before the workers start
    html: dict[str, str] = {}
    todo: list[str] = []
    every = texts(site, catalog)
    for text in every:  # a text rendered by an earlier build is in the cache (by its words)
        found = _cached_html(cache, text)
        if found is None:
            todo.append(text)
        else:
            html[text] = found
    chunks = [todo[i::MARKDOWN_CHUNKS] for i in range(MARKDOWN_CHUNKS)] if len(todo) >= MARKDOWN_PARALLEL_FROM else [todo]
    fresh = len(catalog.content.jobs) + len(catalog.content.stories) >= FRESH_FROM
    with output.scratch() as scratch, pool(jobs, len(site.languages), fresh) as workers:
        renders = (
            workers.map(_render_markdown, [(project.markdown, c) for c in chunks])
            if len(chunks) > 1
            else [_render_markdown((project.markdown, todo))]
        )
        for chunk, rendered in zip(chunks, renders, strict=True):
            for text, made in zip(chunk, rendered, strict=True):
                html[text] = made
                cache.store(cache.key("markdown", text), made.encode("utf-8"))
        html = {text: html[text] for text in every}  # in the same order, cached or not
        progress(f"{len(html)} Markdown texts, {len(todo)} rendered")
        templates = cache.shared_folder("templates") or scratch / "templates"  # compiled once, for every build
        templates.mkdir(exist_ok=True)
        tasks = [
            LanguageTask(
                site,
                catalog,
                planned,
                checked.strings[lang],
                media,
                html,
                project,
                root / "theme",
                staging,
                handover,
                scratch,
                templates,
                cache,
            )
            for lang in site.languages
        ]
        for done in as_completed([workers.submit(build_language, task) for task in tasks]):
            said, used = done.result()
            cache.used.update(used)
            progress(said)
    share_assets(staging, site.languages)
    write_root(site, checked.strings, media, root / "theme", staging)
    write_sitemap(site, planned, staging)
    write_exports(site, catalog, html, staging)
    write_impact_json(measure(catalog), staging)
    write_service_worker(site, staging)


def _cached_html(cache: Cache, text: str) -> str | None:
    """A Markdown text's HTML as an earlier build made it, or None (never made, or a damaged entry: made again)."""
    found = cache.read(cache.key("markdown", text))
    try:
        return found.decode("utf-8") if found is not None else None
    except UnicodeDecodeError:
        return None


MARKDOWN_CHUNKS = 8
"""More chunks than cores, so that a core slowed by a neighbour does not hold the others up."""
FRESH_FROM = 500
"""From this many jobs and stories, each language is built in a process of its own (see workers.pool): its memory
goes back to the system when it ends. Below, the processes carry on from one language to the next, which saves
each language the cost of starting one (a tenth of a second; `serve`'s edits on the sample)."""
MARKDOWN_PARALLEL_FROM = 200
"""Fewer texts to render (an edit, a day) are rendered here: a process per chunk would cost more than they do."""


def _render_markdown(task: tuple[MarkdownSettings, list[str]]) -> list[str]:
    from passerelle.records.markup import MarkdownRenderer

    settings, chunk = task
    renderer = MarkdownRenderer(*settings)
    return [renderer.render(text) for text in chunk]


def publish(checked: Checked, staging: Path, out: Path) -> None:
    """Stage 4: refuse a build that still holds a withdrawn story (a bug of ours: the live site stays as it was),
    then swap the build in whole."""
    from passerelle.publish import staging as output
    from passerelle.publish.consent import traces

    withdrawn = [s.id for s in checked.catalog.content.stories if s.withdrawn is not None]
    left = traces(staging, withdrawn, checked.site.languages) if withdrawn else []
    if left:
        raise RuntimeError("withdrawn stories are still in the built site: " + "; ".join(left))
    output.mark(staging)
    output.commit(staging, out)
