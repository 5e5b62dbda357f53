"""YAML syntax errors in plain words: what an HR person did (a tab, a colon in a text, a field indented wrongly,
a space pasted from Word, an invisible character), on the line where she did it, and how to fix it.

PyYAML says what its scanner met ("mapping values are not allowed in this context"), often a line after the
mistake. `explain` reads the text itself around the place PyYAML gives up, and names the mistake; what it does
not recognise keeps PyYAML's words, with the line.
"""

from __future__ import annotations

import json
import re
import unicodedata

import yaml

from passerelle.records.messages import M, Message

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
"""Spaces that are not the space bar's: Word, web pages and phones paste them (U+00A0, U+202F...)."""
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"-][^:#]*?|[\"'][^\"']*[\"']):(?P<rest>.*)$")


def _spaces(n: int) -> Message:
    return M("1 space") if n == 1 else M("{n} spaces", n=n)


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()


def _quoted(text: str) -> str:
    return json.dumps(text.strip(), ensure_ascii=False)


def explain(text: str, error: yaml.YAMLError) -> tuple[Message, int | None]:
    """What is wrong in `text`, which PyYAML could not read, and the 0-based line of the mistake."""
    lines = text.split("\n")
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses anywhere
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)
        at = text.find(char) if char else -1  # libyaml counts bytes, not characters
        before = text[: at if at >= 0 else error.position]
        line = before.count("\n")
        return (
            M(
                "this line holds an invisible or control character ({char}) at character {position}: delete it "
                "(retype the text around it, or paste it as plain text).",
                char=_describe(char),
                position=len(before) - (before.rfind("\n") + 1) + 1,
            ),
            line,
        )
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    last = problem.line if problem else len(lines) - 1
    first = context.line if context else last
    for i in range(0, min(last, len(lines) - 1) + 1):  # what is invisible comes first: it explains the rest
        found = _invisible(lines[i])
        if found:
            return found, i
    for i in sorted({first, last}):
        if i >= len(lines):
            continue
        found = _quotes(lines[i]) or _colon(lines[i]) or _reserved(lines[i]) or _no_colon(lines, i)
        if found:
            return found, i
    found = _indentation(lines, last) if last < len(lines) else None
    if found:
        return found, last
    why = getattr(error, "problem", None) or str(error)
    return M("this is not valid YAML: {why}. Check the indentation and the quotes.", why=why), last if problem else None


def _invisible(line: str) -> Message | None:
    """A tab or a pasted space in the indentation or after a field's colon, or an invisible character there."""
    lead = len(line) - len(line.lstrip(" \t" + _SPACES + _INVISIBLE))
    spots = list(range(lead))
    key = re.match(r"^[^:#'\"]*?:", line[lead:])
    if key:  # and the spaces between a field's colon and its value
        after = lead + key.end()
        spots += range(after, after + len(line[after:]) - len(line[after:].lstrip(" \t" + _SPACES + _INVISIBLE)))
    for at in spots:
        char = line[at]
        if char == "\t":
            return M("this line has a tab in its indentation: indent with spaces only (two for each level).")
        if char in _SPACES:
            return M(
                "this line has a special space ({char}, often pasted from Word or a web page) at character {position}: "
                "replace it with an ordinary space.",
                char=_describe(char),
                position=at + 1,
            )
        if char in _INVISIBLE:
            return M(
                "this line holds an invisible character ({char}) at character {position}: delete it "
                "(retype the text around it, or paste it as plain text).",
                char=_describe(char),
                position=at + 1,
            )
    return None


def _field(match: re.Match[str]) -> str:
    return match.group("key").strip().strip("\"'")


def _quotes(line: str) -> Message | None:
    """A text in quotes that holds its own quote (an apostrophe in '...'), or a quote never closed."""
    found = _KEY_LINE.match(line)
    value = found.group("rest").strip() if found else ""
    if not found or not value or value[0] not in "'\"":
        return None
    quote, inner = value[0], value[1:]
    closed = inner.endswith(quote) and len(inner) >= 1
    body = inner[:-1] if closed else inner
    inside = body.replace("''", "") if quote == "'" else re.sub(r"\\.", "", body)
    if quote in inside:
        return M(
            "the text of '{field}' is in quotes and holds the same quote inside: write it in double quotes, "
            'with \\" for a quote inside: {fix}',
            field=_field(found),
            fix=f"{_field(found)}: {_quoted(body if quote == chr(39) else body.replace(chr(92) + quote, quote))}",
        )
    if not closed:
        return M(
            "the text of '{field}' opens a quote ({quote}) that is never closed: close it at the end of the text, or remove it.",
            field=_field(found),
            quote=quote,
        )
    return None


