"""Translations: what each language still lacks, for the editors who plan the translation work.

A text is translated into a language when the record gives it in that language; otherwise the site shows
it in another language (the fallback rule) and marks it. Counted: every translatable field of what the site
publishes (open jobs, published stories, employers), every story text and editorial page, and the interface
strings (`check` refuses a missing one; a string still identical to the default language's is listed to check).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from passerelle.records.catalog import Catalog
from passerelle.records.strings import Strings
from passerelle.records.models import Text
from passerelle.records.settings import Site


@dataclass
class Report:
    """One language's state: what is translated, and what falls back, by file."""

    lang: str
    done: int = 0
    total: int = 0
    missing: dict[str, list[str]] = field(default_factory=dict)
    """File or folder -> the fields or texts not in this language."""
    strings_total: int = 0
    strings_same: list[str] = field(default_factory=list)

    def count(self, where: str, what: str, present: bool) -> None:
        self.total += 1
        if present:
            self.done += 1
        else:
            self.missing.setdefault(where, []).append(what)

    @property
    def share(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    def summary(self) -> str:
        return (
            f"{self.lang}: {self.share}% of record texts translated ({self.done} of {self.total}); "
            f"interface strings {self.strings_total} of {self.strings_total}, {len(self.strings_same)} identical to the default language"
        )


def _text(report: Report, where: str, name: str, value: Text | None) -> None:
    if value is not None:
        report.count(where, name, value.get(report.lang) is not None)


def reports(site: Site, catalog: Catalog, strings: dict[str, Strings]) -> list[Report]:
    """The state of every language of the site, in declaration order."""
    out = []
    default = strings[site.default].table
    for lang in site.languages:
        report = Report(lang)
        for job in catalog.jobs:
            for name in ("title", "description", "training"):
                _text(report, job.source, name, getattr(job, name))
        for story in catalog.stories:
            report.count(f"stories/{story.id}", f"{lang}.md", any(t.lang == lang for t in story.texts))
            _text(report, story.source, "role", story.role)
            _text(report, story.source, "photo_alt", story.photo_alt if story.photo else None)
        for employer in catalog.employers:
            _text(report, employer.source, "sector", employer.sector)
            _text(report, employer.source, "description", employer.description)
        for page in catalog.content.pages:
            report.count(f"content/pages/{page.id}", f"{lang}.md", any(t.lang == lang for t in page.texts))
        table = strings[lang].table
        report.strings_total = len(table)
        if lang != site.default:
            report.strings_same = sorted(k for k, v in table.items() if v == default.get(k) and any(c.isalpha() for c in v))
        out.append(report)
    return out


def print_reports(found: list[Report], only: str | None = None) -> None:
    for report in found:
        if only and report.lang != only:
            continue
        print(report.summary())
        for where, what in sorted(report.missing.items()):
            print(f"  {where}: {', '.join(what)}")
        if report.strings_same:
            print(
                f"  theme/strings/{report.lang}.yml, same text as the default language (check): {', '.join(report.strings_same)}"
            )
