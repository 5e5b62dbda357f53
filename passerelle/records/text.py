"""Text rules: which characters a record's text may hold, wherever it is written (one chokepoint for every string).

Every string a record holds (YAML values, Markdown bodies) passes `characters_problem`: it refuses control
characters (lxml refuses most of them in feeds), bidirectional overrides and embeddings (they make a title
read backwards: "U+202E"), isolates left open, and every other invisible format character but the few that
scripts need (zero-width joiners for Persian and emoji, direction marks). Plain-text fields also pass
`plain_problem`: no markup and no HTML entities, since a value like "&lt;img&gt;" becomes a tag as soon as
something decodes it once more.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata

from passerelle.records.messages import M, Message

_REFUSED_BMP = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (tab and line breaks are allowed)
    "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e"  # format characters of Arabic, Syriac, Mongolian
    "\u200b\u202a-\u202e\u2060-\u2065\u206a-\u206f\ufeff\ufff9-\ufffb"  # zero-width, overrides, invisible operators
    "\ud800-\udfff"  # lone surrogates (from YAML escapes)
    "\ue000-\uf8ff"  # private use
    "\ufdd0-\ufdef\ufffe\uffff"  # noncharacters
)
_REFUSED = re.compile(
    "["
    + _REFUSED_BMP
    + "\U000f0000-\U0010ffff"  # private use beyond the first plane
    + "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f"
    + "]"
)
"""Characters no record may hold. Allowed format characters: U+200C and U+200D (joiners: Persian, emoji),
U+200E, U+200F and U+061C (direction marks), U+00AD (soft hyphen), and U+2066-U+2069 (isolates) when closed."""
_NONCHARACTER_PLANES = re.compile("[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff]")
_ISOLATES = re.compile("[\u2066-\u2069]")
_OPENERS = "\u2066\u2067\u2068"
_CLOSER = "\u2069"
_SUSPECT = re.compile("[" + _REFUSED_BMP + "\u2066-\u2069\U00010000-\U0010ffff]")
"""What the rules above look at, in one scan that clears nearly all text: the first plane's refused characters,
the isolates, and every character beyond the first plane (an emoji, say: the exact scans then tell). A class of
whole planes is four times faster for Python's regular expressions than the few characters refused there."""
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
_LEGACY = frozenset(name for name in html.entities.html5 if not name.endswith(";"))
"""Entities that browsers decode even without their ';' ("&ltimg" reads as "<img")."""


def _is_entity(found: str) -> bool:
    if found.endswith(";") or found.startswith("&#"):
        return True
    word = found[1:]
    return any(word[:n] in _LEGACY for n in range(2, min(len(word), 6) + 1))


_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def suspect_characters(text: str) -> bool:
    """Whether `text` holds any character `characters_problem` looks at (False: it has nothing to say)."""
    return _SUSPECT.search(text) is not None


def characters_problem(text: str) -> Message | None:
    """Why `text` cannot be published as it is (an invisible or control character, an open isolate), or None."""
    if not _SUSPECT.search(text):
        return None
    found = _REFUSED.search(text) or _NONCHARACTER_PLANES.search(text)
    if found:
        return M(
            "holds an invisible or control character ({char}) at character {position}: delete it "
            "(retype the text around it, or paste it as plain text).",
            char=_describe(found.group(0)),
            position=found.start() + 1,
        )
    if _ISOLATES.search(text):
        for line in text.splitlines():
            depth = 0
            for char in _ISOLATES.findall(line):
                depth = depth + 1 if char in _OPENERS else depth - 1
                if depth < 0:
                    break
            if depth != 0:
                return M(
                    "holds a direction isolate (U+2066 to U+2069) that is not closed on the same line: "
                    "remove these invisible characters, or close each one with U+2069."
                )
    return None


def plain_problem(text: str) -> Message | None:
    """Why a plain-text field (a title, a name, a place) cannot hold `text`: markup or an HTML entity."""
    tag = _MARKUP.search(text)
    if tag:
        return M("contains HTML markup ('{tag}…'): write plain text, without < and > tags.", tag=tag.group(0))
    entity = next((e for e in _ENTITY.finditer(text) if _is_entity(e.group(0))), None)
    if entity:
        return M(
            "contains the HTML code '{entity}': write the character itself (for example é, not &eacute;).", entity=entity.group(0)
        )
    return None


def skeleton(name: str) -> str:
    """What a name looks like, for telling look-alikes apart (Unicode TS #39's idea): case, accents' forms,
    spaces and joiners folded, and letters of other scripts that imitate Latin ones (Cyrillic 'і') read as those."""
    from confusable_homoglyphs import confusables

    out = []
    for char in unicodedata.normalize("NFKC", name).casefold():
        if char.isspace() or char in "\u200c\u200d\u00ad-_.·":
            continue
        if not char.isascii():
            found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
            latin = [g["c"] for item in found for g in item["homoglyphs"] if g["n"].startswith("LATIN")]
            char = latin[0].casefold() if latin else char
        out.append(char)
    return "".join(out)


def mixed_script_word(name: str) -> str | None:
    """A word of `name` that mixes Latin with Cyrillic or Greek letters (how look-alike names are made)."""
    for word in name.split():
        scripts = {unicodedata.name(c, "").split(" ")[0] for c in word if c.isalpha()}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            return word
    return None


def ascii_slug(text: str) -> str:
    """Letters and digits of `text` folded to ASCII, joined by hyphens: 'Île-de-France' -> 'ile-de-france'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "region"


def _js_source(pattern: str) -> str:
    """A character-class pattern of this module as JavaScript regex source (for the `u` flag): every character
    outside printable ASCII written as \\u{...}, so the source survives JSON and HTML untouched."""
    return "".join(c if " " < c < "\x7f" else f"\\u{{{ord(c):x}}}" for c in pattern)


def browser_rules() -> dict[str, object]:
    """The rules of `characters_problem` and `plain_problem`, for the "Post a job" form to apply as `check` does."""
    return {
        "refused": _js_source(_REFUSED.pattern),
        "noncharacters": _js_source(_NONCHARACTER_PLANES.pattern),
        "isolates": _js_source(_ISOLATES.pattern),
        "openers": _OPENERS,
        "markup": _MARKUP.pattern,
        "entity": _ENTITY.pattern,
        "legacy": sorted(_LEGACY),
    }
