"""Fields: reading one field of a record — text, translatable text, dates, choices, URLs, files — and
saying what is wrong with it."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from passerelle.records.loading import Source
from passerelle.records.markup import markdown_problem
from passerelle.records.messages import M, Message, hint
from passerelle.records.models import Text
from passerelle.records.problems import Problem
from passerelle.records.text import plain_problem

EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_NOT_ISO_3166 = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})
"""Two-letter codes CLDR knows that are not countries of ISO 3166-1 (the EU, the UN, "unknown", reserved ones)."""


@functools.cache
def countries() -> frozenset[str]:
    """The two-letter codes of ISO 3166-1 (CLDR's territories, read when first needed: a check whose jobs all come
    from the memo needs none)."""
    import babel

    return frozenset(
        str(code) for code in babel.Locale("en").territories if re.fullmatch(r"[A-Z]{2}", str(code)) and code not in _NOT_ISO_3166
    )


@functools.cache
def country_words() -> dict[str, str]:
    """What HR staff write for a country (its name in French or English, UK), and the code it means."""
    import babel

    return {
        **{
            str(name).casefold(): str(code)
            for lang in ("fr", "en")
            for code, name in babel.Locale(lang).territories.items()
            if code in countries()
        },
        "uk": "GB",
        "angleterre": "GB",
        "england": "GB",
    }


@functools.cache
def currencies() -> frozenset[str]:
    """ISO 4217 codes, as CLDR lists them."""
    import babel.numbers

    return frozenset(babel.numbers.list_currencies())


_MISSING = object()
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
"""Dates a record may hold (and days a site may be built for): beyond them, date arithmetic would overflow."""


def nearest(word: str, choices: tuple[str, ...] | list[str], words: dict[str, str] | None = None) -> str | None:
    """The allowed value closest to `word`: the same but for case, the value an HR word means (CDI: permanent),
    else the nearest spelling."""
    meant = (words or {}).get(str(word).strip().casefold())
    if meant in choices:
        return meant
    for choice in choices:
        if choice.casefold() == str(word).casefold():
            return choice
    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def show(value: Any) -> Message | str:
    if isinstance(value, dict):
        return M("a mapping")
    if isinstance(value, list):
        return M("a list")
    if value is None:
        return M("nothing")
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


class Fields:
    """Reads the fields of one mapping in one file, and records what is wrong with them."""

    def __init__(
        self,
        source: Source,
        data: Any,
        problems: list[Problem],
        languages: tuple[str, ...],
        what: str,
        prefix: tuple[Any, ...] = (),
    ) -> None:
        self.source = source
        self.data = data if isinstance(data, dict) else {}
        self.problems = problems
        self.languages = languages
        self.what = what
        self.prefix = prefix
        self.ok = True

    def name(self, key: str) -> str:
        return ".".join(str(k) for k in (*self.prefix, key))

    def problem(self, key: str | None, message: Message) -> None:
        line = self.source.doc.line(*self.prefix, *((key,) if key else ()))
        self.problems.append(Problem(self.source.path, line, message))
        self.ok = False

    def known(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key in allowed:
                continue
            hidden = next((c for c in str(key) if unicodedata.category(c) in ("Cf", "Cc", "Zs") and c != " "), None)
            if hidden:
                self.problem(
                    str(key),
                    M(
                        "the field name '{field}' holds an invisible character or a special space ({char}) at "
                        "character {position}: delete it (retype the name).",
                        field=self.name("".join(c for c in str(key) if c != hidden)),
                        char=f"U+{ord(hidden):04X} {unicodedata.name(hidden, '')}".strip(),
                        position=str(key).index(hidden) + 1,
                    ),
                )
            else:
                self.problem(
                    str(key),
                    M(
                        "unknown field '{field}'.{hint} The fields of {what} are: {allowed}.",
                        field=self.name(str(key)),
                        hint=hint(nearest(str(key), allowed)),
                        what=M(self.what),
                        allowed=", ".join(allowed),
                    ),
                )

    def get(self, key: str, required: bool, hint_: str = "") -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None or (isinstance(value, str) and not value.strip()):
            if required:
                template = (
                    "the field '{field}' is missing: it is required{hint}."
                    if value is _MISSING
                    else "the field '{field}' is empty: it is required{hint}."
                )
                self.problem(
                    None if value is _MISSING else key, M(template, field=self.name(key), hint=M(hint_) if hint_ else "")
                )
            return None
        return value

    def string(self, key: str, required: bool = False, hint_: str = "") -> str | None:
        value = self.get(key, required, hint_)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.problem(key, M("the field '{field}' must be text, not {value}.", field=self.name(key), value=show(value)))
            return None
        return self.plain(key, self.typed(value, key).strip())

    def typed(self, value: Any, *key: Any) -> str:
        """A scalar as the text typed in the file (YAML 1.1 reads `12:30`, `0123` and `NO` as numbers and booleans)."""
        return self.source.doc.as_typed((*self.prefix, *key), value)

    def plain(self, key: str, text: str) -> str | None:
        why = plain_problem(text)
        if why:
            self.problem(key, M("the field '{field}' {why}", field=self.name(key), why=why))
            return None
        return text

    def markdown(self, key: str, text: str) -> str | None:
        why = markdown_problem(text)
        if why:
            self.problem(key, M("the field '{field}' {why}", field=self.name(key), why=why))
            return None
        return text

    def choice(
        self,
        key: str,
        choices: tuple[str, ...],
        required: bool = False,
        default: str | None = None,
        words: dict[str, str] | None = None,
    ) -> str | None:
        value = self.get(key, required)
        if value is None:
            return default
        typed = self.typed(value, key) if not isinstance(value, (dict, list)) else str(value)
        if typed not in choices:
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}, which is not allowed.{hint} Write one of: {allowed}.",
                    field=self.name(key),
                    value=show(typed) if not isinstance(value, (dict, list)) else show(value),
                    hint=hint(nearest(typed, choices, words)),
                    allowed=", ".join(choices),
                ),
            )
            return default
        return typed

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.get(key, required, ", a date written YYYY-MM-DD")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(
                key,
                M(
                    "the field '{field}' has a time ({value}): write the date only, as YYYY-MM-DD.",
                    field=self.name(key),
                    value=show(value),
                ),
            )
            return None
        if not isinstance(value, dt.date):
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}, which is not a date: write it as YYYY-MM-DD, for example 2026-09-01.",
                    field=self.name(key),
                    value=show(value),
                ),
            )
            return None
        if not DATE_MIN <= value <= DATE_MAX:
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}: write a date between {low} and {high}.",
                    field=self.name(key),
                    value=show(value),
                    low=DATE_MIN,
                    high=DATE_MAX,
                ),
            )
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, M("the field '{field}' is {value}: write true or false.", field=self.name(key), value=show(value)))
            return default
        return value

    def text(self, key: str, required: bool = False, markdown: bool = False) -> Text | None:
        """A translatable field: a plain string (the default language) or a mapping {lang: text}."""
        value = self.get(key, required)
        if value is None:
            return None
        if isinstance(value, dict):
            pairs = []
            for lang, text in value.items():
                lang = str(lang)
                if lang not in self.languages:
                    self.problem(
                        key,
                        M(
                            "the field '{field}' has text for '{lang}', which is not a language of this site.{hint} Languages: {languages}.",
                            field=self.name(key),
                            lang=lang,
                            hint=hint(nearest(lang, self.languages)),
                            languages=", ".join(self.languages),
                        ),
                    )
                    continue
                if isinstance(text, (dict, list)) or text is None or not self.typed(text, key, lang).strip():
                    template = (
                        "the text of '{field}' in '{lang}' is empty: write it as text, or remove that line."
                        if text is None or isinstance(text, str)
                        else "the text of '{field}' in '{lang}' is {value}: write it as text, or remove that line."
                    )
                    self.problem(key, M(template, field=self.name(key), lang=lang, value=show(text)))
                    continue
                typed = self.typed(text, key, lang).strip()
                checked = self.markdown(key, typed) if markdown else self.plain(key, typed)
                if checked is not None:
                    pairs.append((lang, checked))
            if not pairs:
                if self.ok:
                    self.problem(
                        key,
                        M(
                            "the field '{field}' has no text: give at least one language, for example '{lang}: ...'.",
                            field=self.name(key),
                            lang=self.languages[0],
                        ),
                    )
                return None
            order = {lang: i for i, lang in enumerate(self.languages)}
            return Text(tuple(sorted(pairs, key=lambda p: order[p[0]])))
        if isinstance(value, list):
            self.problem(
                key,
                M(
                    "the field '{field}' must be text, or a text per language ({lang}: ...), not {value}.",
                    field=self.name(key),
                    lang=self.languages[0],
                    value=show(value),
                ),
            )
            return None
        text = self.typed(value, key).strip()
        checked = self.markdown(key, text) if markdown else self.plain(key, text)
        return Text(((self.languages[0], checked),)) if checked is not None else None

    def https_url(self, key: str, required: bool = False, mailto: bool = False) -> str | None:
        value = self.string(key, required)
        if value is None:
            return None
        if mailto and value.lower().startswith("mailto:"):
            address = value[7:].split("?", 1)[0]
            if EMAIL_RE.match(address):
                return value
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}, which is not a valid e-mail address: write mailto:jobs@example.org.",
                    field=self.name(key),
                    value=show(value),
                ),
            )
            return None
        parts = urlsplit(value)
        if "@" in parts.netloc:
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}: an address with '@' before its host hides where it "
                    "really leads (everything before @ is a user name). Write the address without it.",
                    field=self.name(key),
                    value=show(value),
                ),
            )
            return None
        if parts.scheme == "https" and parts.netloc and "." not in parts.netloc and not re.search(r"[\s\\]", value):
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}: its site '{host}' has no dot; write the whole address, for example "
                    "https://{host}.example.org/careers.",
                    field=self.name(key),
                    value=show(value),
                    host=parts.netloc,
                ),
            )
            return None
        if parts.scheme != "https" or not parts.netloc or re.search(r"\s", value) or "\\" in value or "." not in parts.netloc:
            allowed = M("an address beginning with https:// or mailto:" if mailto else "an address beginning with https://")
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}: write {allowed}, for example https://example.org/careers.",
                    field=self.name(key),
                    value=show(value),
                    allowed=allowed,
                ),
            )
            return None
        return value

    def tags(self, key: str = "tags") -> tuple[str, ...]:
        value = self.get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(key, M("the field '{field}' must be a list, one tag a line beginning with '- '.", field=self.name(key)))
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)) or item is None or not self.typed(item, key, i).strip():
                self.problem(
                    key, M("each tag of '{field}' must be a short text; {value} is not.", field=self.name(key), value=show(item))
                )
                continue
            text = self.plain(key, self.typed(item, key, i).strip())
            if text:
                out.append(text)
        return tuple(out)

    def file_beside(self, key: str, files: dict[str, Path], suffixes: tuple[str, ...]) -> Path | None:
        name = self.string(key)
        if name is None:
            return None
        if "/" in name or "\\" in name or name.startswith("."):
            self.problem(
                key,
                M(
                    "the field '{field}' must be the name of a file in the same folder, not a path: {value}.",
                    field=self.name(key),
                    value=show(name),
                ),
            )
            return None
        if Path(name).suffix.lower() not in suffixes:
            self.problem(
                key,
                M(
                    "the field '{field}' is {value}: the file must be one of {allowed}.",
                    field=self.name(key),
                    value=show(name),
                    allowed=", ".join(suffixes),
                ),
            )
            return None
        if name not in files:
            self.problem(
                key,
                M(
                    "the field '{field}' names {value}, but there is no such file beside this record: add it, or check the spelling.",
                    field=self.name(key),
                    value=show(name),
                ),
            )
            return None
        return files[name]
