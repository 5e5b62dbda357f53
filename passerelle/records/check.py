"""Checking: load and validate everything, with nothing written (the first stage of every build, and `check`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from passerelle.records.catalog import Catalog
from passerelle.records.strings import Strings, load_strings
from passerelle.records.loading import load
from passerelle.records.problems import Problem, ordered
from passerelle.records.settings import Site, load_site
from passerelle.records.validation import validate


@dataclass(frozen=True)
class Checked:
    """What `check` found: the site, the strings, the records, and every problem."""

    site: Site
    strings: dict[str, Strings]
    catalog: Catalog
    problems: list[Problem]


def check(root: Path, today: dt.date) -> Checked:
    """Read and validate everything; nothing is written."""
    site = load_site(root)
    strings, problems = load_strings(root / "theme" / "strings", site.languages)
    sources = load(root, site.languages)
    content, found = validate(sources, site.languages, today)
    problems = ordered(problems + found)
    return Checked(site, strings, Catalog(content, today), problems)