def _colon(line: str) -> Message | None:
    """A text that holds ': ' (or ends with ':'), which YAML reads as a field inside the value."""
    found = _KEY_LINE.match(line)
    value = found.group("rest").strip() if found else ""
    if not found or not value or value[0] in "'\"|>[{" or not re.search(r":\s", value):
        return None
    return M(
        "the text of '{field}' holds ': ', which YAML reads as the start of another field: put the text in quotes: {fix}",
        field=_field(found),
        fix=f"{_field(found)}: {_quoted(value)}",
    )


def _reserved(line: str) -> Message | None:
    """A text that begins with a character YAML keeps for itself (@, `, %, - , !, &, *)."""
    found = _KEY_LINE.match(line)
    value = found.group("rest").strip() if found else ""
    if not found or not value or not (value[0] in "@`%!&*" or value.startswith("- ")):
        return None
    return M(
        "the text of '{field}' begins with '{char}', which YAML keeps for itself: put the text in quotes: {fix}",
        field=_field(found),
        char=value[0],
        fix=f"{_field(found)}: {_quoted(value)}",
    )


def _no_colon(lines: list[str], i: int) -> Message | None:
    """A field written without its ':' ('contract permanent')."""
    line = lines[i]
    bare = line.strip()
    if not bare or bare.startswith(("#", "- ", "-\t")) or ":" in bare or not re.match(r"^[a-z_]+\s+\S", bare):
        return None
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip() and not lines[j].lstrip().startswith("#")), "")
    if above.rstrip().endswith(("|", ">", "|-", ">-")) or (len(above) - len(above.lstrip())) < (len(line) - len(line.lstrip())):
        return None  # a line of a text block, or the continuation of a text
    name, rest = bare.split(None, 1)
    return M("the field '{field}' has no ':' after its name: write {fix}", field=name, fix=f"{name}: {rest}")


def _indentation(lines: list[str], i: int) -> Message | None:
    """A field indented by a number of spaces that matches no level above it: which field it belongs under."""
    found = _KEY_LINE.match(lines[i])
    if not found:
        return None
    indent = len(found.group("indent"))

    def level(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    above = [j for j in range(i - 1, -1, -1) if lines[j].strip() and not lines[j].lstrip().startswith("#")]
    near = next((j for j in above if level(lines[j]) < indent), None)
    key = _KEY_LINE.match(lines[near]) if near is not None else None
    if key is None or near is None:
        return None
    sibling: re.Match[str] | None
    if key.group("rest").strip():  # a field with its value: this one was meant beside it
        sibling, expected = key, level(lines[near])
        parent = next((m for j in above if j < near and level(lines[j]) < expected and (m := _KEY_LINE.match(lines[j]))), None)
    else:  # a field that holds fields: this one was meant among them
        parent = key
        child = next((c for c in lines[near + 1 : i] if c.strip() and _KEY_LINE.match(c)), None)
        sibling = _KEY_LINE.match(child) if child else None
        expected = level(child) if child else level(lines[near]) + 2
    if expected == indent:
        return None
    like = M(" like '{sibling}'", sibling=_field(sibling)) if sibling else ""
    if parent is None:
        return M(
            "the field '{field}' is indented by {found}, which matches no field above it: "
            "write it at the start of the line{like}.",
            field=_field(found),
            found=_spaces(indent),
            like=like,
        )
    return M(
        "the field '{field}' is indented by {found}, which matches no field above it: to sit under "
        "'{parent}'{like}, write it with {expected} spaces before its name.",
        field=_field(found),
        found=_spaces(indent),
        parent=_field(parent),
        like=like,
        expected=expected,
    )
