"""Reading YAML: hostile or broken files are refused with a line, never run, never expanded."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from passerelle.records.yamlfile import YamlError, decode, parse, split_front_matter
from passerelle.records.yamlplain import read_plain

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def error(text: str) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse(text)
    return info.value


def test_values_keep_their_lines() -> None:
    doc = parse("title: x\nlocation:\n  city: Lyon\ntags:\n  - a\n  - b\n")
    assert doc.data == {"title": "x", "location": {"city": "Lyon"}, "tags": ["a", "b"]}
    assert doc.line("location", "city") == 3
    assert doc.line("tags", 1) == 6
    assert doc.line("missing") == 1


def test_billion_laughs_is_refused_at_once_with_little_memory() -> None:
    tracemalloc.start()
    e = error(BOMB)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert e.line == 1 and "anchors and aliases" in str(e.message)
    assert peak < 20 * 1024 * 1024


@pytest.mark.parametrize(
    "text, line",
    [
        ("a: &x 1\n", 1),
        ("a: 1\nb: *x\n", 2),
        ("- a\n- *y\n", 2),
        ("a: [1, *z]\n", 1),
        ("a: {b: *c}\n", 1),
        ("&top\na: 1\n", 1),
        ("a:\n  - &n\n    b: 1\n", 2),
    ],
)
def test_every_anchor_or_alias_is_refused_where_written(text: str, line: int) -> None:
    e = error(text)
    assert e.line == line and "anchors and aliases" in str(e.message)


def test_markdown_stars_and_ampersands_are_not_taken_for_aliases() -> None:
    doc = parse("description: |\n  **Bold** and *italic* text, R&D, 3 * 4 & more.\n  - *a list item*\n")
    assert "**Bold** and *italic* text, R&D" in doc.data["description"]


def test_python_tags_never_run(tmp_path) -> None:  # noqa: ANN001
    marker = tmp_path / "ran"
    e = error(f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert str(e.message).startswith("the tag !!python/object/apply:os.system is not allowed")


def test_duplicate_keys_name_both_lines() -> None:
    e = error("title: a\ncontract: permanent\ntitle: b\n")
    assert (e.line, str(e.message)) == (3, "the field 'title' is written twice (first on line 1): keep only one.")


def test_broken_yaml_says_where() -> None:
    e = error("title: [unclosed\ncontract: x\n")
    assert e.line == 2 and str(e.message).startswith("this is not valid YAML")


def test_empty_and_non_utf8() -> None:
    assert str(error("").message) == "the file is empty."
    with pytest.raises(YamlError) as info:
        decode("title: caf\xe9\nx: 1\n".encode("latin-1"))
    assert info.value.line == 1 and "not UTF-8" in str(info.value.message)


def test_impossible_date() -> None:
    e = error("posted: 2026-02-30\n")
    assert (e.line, str(e.message)) == (1, "'2026-02-30' is not a real date: write it as YYYY-MM-DD.")


def test_size_limit() -> None:
    with pytest.raises(YamlError) as info:
        decode(b"a: " + b"x" * 300_000)
    assert "the limit is 256 KB" in str(info.value.message)


def test_front_matter_lines_count_from_the_file() -> None:
    front, body, line = split_front_matter("---\ntitle: T\nsummary: S\n---\nHello\n")
    assert front is not None and front.data == {"title": "T", "summary": "S"}
    assert front.line("summary") == 3 and body == "Hello\n" and line == 5
    with pytest.raises(YamlError):
        split_front_matter("---\ntitle: T\n")


# The common shape read without libyaml (yamlplain) must answer as PyYAML does, or leave the text to it.

_KEYS = ["title", "city", "a", "b", "x-y", "Key_2", "yes", "No", "on", "null", "true", "<<", "1", "a b"]
_VALUES = [
    "Lyon",
    "Côte d'Azur",
    "C# et .NET",
    "a #b",
    "a#b",
    "a: b",
    "a:b",
    "x:",
    "12:30",
    "0123",
    "NO",
    "Off",
    "0x1F",
    "1_000",
    "-5",
    "+3",
    ".5",
    "1e3",
    ".inf",
    "2026-02-30",
    "2026-10-13",
    "2026-10-13 12:30:00",
    "~",
    "null",
    "=",
    "<<",
    "- x",
    "-x",
    "? q",
    "[a, b]",
    "{a: b}",
    "&a x",
    "*a",
    "!!str x",
    "!x",
    "%x",
    "@x",
    "`x`",
    "|",
    "|-",
    "|+",
    ">",
    "|2",
    "'q'",
    "'it''s'",
    "'a' b",
    "''",
    '"dq"',
    '""',
    '"a\\u202eb"',
    '"a" b',
    '"a \\" b"',
    "x  ",
    "مرحبا بكم",
    "e\u0301",
    "😀 ok",
    "a\u2028b",
    "\u00a0x",
    "a\u202eb",
    "a\tb",
    "https://x.org/a#b",
    "R&D * 3",
    "[]",
    "[a, ]",
    "[a,,b]",
    "[yes, 1, 2026-01-01]",
    "[a b, c]",
    "[a, [b]]",
    "[a, -b]",
    "[ a ,b ] ",
    "[a] x",
]
_BLOCK = ["text", "  more in", "# not a comment", "- not an item", "a: b", "", "   ", "\t tab"]


@st.composite
def _lines(draw: st.DrawFn) -> str:
    """Lines of every kind in any order: mostly not YAML at all, sometimes a record."""
    out = []
    for _ in range(draw(st.integers(1, 10))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 2, 4]))
        kind = draw(st.sampled_from(["key", "key", "keyonly", "item", "comment", "blank", "block", "---"]))
        value = draw(st.sampled_from(_VALUES))
        key = draw(st.sampled_from(_KEYS))
        out.append(
            {
                "key": f"{indent}{key}: {value}",
                "keyonly": f"{indent}{key}:" + draw(st.sampled_from(["", " ", " |", " |-"])),
                "item": f"{indent}- {value}",
                "comment": f"{indent}# note",
                "blank": indent,
                "block": indent + draw(st.sampled_from(_BLOCK)),
                "---": "---",
            }[kind]
        )
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(out) + draw(st.sampled_from([end, "", end + end]))


@st.composite
def _records(draw: st.DrawFn, depth: int = 0) -> str:
    """A record's shapes written many ways: mappings, lists, literal blocks, quotes, comments, blank lines."""
    indent = " " * (2 * depth)
    out = []
    keys = draw(st.lists(st.sampled_from(_KEYS[:6] + ["contract", "remote", "posted"]), min_size=1, max_size=5, unique=True))
    for key in keys:
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(["", "# a comment", indent + "  # indented comment"])))
        shape = draw(
            st.sampled_from(
                ["plain", "plain", "quoted", "block", "list", "flow", "items", "map", "empty"] if depth < 2 else ["plain"]
            )
        )
        if shape == "plain":
            out.append(f"{indent}{key}: {draw(st.sampled_from(_VALUES[:22] + ['mot', 'Nantes 44']))}")
        elif shape == "quoted":
            out.append(f"{indent}{key}: " + draw(st.sampled_from(["'a: b'", "'l''été'", '"# x"', '"yes"', "'0123'"])))
        elif shape == "block":
            out.append(f"{indent}{key}: " + draw(st.sampled_from(["|", "|-"])))
            inner = indent + " " * draw(st.sampled_from([2, 4]))
            body = draw(
                st.lists(
                    st.sampled_from(["Un texte : ici.", "", "- item", "  plus loin", "# titre", "a: b", " ", "  "]), min_size=1
                )
            )
            out.extend(inner + line if line else "" for line in body)  # " ": a blank line with spaces beyond the block's
        elif shape == "list":
            out.append(f"{indent}{key}:")
            inner = indent + draw(st.sampled_from(["", "  "]))
            out.extend(
                f"{inner}- {v}" for v in draw(st.lists(st.sampled_from(["fr", "en", "2026-01-01", "'q'", "yes"]), min_size=1))
            )
        elif shape == "flow":
            words = draw(
                st.lists(st.sampled_from(["web", "data science", "yes", "12:30", "0123", "2026-01-01", "~"]), max_size=4)
            )
            out.append(f"{indent}{key}: [{draw(st.sampled_from([', ', ',', ' , '])).join(words)}]")
        elif shape == "items":
            out.append(f"{indent}{key}:")
            inner = indent + draw(st.sampled_from(["", "  "]))
            for _ in range(draw(st.integers(1, 3))):
                item = draw(_records(depth + 1)).rstrip("\n").split("\n")
                lead = " " * (2 * depth + 2)  # how far in _records(depth + 1) writes its keys
                out.append(f"{inner}- " + item[0].removeprefix(lead))
                out.extend(inner + "  " + line.removeprefix(lead) if line.strip() else line for line in item[1:])
        elif shape == "map":
            out.append(f"{indent}{key}:")
            out.append(draw(_records(depth + 1)).rstrip("\n"))
        else:
            out.append(f"{indent}{key}:")
    return "\n".join(out) + "\n"


