"""What several test modules share: the sample's counts, an HTML reader, a good job record and check's problems."""

from __future__ import annotations

import datetime as dt
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from passerelle.pipeline import check

OPEN_JOBS = 12
PUBLISHED_STORIES = 7


class Html(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def first(self, tag: str) -> dict[str, str]:
        return next(a for t, a in self.tags if t == tag)

    def all(self, tag: str, **want: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in want.items())]


def page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


TODAY = dt.date(2026, 11, 26)

GOOD_JOB = """\
title:
  fr: Développeuse web
  en: Web developer
contract: apprenticeship
location:
  city: Lyon
  country: FR
  region: Auvergne-Rhône-Alpes
posted: 2026-09-01
deadline: 2036-06-30
apply: https://example.org/apply
description: Une description.
"""


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path below it."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new` (as a person edits it); `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(p) for p in check(root, TODAY).problems]


def job_problems(root: Path, text: str) -> list[str]:
    write(root, "jobs/lumen-studio/dev.yml", text)
    return problems(root)


def require(tool: str, found: bool) -> None:
    """A validator nobody here wrote: a test without it fails where .ci/run installed it, and is skipped elsewhere."""
    if not found:
        if os.environ.get("PASSERELLE_REQUIRE_VALIDATORS"):
            pytest.fail(f"{tool} is required here (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
