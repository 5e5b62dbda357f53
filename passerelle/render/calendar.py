"""Remind me: each open job's deadline as an iCalendar file (RFC 5545), in each language. An all-day event on the
deadline day (Europe/Paris, the day the job is open through), with an alarm the day before; the stamp is the day
the job was posted, so the file changes only when the job does.

The file is a fixed list of content lines written here (the `icalendar` library took 2 ms a file, an eighth of a
cold build: 6,000 files at 1,000 jobs), with its rules: TEXT values escaped (RFC 5545 3.3.11), control characters
dropped, lines folded at 75 octets without cutting a character or an escape. The tests read every file back with
`icalendar`, the judge.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from passerelle.cache import Cache
from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.models import Job
from passerelle.records.settings import Site
from passerelle.records.strings import Strings

_CONTROLS = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c != 0x0A}
"""Control characters (Unicode's Cc) but the line feed, which TEXT escapes: RFC 5545 allows none of them."""
_FOLD_AT = 75
"""Octets a line may hold, without its CRLF (RFC 5545 3.1); a folded line's first octet is the space."""


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped, controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded (RFC 5545 3.1): at most 74 octets before each break, a character never cut, and a
    backslash kept with the character it escapes."""
    if len(line) < _FOLD_AT and line.isascii():
        return line
    lines: list[str] = []
    current: list[str] = []
    count = 0
    for char in line:
        size = len(char.encode("utf-8"))
        if current and count + size >= _FOLD_AT:
            carried = current.pop() if len(current) > 1 and current[-1] == "\\" else ""
            lines.append("".join(current))
            current, count = ([carried], len(carried)) if carried else ([], 0)
        current.append(char)
        count += size
    lines.append("".join(current))
    return "\r\n ".join(lines)


def job_calendar(site: Site, job: Job, employer: str, title: str, t: Strings) -> bytes:
    """The .ics of one job's deadline, in the language of `t`."""
    page = site.lang_url(t.lang, urls.job(job.key))
    summary = text(t("calendar_summary", title=title, employer=employer))
    description = f"{t('calendar_description')}\n{page}\n{t('apply')}: {job.apply.removeprefix('mailto:')}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(f'-//{site.name}//{site.host}//{t.lang.upper()}')}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"SUMMARY:{summary}",
        f"DTSTART;VALUE=DATE:{job.deadline:%Y%m%d}",
        f"DTEND;VALUE=DATE:{job.deadline + dt.timedelta(days=1):%Y%m%d}",
        f"DTSTAMP:{job.posted:%Y%m%d}T000000Z",
        f"UID:{text(f'deadline-{job.employer}-{job.id}@{site.host}')}",
        f"DESCRIPTION:{text(description)}",
        "TRANSP:TRANSPARENT",
        f"URL:{page}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{summary}",
        "TRIGGER:-P1D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


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
