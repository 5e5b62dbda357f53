"""Typed, frozen records: what validation produces and everything after it reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar


T = TypeVar("T")


def by_fallback(found: dict[str, T], lang: str, default: str, declared: tuple[str, ...]) -> tuple[T, str]:
    """The item for a reader of `lang` and its language: hers, else the default, else the first declared
    language that has one, else the first item (CONTRACT 2)."""
    for code in (lang, default, *declared):
        if code in found:
            return found[code], code
    code = next(iter(found))
    return found[code], code


@dataclass(frozen=True)
class Text:
    """A translatable value: text per language code, in declaration order."""

    by_lang: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str | None:
        for code, text in self.by_lang:
            if code == lang:
                return text
        return None

    def langs(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.by_lang)

    def pick(self, lang: str, default: str, declared: tuple[str, ...]) -> tuple[str, str]:
        """The text for a reader of `lang`, and the language it is really in (CONTRACT 2)."""
        return by_fallback(dict(self.by_lang), lang, default, declared)


@dataclass(frozen=True)
class Employer:
    id: str
    name: str
    website: str
    sector: Text | None
    description: Text | None
    logo: Path | None
    source: str
    posters: tuple[str, ...] = ()
    """GitHub logins that may open pull requests for this employer's jobs (see scope)."""


@dataclass(frozen=True)
class StoryText:
    lang: str
    title: str
    summary: str
    body: str
    """Markdown, as written."""
    source: str


@dataclass(frozen=True)
class Story:
    id: str
    name: str
    consent: dt.date
    withdrawn: dt.date | None
    published: dt.date
    employer: str | None
    role: Text | None
    cohort: str | None
    photo: Path | None
    photo_alt: Text | None
    """What the photo shows, per language (extends the contract; without it: "Photo of <name>")."""
    indexable: bool
    tags: tuple[str, ...]
    texts: tuple[StoryText, ...]
    source: str

    def text(self, lang: str, default: str, declared: tuple[str, ...]) -> StoryText:
        """The story's text for a reader of `lang`, by the fallback rule."""
        return by_fallback({t.lang: t for t in self.texts}, lang, default, declared)[0]


@dataclass(frozen=True)
class Location:
    city: str | None
    region: str | None
    country: str


@dataclass(frozen=True)
class Salary:
    min: float
    max: float
    currency: str
    period: str


@dataclass(frozen=True)
class Job:
    employer: str
    id: str
    title: Text
    contract: str
    location: Location
    remote: str
    posted: dt.date
    deadline: dt.date
    start: dt.date | None
    apply: str
    description: Text
    french_level: str | None
    training: Text | None
    salary: Salary | None
    tags: tuple[str, ...]
    source: str

    @property
    def key(self) -> str:
        """The full id, `<employer-id>/<id>`."""
        return f"{self.employer}/{self.id}"


@dataclass(frozen=True)
class PageText:
    lang: str
    title: str
    summary: str | None
    body: str
    source: str


@dataclass(frozen=True)
class Page:
    """An editorial page of content/pages/<id>/<lang>.md; `home` feeds the home page's intro."""

    id: str
    order: int
    texts: tuple[PageText, ...]

    def text(self, lang: str, default: str, declared: tuple[str, ...]) -> PageText:
        return by_fallback({t.lang: t for t in self.texts}, lang, default, declared)[0]


@dataclass(frozen=True)
class Figure:
    """A figure of the programme's that the records cannot give (content/impact.yml), with where it comes from."""

    value: str
    label: Text
    source: str
    date: dt.date
    url: str | None = None


@dataclass(frozen=True)
class Content:
    """Every record of the project, valid and cross-checked."""

    employers: tuple[Employer, ...] = ()
    stories: tuple[Story, ...] = ()
    jobs: tuple[Job, ...] = ()
    pages: tuple[Page, ...] = field(default=())
    figures: tuple[Figure, ...] = ()
