"""The weekly digest: this week's new jobs, one line each, ready to paste into a WhatsApp group or an e-mail (the
programme's real channels). Its page (<lang>/week/) and its feed (feeds/week.*, one entry a week) say each job
the same way, from here."""

from __future__ import annotations

from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.models import Job
from passerelle.records.settings import Site
from passerelle.records.strings import Strings


def digest_line(site: Site, catalog: Catalog, strings: Strings, job: Job) -> tuple[str, str, str]:
    """A job as the digest says it, in one language: its title, its facts in a line, its address."""
    employer = catalog.employer(job.employer)
    place = job.location.city or strings.country(job.location.country)
    facts = " · ".join(
        [employer.name, strings(f"contract_{job.contract}"), place, f"{strings('apply_by')} {strings.date(job.deadline)}"]
    )
    title = job.title.pick(strings.lang, site.default, site.languages)[0]
    return title, facts, site.lang_url(strings.lang, urls.job(job.key))


def digest_text(lines: list[tuple[str, str, str]], heading: str) -> str:
    """The digest as plain text: a heading, then each job in two lines (what, then where to read it)."""
    return "\n\n".join([heading, *(f"• {title}\n{facts}\n{url}" for title, facts, url in lines)]) + "\n"
