"""The common shape of a record, read without libyaml: what `yamlfile.parse` tries first.

Records are nearly all the same few shapes: mappings of plain words, one-line values (plain, or quoted without
escapes), lists of one-line values, literal blocks (`|`, `|-`). Reading those lines directly takes less than half
the time of PyYAML's C parser, whose every event and mark becomes a Python object (docs/benchmarks.md). Anything
else, and any doubt (a tab, a comment after a value, a folded block, a value that continues on the next line, a
key written twice, a date that is not one), returns None, and PyYAML reads the text as before: the result is then
the same by construction. Where this module does answer, it must answer as PyYAML does (the same values, the same typed
text, the same first line): tests/test_yamlfile.py compares the two on generated texts of every shape.

Types are PyYAML's own: each plain value goes through its resolver (YAML 1.1's rules: `12:30` is a number,
`NO` is false) and its safe constructor.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from passerelle.records.text import suspect_characters

Key = tuple[Any, ...]

_KEY = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")
_ITEM = re.compile(r"( *)- +(.*)$")
_DOUBLE = re.compile(r'"([^"\\]*)" *$')
_SINGLE = re.compile(r"'((?:[^']|'')*)' *$")
_FLOW = re.compile(r"\[([^\[\]{}#:'\"]*)\] *$")
"""A list on one line of words without quotes, colons, brackets or comments."""
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""A plain value may not begin with these (YAML gives them meanings); such values are left to PyYAML."""
_STR = "tag:yaml.org,2002:str"
_WILDCARD: tuple[tuple[str, re.Pattern[str]], ...] = tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, []))
_RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(found) + _WILDCARD
    for first, found in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first is not None
}
"""PyYAML's table of YAML 1.1's types for plain values, by first character, then those for any (what its
Resolver.resolve reads)."""
_TYPED = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp"))


class _Unsure(Exception):
    """The text is not of the common shape: PyYAML reads it."""


def read_plain(text: str) -> tuple[Any, dict[Key, str], int] | None:
    """The values of `text`, what was typed for each value YAML 1.1 reads as other than text, and the 0-based
    line its first key is on; or None when the text is not of the common shape (PyYAML must read it)."""
    if "\t" in text or "\u2028" in text or "\u2029" in text or suspect_characters(text):
        return None  # tabs, line breaks of YAML 1.1 other than CR and LF, invisible characters: PyYAML's rules
    if "\r" in text:
        if "\r" in text.replace("\r\n", ""):
            return None
        text = text.replace("\r\n", "\n")
    try:
        return _Reader(text.split("\n")).document()
    except _Unsure:
        return None


def _tag(plain: str) -> str:
    """The type YAML 1.1 gives a plain value, as PyYAML's resolver finds it (its regular expressions, tried in
    its order), for a value that is not empty."""
    for tag, regexp in _RESOLVERS.get(plain[0], _WILDCARD):
        if regexp.match(plain):
            return tag
    return _STR


