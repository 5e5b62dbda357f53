"""The plan: every output the build will write, decided before anything is rendered, each path claimed once.

Every language has the same pages and feeds; the site root has the chooser, the exports, the sitemap, the
media and the schemas. A path claimed by two outputs (an editorial page named like a list, say) is a problem
that names both claimants, found by `check` as well as by `build`: nothing is ever silently replaced.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.messages import M
from passerelle.records.models import Employer, Job, Page, Story
from passerelle.records.problems import Problem
from passerelle.records.settings import Site

PAGE_SIZE = 50
"""Cards on one page of a list (jobs, stories); longer lists continue on <list>/page/2/ and so on."""


@dataclass(frozen=True)
class Pages:
    """Where one page of a list sits among its pages."""

    n: int
    """From 1."""
    count: int
    prev: str | None
    next: str | None


def _paged(items: tuple[Any, ...], first: str) -> list[tuple[str, tuple[Any, ...], Pages]]:
    """A list cut into pages of PAGE_SIZE: (path, the page's items, where it sits); one empty page if none."""
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [()]
    paths = [urls.list_page(first, n) for n in range(1, len(chunks) + 1)]
    return [
        (path, chunk, Pages(n + 1, len(chunks), paths[n - 1] if n else None, paths[n + 1] if n + 1 < len(paths) else None))
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True))
    ]


@dataclass(frozen=True)
class ListPage:
    """One page of a list of open jobs: all of them, or those of one contract type or one region."""

    kind: str
    """'all', 'contract' or 'region'."""
    key: str
    """The contract type, or the region's name; '' for all."""
    jobs: tuple[Job, ...]
    """This page's jobs."""
    total: int
    """The jobs of the whole list."""
    pages: Pages
    feed: str
    """The name of the feed that follows this list (see urls.feed)."""


@dataclass(frozen=True)
class StoryListPage:
    """One page of the list of published stories, newest first."""

    stories: tuple[Story, ...]
    total: int
    pages: Pages


@dataclass(frozen=True)
class PlannedPage:
    path: str
    """Below each language root (see urls)."""
    kind: str
    """The template family: home, list, stories, employers, search, job, story, employer, page, impact, glossary, saved, week."""
    claimant: str
    """Who asks for this page, in the words of a problem message: a record's file, or what the site lists."""
    indexable: bool
    """Listed in the sitemap; else the page says noindex."""
    changed: dt.date
    """When what the page shows last changed (the sitemap's lastmod), from the records, never the clock."""
    subject: Job | Story | Employer | Page | ListPage | StoryListPage | None = None


@dataclass(frozen=True)
class PlannedFeed:
    name: str
    """See urls.feed: 'jobs', 'stories', 'employers/<id>', 'contracts/<contract>'."""
    kind: str
    """'stories', 'jobs', 'employer', 'contract', 'region', 'group-region', 'level', or 'week' (one entry a week)."""
    key: str
    """The employer's id or the contract; '' for the site's feeds."""
    page: str
    """The page the feed follows."""
    items: tuple[Job, ...] | tuple[Story, ...]
    """Newest first, at most site.feed_size (the week feed: the jobs of its weeks, see Catalog.by_week)."""
    updated: dt.date


@dataclass(frozen=True)
class Plan:
    pages: tuple[PlannedPage, ...]
    feeds: tuple[PlannedFeed, ...]
    claims: dict[str, str] = field(default_factory=dict)
    """Every file and folder the build writes, below the site root -> its claimant (the first language's folder stands
    for every language's: each writes the same paths in its own)."""


class _Claims:
    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.folders: dict[str, str] = {}
        self.problems: list[Problem] = []
        self._said: set[tuple[str, str]] = set()

    def claim(self, path: str, claimant: str) -> None:
        if path.endswith("/"):
            self.folders.setdefault(path, claimant)
            return
        first = self.files.setdefault(path, claimant)
        if first != claimant:
            self._twice(path, first, claimant)

    def check_folders(self) -> None:
        """A file inside a folder that another output owns whole (the theme's assets, a search index). The files
        inside a folder are a run of the sorted paths, found by bisection: looking at every folder for every file
        took 0.76 s of `check` at 5,000 jobs."""
        paths = sorted(self.files)
        for folder, owner in self.folders.items():
            for path in itertools.islice(paths, bisect.bisect_left(paths, folder), None):
                if not path.startswith(folder):
                    break
                if self.files[path] != owner:
                    self._twice(path, owner, self.files[path])

    def _twice(self, path: str, first: str, second: str) -> None:
        """Said once, for the first language where it happens (every language has the same paths)."""
        if (first, second) in self._said:
            return
        self._said.add((first, second))
        where = next((c for c in (second, first) if c.endswith((".yml", ".md"))), "mkdocs.yml")
        self.problems.append(
            Problem(
                where,
                None,
                M(
                    "two outputs would be written at {path}: {first} and {second}. Rename one of them.",
                    path=path,
                    first=first,
                    second=second,
                ),
            )
        )


