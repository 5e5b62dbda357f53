"""Reading: load and validate everything, with nothing written (stage 1 of every build, and of `check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from passerelle.records.catalog import Catalog
from passerelle.records.loading import load
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


def read(root: Path, today: dt.date, jobs: int | None = None) -> Records:
    """Read and validate everything; nothing is written. `jobs`: processes that parse many files (see workers)."""
    site = load_site(root)
    strings, problems = load_strings(root / "theme" / "strings", site.languages)
    sources = load(root, site.languages, jobs)
    content, found = validate(sources, site.languages, today)
    problems = ordered(problems + found)
    return Records(site, strings, Catalog(content, today), problems)
