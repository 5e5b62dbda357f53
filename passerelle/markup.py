"""Markup: Markdown from records and pages becomes HTML that cannot attack a visitor (rendered, then sanitised by nh3)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
"""No img: a record's picture from another host would be a third-party request; no form, style, script, iframe."""
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "td": {"align", "colspan", "rowspan"}, "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"https", "http", "mailto"}


def slugify(value: str, separator: str = "-") -> str:
    """A heading id that keeps letters of every script (Arabic and Persian headings get distinct ids)."""
    value = unicodedata.normalize("NFKC", value).lower()
    value = re.sub(r"[^\w\s-]", "", value, flags=re.UNICODE)
    return re.sub(r"[\s_-]+", separator, value).strip(separator) or "section"


def sanitise(html: str) -> str:
    """Keep only harmless markup: the allowlist above, links to https, http and mailto only."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


class MarkdownRenderer:
    """Renders Markdown with the site's extensions (from mkdocs.yml) and sanitises the result."""

    def __init__(self, extensions: list[Any], configs: dict[str, dict[str, Any]]) -> None:
        configs = {name: dict(value) for name, value in configs.items()}
        configs.setdefault("toc", {})["slugify"] = slugify
        if "toc" not in [e if isinstance(e, str) else "" for e in extensions]:
            extensions = [*extensions, "toc"]
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(self, text: str) -> str:
        return self.render_with_toc(text)[0]

    def render_with_toc(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """The HTML and the table of contents tokens (for pages with headings)."""
        self.md.reset()
        html = sanitise(self.md.convert(text))
        return html, list(getattr(self.md, "toc_tokens", []))
