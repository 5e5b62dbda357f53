"""Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the stories and the open jobs, per language (feedgen for XML).

Each feed holds the newest `site.feed_size` entries (a phone polls it; every open job is in jobs.json), names
the programme as its author, and gives each entry an RFC 4151 `tag:` id that never changes: the site's host,
the year the scheme was fixed, the record and the language. Stories whose fellow chose `indexable: false`
are in no feed: aggregators republish feeds and search engines index them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from feedgen.feed import FeedGenerator
from markupsafe import escape

from passerelle.records.catalog import Catalog
from passerelle.records.days import PARIS
from passerelle.records.strings import Strings
from passerelle.records.models import Job
from passerelle.records.settings import Site

TAG_YEAR = 2026
"""The date part of every entry's tag: URI (RFC 4151); fixed once, never to change."""


@dataclass(frozen=True)
class Entry:
    id: str
    url: str
    title: str
    summary: str
    html: str
    date: dt.date


def tag_id(site: Site, kind: str, key: str, lang: str) -> str:
    """An entry id that every validator accepts and that stays the same from build to build."""
    return f"tag:{site.host},{TAG_YEAR}:{kind}/{key}/{lang}"


def _at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=PARIS)


@dataclass(frozen=True)
class Feed:
    """One feed of one language, in its three formats."""

    site: Site
    lang: str
    folder: Path
    path: str
    """Below <lang>/feeds/, without suffix: 'jobs', 'employers/<id>'."""
    title: str
    description: str
    page_url: str

    def url(self, suffix: str) -> str:
        return self.site.lang_url(self.lang, f"feeds/{self.path}{suffix}")

    def write(self, entries: list[Entry], updated: dt.date) -> None:
        target = self.folder / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in (".xml", ".atom.xml"):
            target.with_name(target.name + suffix).write_bytes(self._xml(entries, updated, suffix))
        target.with_name(target.name + ".feed.json").write_text(self._json(entries), encoding="utf-8")

    def _xml(self, entries: list[Entry], updated: dt.date, suffix: str) -> bytes:
        atom = suffix == ".atom.xml"
        fg = FeedGenerator()
        fg.id(self.url(suffix))
        fg.title(self.title)
        fg.description(self.description)  # Atom: the subtitle
        fg.language(self.lang)
        fg.author({"name": self.site.name, "uri": self.site.url})
        fg.generator("Passerelle")
        fg.link(href=self.url(suffix), rel="self", type="application/atom+xml" if atom else "application/rss+xml")
        fg.link(href=self.page_url, rel="alternate", type="text/html")  # RSS: the channel link is the last link() call
        fg.updated(_at_noon(updated))
        fg.lastBuildDate(_at_noon(updated))
        for e in entries:
            fe = fg.add_entry(order="append")
            fe.id(e.id)
            fe.guid(e.id, permalink=False)
            fe.title(e.title)
            fe.link(href=e.url, rel="alternate", type="text/html")
            fe.published(_at_noon(e.date))
            fe.updated(_at_noon(e.date))
            fe.summary(e.summary)
            fe.content(e.html, type="html" if atom else "CDATA")
        return fg.atom_str(pretty=True) if atom else fg.rss_str(pretty=True)

    def _json(self, entries: list[Entry]) -> str:
        feed: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.title,
            "home_page_url": self.page_url,
            "feed_url": self.url(".feed.json"),
            "description": self.description,
            "language": self.lang,
            "authors": [{"name": self.site.name, "url": self.site.url}],
            "items": [{"id": e.id, "url": e.url, "title": e.title, "summary": e.summary, "content_html": e.html,
                       "date_published": _at_noon(e.date).isoformat(), "date_modified": _at_noon(e.date).isoformat(),
                       "language": self.lang} for e in entries],
        }
        return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def write_feeds(site: Site, catalog: Catalog, strings: Strings, html: Callable[[str], str], folder: Path) -> None:
    """Write the stories and jobs feeds of one language, and the jobs feeds filtered by employer and by contract.

    `html` renders a record's Markdown to sanitised HTML (the pages' renderer, whose cache it shares);
    `folder` becomes <lang>/feeds/ of the site."""
    lang = strings.lang
    langs = (lang, site.default, site.languages)
    size = site.feed_size
    description = strings("feed_description", n=size, export=f"{site.url}jobs.json")

    def feed(path: str, title: str, page: str) -> Feed:
        return Feed(site, lang, folder, path, title, f"{title}. {description}", site.lang_url(lang, page))

    stories = []
    shown = [s for s in catalog.stories if s.indexable][:size]  # catalog.stories: newest first
    for story in shown:
        text = story.text(*langs)
        url = site.lang_url(lang, f"stories/{story.id}/")
        stories.append(Entry(tag_id(site, "story", story.id, lang), url, text.title, text.summary,
                             f"<p><strong>{escape(text.summary)}</strong></p>{html(text.body)}", story.published))
    feed("stories", strings("feed_stories_title"), "stories/").write(
        stories, max((s.published for s in shown), default=catalog.today))

    entries: dict[str, Entry] = {}

    def entry(job: Job) -> Entry:
        if job.key not in entries:
            employer = catalog.employer(job.employer)
            title = job.title.pick(*langs)[0]
            facts = " · ".join([employer.name, strings(f"contract_{job.contract}"), strings(f"remote_{job.remote}"),
                                f"{strings('label_deadline')} {strings.date(job.deadline)}"])
            content = f"<p>{escape(facts)}</p>{html(job.description.pick(*langs)[0])}"
            entries[job.key] = Entry(tag_id(site, "job", job.key, lang), site.lang_url(lang, f"jobs/{job.key}/"),
                                     f"{title} · {employer.name}", facts, content, job.posted)
        return entries[job.key]

    def jobs_feed(path: str, title: str, page: str, jobs: list[Job]) -> None:
        newest = sorted(jobs, key=lambda j: (-j.posted.toordinal(), j.key))[:size]
        feed(path, title, page).write([entry(j) for j in newest], max((j.posted for j in newest), default=catalog.today))

    jobs_feed("jobs", strings("feed_jobs_title"), "jobs/", list(catalog.jobs))
    for employer in catalog.employers:
        jobs_feed(f"employers/{employer.id}", f"{strings('feed_jobs_title')} · {employer.name}",
                  f"employers/{employer.id}/", catalog.jobs_of(employer.id))
    for contract, jobs in catalog.by_contract.items():
        jobs_feed(f"contracts/{contract}", f"{strings('feed_jobs_title')} · {strings('contract_' + contract)}",
                  f"jobs/contract/{contract}/", jobs)