class _Reader:
    """One pass over the lines, by indentation."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.i = 0
        self.typed: dict[Key, str] = {}
        self.constructor = SafeConstructor()

    def document(self) -> tuple[Any, dict[Key, str], int]:
        first = self._next()
        if first is None or first[0] != 0:
            raise _Unsure  # empty, or the whole document indented
        return self._mapping(0, ()), self.typed, first[1]  # it reads to the end: every line is in at least 0

    def _next(self) -> tuple[int, int] | None:
        """The indentation and index of the next line that is neither blank nor a comment (self.i moves to it)."""
        lines = self.lines
        while self.i < len(lines):
            line = lines[self.i]
            content = line.lstrip(" ")
            if content and content[0] != "#":
                return len(line) - len(content), self.i
            self.i += 1
        return None

    def _mapping(self, indent: int, path: Key) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while (found := self._next()) is not None:
            at, i = found
            if at < indent:
                break
            match = _KEY.match(self.lines[i])
            if at > indent or not match:
                raise _Unsure  # a value continued on this line, a bad indentation, or another shape
            key, rest = match.group(2), (match.group(3) or "").rstrip(" ")
            if key in out or _tag(key) != _STR:
                raise _Unsure  # twice (PyYAML names both lines), or a key YAML reads as a boolean or nothing
            self.i = i + 1
            if not rest:
                out[key] = self._nested(indent, path + (key,))
            elif rest in ("|", "|-"):
                out[key] = self._literal(indent, keep_last_break=rest == "|")
            else:
                out[key] = self._scalar(rest, path + (key,))
        return out

    def _nested(self, indent: int, path: Key) -> Any:
        """What follows `key:` alone on its line: a mapping or a list further in, a list at the same
        indentation, or nothing."""
        found = self._next()
        if found is not None:
            at, i = found
            content = self.lines[i][at:]
            is_item = content == "-" or content.startswith("- ")
            if at > indent:
                return self._sequence(at, path) if is_item else self._mapping(at, path)
            if at == indent and is_item:
                return self._sequence(at, path)
        self.typed[path] = ""
        return None

    def _sequence(self, indent: int, path: Key) -> list[Any]:
        items: list[Any] = []
        while (found := self._next()) is not None:
            at, i = found
            if at < indent:
                break
            match = _ITEM.match(self.lines[i])
            if at > indent:
                raise _Unsure
            if not match:
                if self.lines[i][at:] == "-":
                    raise _Unsure
                break  # the next key of the mapping that holds the list
            rest = match.group(2).rstrip(" ")
            if not rest:
                raise _Unsure
            if _KEY.match(rest):  # "- key: value": a mapping whose keys line up with this one
                column = len(self.lines[i]) - len(match.group(2))
                self.lines[i] = " " * column + match.group(2)
                items.append(self._mapping(column, path + (len(items),)))
                continue
            self.i = i + 1
            items.append(self._scalar(rest, path + (len(items),)))
        return items

    def _literal(self, indent: int, keep_last_break: bool) -> str:
        """A literal block (`|` keeps its last line break, `|-` does not); its lines are further in than its key."""
        lines, j = self.lines, self.i
        inner: int | None = None
        content: list[str] = []
        while j < len(lines):
            line = lines[j]
            text = line.lstrip(" ")
            if not text:
                if line and (inner is None or len(line) > inner):
                    raise _Unsure  # spaces beyond the block's indentation on a blank line: PyYAML's rules
                content.append("")
                j += 1
                continue
            at = len(line) - len(text)
            if inner is None:
                if at <= indent:
                    raise _Unsure  # an empty block
                inner = at
            elif at < inner:
                break
            content.append(line[inner:])
            j += 1
        if inner is None:
            raise _Unsure
        while content[-1] == "":
            content.pop()
        if j == len(lines) and lines[-1] != "":
            raise _Unsure  # the file ends inside the block without a line break
        self.i = j
        return "\n".join(content) + ("\n" if keep_last_break else "")

    def _scalar(self, rest: str, path: Key) -> Any:
        """A one-line value: quoted without escapes, or plain (typed by YAML 1.1's resolver)."""
        first = rest[0]
        if first == '"':
            match = _DOUBLE.match(rest)
            if not match:
                raise _Unsure
            return match.group(1)
        if first == "'":
            match = _SINGLE.match(rest)
            if not match:
                raise _Unsure
            return match.group(1).replace("''", "'")
        if first == "[":
            return self._flow(rest, path)
        if first in _INDICATORS or ": " in rest or rest.endswith(":") or " #" in rest:
            raise _Unsure
        return self._typed(rest, path)

    def _flow(self, rest: str, path: Key) -> list[Any]:
        """A list on one line, `[a, b c, d]`, of plain words."""
        match = _FLOW.match(rest)
        if not match:
            raise _Unsure
        inner = match.group(1).strip(" ")
        if not inner:
            return []
        words = [word.strip(" ") for word in inner.removesuffix(",").split(",")]
        if not all(words) or any(word[0] in _INDICATORS for word in words):
            raise _Unsure
        return [self._typed(word, path + (n,)) for n, word in enumerate(words)]

    def _typed(self, plain: str, path: Key) -> Any:
        """A plain value as YAML 1.1 reads it: text, or a number, a boolean, a date or nothing (whose typed
        text is kept)."""
        tag = _tag(plain)
        if tag == _STR:
            return plain
        if tag not in _TYPED:
            raise _Unsure
        self.typed[path] = plain
        try:
            return self.constructor.construct_object(yaml.ScalarNode(tag, plain))
        except (ValueError, ConstructorError):
            raise _Unsure from None  # not a real date, say: PyYAML's message
