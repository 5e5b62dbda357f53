"""Reading YAML: hostile or broken files are refused with a line, never run, never expanded."""

from __future__ import annotations

import tracemalloc

import pytest

from passerelle.records.yamlfile import YamlError, decode, parse, split_front_matter

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
