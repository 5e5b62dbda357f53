"""Views: each planned page as data, every value prepared before any template runs.

A text a record gives in several languages becomes a `Shown`: the words, the language they are really in,
and the page's language. Templates only read views; whether a page says "not translated yet", and which
elements carry `lang` and `dir`, are derived from the Shown values a view holds (`fallbacks`), never noticed
on the way while a template runs.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence
from urllib.parse import quote, urlencode

import babel.dates
from markupsafe import Markup, escape

from passerelle.plan import urls
from passerelle.plan.outputs import ListPage, Pages, PlannedFeed, PlannedPage, StoryListPage
from passerelle.records.catalog import WEEK_DAYS, Catalog
from passerelle.records.models import Employer, Job, Page, Story, Text
from passerelle.records.settings import Site
from passerelle.records.strings import Strings
from passerelle.records.vocabulary import CONTRACT_GROUPS, CONTRACTS, FRENCH_LEVELS, REMOTE
from passerelle.render.cards import CARD_SIZE, Line, PreviewCard, strong_direction
from passerelle.render.digest import digest_line, digest_text
from passerelle.render.filter_index import FilterIndex, Row, filter_index
from passerelle.render.job_form import form_view
from passerelle.render.impact import bar_chart, column_chart, measure
from passerelle.render.media import Media
from passerelle.render.record_html import RecordHtml
from passerelle.render.structured import job_posting


@dataclass(frozen=True)
class Shown:
    """A text as one page shows it: plain text (or sanitised HTML when `html`), in `lang`, on a page in `page_lang`.

    In a template, `{{ shown }}` is the text, wrapped in an element with its own lang and dir when it is not in the
    page's language (a div for a block); `{{ shown.value }}` is the bare text, for attributes."""

    value: str
    lang: str
    page_lang: str
    direction: str
    html: bool = False
    block: bool = False

    @property
    def fallback(self) -> bool:
        return self.lang != self.page_lang

    def __str__(self) -> str:
        return self.value

    def __html__(self) -> str:
        inner = Markup(self.value) if self.html else escape(self.value)
        if not self.fallback:
            return str(inner)
        tag = "div" if self.block else "span"
        return f'<{tag} lang="{self.lang}" dir="{self.direction}">{inner}</{tag}>'


