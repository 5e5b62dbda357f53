"""Remind me: each open job's deadline as an iCalendar file (RFC 5545), in each language, written with the
`icalendar` library. An all-day event on the deadline day (Europe/Paris, the day the job is open through), with
an alarm the day before; the stamp is the day the job was posted, so the file changes only when the job does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from passerelle.cache import Cache
from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.models import Job
from passerelle.records.settings import Site
from passerelle.records.strings import Strings


def job_calendar(site: Site, job: Job, employer: str, title: str, t: Strings) -> bytes:
    """The .ics of one job's deadline, in the language of `t`."""
    page = site.lang_url(t.lang, urls.job(job.key))
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{site.name}//{site.host}//{t.lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"deadline-{job.employer}-{job.id}@{site.host}")
    event.add("dtstamp", dt.datetime.combine(job.posted, dt.time(0, 0), tzinfo=dt.timezone.utc))
    event.add("dtstart", job.deadline)
    event.add("dtend", job.deadline + dt.timedelta(days=1))
    event.add("summary", t("calendar_summary", title=title, employer=employer))
    event.add("description", f"{t('calendar_description')}\n{page}\n{t('apply')}: {job.apply.removeprefix('mailto:')}")
    event.add("url", page)
    event.add("transp", "TRANSPARENT")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("calendar_summary", title=title, employer=employer))
    alarm.add("trigger", dt.timedelta(days=-1))
    event.add_component(alarm)
    cal.add_component(event)
    return bytes(cal.to_ical())


def write_calendars(site: Site, catalog: Catalog, t: Strings, out: Path, cache: Cache) -> None:
    """Every open job's .ics into one language's folder `out`, where the plan put it; one an earlier build made
    from the same job (and the same code, strings and settings: see cache.version) is taken from the cache."""
    for job in catalog.jobs:
        title = job.title.pick(t.lang, site.default, site.languages)[0]
        employer = catalog.employer(job.employer).name
        path = out / urls.job_calendar(job.key)
        key = cache.key("ics", t.lang, repr(job), employer, title)
        if cache.copy_to(key, path):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(job_calendar(site, job, employer, title, t))
        cache.store_file(key, path)
