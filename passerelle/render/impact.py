"""Impact: the programme's figures, counted from the records for one "today", and drawn as SVG charts.

Privacy first: only stories that are published, not withdrawn and `indexable` count, and a group of fewer
than three stories is shown as "fewer than 3" (None here), never as a number that could point at a fellow.
Jobs are public: they are counted as they are. The charts are small SVG documents written here from the
numbers (no library, no script, nothing loaded by the visitor): bars that grow from the reader's side of the
page, the programme's colours, a <title> and a <desc>, beside a table of the same numbers.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.models import Figure, Story
from passerelle.records.vocabulary import CONTRACT_GROUPS, LOW_FRENCH

PRIVACY_MIN = 3
"""A group of stories smaller than this is shown as "fewer than 3"."""
MONTHS = 12

Count = int | None
"""A number, or None for "fewer than PRIVACY_MIN" (stories only)."""


@dataclass(frozen=True)
class Impact:
    """Every figure of the impact page, ready to show: lists of (key, count), keys not yet translated."""

    stories: int
    stories_by_cohort: tuple[tuple[str, Count], ...]
    hiring_employers: tuple[tuple[str, Count], ...]
    """Employer ids whose fellows tell their story, with how many."""
    jobs_by_group: tuple[tuple[str, int], ...]
    jobs_by_region: tuple[tuple[str, int], ...]
    """Region name ('' for fully remote, '?' for not given)."""
    posted_by_month: tuple[tuple[str, int], ...]
    """'YYYY-MM', the last 12 months up to today's, oldest first."""
    open_jobs: int
    low_french: int
    """Open jobs that ask A2 or less (or no level)."""
    figures: tuple[Figure, ...]
    today: dt.date

    def to_json(self) -> dict[str, Any]:
        """impact.json: the same figures as open data ("fewer than 3" is written as null with a note)."""
        return {
            "version": 1,
            "date": self.today.isoformat(),
            "privacy": f"groups of fewer than {PRIVACY_MIN} stories are null; withdrawn and non-indexable stories count nowhere",
            "stories": self.stories,
            "stories_by_cohort": dict(self.stories_by_cohort),
            "hiring_employers": dict(self.hiring_employers),
            "open_jobs": self.open_jobs,
            "open_jobs_by_contract_group": dict(self.jobs_by_group),
            "open_jobs_by_region": {({"": "fully remote", "?": "not given"}).get(k, k): n for k, n in self.jobs_by_region},
            "jobs_posted_by_month": dict(self.posted_by_month),
            "open_jobs_asking_a2_or_less": self.low_french,
            "programme_figures": [
                {"value": f.value, "label": dict(f.label.by_lang), "source": f.source, "date": f.date.isoformat(), "url": f.url}
                for f in self.figures
            ],
        }


def _private(counts: dict[str, int]) -> tuple[tuple[str, Count], ...]:
    return tuple((key, n if n >= PRIVACY_MIN else None) for key, n in counts.items())


def _months(today: dt.date) -> list[str]:
    year, month = today.year, today.month
    out = []
    for _ in range(MONTHS):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def counted_stories(catalog: Catalog) -> list[Story]:
    """The stories a figure may count: published, not withdrawn (catalog.stories), and indexable."""
    return [s for s in catalog.stories if s.indexable]


def measure(catalog: Catalog) -> Impact:
    stories = counted_stories(catalog)
    cohorts: dict[str, int] = {}
    for story in stories:
        if story.cohort:
            cohorts[story.cohort] = cohorts.get(story.cohort, 0) + 1
    hiring: dict[str, int] = {}
    for story in stories:
        if story.employer:
            hiring[story.employer] = hiring.get(story.employer, 0) + 1
    groups = {group: sum(1 for j in catalog.jobs if j.contract in members) for group, members in CONTRACT_GROUPS.items()}
    regions: dict[str, int] = {}
    for job in catalog.jobs:
        key = "" if job.remote == "full" else (job.location.region or "?")
        regions[key] = regions.get(key, 0) + 1
    months = {m: 0 for m in _months(catalog.today)}
    for job in catalog.content.jobs:
        key = job.posted.strftime("%Y-%m")
        if key in months and job.posted <= catalog.today:
            months[key] += 1
    return Impact(
        stories=len(stories),
        stories_by_cohort=_private(dict(sorted(cohorts.items()))),
        hiring_employers=_private(dict(sorted(hiring.items(), key=lambda kv: (-kv[1], kv[0])))),
        jobs_by_group=tuple(groups.items()),
        jobs_by_region=tuple(sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))),
        posted_by_month=tuple(months.items()),
        open_jobs=len(catalog.jobs),
        low_french=sum(1 for j in catalog.jobs if j.french_level in LOW_FRENCH),
        figures=catalog.content.figures,
        today=catalog.today,
    )


