"""Interface strings per language, and dates, amounts and places written the reader's way (Babel)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

import babel
import babel.dates
import babel.numbers
import yaml

from passerelle.records.messages import M
from passerelle.records.problems import Problem
from passerelle.records.text import ascii_slug


@dataclass(frozen=True)
class Strings:
    """The interface of one language."""

    lang: str
    table: dict[str, str]
    _said: dict[tuple[object, ...], str] = field(default_factory=dict, compare=False, repr=False)
    """Dates already written: thousands of jobs share a few hundred days."""

    @functools.cached_property
    def locale(self) -> babel.Locale:
        return babel.Locale.parse(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        text = self.table[key]
        return text.format(**values) if values else text

    def group(self, group: str) -> str:
        """A contract group's name: alternance (apprenticeship and professionalisation), or the contract's own."""
        return self(f"filter_group_{group}") if f"filter_group_{group}" in self.table else self(f"contract_{group}")

    def list_label(self, kind: str, key: str) -> str:
        """What a list of jobs and its feed hold (plan.outputs.ListPage): a contract, a region, a contract group in a
        region (key 'group/region'), a level of French or less; '' for all the jobs."""
        if kind == "contract":
            return self(f"contract_{key}")
        if kind == "region":
            return self.region(key)
        if kind == "group-region":
            group, region = key.split("/", 1)
            return f"{self.group(group)} · {self.region(region)}"
        if kind == "level":
            return self("level_or_less", level=key)
        return ""

    def region(self, name: str) -> str:
        """A region's name in this language when the strings know it (the regions of France), else as written."""
        return self.table.get(f"region_{ascii_slug(name)}", name)

    def date(self, day: dt.date, style: str = "long") -> str:
        key = ("date", day, style)
        if key not in self._said:
            self._said[key] = babel.dates.format_date(day, format=style, locale=self.locale)
        return self._said[key]

    def money(self, amount: float, currency: str) -> str:
        if amount != int(amount):
            return babel.numbers.format_currency(amount, currency, locale=self.lang)
        whole = self.locale.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
        return babel.numbers.format_currency(amount, currency, format=whole, locale=self.lang, currency_digits=False)

    def salary(self, low: float, high: float, currency: str, period: str) -> str:
        if low == high:
            return self(f"salary_{period}_one", min=self.money(low, currency))
        return self(f"salary_{period}", min=self.money(low, currency), max=self.money(high, currency))

    def country(self, code: str) -> str:
        return str(self.locale.territories.get(code, code))


def load_strings(folder: Path, languages: tuple[str, ...]) -> tuple[dict[str, Strings], list[Problem]]:
    """Read theme/strings/<lang>.yml for every language; the default language's keys are the reference."""
    tables: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for lang in languages:
        path = folder / f"{lang}.yml"
        rel = f"theme/strings/{lang}.yml"
        if not path.exists():
            problems.append(
                Problem(
                    rel,
                    None,
                    M(
                        "the interface strings of '{lang}' are missing: copy theme/strings/{default}.yml to {path} and translate it.",
                        lang=lang,
                        default=languages[0],
                        path=rel,
                    ),
                )
            )
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        tables[lang] = {str(k): str(v) for k, v in data.items()}
    reference = tables.get(languages[0], {})
    for lang, table in tables.items():
        for key in sorted(set(reference) - set(table)):
            problems.append(
                Problem(
                    f"theme/strings/{lang}.yml",
                    None,
                    M(
                        "the string '{key}' is missing: translate it from theme/strings/{default}.yml.",
                        key=key,
                        default=languages[0],
                    ),
                )
            )
    return {lang: Strings(lang, table) for lang, table in tables.items()}, problems
