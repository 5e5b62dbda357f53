"""Feeds: RSS 2.0 and Atom 1.0 of the stories and the open jobs, per language (feedgen)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from feedgen.feed import FeedGenerator
from markupsafe import escape

from .catalog import PARIS, Catalog
from .i18n import Strings
from .models import Job
from .site import Site


@dataclass(frozen=True)
class Entry:
    id: str
    url: str
    title: str
    summary: str
    html: str
    date: dt.date


def _at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12, 0), tzinfo=PARIS)


def _write(folder: Path, path: Path, site: Site, lang: str, title: str, page_url: str, entries: list[Entry], updated: dt.date) -> None:
    """Write path (RSS) and its .atom.xml sibling, newest entry first."""
    for fmt in ("rss", "atom"):
        target = path if fmt == "rss" else path.with_name(path.stem + ".atom.xml")
        self_url = site.lang_url(lang, "feeds/" + target.relative_to(folder).as_posix())
        fg = FeedGenerator()
        fg.id(self_url)
        fg.title(title)
        fg.language(lang)
        fg.generator("Passerelle")
        fg.link(href=self_url, rel="self")
        fg.link(href=page_url, rel="alternate")  # RSS: the channel link is the last link() call
        fg.description(title)
        fg.updated(_at_noon(updated))
        fg.lastBuildDate(_at_noon(updated))
        for e in entries:
            fe = fg.add_entry(order="append")
            fe.id(e.id)
            fe.guid(e.id, permalink=False)
            fe.title(e.title)
            fe.link(href=e.url)
            fe.published(_at_noon(e.date))
            fe.updated(_at_noon(e.date))
            fe.summary(e.summary)
            fe.content(e.html, type="html" if fmt == "atom" else "CDATA")
        data = fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def write_feeds(site: Site, catalog: Catalog, strings: Strings, html: Callable[[str], str], folder: Path) -> None:
    """Write the stories and jobs feeds of one language, and the jobs feeds filtered by employer and by contract.

    `html` renders a record's Markdown to sanitised HTML (the pages' renderer, whose cache it shares);
    `folder` becomes <lang>/feeds/ of the site."""
    lang = strings.lang
    langs = (lang, site.default, site.languages)
    stories = []
    for story in catalog.stories:
        text = story.text(*langs)
        url = site.lang_url(lang, f"stories/{story.id}/")
        stories.append(Entry(f"urn:passerelle:story:{story.id}:{lang}", url, text.title, text.summary,
                             f"<p><strong>{escape(text.summary)}</strong></p>{html(text.body)}", story.published))
    _write(folder, folder / "stories.xml", site, lang, strings("feed_stories_title"), site.lang_url(lang, "stories/"),
           stories, max((s.published for s in catalog.stories), default=catalog.today))

    entries: dict[str, Entry] = {}
    for job in catalog.jobs:
        employer = catalog.employer(job.employer)
        title = job.title.pick(*langs)[0]
        url = site.lang_url(lang, f"jobs/{job.key}/")
        facts = " · ".join([employer.name, strings(f"contract_{job.contract}"), strings(f"remote_{job.remote}"),
                            f"{strings('label_deadline')} {strings.date(job.deadline)}"])
        content = f"<p>{escape(facts)}</p>{html(job.description.pick(*langs)[0])}"
        entries[job.key] = Entry(f"urn:passerelle:job:{job.key}:{lang}", url, f"{title} · {employer.name}", facts,
                                 content, job.posted)

    def jobs_feed(path: str, title: str, page: str, jobs: list[Job]) -> None:
        newest = sorted(jobs, key=lambda j: (-j.posted.toordinal(), j.key))
        _write(folder, folder / f"{path}.xml", site, lang, title, site.lang_url(lang, page), [entries[j.key] for j in newest],
               max((j.posted for j in jobs), default=catalog.today))

    jobs_feed("jobs", strings("feed_jobs_title"), "jobs/", list(catalog.jobs))
    for employer in catalog.employers:
        jobs_feed(f"employers/{employer.id}", f"{strings('feed_jobs_title')} · {employer.name}",
                  f"employers/{employer.id}/", catalog.jobs_of(employer.id))
    for contract, jobs in catalog.by_contract.items():
        jobs_feed(f"contracts/{contract}", f"{strings('feed_jobs_title')} · {strings('contract_' + contract)}",
                  f"jobs/contract/{contract}/", jobs)
