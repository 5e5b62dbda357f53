"""The site's settings, read once from mkdocs.yml: name, URL, languages and their direction."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import babel
import yaml


@functools.cache
def _right_to_left(lang: str) -> bool:
    """Whether `lang` is written right to left (from Unicode's CLDR, by Babel; asked for every text of every page)."""
    return bool(babel.Locale.parse(lang).character_order == "right-to-left")


@dataclass(frozen=True)
class Site:
    root: Path
    """The project folder (where mkdocs.yml is)."""
    name: str
    url: str
    """The public URL of the site root, ending with '/'."""
    languages: tuple[str, ...]
    """Declared languages; the default language comes first."""
    repository: str = ""
    """The GitHub repository that "Post a job" proposes files to (extra.repository)."""
    branch: str = "main"
    contact: str = ""
    """The programme's e-mail address (extra.contact): "Post a job" offers to send the file there, for an employer
    without a GitHub account."""
    feed_size: int = 50
    """How many entries a feed holds, the newest (extra.feed_size); the full set of open jobs is in jobs.json."""

    @property
    def default(self) -> str:
        return self.languages[0]

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def is_rtl(self, lang: str) -> bool:
        return _right_to_left(lang)

    def direction(self, lang: str) -> str:
        return "rtl" if self.is_rtl(lang) else "ltr"

    def language_name(self, lang: str) -> str:
        """The language's own name for itself, e.g. 'العربية'."""
        name = babel.Locale.parse(lang).get_display_name(lang) or lang
        return name[:1].upper() + name[1:]

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "localhost"

    def lang_url(self, lang: str, path: str = "") -> str:
        """Absolute URL of `path` (relative to the language root, '' for its home)."""
        return f"{self.url}{lang}/{path}"

    @property
    def base(self) -> str:
        """The path of the site root on its host: '/' or '/prefix/'."""
        return urlsplit(self.url).path

    def href(self, lang: str, path: str = "") -> str:
        """Root-relative URL of `path` below a language root (what the pages link with)."""
        return f"{self.base}{lang}/{path}"

    def site_href(self, path: str) -> str:
        """Root-relative URL of `path` below the site root (the shared assets, media)."""
        return f"{self.base}{path}"

    def file_url(self, path: str) -> str:
        """Absolute URL of `path` below the site root (media, exports)."""
        return f"{self.url}{path}"

    def absolute(self, href: str) -> str:
        """The absolute URL of a root-relative one ('/media/logos/x.png', as pages link to media)."""
        return self.file_url(href.removeprefix(self.base))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for our keys only; the Python tags mkdocs allows are kept as opaque values."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load_site(root: Path) -> Site:
    """Read the site settings from `root/mkdocs.yml`.

    The default language is `theme.language`; `extra.languages` lists the others (or all).
    """
    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    theme = data.get("theme") or {}
    default = theme.get("language") or "fr"
    extra = data.get("extra") or {}
    langs = [default] + [lang for lang in extra.get("languages") or [] if lang != default]
    url = str(data.get("site_url") or "http://127.0.0.1:8000/")
    if not url.endswith("/"):
        url += "/"
    return Site(
        root=root,
        name=str(data.get("site_name") or "Passerelle"),
        url=url,
        languages=tuple(langs),
        repository=str(extra.get("repository") or "").rstrip("/"),
        branch=str(extra.get("branch") or "main"),
        contact=_address(extra.get("contact")),
        feed_size=_positive(extra.get("feed_size"), 50),
    )


def _address(value: object) -> str:
    """An e-mail address, or '' (the e-mail route is offered only with a real address)."""
    text = str(value or "").strip()
    return text if re.fullmatch(r"[^@\s<>\"?&]+@[^@\s<>\"?&]+\.[^@\s<>\"?&]+", text) else ""


def _positive(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default
