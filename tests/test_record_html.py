"""What a record's Markdown may become: only the allow-list, whatever it is written with."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.records.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MarkdownRenderer

RENDERER = MarkdownRenderer(["toc", "tables", "attr_list", "def_list", "sane_lists", "md_in_html"], {})
"""The extensions a site may declare in mkdocs.yml, attr_list (classes and ids from Markdown) among them."""


class Tags(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


FAKES = [
    "[Postuler ici](https://evil.example/form){: .md-button .md-button--primary .pa-apply #apply }",
    '<a class="md-button md-button--primary pa-apply" id="apply" href="https://evil.example/form">Postuler</a>',
    '<div class="pa-notice" id="content" role="alert" style="position:fixed">Offre vérifiée</div>',
    '<p markdown="1" class="pa-closed" data-pagefind-body>Texte</p>',
    "## Titre {: .pa-badge data-x=1 }",
]


def test_a_record_cannot_borrow_the_sites_classes_ids_or_roles() -> None:
    """Only headings keep an id (their anchors); no class, role, style or data attribute: no fake Apply button."""
    for text in FAKES:
        for tag, attrs in Tags(RENDERER.render(text)).tags:
            extra = set(attrs) - ALLOWED_ATTRIBUTES["*"] - ALLOWED_ATTRIBUTES.get(tag, set()) - {"rel"}
            assert extra == set(), (text, tag, attrs)
            assert "class" not in attrs and "style" not in attrs and "role" not in attrs
            assert "id" not in attrs or tag in ("h1", "h2", "h3", "h4", "h5", "h6")


def test_every_link_from_a_record_is_nofollow_and_opens_nothing_of_ours() -> None:
    html = RENDERER.render(
        "[a](https://a.example/) <a href='https://b.example/' rel='me' target='_top'>b</a> "
        "<https://c.example/> [d](mailto:d@d.example)"
    )
    links = [attrs for tag, attrs in Tags(html).tags if tag == "a"]
    assert len(links) == 4
    assert all(a["rel"] == "noopener noreferrer nofollow" and "target" not in a for a in links)


def test_comments_are_dropped() -> None:
    html = RENDERER.render("Visible.\n\n<!-- note interne : salaire négociable jusqu'à 60k -->\n\nFin <!--x-->.")
    assert Tags(html).comments == [] and "salaire" not in html and "<!--" not in html


NAMES = st.sampled_from(sorted(ALLOWED_TAGS | {"img", "script", "style", "form", "input", "button", "svg", "iframe"}))
ATTRS = st.sampled_from(
    [
        "class",
        "id",
        "style",
        "role",
        "onclick",
        "href",
        "src",
        "data-pagefind-body",
        "lang",
        "dir",
        "title",
        "target",
        "rel",
        "tabindex",
        "hidden",
        "aria-label",
        "colspan",
        "start",
    ]
)
VALUES = st.sampled_from(["md-button", "x", "javascript:alert(1)", "https://ok.example/", "1", "content"])


@st.composite
def fragments(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        name = draw(NAMES)
        attrs = " ".join(f'{a}="{draw(VALUES)}"' for a in draw(st.lists(ATTRS, max_size=4)))
        parts.append(f"<{name} {attrs}>text</{name}>")
    return draw(st.sampled_from(["", "Para.\n\n"])) + "".join(parts)


@settings(max_examples=200, deadline=None)
@given(fragments())
def test_any_markup_keeps_only_allowed_tags_and_attributes(text: str) -> None:
    html = RENDERER.render(text)
    for tag, attrs in Tags(html).tags:
        assert tag in ALLOWED_TAGS, (text, html)
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        assert set(attrs) <= allowed, (text, html)
        assert not re.match(r"\s*javascript:", attrs.get("href", ""), re.I)
