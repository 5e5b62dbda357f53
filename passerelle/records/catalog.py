"""The catalog: every query on the records for one "today" (what is published, open, closed, whose)."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass
from functools import cached_property

from passerelle.records.models import Content, Employer, Job, Story
from passerelle.records.text import ascii_slug
from passerelle.records.vocabulary import CONTRACT_GROUPS, CONTRACTS, FRENCH_LEVELS

CLOSED_PAGE_DAYS = 90
"""A closed job keeps its page (saying it is closed) this many days, so shared links do not break."""
CLOSING_SOON_DAYS = 14
"""A job whose deadline is this many days away or fewer has the "closing soon" badge, by the reader's clock (clock.js)."""
WEEK_DAYS = 7
DIGEST_WEEKS = 8
"""The weekly digest's feed holds this many weeks (those with new jobs still open)."""


def iso_week(day: dt.date) -> str:
    """The ISO week a day is in: '2026-W48'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(week: str) -> dt.date:
    """The Monday of an ISO week named by iso_week."""
    return dt.date.fromisocalendar(int(week[:4]), int(week[6:]), 1)


def _merged(first: list[Job], second: list[Job]) -> list[Job]:
    """Two lists of open jobs, each in the catalog's order (closest deadline first, then by key), as one list in
    that order, a job in both once."""
    out: list[Job] = []
    for job in heapq.merge(first, second, key=lambda j: (j.deadline, j.key)):
        if not out or out[-1] is not job:
            out.append(job)
    return out


@dataclass(frozen=True)
class Catalog:
    content: Content
    today: dt.date

    @cached_property
    def employers(self) -> tuple[Employer, ...]:
        return tuple(sorted(self.content.employers, key=lambda e: (e.name.casefold(), e.id)))

    @cached_property
    def _employers_by_id(self) -> dict[str, Employer]:
        return {e.id: e for e in self.content.employers}

    def employer(self, eid: str) -> Employer:
        return self._employers_by_id[eid]

    @cached_property
    def stories(self) -> tuple[Story, ...]:
        """Published stories, newest first: publication date reached, and no withdrawal recorded.

        A recorded withdrawal hides the story whatever its date: building for an earlier day must
        never bring it back."""
        live = [s for s in self.content.stories if s.withdrawn is None and s.published <= self.today]
        return tuple(sorted(live, key=lambda s: (-s.published.toordinal(), s.id)))

    @cached_property
    def jobs(self) -> tuple[Job, ...]:
        """Open jobs, closest deadline first: posted, and open through their deadline day."""
        live = [j for j in self.content.jobs if j.posted <= self.today <= j.deadline]
        return tuple(sorted(live, key=lambda j: (j.deadline, j.key)))

    @cached_property
    def recently_closed(self) -> tuple[Job, ...]:
        """Closed jobs that keep a page saying so (in no listing, feed, sitemap or export)."""
        limit = self.today - dt.timedelta(days=CLOSED_PAGE_DAYS)
        closed = [j for j in self.content.jobs if limit <= j.deadline < self.today]
        return tuple(sorted(closed, key=lambda j: j.key))

    @cached_property
    def _newest_rank(self) -> dict[int, int]:
        """Each open job's place when the newest posted come first (then by id), by the job object's id."""
        newest = sorted(self.jobs, key=lambda j: (-j.posted.toordinal(), j.key))
        return {id(job): n for n, job in enumerate(newest)}

    def newest(self, jobs: list[Job] | tuple[Job, ...], n: int) -> tuple[Job, ...]:
        """The `n` newest of `jobs` (open jobs of this catalog, as its lists hold them): posted last first, then by
        id. (Each job's place is worked out once: a feed a list, 300 feeds at 5,000 jobs.)"""
        rank = self._newest_rank
        return tuple(heapq.nsmallest(n, jobs, key=lambda j: rank[id(j)]))

    def is_open(self, job: Job) -> bool:
        return job.posted <= self.today <= job.deadline

    @cached_property
    def _jobs_by_employer(self) -> dict[str, list[Job]]:
        out: dict[str, list[Job]] = {}
        for job in self.jobs:
            out.setdefault(job.employer, []).append(job)
        return out

    @cached_property
    def _stories_by_employer(self) -> dict[str, list[Story]]:
        out: dict[str, list[Story]] = {}
        for story in self.stories:
            if story.employer:
                out.setdefault(story.employer, []).append(story)
        return out

    def jobs_of(self, eid: str) -> list[Job]:
        return self._jobs_by_employer.get(eid, [])

    def stories_of(self, eid: str) -> list[Story]:
        return self._stories_by_employer.get(eid, [])

    @cached_property
    def by_contract(self) -> dict[str, list[Job]]:
        """Open jobs of each contract type, in the vocabulary's order (every type, even without jobs)."""
        return {c: [j for j in self.jobs if j.contract == c] for c in CONTRACTS}

    @cached_property
    def by_region(self) -> dict[str, list[Job]]:
        """Open jobs of each region named by a job, by name, and in every region the fully remote jobs (a fellow
        anywhere can take them); two spellings of one name (Île-de-France, Ile de France) are one region, under
        the first spelling met."""
        names: dict[str, str] = {}
        placed: dict[str, list[Job]] = {}
        for job in self.jobs:
            if job.location.region:
                slug = ascii_slug(job.location.region)
                names.setdefault(slug, job.location.region)
                placed.setdefault(slug, []).append(job)
        remote = [j for j in self.jobs if j.remote == "full"]
        out = {name: _merged(placed[slug], remote) for slug, name in names.items()}
        return dict(sorted(out.items(), key=lambda item: item[0].casefold()))

    @cached_property
    def this_week(self) -> list[Job]:
        """The open jobs posted in the seven days up to today, newest first: the weekly digest's page."""
        since = self.today - dt.timedelta(days=WEEK_DAYS - 1)
        return sorted((j for j in self.jobs if j.posted >= since), key=lambda j: (-j.posted.toordinal(), j.key))

    @cached_property
    def by_week(self) -> dict[str, list[Job]]:
        """The open jobs by the ISO week they were posted in ('2026-W48'), newest week first, the last
        DIGEST_WEEKS weeks that have any: the weekly digest's feed, one entry a week."""
        weeks: dict[str, list[Job]] = {}
        for job in sorted(self.jobs, key=lambda j: (-j.posted.toordinal(), j.key)):
            weeks.setdefault(iso_week(job.posted), []).append(job)
        return dict(list(weeks.items())[:DIGEST_WEEKS])

    @cached_property
    def by_level(self) -> dict[str, list[Job]]:
        """For each level of French, the open jobs a fellow at that level can take: those asking for it or less,
        and those asking for none (as the jobs list's "my level" filter). Only the levels that have jobs."""
        out: dict[str, list[Job]] = {}
        asked = [(j, -1 if j.french_level is None else FRENCH_LEVELS.index(j.french_level)) for j in self.jobs]
        for rank, level in enumerate(FRENCH_LEVELS):
            found = [j for j, needs in asked if needs <= rank]
            if found:
                out[level] = found
        return out

    @cached_property
    def by_group_region(self) -> dict[tuple[str, str], list[Job]]:
        """Open jobs of each contract group (alternance, internship...) in each region, fully remote ones included:
        the lists that combine both for a reader without JavaScript. Only the pairs that have jobs."""
        out: dict[tuple[str, str], list[Job]] = {}
        for name, jobs in self.by_region.items():
            for group, members in CONTRACT_GROUPS.items():
                found = [j for j in jobs if j.contract in members]
                if found:
                    out[(group, name)] = found
        return out
