"""Pages: each planned page of one language, its view put through its template, as the HTML body and head
elements that the theme will wrap (see publish/theme.py)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import babel
import babel.lists
import jinja2
from markupsafe import Markup

from passerelle.cache import Cache
from passerelle.plan import urls
from passerelle.plan.outputs import Plan, PlannedPage
from passerelle.records.catalog import CLOSING_SOON_DAYS, Catalog
from passerelle.records.settings import Site
from passerelle.records.strings import Strings
from passerelle.render.cards import Line, PreviewCard
from passerelle.render.filter_index import FilterIndex
from passerelle.render.media import Media
from passerelle.render.record_html import RecordHtml
from passerelle.render.search import searchable
from passerelle.render.structured import script_json
from passerelle.render.views import PageView, Views


@dataclass(frozen=True)
class Made:
    """What a page's templates made of its view: what the theme wraps."""

    title: str
    body: str
    head: str
    toc: list[dict[str, Any]] = field(default_factory=list)


class RenderedPage:
    """One page of one language, ready for the theme: its title, body, head elements and table of contents (`made`),
    its preview card, and the cache key of what it was made from. A page found in the cache reads what it made
    only when that is asked for: the theme takes the final HTML of most pages from the cache too (publish/theme.py),
    and the search index is keyed by `made_from` (publish/language.py). At 5,000 jobs a next day read 840 MB of
    pages that way, and used none of it."""

    def __init__(
        self,
        path: str,
        card: PreviewCard | None,
        made_from: str,
        searchable: bool,
        made: Made | None = None,
        load: Callable[[], Made] | None = None,
    ) -> None:
        self.path = path
        """Below the language root: '' for home, 'jobs/acme/web-dev/' for a job."""
        self.card = card
        """Its preview card, drawn beside it (render/cards.py)."""
        self.made_from = made_from
        """The cache key of what it was made from ('' without a cache): the same key, the same page."""
        self.searchable = searchable
        """Whether the search index holds it (render/search.searchable)."""
        self._made, self._load = made, load

    @property
    def made(self) -> Made:
        if self._made is None:
            assert self._load is not None
            self._made = self._load()
        return self._made

    @property
    def title(self) -> str:
        return self.made.title

    @property
    def body(self) -> str:
        return self.made.body

    @property
    def head(self) -> str:
        return self.made.head

    @property
    def toc(self) -> list[dict[str, Any]]:
        return self.made.toc

    @property
    def src(self) -> str:
        """Its name for mkdocs (see urls.source)."""
        return urls.source(self.path)


def _made(entry: bytes | None) -> Made | None:
    """A rendered page as the cache kept it, or None if the entry is not one (damaged: the page is made again)."""
    try:
        said = json.loads(entry) if entry is not None else None
    except ValueError:
        return None
    fields = {"title": str, "body": str, "head": str, "toc": list}
    if not (isinstance(said, dict) and all(isinstance(said.get(k), kind) for k, kind in fields.items())):
        return None
    return Made(said["title"], said["body"], said["head"], said["toc"])


def _keep(cache: Cache, key: str, made: Made) -> None:
    kept = {"title": made.title, "body": made.body, "head": made.head, "toc": made.toc}
    cache.store(key, json.dumps(kept, ensure_ascii=False).encode("utf-8"))


def _about(entry: bytes | None) -> tuple[PreviewCard | None, bool] | None:
    """A kept page's card and whether it is searchable (see LanguageRenderer._found), or None if the entry is not
    one whole."""
    try:
        said = json.loads(entry) if entry is not None else None
    except ValueError:
        return None
    if not (isinstance(said, dict) and isinstance(said.get("searchable"), bool) and "card" in said):
        return None
    if said["card"] is None:
        return None, said["searchable"]
    card = _card_from(said["card"]) if isinstance(said["card"], dict) else None
    return (card, said["searchable"]) if card is not None else None


def _card_said(card: PreviewCard | None) -> dict[str, Any] | None:
    """A page's preview card as the cache keeps it beside the page (see _card_from)."""
    return None if card is None else dataclasses.asdict(card)


def _card_from(said: dict[str, Any]) -> PreviewCard | None:
    """The preview card `_card_said` kept, or None if the entry does not hold one whole."""
    try:
        lines = {k: Line(**said[k]) for k in ("brand", "title", "byline")}
        facts = tuple(Line(**fact) for fact in said["facts"])
        card = PreviewCard(said["path"], said["direction"], facts=facts, logo=said["logo"], **lines)
    except (KeyError, TypeError):
        return None
    texts = [
        card.path,
        card.direction,
        card.logo,
        *(text for line in (*lines.values(), *facts) for text in (line.text, line.direction)),
    ]
    return card if all(isinstance(text, str) for text in texts) else None


def og_locale(lang: str) -> str:
    """Open Graph's locale for a language: its likeliest territory (fr_FR, fa_IR), and Facebook's ar_AR for Arabic."""
    if lang == "ar":
        return "ar_AR"
    likely = babel.core.get_global("likely_subtags").get(lang, lang)
    parsed = babel.Locale.parse(likely)
    return f"{parsed.language}_{parsed.territory}" if parsed.territory else parsed.language