def write_impact_json(impact: Impact, root: Path) -> None:
    (root / urls.IMPACT_EXPORT).write_text(json.dumps(impact.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# -- charts ---------------------------------------------------------------------------------------------
BAR = "#6a1b4d"
"""The programme's colour: 11:1 against white."""
INK = "#1f1f1f"
WIDTH = 400


def bar_chart(chart_id: str, title: str, summary: str, rows: list[tuple[str, int]], rtl: bool) -> Markup:
    """Horizontal bars, one a row: its label above, the bar from the reader's side, the number at its end."""
    top = max((n for _, n in rows), default=0) or 1
    row_height, bar_height = 50, 18
    height = row_height * len(rows) + 8
    parts = []
    for i, (label, n) in enumerate(rows):
        y = 8 + i * row_height
        length = round((WIDTH - 40) * n / top)
        x = WIDTH - length if rtl else 0
        # text-anchor "start" is the reader's side: the right edge of the text when the chart's direction is rtl
        label_x = WIDTH if rtl else 0
        value_x = (WIDTH - length - 6) if rtl else (length + 6)
        parts.append(f'<text x="{label_x}" y="{y + 12}" text-anchor="start" fill="{INK}" font-size="17">{escape(label)}</text>')
        parts.append(f'<rect x="{x}" y="{y + 18}" width="{max(length, 1)}" height="{bar_height}" fill="{BAR}" rx="3"/>')
        parts.append(
            f'<text x="{value_x}" y="{y + 32}" text-anchor="start" fill="{INK}" font-size="17" font-weight="700">{n}</text>'
        )
    return _svg(chart_id, title, summary, WIDTH, height, parts, rtl)


def column_chart(chart_id: str, title: str, summary: str, columns: list[tuple[str, int]], rtl: bool) -> Markup:
    """A time line: one column a month, oldest on the reader's starting side, the number on top."""
    top = max((n for _, n in columns), default=0) or 1
    count = len(columns) or 1
    step = WIDTH / count
    chart_top, chart_bottom = 24, 170
    parts = [f'<line x1="0" y1="{chart_bottom}" x2="{WIDTH}" y2="{chart_bottom}" stroke="{INK}" stroke-width="1"/>']
    for i, (label, n) in enumerate(columns):
        slot = count - 1 - i if rtl else i
        x = slot * step + step * 0.2
        h = round((chart_bottom - chart_top) * n / top)
        parts.append(f'<rect x="{x:.1f}" y="{chart_bottom - h}" width="{step * 0.6:.1f}" height="{h}" fill="{BAR}" rx="2"/>')
        centre = x + step * 0.3
        parts.append(
            f'<text x="{centre:.1f}" y="{chart_bottom - h - 6}" text-anchor="middle" fill="{INK}" font-size="13" '
            f'font-weight="700">{n}</text>'
        )
        parts.append(
            f'<text x="{centre:.1f}" y="{chart_bottom + 18}" text-anchor="middle" fill="{INK}" font-size="12">'
            f"{escape(label)}</text>"
        )
    return _svg(chart_id, title, summary, WIDTH, chart_bottom + 28, parts, rtl)


def _svg(chart_id: str, title: str, summary: str, width: int, height: int, parts: list[str], rtl: bool) -> Markup:
    return Markup(
        f'<svg class="pa-chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {width} {height}" '
        f'width="100%" direction="{"rtl" if rtl else "ltr"}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>{"".join(parts)}</svg>'
    )
