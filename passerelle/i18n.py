"""Interface strings per language, and dates, amounts and places written the reader's way (Babel)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import babel
import babel.dates
import babel.numbers
import yaml

from .messages import M
from .problems import Problem


@dataclass(frozen=True)
class Strings:
    """The interface of one language."""

    lang: str
    table: dict[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.table[key]
        return text.format(**values) if values else text

    def date(self, day: dt.date, style: str = "long") -> str:
        return babel.dates.format_date(day, format=style, locale=self.lang)

    def closes(self, deadline: dt.date, today: dt.date) -> str:
        days = (deadline - today).days
        if days <= 0:
            return self("closes_today")
        # days up to 99 ("in 45 days"), then Babel's rounding ("in 2 years")
        delta = babel.dates.format_timedelta(
            dt.timedelta(days=days), granularity="day", threshold=100 if days < 100 else 2, add_direction=True, locale=self.lang
        )
        return self("closes_in", delta=delta)

    def money(self, amount: float, currency: str) -> str:
        if amount != int(amount):
            return babel.numbers.format_currency(amount, currency, locale=self.lang)
        whole = babel.Locale.parse(self.lang).currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
        return babel.numbers.format_currency(amount, currency, format=whole, locale=self.lang, currency_digits=False)

    def salary(self, low: float, high: float, currency: str, period: str) -> str:
        if low == high:
            return self(f"salary_{period}_one", min=self.money(low, currency))
        return self(f"salary_{period}", min=self.money(low, currency), max=self.money(high, currency))

    def country(self, code: str) -> str:
        return babel.Locale.parse(self.lang).territories.get(code, code)


def load_strings(folder: Path, languages: tuple[str, ...]) -> tuple[dict[str, Strings], list[Problem]]:
    """Read theme/strings/<lang>.yml for every language; the default language's keys are the reference."""
    tables: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for lang in languages:
        path = folder / f"{lang}.yml"
        rel = f"theme/strings/{lang}.yml"
        if not path.exists():
            problems.append(Problem(rel, None, M("the interface strings of '{lang}' are missing: copy theme/strings/{default}.yml to {path} and translate it.",
                                                 lang=lang, default=languages[0], path=rel)))
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        tables[lang] = {str(k): str(v) for k, v in data.items()}
    reference = tables.get(languages[0], {})
    for lang, table in tables.items():
        for key in sorted(set(reference) - set(table)):
            problems.append(Problem(f"theme/strings/{lang}.yml", None, M("the string '{key}' is missing: translate it from theme/strings/{default}.yml.",
                                                                      key=key, default=languages[0])))
    return {lang: Strings(lang, table) for lang, table in tables.items()}, problems
