"""The pages at the site's root, outside every language: the language chooser, and the 404 page that hosts serve
for any missing address (every language's message, the visitor's own first; each language folder has its own)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from passerelle.plan import urls
from passerelle.records.settings import Site
from passerelle.records.strings import Strings
from passerelle.render.media import Media
from passerelle.render.pages import og_locale


def write_root(site: Site, strings: dict[str, Strings], media: Media, theme: Path, staging: Path) -> None:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme / "passerelle"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    html = env.get_template("chooser.html").render(
        site=site,
        strings=strings,
        base=site.base,
        card=media.card,
        card_url=site.absolute(media.card["src"]),
        locales=[og_locale(code) for code in site.languages],
    )
    (staging / "index.html").write_text(html, encoding="utf-8")
    notfound = env.get_template("notfound.html").render(site=site, strings=strings, base=site.base)
    (staging / urls.NOT_FOUND).write_text(notfound, encoding="utf-8")
