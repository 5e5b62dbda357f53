"""Markup: Markdown from records and pages becomes HTML that cannot attack a visitor (rendered, then sanitised by nh3)."""

from __future__ import annotations

import contextlib
import html
import re
import signal
import threading
import unicodedata
from typing import Any, Iterator

import markdown
import nh3

from passerelle.records.messages import M, Message

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
"""No img: a record's picture from another host would be a third-party request; no form, style, script, iframe."""
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
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


MAX_CHARS = 50_000
"""The longest Markdown text of a record (a long story is about 15,000 characters)."""
TIME_LIMIT = 2.0
"""Seconds a text may take to lay out in `check`; honest texts take milliseconds."""
BUILD_TIME_LIMIT = 10.0
"""The same in the build, where it can only be a text `check` did not flag: it is then shown as plain text."""
RISK_LIMIT = 300_000
"""Python-Markdown's time grows with (unclosed [, < and definition lines) x (length): from this product on,
`check` lays the text out once, under TIME_LIMIT, to see that it stays in time."""


class Timeout(Exception):
    """A text took too long to lay out."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Timeout in the block after `seconds` (wall clock; only in the main thread, elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(*_: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _risk(text: str) -> int:
    return (text.count("[") + text.count("<") + text.count("\n:")) * len(text)


def markdown_problem(text: str, renderer: MarkdownRenderer | None = None) -> Message | None:
    """Why a Markdown text cannot be published: too long, or too slow to lay out (many unclosed [ or <)."""
    if len(text) > MAX_CHARS:
        return M("is {length} characters long; the limit is {limit}. Shorten it, or split it.", length=len(text), limit=MAX_CHARS)
    if _risk(text) < RISK_LIMIT:
        return None
    try:
        with time_limit(TIME_LIMIT):
            (renderer or _trial_renderer()).convert(text)
    except Timeout:
        return M(
            "takes too long to lay out (over {seconds} s): it has many [ or < that are never closed. "
            "Close each [ with ] and each < with >, or write them as \\[ and \\<.",
            seconds=int(TIME_LIMIT),
        )
    return None


_TRIAL: list[MarkdownRenderer] = []


def _trial_renderer() -> MarkdownRenderer:
    """A renderer with mkdocs' default extensions and the site's usual ones, to time suspicious texts in `check`."""
    if not _TRIAL:
        _TRIAL.append(MarkdownRenderer(["toc", "tables", "fenced_code", "attr_list", "def_list", "sane_lists"], {}))
    return _TRIAL[0]


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

    def convert(self, text: str) -> str:
        self.md.reset()
        return str(self.md.convert(text))

    def render_with_toc(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """The HTML and the table of contents tokens (for pages with headings). A text that takes too long
        (which `check` refuses) is shown as plain paragraphs rather than stopping the build."""
        try:
            with time_limit(BUILD_TIME_LIMIT):
                converted = self.convert(text)
        except Timeout:
            converted = "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n"))
            return sanitise(converted), []
        return sanitise(converted), list(getattr(self.md, "toc_tokens", []))
