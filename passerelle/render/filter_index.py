"""The data of the jobs list's filters (theme/assets/passerelle/filters.js), split so that what a reader downloads
grows with what she asks, not with the site: at 5,000 jobs, one 6 MB file became a few files of a few KB.

- `jobs/index.json`: the jobs in the list's order (deadline, then key), each field's distinct values, every job's
  deadline (the one fact every filtering needs: closed jobs leave by the reader's clock), and the feeds that the
  filtered list offers;
- `jobs/index/<field>.json`: one column a filter, fetched when that filter is first chosen: for every job, the
  number of its value in `values[field]`;
- `jobs/index/cards/<n>.json`: the cards, CARDS_PER_FILE a file in the list's order, fetched for the cards shown.

A job is its row number everywhere. The deadline column is written as differences (the list is in deadline
order, so they are small), which gzip makes nearly free."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from passerelle.plan import urls
from passerelle.render.structured import script_json

COLUMNS = ("contract", "remote", "level", "region", "city", "employer", "posted")
"""The columns fetched on demand. A sector is the employer's: `employer_sector` maps one to the other."""
CARDS_PER_FILE = 10
"""Cards a file: a filter that matches few jobs spreads the cards shown over many files, so files stay small."""


def card_files(jobs: int) -> int:
    return math.ceil(jobs / CARDS_PER_FILE)


@dataclass(frozen=True)
class Row:
    """One open job as the filters read it (values as in the pages' filter form), and its card's HTML."""

    contract: str
    remote: str
    level: str
    region: str
    city: str
    employer: str
    sector: str
    deadline: str
    posted: str
    card: str


@dataclass(frozen=True)
class FilterIndex:
    document: dict[str, Any]
    columns: dict[str, list[int]]
    cards: list[list[str]]


def filter_index(rows: Sequence[Row], feeds: list[dict[str, Any]], parts: str, feed_base: str) -> FilterIndex:
    """`rows` in the list's order; `feeds`: each with the choice it follows and its name (urls.feed); `parts` and
    `feed_base`: the root-relative URLs of jobs/index/ and feeds/ in this language."""
    values = {name: sorted({getattr(r, name) for r in rows}) for name in (*COLUMNS, "deadline", "sector")}
    number = {name: {v: i for i, v in enumerate(vs)} for name, vs in values.items()}
    columns = {name: [number[name][getattr(r, name)] for r in rows] for name in COLUMNS}
    deadlines = [number["deadline"][r.deadline] for r in rows]
    sector_of = {r.employer: number["sector"][r.sector] for r in rows}
    document = {
        "version": 2,
        "count": len(rows),
        "columns": {name: f"{parts}{name}.json" for name in COLUMNS},
        "cards": f"{parts}cards/",
        "size": CARDS_PER_FILE,
        "values": values,
        "employer_sector": [sector_of[e] for e in values["employer"]],
        "deadline": [b - a for a, b in itertools.pairwise([0, *deadlines])],
        "feeds": feeds,
        "feed_base": feed_base,
        "feed_suffixes": dict(zip(("rss", "atom", "json"), urls.FEED_SUFFIXES, strict=True)),
    }
    cards = [[r.card for r in rows[i : i + CARDS_PER_FILE]] for i in range(0, len(rows), CARDS_PER_FILE)]
    return FilterIndex(document, columns, cards)


def write_filter_index(index: FilterIndex, out: Path) -> None:
    """Into a language's folder `out`."""
    (out / urls.JOBS_INDEX).write_text(script_json(index.document), encoding="utf-8")
    folder = out / urls.JOBS_INDEX_PARTS
    (folder / "cards").mkdir(parents=True, exist_ok=True)
    for name, column in index.columns.items():
        (folder / f"{name}.json").write_text(script_json(column), encoding="utf-8")
    for n, cards in enumerate(index.cards):
        (folder / "cards" / f"{n}.json").write_text(script_json(cards), encoding="utf-8")
