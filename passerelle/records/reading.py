"""Reading: load and validate everything, with nothing written (stage 1 of every build, and of `check`)."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from passerelle.records.catalog import Catalog
from passerelle.records.loading import load
from passerelle.records.memo import Memo
from passerelle.records.problems import Problem, ordered
from passerelle.records.settings import Site, load_site
from passerelle.records.strings import Strings, load_strings
from passerelle.records.validation import validate


@dataclass(frozen=True)
class Records:
    """What reading found: the site, the strings, the records, and every problem."""

    site: Site
    strings: dict[str, Strings]
    catalog: Catalog
    problems: list[Problem]


def read(root: Path, today: dt.date, jobs: int | None = None, memo: Path | None = None) -> Records:
    """Read and validate everything; of the site, nothing is written. `jobs`: processes that parse many files (see
    workers). `memo`: the build cache's folder, where what was read is kept for the next read (see memo.py)."""
    site = load_site(root)
    strings, problems = load_strings(root / "theme" / "strings", site.languages)
    with uncollected():
        known = Memo.open(memo, site.languages)
        sources = load(root, site.languages, jobs, known)
        content, found = validate(sources, site.languages, today, known)
        known.save()
    problems = ordered(problems + found)
    return Records(site, strings, Catalog(content, today), problems)


@contextmanager
def uncollected() -> Iterator[None]:
    """Python's collector of cyclic garbage paused: reading makes hundreds of thousands of objects that all live on
    (the memo, the documents, the records), and each of its passes walked them all again: a third of a check of
    5,000 jobs (and, once they are read, a tenth of planning its outputs). Objects are still freed as soon as they
    are unused; the few cycles made meanwhile are collected when it runs again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
