"""Reading one YAML document safely: no tags that run code, no aliases, no duplicate keys.

Every value keeps the line it was written on, so that later messages can point at it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from passerelle.records.messages import M, Message
from passerelle.records.text import characters_problem
from passerelle.records.yamlplain import read_plain
from passerelle.records.yamlsyntax import explain

try:  # the C parser is many times faster; both refuse Python tags the same way
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
"""A record larger than this is refused: no honest job or story needs more."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Key = tuple[Any, ...]
_STR = "tag:yaml.org,2002:str"


def _maybe_alias(text: str) -> bool:
    """Whether an anchor or alias may start somewhere: & or * after a space, a bracket, a comma or a colon, and
    before a character that is neither a space nor * nor & (Markdown's **bold** does not count). Only then are
    the events scanned. (What the regular expression (?:^|[\\s\\[\\]{},:])[&*][^\\s*&] finds, six times faster.)"""
    for mark in "&*":
        i = text.find(mark)
        while i != -1:
            before = text[i - 1] if i else " "
            after = text[i + 1 : i + 2]
            if (before.isspace() or before in "[]{},:") and after and not after.isspace() and after not in "*&":
                return True
            i = text.find(mark, i + 1)
    return False


class YamlError(Exception):
    """A document that cannot be read; `line` is 1-based."""

    def __init__(self, message: Message, line: int | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.line = line


@dataclass
class Document:
    """A YAML document as plain Python values, with the line of every key and item."""

    data: Any
    lines: dict[Key, int] | None = field(default_factory=dict)
    """Line of each key and item; None until asked for (most records are valid and never need them)."""
    first_line: int = 1
    text: str | None = ""
    """The YAML text, parsed again to find the lines; None once set aside (see set_text_aside)."""
    offset: int = 0
    path: str | None = None
    """The file, read again for the text when it was set aside."""
    typed: dict[Key, str] = field(default_factory=dict)
    """What was typed for each value that YAML 1.1 read as a number, a boolean, a date or nothing (`12:30` is
    750, `0123` is 83, `NO` is false): text fields take it from here, as typed."""

    def as_typed(self, key: Key, value: Any) -> str:
        """`value` as the text typed in the file (for text fields)."""
        return value if isinstance(value, str) else self.typed.get(key, str(value))

    def set_text_aside(self, path: str) -> None:
        """Drop the text, to be read again from `path` if a line is ever needed: a valid record (most of them)
        then crosses from the process that read it to the one that checks it at half the size."""
        self.text, self.path = None, path

    def line(self, *key: Any) -> int:
        """The line of `key` (a path of mapping keys and list indexes), else of its nearest parent."""
        if self.lines is None:
            self.lines = parse(self._text(), self.offset, lines=True).lines or {}
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line

    def _text(self) -> str:
        if self.text is not None:
            return self.text
        whole = decode(Path(str(self.path)).read_bytes())
        front = split_front_matter(whole)[0] if self.offset else None  # front matter starts after its ---
        return front.text or "" if front else whole


def decode(raw: bytes) -> str:
    """Bytes to text, or a YamlError that says where the first non-UTF-8 byte is."""
    if len(raw) > MAX_BYTES:
        raise YamlError(
            M(
                "the file is {size} KB; the limit is {limit} KB. Shorten the text or move images to their own files.",
                size=len(raw) // 1024,
                limit=MAX_BYTES // 1024,
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlError(
            M("the file is not UTF-8 text (byte 0x{byte}). Save it again with the UTF-8 encoding.", byte=f"{raw[e.start]:02x}"),
            line,
        ) from None


def parse(text: str, line_offset: int = 0, lines: bool = False) -> Document:
    """Parse one YAML document. `line_offset` is added to every line (front matter).

    Lines are noted at once with `lines=True`, else on the first call to `Document.line()`. The common shape of a
    record is read by yamlplain (the same values, faster), anything else by PyYAML."""
    plain = None if lines else read_plain(text)
    if plain is not None:
        data, typed, first = plain
        return Document(data, None, first + 1 + line_offset, text, line_offset, typed=typed)
    try:
        if _maybe_alias(text):
            _refuse_aliases(text, line_offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as e:
        message, line = explain(text, e)
        raise YamlError(message, line + 1 + line_offset if line is not None else None) from None
    if node is None:
        raise YamlError(M("the file is empty."), 1 + line_offset)
    doc = Document(
        data=None, lines={} if lines else None, first_line=node.start_mark.line + 1 + line_offset, text=text, offset=line_offset
    )
    try:
        doc.data = _Walker(doc, line_offset).value(node, ())
    except _NeedLines:
        return parse(text, line_offset, lines=True)  # a duplicate key: its message names both lines
    return doc


class _NeedLines(Exception):
    """Raised by a walk without lines when a message needs them."""


def _refuse_aliases(text: str, offset: int) -> None:
    """Refuse anchors and aliases where they are written (they let a small file expand without bound)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlError(
                M("anchors and aliases (& and *) are not allowed: write the value out in full."),
                (event.start_mark.line if event.start_mark else 0) + 1 + offset,
            )


class _Walker:
    """Turns a composed node tree into Python values, refusing what a record must not hold."""

    def __init__(self, doc: Document, offset: int) -> None:
        self.doc = doc
        self.offset = offset
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def value(self, node: yaml.Node, key: Key) -> Any:
        tag = node.tag
        if tag == _STR and isinstance(node, yaml.ScalarNode):  # by far the most common: plain text
            why = characters_problem(node.value)
            if why:
                raise YamlError(M("the field '{field}' {why}", field=_field(key), why=why), self.line(node))
            return node.value
        if tag not in _PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlError(
                M("the tag {tag} is not allowed: write plain text, numbers, dates, lists and mappings only.", tag=shown),
                self.line(node),
            )
        if isinstance(node, yaml.ScalarNode):
            if not node.style:  # plain (None with the Python parser, "" with the C one)
                self.doc.typed[key] = node.value
            try:
                return self.constructor.construct_object(node)
            except (ValueError, yaml.constructor.ConstructorError):
                if tag == "tag:yaml.org,2002:timestamp":
                    raise YamlError(
                        M("'{value}' is not a real date: write it as YYYY-MM-DD.", value=node.value), self.line(node)
                    ) from None
                raise YamlError(M("'{value}' cannot be read.", value=node.value), self.line(node)) from None
        # A collection met twice is an alias: it could expand without bound.
        if id(node) in self.seen:
            raise YamlError(M("anchors and aliases (& and *) are not allowed: write the value out in full."), self.line(node))
        self.seen.add(id(node))
        lines = self.doc.lines
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                if lines is not None:
                    lines[key + (i,)] = self.line(item)
                items.append(self.value(item, key + (i,)))
            return items
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise YamlError(M("a key must be a plain word."), self.line(knode))
            if knode.tag == "tag:yaml.org,2002:merge" or knode.value == "<<":
                raise YamlError(M("merge keys (<<) are not allowed: write the fields out in full."), self.line(knode))
            k = knode.value if knode.tag == _STR else self.value(knode, key)
            if isinstance(k, (dt.date, float, bool)) or k is None:
                k = knode.value
            path = key + (k,)
            if k in out:
                if lines is None:
                    raise _NeedLines
                raise YamlError(
                    M("the field '{field}' is written twice (first on line {line}): keep only one.", field=k, line=lines[path]),
                    self.line(knode),
                )
            if lines is not None:
                lines[path] = self.line(knode)
            out[k] = self.value(vnode, path)
        return out


def _field(key: Key) -> str:
    return ".".join(str(k) for k in key if not isinstance(k, int)) or "?"


def split_front_matter(text: str) -> tuple[Document | None, str, int]:
    """Split a Markdown file into its front matter and body.

    Returns the front matter (None when the file has none), the body, and the line the body starts on.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            front = "".join(lines[1:i])
            doc = parse(front, line_offset=1) if front.strip() else Document(data={}, first_line=1)
            return doc, "".join(lines[i + 1 :]), i + 2
    raise YamlError(M("the front matter opened with --- on line 1 is never closed: add a line with --- after it."), 1)