def _same_as_pyyaml(text: str) -> bool:
    """Whether the plain reader answered; if it did, PyYAML reads the same values, typed text and first line."""
    plain = read_plain(text)
    if plain is None:
        return False
    data, typed, first = plain
    try:
        reference = parse(text, lines=True)  # with lines, parse always takes PyYAML's way
    except YamlError as e:
        raise AssertionError(f"PyYAML refuses what the plain reader read as {data!r}: {e.message}") from None
    assert repr(data) == repr(reference.data), text  # repr: 1, 1.0 and True differ, and so does the keys' order
    assert typed == reference.typed and first + 1 == reference.first_line, text
    return True


@settings(max_examples=600, deadline=None)
@given(_lines())
def test_the_plain_reader_answers_as_pyyaml_or_not_at_all(text: str) -> None:
    _same_as_pyyaml(text)


@settings(max_examples=400, deadline=None)
@given(_records(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_the_plain_reader_reads_records_of_every_shape_as_pyyaml(text: str, end: str, last_break: bool) -> None:
    _same_as_pyyaml(text.replace("\n", end) if last_break else text.rstrip("\n").replace("\n", end))


def test_the_sample_records_are_of_the_common_shape(tmp_path: Path) -> None:
    """Else the plain reader would be code that never runs (and `check` slower by half): the sample's records and
    front matter, and those of the benchmarks' corpus."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    generate(40, tmp_path)
    for root in (ROOT, tmp_path):
        records = list(root.glob("[jc]*/**/*.yml")) + list(root.glob("stories/*/story.yml"))
        texts = list(root.glob("stories/*/*.md")) + list(root.glob("content/pages/*/*.md"))
        assert len(records) > 20 and len(texts) > 5
        for path in records + texts:
            text = decode(path.read_bytes())
            if path.suffix == ".md":
                text = text.split("---\n", 2)[1]  # the front matter, between its --- lines
            assert read_plain(text) is not None, path
            _same_as_pyyaml(text)