PREVIEWED = ("job", "story")
"""The kinds of page that have a preview card of their own (urls.preview); the others show the site's."""


def plan(site: Site, catalog: Catalog) -> tuple[Plan, list[Problem]]:
    """The site's outputs, in the order they are rendered, and any path claimed twice."""
    pages = _pages(catalog)
    feeds = _feeds(site, catalog)
    claims = _Claims()
    lang = site.languages[0]  # every language writes the same paths in a folder of its own: one is checked
    claims.claim(f"{lang}/{urls.SEARCH_BUNDLE}", "the search index")
    claims.claim(f"{lang}/{urls.NOT_FOUND}", "the page for missing addresses")
    claims.claim(f"{lang}/{urls.JOBS_INDEX}", "the jobs list's filters")
    claims.claim(f"{lang}/{urls.JOBS_INDEX_PARTS}", "the jobs list's filters")
    for job in catalog.jobs:
        claims.claim(f"{lang}/{urls.job_calendar(job.key)}", f"the deadline of {job.source}")
    for page in pages:
        claims.claim(f"{lang}/{urls.page_file(page.path)}", page.claimant)
        if page.kind in PREVIEWED:
            claims.claim(f"{lang}/{urls.preview(page.path)}", f"the preview card of {page.claimant}")
    for feed in feeds:
        for suffix in urls.FEED_SUFFIXES:
            claims.claim(f"{lang}/{urls.feed(feed.name, suffix)}", f"the feed {feed.name}")
    for name in urls.ROOT_FILES:
        claims.claim(name, "the site")
    claims.claim("media/", "the media")
    claims.claim(urls.ASSETS, "the theme's files")
    claims.claim(urls.SCHEMAS, "the schemas")
    claims.check_folders()
    return Plan(tuple(pages), tuple(feeds), {**claims.folders, **claims.files}), claims.problems


def _newest(days: list[dt.date], default: dt.date) -> dt.date:
    return max(days, default=default)


def _lists(catalog: Catalog) -> list[PlannedPage]:
    """Every page of every list of open jobs: all, by contract, by region, by contract group in each region (usable
    without JavaScript)."""
    lists: list[tuple[str, str, str, tuple[Job, ...], str, str]] = [
        ("all", "", urls.JOBS, catalog.jobs, "jobs", "the list of jobs")
    ]
    lists += [
        ("contract", c, urls.contract_list(c), tuple(jobs), urls.contract_feed(c), f"the list of {c} jobs")
        for c, jobs in catalog.by_contract.items()
    ]
    lists += [
        ("region", name, urls.region_list(name), tuple(jobs), urls.region_feed(name), f"the list of jobs in {name}")
        for name, jobs in catalog.by_region.items()
    ]
    lists += [
        (
            "group-region",
            f"{group}/{name}",
            urls.group_region_list(group, name),
            tuple(jobs),
            urls.group_region_feed(group, name),
            f"the list of {group} jobs in {name}",
        )
        for (group, name), jobs in catalog.by_group_region.items()
    ]
    newest = _newest([j.posted for j in catalog.jobs], catalog.today)
    out = []
    for kind, key, first, jobs, feed, claimant in lists:
        for path, chunk, where in _paged(jobs, first):
            out.append(
                PlannedPage(
                    path,
                    "list",
                    claimant if where.n == 1 else f"{claimant}, page {where.n}",
                    True,
                    _newest([j.posted for j in chunk], newest),
                    ListPage(kind, key, chunk, len(jobs), where, feed),
                )
            )
    return out


