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

from passerelle.cache import Cache
from passerelle.records.catalog import Catalog, iso_week, week_monday
from passerelle.records.days import PARIS
from passerelle.records.strings import Strings
from passerelle.plan import urls
from passerelle.plan.outputs import Plan
from passerelle.records.models import Job, Story
from passerelle.records.settings import Site
from passerelle.render.digest import digest_line

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
        return self.site.lang_url(self.lang, urls.feed(self.path, suffix))

    def write(self, entries: list[Entry], updated: dt.date, cache: Cache) -> None:
        """The feed in its three formats; each one an earlier build made of the same entries is taken from the
        cache (its key: the feed's words, its entries, its date; the code, strings and settings are in every key)."""
        target = self.folder / self.path
        made_of = repr((self.lang, self.path, self.title, self.description, self.page_url, entries, updated))
        for suffix in urls.FEED_SUFFIXES:
            path, key = target.with_name(target.name + suffix), cache.key("feed", suffix, made_of)
            if cache.copy_to(key, path):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(
                self._json(entries).encode("utf-8") if suffix == ".feed.json" else self._xml(entries, updated, suffix)
            )
            cache.store_file(key, path)

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
        return bytes(fg.atom_str(pretty=True) if atom else fg.rss_str(pretty=True))

    def _json(self, entries: list[Entry]) -> str:
        feed: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.title,
            "home_page_url": self.page_url,
            "feed_url": self.url(".feed.json"),
            "description": self.description,
            "language": self.lang,
            "authors": [{"name": self.site.name, "url": self.site.url}],
            "items": [
                {
                    "id": e.id,
                    "url": e.url,
                    "title": e.title,
                    "summary": e.summary,
                    "content_html": e.html,
                    "date_published": _at_noon(e.date).isoformat(),
                    "date_modified": _at_noon(e.date).isoformat(),
                    "language": self.lang,
                }
                for e in entries
            ],
        }
        return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def write_feeds(
    site: Site, plan: Plan, catalog: Catalog, strings: Strings, html: Callable[[str], str], folder: Path, cache: Cache
) -> None:
    """Write every planned feed of one language (see plan.outputs: stories, jobs, jobs by employer and by contract).

    `html` renders a record's Markdown to sanitised HTML (the pages' renderer, whose cache it shares);
    `folder` becomes <lang>/feeds/ of the site."""
    lang = strings.lang
    langs = (lang, site.default, site.languages)
    description = strings("feed_description", n=site.feed_size, export=site.file_url(urls.JOBS_EXPORT))
    entries: dict[str, Entry] = {}

    def story_entry(story: Story) -> Entry:
        text = story.text(*langs)
        return Entry(
            tag_id(site, "story", story.id, lang),
            site.lang_url(lang, urls.story(story.id)),
            text.title,
            text.summary,
            f"<p><strong>{escape(text.summary)}</strong></p>{html(text.body)}",
            story.published,
        )

    def job_entry(job: Job) -> Entry:
        if job.key not in entries:
            employer = catalog.employer(job.employer)
            title = job.title.pick(*langs)[0]
            facts = " · ".join(
                [
                    employer.name,
                    strings(f"contract_{job.contract}"),
                    strings(f"remote_{job.remote}"),
                    f"{strings('label_deadline')} {strings.date(job.deadline)}",
                ]
            )
            content = f"<p>{escape(facts)}</p>{html(job.description.pick(*langs)[0])}"
            entries[job.key] = Entry(
                tag_id(site, "job", job.key, lang),
                site.lang_url(lang, urls.job(job.key)),
                f"{title} · {employer.name}",
                facts,
                content,
                job.posted,
            )
        return entries[job.key]

    def week_entry(week: str, jobs: list[Job]) -> Entry:
        """One week of the digest: the jobs posted that week, each a line with its link."""
        monday = week_monday(week)
        lines = [digest_line(site, catalog, strings, job) for job in jobs]
        items = "".join(f'<li><a href="{escape(url)}">{escape(title)}</a> · {escape(facts)}</li>' for title, facts, url in lines)
        return Entry(
            tag_id(site, "week", week.lower(), lang),
            f"{site.lang_url(lang, urls.WEEK)}#{week}",
            strings("week_entry", date=strings.date(monday), n=len(jobs)),
            " · ".join(title for title, _, _ in lines),
            f"<ul>{items}</ul>",
            max(j.posted for j in jobs),
        )

    for planned in plan.feeds:
        if planned.kind == "week":
            weeks: dict[str, list[Job]] = {}
            for job in planned.items:
                if isinstance(job, Job):
                    weeks.setdefault(iso_week(job.posted), []).append(job)
            title = strings("week_feed_title")
            items = [week_entry(week, jobs) for week, jobs in weeks.items()]
        elif planned.kind == "stories":
            title = strings("feed_stories_title")
            items = [story_entry(s) for s in planned.items if isinstance(s, Story)]
        else:
            title = strings("feed_jobs_title")
            if planned.kind == "employer":
                title = f"{title} · {catalog.employer(planned.key).name}"
            elif planned.kind in ("contract", "region", "group-region", "level"):
                title = f"{title} · {strings.list_label(planned.kind, planned.key)}"
            items = [job_entry(j) for j in planned.items if isinstance(j, Job)]
        feed = Feed(site, lang, folder, planned.name, title, f"{title}. {description}", site.lang_url(lang, planned.page))
        feed.write(items, planned.updated, cache)
