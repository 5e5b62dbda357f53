"""The catalog: every query on the records for one "today" (what is published, open, closed, whose)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from passerelle.records.models import Content, Employer, Job, Story
from passerelle.records.vocabulary import CONTRACTS

CLOSED_PAGE_DAYS = 90
"""A closed job keeps its page (saying it is closed) this many days, so shared links do not break."""
CLOSING_SOON_DAYS = 14
PAGE_SIZE = 50
"""Cards on one page of a jobs list; longer lists continue on jobs/.../page/2/ and so on."""


@dataclass(frozen=True)
class Listing:
    """One list of open jobs: all of them, or those of one contract type or one region."""

    path: str
    """Below the language root, e.g. 'jobs/' or 'jobs/contract/internship/'."""
    kind: str
    """'all', 'contract' or 'region'."""
    key: str
    """The contract type, or the region's name; '' for all."""
    jobs: tuple[Job, ...]

    def pages(self) -> list[tuple[str, tuple[Job, ...]]]:
        """Each page of the list: its path and its jobs (one page, even empty)."""
        chunks = [self.jobs[i:i + PAGE_SIZE] for i in range(0, len(self.jobs), PAGE_SIZE)] or [()]
        return [(self.path if n == 0 else f"{self.path}page/{n + 1}/", chunk) for n, chunk in enumerate(chunks)]


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

    def is_open(self, job: Job) -> bool:
        return job.posted <= self.today <= job.deadline

    def closing_soon(self, job: Job) -> bool:
        return (job.deadline - self.today).days <= CLOSING_SOON_DAYS

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
    def by_region(self) -> dict[str, tuple[str, list[Job]]]:
        """Open jobs of each region named by a job: slug -> (region name, jobs), by name."""
        out: dict[str, tuple[str, list[Job]]] = {}
        for job in self.jobs:
            if job.location.region:
                out.setdefault(ascii_slug(job.location.region), (job.location.region, []))[1].append(job)
        return dict(sorted(out.items(), key=lambda item: item[1][0].casefold()))

    @cached_property
    def listings(self) -> tuple[Listing, ...]:
        """Every list of open jobs, usable without JavaScript: all, by contract, by region."""
        out = [Listing("jobs/", "all", "", self.jobs)]
        out += [Listing(f"jobs/contract/{c}/", "contract", c, tuple(jobs)) for c, jobs in self.by_contract.items()]
        out += [Listing(f"jobs/region/{slug}/", "region", name, tuple(jobs)) for slug, (name, jobs) in self.by_region.items()]
        return tuple(out)



def ascii_slug(text: str) -> str:
    """A URL segment from a place name: 'Île-de-France' -> 'ile-de-france'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "region"