def environment(theme_dir: Path, compiled: Path | None = None) -> jinja2.Environment:
    """Our templates (theme/passerelle/): autoescaped, strict about undefined values.
    `compiled`: a folder where the languages' processes share their compiled templates."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir / "passerelle"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
    )


class LanguageRenderer:
    """Renders every planned page of one language."""

    def __init__(
        self,
        site: Site,
        catalog: Catalog,
        strings: Strings,
        markdown: RecordHtml,
        media: Media,
        theme_dir: Path,
        compiled: Path | None = None,
    ) -> None:
        self.site, self.t, self.lang, self.media = site, strings, strings.lang, media
        self.env = environment(theme_dir, compiled)
        self.views = Views(site, catalog, strings, media, markdown, self._fragment)
        self.context = {
            "t": strings,
            "feeds_cap": strings("feeds_cap", n=site.feed_size),
            "links": {
                "jobs": self.views.href(urls.JOBS),
                "stories": self.views.href(urls.STORIES),
                "impact": self.views.href(urls.IMPACT),
            },
        }
        self.og_locales = [og_locale(code) for code in (self.lang, *(c for c in site.languages if c != self.lang))]
        """This language's Open Graph locale, then the others' (the same on every page: computed once)."""
        self._notices: dict[frozenset[str], str] = {}

    def _fragment(self, name: str, view: dict[str, Any]) -> Markup:
        return Markup(self.env.get_template(f"{name}.html").render(v=view, **self.context))

    def pages(self, plan: Plan, cache: Cache | None = None) -> list[RenderedPage]:
        return [self.render(planned, cache) for planned in plan.pages]

    def render(self, planned: PlannedPage, cache: Cache | None = None) -> RenderedPage:
        """The page's view through its template. With a cache, a page an earlier build made from the same inputs
        through the same templates (the same code, theme and settings: cache.version) is the HTML it gave then. A
        job's page is keyed by what it shows (Views.job_inputs), found without making its view; any other page by
        its view's repr, which holds every value the templates read (records, texts, cards, links), in order."""
        on = cache if cache is not None and cache.on else None
        given = self.views.job_inputs(planned) if planned.kind == "job" else None
        key = on.key("job-page", self.lang, self.views.inputs_key(given)) if on and given is not None else ""
        found = self._found(on, key, planned) if on and key else None
        if found is not None:
            return found
        view = self.views.job_page(given) if given is not None else self.views.page(planned)
        if on and not key:
            key = on.key("rendered", self.lang, repr(view))
            found = self._found(on, key, planned)
            if found is not None:
                return found
        made = self._make(view)
        page = RenderedPage(view.path, view.card, key, searchable(made.body), made)
        if on and key:
            _keep(on, key, made)
            about = {"card": _card_said(page.card), "searchable": page.searchable}
            on.store(on.key("page-about", key), json.dumps(about, ensure_ascii=False).encode("utf-8"))
        return page

    def _make(self, view: PageView) -> Made:
        body = self.env.get_template(view.template).render(v=view.body, title=view.title, **self.context)
        if view.fallbacks:
            body = self.notice(view.fallbacks) + body
        return Made(view.title, body, self.head(view), view.toc)

    def _found(self, cache: Cache, key: str, planned: PlannedPage) -> RenderedPage | None:
        """The page kept under `key`, or None. Its card and whether it is searchable are read now (a small entry
        beside it); what it made, when asked for (and made again from its view if that entry is damaged)."""
        about = _about(cache.read(cache.key("page-about", key)))
        if about is None or cache.find(key) is None:
            return None

        def load() -> Made:
            made = _made(cache.read(key))
            if made is None:
                made = self._make(self.views.page(planned))
                _keep(cache, key, made)
            return made

        return RenderedPage(planned.path, about[0], key, about[1], load=load)

    def notice(self, languages: frozenset[str]) -> str:
        """The small "not translated yet" line naming the languages the page's texts are in (made once for each set)."""
        if languages not in self._notices:
            names = [babel.Locale.parse(code).get_display_name(self.lang) or code for code in sorted(languages)]
            said = babel.lists.format_list(names, locale=self.lang)
            self._notices[languages] = self.env.get_template("notice.html").render(languages=said, **self.context)
        return self._notices[languages]

    def head(self, view: PageView) -> str:
        site = self.site
        image = view.image or self.media.card
        return self.env.get_template("head.html").render(
            title=view.title,
            description=view.description,
            noindex=view.noindex,
            og_type=view.og_type,
            canonical=site.lang_url(self.lang, view.path),
            alternates=[(code, site.lang_url(code, view.path)) for code in site.languages],
            x_default=site.lang_url(site.default, view.path) if view.path else site.url,
            image=image,
            image_url=site.absolute(image["src"]),
            image_alt=view.image_alt or f"{site.name}: {self.t('tagline')}",
            og_locale=self.og_locales[0],
            og_alternates=self.og_locales[1:],
            site_name=site.name,
            jsonld=Markup(script_json(view.jsonld)) if view.jsonld else None,
            feeds=view.feeds,
            clock=self.views.script("clock.js"),
            closing_soon_days=CLOSING_SOON_DAYS,
            service_worker=site.base + urls.SERVICE_WORKER,
            scope=site.base,
            t=self.t,
        )

    def footer(self) -> str:
        return self.env.get_template("footer.html").render(v=self.views.footer(), **self.context)

    def jobs_index(self, plan: Plan) -> FilterIndex:
        return self.views.jobs_index(plan.feeds)

    def nav(self) -> list[dict[str, str]]:
        return self.views.nav()