def _pages(catalog: Catalog) -> list[PlannedPage]:
    stories = [s for s in catalog.stories if s.indexable]
    newest = _newest([j.posted for j in catalog.jobs] + [s.published for s in stories], catalog.today)
    pages = [PlannedPage(urls.HOME, "home", "the home page", True, newest)]
    pages += _lists(catalog)
    for path, chunk, where in _paged(catalog.stories, urls.STORIES):
        pages.append(
            PlannedPage(
                path,
                "stories",
                "the list of stories" if where.n == 1 else f"the list of stories, page {where.n}",
                True,
                _newest([s.published for s in chunk if s.indexable], newest),
                StoryListPage(chunk, len(catalog.stories), where),
            )
        )
    pages.append(PlannedPage(urls.EMPLOYERS, "employers", "the list of employers", True, newest))
    pages.append(PlannedPage(urls.SEARCH, "search", "the search page", False, newest))
    pages += [PlannedPage(urls.job(j.key), "job", j.source, True, j.posted, j) for j in catalog.jobs]
    pages += [PlannedPage(urls.job(j.key), "job", j.source, False, j.deadline, j) for j in catalog.recently_closed]
    pages += [PlannedPage(urls.story(s.id), "story", s.source, s.indexable, s.published, s) for s in catalog.stories]
    for e in catalog.employers:
        dates = [j.posted for j in catalog.jobs_of(e.id)] + [s.published for s in catalog.stories_of(e.id) if s.indexable]
        pages.append(PlannedPage(urls.employer(e.id), "employer", e.source, True, _newest(dates, newest), e))
    pages += [
        PlannedPage(urls.editorial(p.id), "page", p.texts[0].source, True, newest, p)
        for p in catalog.content.pages
        if p.id != "home"
    ]
    pages.append(PlannedPage(urls.IMPACT, "impact", "the impact page", True, newest))
    pages.append(PlannedPage(urls.GLOSSARY, "glossary", "the glossary", True, newest))
    pages.append(PlannedPage(urls.SAVED, "saved", "the saved jobs", False, newest))
    pages.append(
        PlannedPage(urls.WEEK, "week", "the weekly digest", True, _newest([j.posted for j in catalog.this_week], newest))
    )
    return pages


def _feeds(site: Site, catalog: Catalog) -> list[PlannedFeed]:
    """The stories feed, the jobs feed, and the jobs feeds by employer, by contract, by region, by contract group in
    each region, and by level of French (it or less)."""
    size = site.feed_size

    shown = tuple(s for s in catalog.stories if s.indexable)[:size]  # catalog.stories: newest first
    # an empty feed is as new as the newest record, not as the day: a new day changes no feed that gained nothing
    known = _newest([j.posted for j in catalog.jobs] + [s.published for s in catalog.stories if s.indexable], catalog.today)
    feeds = [PlannedFeed("stories", "stories", "", urls.STORIES, shown, _newest([s.published for s in shown], known))]

    def jobs_feed(name: str, kind: str, key: str, page: str, jobs: list[Job]) -> PlannedFeed:
        items = catalog.newest(jobs, size)
        return PlannedFeed(name, kind, key, page, items, _newest([j.posted for j in items], known))

    feeds.append(jobs_feed("jobs", "jobs", "", urls.JOBS, list(catalog.jobs)))
    feeds += [
        jobs_feed(urls.employer_feed(e.id), "employer", e.id, urls.employer(e.id), catalog.jobs_of(e.id))
        for e in catalog.employers
    ]
    feeds += [
        jobs_feed(urls.contract_feed(c), "contract", c, urls.contract_list(c), jobs) for c, jobs in catalog.by_contract.items()
    ]
    feeds += [jobs_feed(urls.region_feed(n), "region", n, urls.region_list(n), jobs) for n, jobs in catalog.by_region.items()]
    feeds += [
        jobs_feed(urls.group_region_feed(g, n), "group-region", f"{g}/{n}", urls.group_region_list(g, n), jobs)
        for (g, n), jobs in catalog.by_group_region.items()
    ]
    feeds += [jobs_feed(urls.level_feed(lv), "level", lv, urls.level_list(lv), jobs) for lv, jobs in catalog.by_level.items()]
    weeks = list(catalog.by_week.values())[:size]  # one entry a week, within the feeds' cap
    digest = tuple(j for jobs in weeks for j in jobs)  # grouped by week again when written
    feeds.append(PlannedFeed(urls.WEEK_FEED, "week", "", urls.WEEK, digest, _newest([j.posted for j in digest], known)))
    return feeds