@dataclass(frozen=True)
class Card:
    """A card rendered once per language and shown by several pages, with the languages its texts fell back to."""

    html: Markup
    fallbacks: frozenset[str]

    def __html__(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        """Short, and the same in every run: a page's cache key holds the repr of its view, and a list page shows
        60 cards (their HTML in full was a tenth of a next-day build)."""
        return self._said

    @functools.cached_property
    def _said(self) -> str:
        return f"Card({hashlib.blake2b(self.html.encode(), digest_size=20).hexdigest()}, {sorted(self.fallbacks)})"


def fallbacks(value: Any) -> frozenset[str]:
    """The languages of every text in a view that is not in its page's language (views are dicts, lists, tuples,
    Shown, Card and plain values; records are never put in a view)."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Shown):
            if item.fallback:
                found.add(item.lang)
        elif isinstance(item, Card):
            found |= item.fallbacks
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            raise TypeError(f"a record was put in a view: {type(item).__name__}")
    return frozenset(found)


@dataclass(frozen=True)
class PageView:
    """Everything one page of one language shows, for the templates and for mkdocs."""

    path: str
    template: str
    title: str
    body: dict[str, Any]
    """What the page's template reads."""
    description: str = ""
    noindex: bool = False
    og_type: str = "website"
    image: dict[str, str] = field(default_factory=dict)
    image_alt: str = ""
    jsonld: dict[str, Any] | None = None
    toc: list[dict[str, Any]] = field(default_factory=list)
    feeds: tuple[dict[str, str], ...] = ()
    card: PreviewCard | None = None
    """The page's own preview card (drawn by render/cards.py); `image` then points at it."""

    @property
    def fallbacks(self) -> frozenset[str]:
        return fallbacks(self.body)


@dataclass(frozen=True)
class JobInputs:
    """Everything of the catalog and the media that a job's page shows (Views.job_page)."""

    path: str
    indexable: bool
    job: Job
    employer: Employer
    is_open: bool
    """Whether the job is still open today (a page for a job closed lately says so)."""
    stories: tuple[Story, ...]
    """The stories of fellows at the employer, shown under the offer."""
    logo: str
    """The employer's logo, as the media folder serves it ('' without)."""


class Views:
    """Builds the views of one language's pages from the plan and the catalog.

    `markdown` turns a record's Markdown into sanitised HTML (each text rendered once for every language);
    `fragment` renders a card or another piece that several pages show, with the theme: each is rendered once per
    language and cached here."""

    def __init__(
        self,
        site: Site,
        catalog: Catalog,
        strings: Strings,
        media: Media,
        markdown: RecordHtml,
        fragment: Callable[[str, dict[str, Any]], Markup],
    ) -> None:
        self.site, self.catalog, self.t, self.media = site, catalog, strings, media
        self.lang = strings.lang
        self.html = markdown.html
        self.html_with_toc = markdown.html_with_toc
        self._render = fragment
        self._cards: dict[tuple[str, str], Card] = {}
        self._reprs: dict[tuple[str, str], str] = {}

    # -- building blocks ----------------------------------------------------------------------------
    def href(self, path: str = "", lang: str | None = None) -> str:
        """Root-relative URL of a page of this site (`path` below the language root)."""
        return self.site.href(lang or self.lang, path)

    def script(self, name: str) -> str:
        """Root-relative URL of one of our scripts, among the assets every language shares."""
        return self.site.site_href(urls.asset(f"passerelle/{name}"))

    def shown(self, value: Text | None, html: bool = False) -> Shown | None:
        if value is None:
            return None
        text, used = value.pick(self.lang, self.site.default, self.site.languages)
        return self._shown(self.html(text) if html else text, used, html=html, block=html)

    def _shown(self, value: str, lang: str, html: bool = False, block: bool = False) -> Shown:
        return Shown(value, lang, self.lang, self.site.direction(lang), html, block)

    def plain(self, value: Text | None) -> str:
        return value.pick(self.lang, self.site.default, self.site.languages)[0] if value is not None else ""

    def feed(self, label: str, name: str) -> dict[str, str]:
        return {
            "label": label,
            "rss": self.href(urls.feed(name)),
            "atom": self.href(urls.feed(name, ".atom.xml")),
            "json": self.href(urls.feed(name, ".feed.json")),
        }

    def jobs_feed_label(self, what: str) -> str:
        """A feed of jobs as the pages name it: "Jobs · Île-de-France", or "Jobs" for them all."""
        return f"{self.t('feed_jobs')} · {what}" if what else self.t("feed_jobs")

    def site_feeds(self) -> tuple[dict[str, str], ...]:
        return (self.feed(self.t("feed_jobs"), "jobs"), self.feed(self.t("feed_stories"), "stories"))

    def place(self, job: Job, both: bool = False) -> str:
        """City, region and country in the reader's language (`both`: the region's own name beside it, as a
        fellow will see it written in France)."""
        region = job.location.region
        shown = self.t.region(region) if region else None
        if region and shown != region and both:
            shown = f"{shown} ({region})"
        parts = [p for p in (job.location.city, shown) if p]
        country = self.t.country(job.location.country)
        return ", ".join([*parts, country]) if parts else country

    def employer_link(self, employer: Employer) -> dict[str, str]:
        return {"id": employer.id, "name": employer.name, "url": self.href(urls.employer(employer.id))}

    def job_card(self, job: Job) -> Card:
        """A job's card: rendered once per language however many lists show it."""
        key = ("job", job.key)
        if key not in self._cards:
            employer = self.catalog.employer(job.employer)
            view = {
                "url": self.href(urls.job(job.key)),
                "title": self.shown(job.title),
                "employer": employer.name,
                "employer_id": job.employer,
                "contract": job.contract,
                "contract_label": self.t(f"contract_{job.contract}"),
                "remote": job.remote,
                "remote_label": self.t(f"remote_{job.remote}"),
                "level": job.french_level or "",
                "country": job.location.country,
                "region": job.location.region or "",
                "city": job.location.city or "",
                "place": self.place(job),
                "deadline": job.deadline.isoformat(),
                "deadline_text": self.t.date(job.deadline),
                "posted": job.posted.isoformat(),
            }
            self._cards[key] = Card(self._render("job-card", view), fallbacks(view))
        return self._cards[key]

    def story_card(self, story: Story) -> Card:
        key = ("story", story.id)
        if key not in self._cards:
            text = story.text(self.lang, self.site.default, self.site.languages)
            view = {
                "url": self.href(urls.story(story.id)),
                "title": self._shown(text.title, text.lang),
                "summary": self._shown(text.summary, text.lang),
                "name": story.name,
                "role": self.shown(story.role),
                "employer": self.catalog.employer(story.employer).name if story.employer else "",
            }
            self._cards[key] = Card(self._render("story-card", view), fallbacks(view))
        return self._cards[key]

    # -- pages --------------------------------------------------------------------------------------
    def page(self, planned: PlannedPage) -> PageView:
        """The view of a planned page, by its kind (see plan.outputs.PlannedPage.kind)."""
        builders: dict[str, Callable[[PlannedPage], PageView]] = {
            "home": self._home,
            "list": self._list,
            "stories": self._stories,
            "employers": self._employers,
            "search": self._search,
            "job": self._job,
            "story": self._story,
            "employer": self._employer,
            "page": self._page,
            "impact": self._impact,
            "glossary": self._glossary,
            "saved": self._saved,
            "week": self._week,
        }
        return builders[planned.kind](planned)

    def _home(self, planned: PlannedPage) -> PageView:
        intro = next((p for p in self.catalog.content.pages if p.id == "home"), None)
        title, shown = self.site.name, None
        if intro:
            text = intro.text(self.lang, self.site.default, self.site.languages)
            shown, title = self._shown(self.html(text.body), text.lang, html=True, block=True), text.title
        c = self.catalog
        body = {
            "intro": shown,
            "jobs": [self.job_card(j) for j in c.jobs[:5]],
            "total": len(c.jobs),
            "stories": [self.story_card(s) for s in c.stories[:3]],
            "partners": [self.employer_link(e) for e in c.employers],
            "feeds": self.site_feeds(),
        }
        return PageView(planned.path, "home.html", title, body, description=self.t("tagline"), feeds=self.site_feeds())

    def _list(self, planned: PlannedPage) -> PageView:
        listing = planned.subject
        assert isinstance(listing, ListPage)
        label = self.t.list_label(listing.kind, listing.key)
        group, _, region = listing.key.partition("/") if listing.kind == "group-region" else ("", "", listing.key)
        own_feed = listing.kind in ("contract", "region", "group-region")
        feed = self.feed(self.jobs_feed_label(label if own_feed else ""), listing.feed)
        groups = [
            {"label": self.t.group(g), "url": self.href(urls.group_region_list(g, region)), "n": len(jobs)}
            for (g, name), jobs in self.catalog.by_group_region.items()
            if listing.kind == "region" and name == listing.key
        ]
        title = f"{self.t('jobs_title')} · {label}" if label else self.t("jobs_title")
        pager = self.pager(listing.pages)
        body = {
            "title": title,
            "filters": self.fragment("filters") if listing.kind == "all" else None,
            "facets": self.fragment("facets-all" if label else "facets"),
            "total": listing.total,
            "script": self.script("filters.js") if listing.kind == "all" else "",
            "jobs": [self.job_card(j) for j in listing.jobs],
            "pager": pager,
            "groups": groups,
            "place": self.t.region(region) if listing.kind in ("region", "group-region") else "",
            "region": {"label": self.t.region(region), "url": self.href(urls.region_list(region))} if group else None,
            "feeds": (feed,),
            "index": self.href(urls.JOBS_INDEX),
        }
        return PageView(planned.path, "jobs.html", title, body, description=self.t("jobs_intro"), feeds=(feed,))

    @functools.cached_property
    def facets(self) -> dict[str, Any]:
        """The lists by contract and by region, and the filters' choices: the same on every page of a language."""
        c = self.catalog
        return {
            "contracts": [
                {"value": k, "label": self.t(f"contract_{k}"), "url": self.href(urls.contract_list(k)), "n": len(jobs)}
                for k, jobs in c.by_contract.items()
                if jobs
            ],
            "regions": [
                {
                    "value": urls.region_slug(name),
                    "label": self.t.region(name),
                    "url": self.href(urls.region_list(name)),
                    "n": len(jobs),
                }
                for name, jobs in c.by_region.items()
            ],
            "groups": [
                {"value": g, "label": self.t(f"filter_group_{g}"), "members": list(members)}
                for g, members in CONTRACT_GROUPS.items()
                if len(members) > 1
            ],
            "cities": sorted({j.location.city for j in c.jobs if j.location.city}, key=str.casefold),
            "remote": [{"value": r, "label": self.t(f"remote_{r}")} for r in REMOTE],
            "levels": list(FRENCH_LEVELS),
            "employers": [{"value": e.id, "label": e.name} for e in c.employers if c.jobs_of(e.id)],
            "sectors": sorted({self.plain(e.sector) for e in c.employers if e.sector and c.jobs_of(e.id)}, key=str.casefold),
            "all_url": self.href(urls.JOBS),
        }

    def jobs_index(self, feeds: Sequence[PlannedFeed] = ()) -> FilterIndex:
        """What the jobs list's filters need (render/filter_index.py): every open job's facets and card, in the list's
        order; and the pre-built feeds of jobs, each with the choice of filters it follows, so that the list offers
        the feed of what a fellow chose (or the nearest one)."""
        rows = [
            Row(
                contract=job.contract,
                remote=job.remote,
                level=job.french_level or "",
                region=urls.region_slug(job.location.region) if job.location.region else "",
                city=job.location.city or "",
                employer=job.employer,
                sector=self.plain(self.catalog.employer(job.employer).sector),
                deadline=job.deadline.isoformat(),
                posted=job.posted.isoformat(),
                card=str(self.job_card(job).html),
            )
            for job in self.catalog.jobs
        ]
        followed = [f for f in map(self._followed, feeds) if f]
        return filter_index(rows, followed, self.href(urls.JOBS_INDEX_PARTS), self.href(urls.FEEDS))

    def _followed(self, planned: PlannedFeed) -> dict[str, Any] | None:
        """A jobs feed as the filters' choice it follows ({"contract": "alternance", "region": "ile-de-france"})."""
        kind, key = planned.kind, planned.key
        if kind in ("stories", "week"):
            return None
        group, _, region = key.partition("/")
        when = {
            "jobs": {},
            "contract": {"contract": key},
            "employer": {"employer": key},
            "region": {"region": urls.region_slug(key)},
            "group-region": {"contract": group, "region": urls.region_slug(region)},
            "level": {"level": key},
        }[kind]
        label = self.catalog.employer(key).name if kind == "employer" else self.t.list_label(kind, key)
        return {"when": when, "label": self.jobs_feed_label(label), "feed": planned.name}

    def pager(self, pages: Pages) -> dict[str, Any]:
        return {
            "n": pages.n,
            "count": pages.count,
            "prev": self.href(pages.prev) if pages.prev is not None else None,
            "next": self.href(pages.next) if pages.next is not None else None,
        }

    def _stories(self, planned: PlannedPage) -> PageView:
        listing = planned.subject
        assert isinstance(listing, StoryListPage)
        feed = self.feed(self.t("feed_stories"), "stories")
        body = {
            "stories": [self.story_card(s) for s in listing.stories],
            "total": listing.total,
            "pager": self.pager(listing.pages),
            "feeds": (feed,),
        }
        return PageView(
            planned.path, "stories.html", self.t("stories_title"), body, description=self.t("stories_intro"), feeds=(feed,)
        )

    def _employers(self, planned: PlannedPage) -> PageView:
        body = {
            "employers": [
                {**self.employer_link(e), "sector": self.shown(e.sector), "open": len(self.catalog.jobs_of(e.id))}
                for e in self.catalog.employers
            ]
        }
        return PageView(
            planned.path,
            "employers.html",
            self.t("employers_title"),
            body,
            description=self.t("employers_intro"),
            feeds=self.site_feeds(),
        )

    def _search(self, planned: PlannedPage) -> PageView:
        body = {
            "bundle": self.href(urls.SEARCH_BUNDLE),
            "jobs": self.href(urls.JOBS),
            "script": self.script("search.js"),
        }
        return PageView(
            planned.path,
            "search.html",
            self.t("search_title"),
            body,
            description=self.t("search_label"),
            noindex=True,
            feeds=self.site_feeds(),
        )

    def job_inputs(self, planned: PlannedPage) -> JobInputs:
        """What a job page shows, taken from the catalog and the media: job_page reads nothing else of them."""
        job = planned.subject
        assert isinstance(job, Job)
        employer = self.catalog.employer(job.employer)
        stories = tuple(self.catalog.stories_of(employer.id))
        logo = self.media.logos.get(employer.id) or ""
        return JobInputs(planned.path, planned.indexable, job, employer, self.catalog.is_open(job), stories, logo)

    def inputs_key(self, given: JobInputs) -> str:
        """The text of everything `given` holds, for a cache key found without making the page's view (at 5,000
        jobs the job pages are 70 % of the pages); an employer's and a story's text made once per language."""
        said = [given.path, str(given.indexable), str(given.is_open), given.logo, repr(given.job)]
        said += [self._said(given.employer), *(self._said(s) for s in given.stories)]
        return "\n".join(said)

    def _said(self, record: Employer | Story) -> str:
        key = (type(record).__name__, record.id)
        if key not in self._reprs:
            self._reprs[key] = repr(record)
        return self._reprs[key]

    def _job(self, planned: PlannedPage) -> PageView:
        return self.job_page(self.job_inputs(planned))

    def job_page(self, given: JobInputs) -> PageView:
        """A job's page, from `given` alone besides this language's strings, the settings and the Markdown (what
        the cache's version covers): the page's cache key is made from `given` (see inputs_key)."""
        job, employer, is_open, t = given.job, given.employer, given.is_open, self.t
        title = self.plain(job.title)
        logo = given.logo or None
        description = self.shown(job.description, html=True)
        jsonld = None
        if is_open and description is not None:
            jsonld = job_posting(
                job,
                employer,
                title=title,
                description_html=description.value,
                url=self.site.lang_url(self.lang, given.path),
                logo_url=self.site.absolute(logo) if logo else None,
            )
        body = {
            "is_open": is_open,
            "title": self.shown(job.title),
            "employer": self.employer_link(employer),
            "contract": t(f"contract_{job.contract}"),
            "contract_explained": t(f"explain_contract_{job.contract}"),
            "remote": t(f"remote_{job.remote}"),
            "remote_key": job.remote,
            "region": job.location.region or "",
            "level": job.french_level or "",
            "level_explained": t(f"explain_level_{job.french_level or 'any'}"),
            "glossary": self.href(urls.GLOSSARY),
            "logo": logo or "",
            "training": self.shown(job.training),
            "place": self.place(job),
            "place_both": self.place(job, both=True),
            "start": job.start.isoformat() if job.start else "",
            "start_text": t.date(job.start) if job.start else "",
            "deadline": job.deadline.isoformat(),
            "deadline_text": t.date(job.deadline),
            "salary": t.salary(job.salary.min, job.salary.max, job.salary.currency, job.salary.period) if job.salary else "",
            "posted": job.posted.isoformat(),
            "posted_text": t.date(job.posted),
            "apply": job.apply,
            "apply_label": t("apply_by_email") if job.apply.startswith("mailto:") else t("apply"),
            "description": description,
            "tags": list(job.tags),
            "report": self._report_url(job) if is_open else "",
            "calendar": self.href(urls.job_calendar(job.key)) if is_open else "",
            "saved": self.href(urls.SAVED),
            "keep": self.script("keep.js"),
            "share": self._share(self.plain(job.title), self.site.lang_url(self.lang, given.path)) if is_open else None,
            "report_email": self._report_email(job) if is_open and self.site.contact else "",
            "stories": [self.story_card(s) for s in given.stories],
            "jobs": self.href(urls.JOBS),
        }
        summary = f"{employer.name} · {t('contract_' + job.contract)} · {self.place(job)}"
        facts = [t(f"contract_{job.contract}"), job.location.city or self.place(job)]
        if job.remote != "onsite":
            facts.append(t(f"remote_{job.remote}"))
        level = t("card_level", level=job.french_level) if job.french_level else t("level_any")
        shown_title = self.shown(job.title)
        assert shown_title is not None  # a job always has a title
        card = self._card(
            given.path,
            shown_title,
            employer.name,
            (" · ".join(facts), f"{level} · {t('apply_by')} {t.date(job.deadline)}"),
            employer.id,
        )
        return PageView(
            given.path,
            "job.html",
            title,
            body,
            description=summary,
            noindex=not given.indexable,
            og_type="article",
            jsonld=jsonld,
            feeds=(self.feed(t("feed_jobs"), "jobs"),),
            **card,
        )

    def _card(self, path: str, title: Shown, byline: str, facts: Sequence[str], logo: str) -> dict[str, Any]:
        """A page's preview card and the og:image that shows it: the title in its own script and direction, the
        rest in the page's language."""
        page = self.site.direction(self.lang)
        card = PreviewCard(
            urls.preview(path),
            page,
            Line(self.site.name, page),
            Line(title.value, title.direction),
            Line(byline, strong_direction(byline, page)),
            tuple(Line(fact, page) for fact in facts),
            logo,
        )
        image = {"src": self.href(card.path), "width": str(CARD_SIZE[0]), "height": str(CARD_SIZE[1])}
        return {"card": card, "image": image, "image_alt": f"{title.value} · {byline}"}

    def _share(self, title: str, url: str) -> dict[str, str]:
        """Links that send a page with the apps fellows use; none is followed before a tap (share.js adds the
        browser's own share sheet where there is one)."""
        text = f"{title} {url}"
        return {
            "title": title,
            "url": url,
            "whatsapp": f"https://wa.me/?{urlencode({'text': text})}",
            "telegram": f"https://t.me/share/url?{urlencode({'url': url, 'text': title})}",
            "email": f"mailto:?{urlencode({'subject': title, 'body': url}, quote_via=quote)}",
            "script": self.script("share.js"),
        }

    def _report_email(self, job: Job) -> str:
        """An e-mail to the programme about a job, for a reader without a GitHub account."""
        subject = f"{self.t('report_offer')}: {job.key}"
        body = f"{self.site.lang_url(self.lang, urls.job(job.key))}\n\n{self.t('report_body')}\n"
        return f"mailto:{self.site.contact}?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"

    def _report_url(self, job: Job) -> str:
        """A prefilled issue on the project's repository to report a job (empty where none is configured)."""
        if not self.site.repository:
            return ""
        title = f"{self.t('report_offer')}: {job.key}"
        body = f"{self.site.lang_url(self.lang, urls.job(job.key))}\n\n{self.t('report_body')}\n"
        return f"{self.site.repository}/issues/new?{urlencode({'title': title, 'body': body})}"

    def _story(self, planned: PlannedPage) -> PageView:
        story = planned.subject
        assert isinstance(story, Story)
        text = story.text(self.lang, self.site.default, self.site.languages)
        employer = self.catalog.employer(story.employer) if story.employer else None
        heading = Markup('\n  <h1>{}</h1>\n  <p class="pa-lede">{}</p>\n  ').format(text.title, text.summary)
        jobs = self.catalog.jobs_of(employer.id) if employer else []
        photo = self.media.photos.get(story.id)
        body = {
            "photo": photo,
            "photo_alt": self.plain(story.photo_alt) or self.t("photo_of", name=story.name),
            "heading": self._shown(str(heading), text.lang, html=True, block=True),
            "text": self._shown(self.html(text.body), text.lang, html=True, block=True),
            "name": story.name,
            "role": self.shown(story.role),
            "cohort": story.cohort or "",
            "employer": self.employer_link(employer) if employer else None,
            "published": self.t("published_on", date=self.t.date(story.published)),
            "jobs": [self.job_card(j) for j in jobs[:5]],
            "more_jobs": len(jobs) if len(jobs) > 5 else 0,
        }
        return PageView(
            planned.path,
            "story.html",
            text.title,
            body,
            description=text.summary,
            noindex=not planned.indexable,
            og_type="article",
            feeds=(self.feed(self.t("feed_stories"), "stories"),),
            **self._card(
                planned.path,
                self._shown(text.title, text.lang),
                " · ".join(p for p in (story.name, self.plain(story.role)) if p),
                [self.t("published_on", date=self.t.date(story.published))]
                + ([self.t("story_at", employer=employer.name)] if employer else []),
                employer.id if employer else "",
            ),
        )

    def _employer(self, planned: PlannedPage) -> PageView:
        employer = planned.subject
        assert isinstance(employer, Employer)
        feed = self.feed(self.jobs_feed_label(employer.name), urls.employer_feed(employer.id))
        body = {
            "name": employer.name,
            "logo": self.media.logos.get(employer.id, ""),
            "sector": self.shown(employer.sector),
            "website": employer.website,
            "description": self.shown(employer.description, html=True),
            "jobs": [self.job_card(j) for j in self.catalog.jobs_of(employer.id)],
            "stories": [self.story_card(s) for s in self.catalog.stories_of(employer.id)],
            "feeds": (feed,),
            "post_job": self.href(urls.post_job(employer.id)) if self.has_form else None,
        }
        return PageView(
            planned.path,
            "employer.html",
            employer.name,
            body,
            description=self.plain(employer.sector) or employer.name,
            feeds=(feed,),
        )

    def fragment(self, name: str) -> Card:
        """The jobs list's filter form ('filters') or its links to the other lists ('facets', 'facets-all')."""
        key = ("fragment", name)
        if key not in self._cards:
            view = {**self.facets, "with_all": name == "facets-all"}
            self._cards[key] = Card(self._render(name.removesuffix("-all"), view), fallbacks(view))
        return self._cards[key]

    def _page(self, planned: PlannedPage) -> PageView:
        page = planned.subject
        assert isinstance(page, Page)
        text = page.text(self.lang, self.site.default, self.site.languages)
        html, toc = self.html_with_toc(text.body)
        form = self.job_form() if page.id == urls.POST_A_JOB and self.has_form else None
        lead, cut, rest = html.partition("<h2") if form else (html, "", "")  # the form comes after the introduction
        content = Markup("<h1>{}</h1>").format(text.title) + Markup(lead)
        body = {
            "content": self._shown(str(content), text.lang, html=True, block=True),
            "form": form,
            "rest": self._shown(cut + rest, text.lang, html=True, block=True) if rest else None,
        }
        return PageView(
            planned.path, "page.html", text.title, body, description=text.summary or "", toc=toc, feeds=self.site_feeds()
        )

    @functools.cached_property
    def has_form(self) -> bool:
        """Whether the site has the "Post a job" form: its page, and a way to send the file (GitHub or e-mail)."""
        return any(p.id == urls.POST_A_JOB for p in self.catalog.content.pages) and bool(
            self.site.repository or self.site.contact
        )

    def job_form(self) -> dict[str, Any]:
        """The "Post a job" form: it writes a job file in the browser with the rules `check` applies."""
        return form_view(self.site, self.catalog, self.t, self.script("job-form.js"))

    def _impact(self, planned: PlannedPage) -> PageView:
        """The impact page: the programme's figures, then each count as a chart, a sentence and a table."""
        data = measure(self.catalog)
        t, rtl = self.t, self.site.is_rtl(self.lang)

        def shown(n: int | None) -> str:
            return t("impact_few") if n is None else str(n)

        def section(key: str, rows: Sequence[tuple[str, int | None]], columns: bool = False) -> dict[str, Any]:
            title = t(key)
            summary = "; ".join(f"{label}: {shown(n)}" for label, n in rows)
            drawn = [(label, n) for label, n in rows if n is not None]
            chart = (column_chart if columns else bar_chart)(key.replace("_", "-"), title, summary, drawn, rtl) if drawn else None
            return {
                "id": key.replace("_", "-"),
                "title": title,
                "summary": summary,
                "chart": chart,
                "rows": [(label, shown(n)) for label, n in rows],
            }

        employers = {e.id: e.name for e in self.catalog.employers}
        groups = [(t("impact_group_alternance") if g == "alternance" else t(f"contract_{g}"), n) for g, n in data.jobs_by_group]
        regions = [(t("remote_full") if r == "" else t("impact_no_region") if r == "?" else r, n) for r, n in data.jobs_by_region]
        months = [
            (babel.dates.format_date(dt.date(int(m[:4]), int(m[5:]), 1), "MMM", locale=t.locale), n)
            for m, n in data.posted_by_month
        ]
        sections = [
            section("impact_cohorts", list(data.stories_by_cohort)),
            section("impact_hiring", [(employers.get(e, e), n) for e, n in data.hiring_employers]),
            section("impact_groups", groups),
            section("impact_regions", regions),
            section("impact_months", months, columns=True),
        ]
        share = round(100 * data.low_french / data.open_jobs) if data.open_jobs else 0
        figures = [
            {
                "value": f.value,
                "label": self.shown(f.label),
                "source": t("impact_source", source=f.source, date=t.date(f.date)),
                "url": f.url,
            }
            for f in data.figures
        ]
        body = {
            "figures": figures,
            "sections": sections,
            "export": self.site.base + urls.IMPACT_EXPORT,
            "low_french": t("impact_low_french_text", n=data.low_french, total=data.open_jobs, share=share),
        }
        return PageView(
            planned.path, "impact.html", t("impact_title"), body, description=t("impact_intro"), feeds=self.site_feeds()
        )

    def _glossary(self, planned: PlannedPage) -> PageView:
        """Plain words: each contract and each level of French in one sentence, as beside the value on each job."""
        t = self.t
        body = {
            "contracts": [{"term": t(f"contract_{c}"), "text": t(f"explain_contract_{c}"), "id": c} for c in CONTRACTS],
            "alternance": {"term": t("filter_group_alternance"), "text": t("glossary_alternance")},
            "levels": [{"term": level, "text": t(f"explain_level_{level}"), "id": level.lower()} for level in FRENCH_LEVELS],
            "jobs": self.href(urls.JOBS),
        }
        return PageView(
            planned.path, "glossary.html", t("glossary_title"), body, description=t("glossary_intro"), feeds=self.site_feeds()
        )

    def _week(self, planned: PlannedPage) -> PageView:
        """This week's new jobs: a text to paste where fellows talk, the cards, and the digest's feed."""
        t, c = self.t, self.catalog
        lines = [digest_line(self.site, c, t, job) for job in c.this_week]
        since = c.today - dt.timedelta(days=WEEK_DAYS - 1)
        heading = t("week_heading", start=t.date(since), end=t.date(c.today), n=len(lines))
        feed = self.feed(t("week_feed_title"), urls.WEEK_FEED)
        body = {
            "heading": heading,
            "text": digest_text(lines, f"{self.site.name} · {heading}") if lines else "",
            "jobs": [self.job_card(j) for j in c.this_week],
            "all": self.href(urls.JOBS),
            "feeds": (feed,),
            "script": self.script("share.js"),
        }
        return PageView(planned.path, "week.html", t("week_title"), body, description=heading, feeds=(feed,))

    def _saved(self, planned: PlannedPage) -> PageView:
        """The jobs kept on this device: an empty list that keep.js fills from the device's storage."""
        body = {"jobs": self.href(urls.JOBS), "keep": self.script("keep.js")}
        return PageView(planned.path, "saved.html", self.t("saved_title"), body, description=self.t("saved_intro"), noindex=True)

    def nav(self) -> list[dict[str, str]]:
        """The sidebar and tabs: the listings and the editorial pages, never the records."""
        items = [
            {self.t("nav_home"): urls.source(urls.HOME)},
            {self.t("nav_jobs"): urls.source(urls.JOBS)},
            {self.t("nav_stories"): urls.source(urls.STORIES)},
            {self.t("nav_employers"): urls.source(urls.EMPLOYERS)},
            {self.t("nav_search"): urls.source(urls.SEARCH)},
        ]
        for page in self.catalog.content.pages:
            if page.id != "home":
                items.append(
                    {page.text(self.lang, self.site.default, self.site.languages).title: urls.source(urls.editorial(page.id))}
                )
        return items

    def footer(self) -> dict[str, Any]:
        pages = [
            {"url": self.href(urls.editorial(p.id)), "title": p.text(self.lang, self.site.default, self.site.languages).title}
            for p in self.catalog.content.pages
            if p.id != "home"
        ]
        return {
            "pages": pages,
            "impact": self.href(urls.IMPACT),
            "glossary": self.href(urls.GLOSSARY),
            "saved": self.href(urls.SAVED),
            "week": self.href(urls.WEEK),
            "jobs_feed": self.href(urls.feed("jobs")),
            "stories_feed": self.href(urls.feed("stories")),
            "languages": [
                {"lang": code, "url": self.href("", code), "name": self.site.language_name(code)} for code in self.site.languages
            ],
        }
