"""Rendering: the pages of one language, as HTML bodies and head elements that mkdocs will wrap in the theme."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from markupsafe import Markup, escape

import babel.dates

from passerelle.records.catalog import Catalog, ascii_slug
from passerelle.render.impact import bar_chart, column_chart, measure
from passerelle.records.strings import Strings
from passerelle.records.markup import MarkdownRenderer
from passerelle.render.media import Media
from passerelle.records.models import Job, Page, Story, Text
from passerelle.records.settings import Site
from passerelle.render.structured import job_posting, script_json
from passerelle.records.vocabulary import CONTRACTS, FRENCH_LEVELS, ID_RE, REMOTE, SALARY_PERIODS


@dataclass(frozen=True)
class RenderedPage:
    """One page of one language, ready for mkdocs."""

    src: str
    """Its source path for mkdocs, e.g. 'jobs/acme/web-dev.md' (written to jobs/acme/web-dev/index.html)."""
    title: str
    body: str
    head: str
    toc: list[dict[str, Any]] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The page's path below the language root: '' for home, 'jobs/acme/web-dev/' for a job."""
        return page_url(self.src)


def og_locale(lang: str) -> str:
    """Open Graph's locale for a language: its likeliest territory (fr_FR, fa_IR), and Facebook's ar_AR for Arabic."""
    if lang == "ar":
        return "ar_AR"
    import babel

    likely = babel.core.get_global("likely_subtags").get(lang, lang)
    parsed = babel.Locale.parse(likely)
    return f"{parsed.language}_{parsed.territory}" if parsed.territory else parsed.language


class PathClaimedTwice(Exception):
    """Two pages would be written at one path (check's reserved ids should make this impossible)."""

    def __init__(self, path: str, first: str, second: str) -> None:
        super().__init__(path, first, second)  # as given, so that it crosses from a worker process intact
        self.path, self.first, self.second = path, first, second

    def __str__(self) -> str:
        return f"two pages would be written at {self.path}: {self.first} and {self.second}"


def markdown_texts(site: Site, catalog: Catalog) -> list[str]:
    """Every distinct Markdown text of a record that the pages of some language show, in a stable order."""
    texts: dict[str, None] = {}
    for lang in site.languages:
        for job in (*catalog.jobs, *catalog.recently_closed):
            texts.setdefault(job.description.pick(lang, site.default, site.languages)[0])
        for story in catalog.stories:
            texts.setdefault(story.text(lang, site.default, site.languages).body)
        for employer in catalog.employers:
            if employer.description is not None:
                texts.setdefault(employer.description.pick(lang, site.default, site.languages)[0])
    return list(texts)


def page_url(src: str) -> str:
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


class PageState:
    """What one page's rendering noticed: whether any text fell back to another language."""

    def __init__(self, site: Site, lang: str) -> None:
        self.site = site
        self.lang = lang
        self.fallback = False

    def mark(self, used: str, html: Markup, block: bool = False) -> Markup:
        if used == self.lang:
            return html
        self.fallback = True
        tag = "div" if block else "span"
        return Markup(f'<{tag} lang="{used}" dir="{self.site.direction(used)}">') + html + Markup(f"</{tag}>")


class LanguageRenderer:
    """Renders every page of one language from the catalog."""

    def __init__(self, site: Site, catalog: Catalog, strings: Strings, markdown: MarkdownRenderer,
                 media: Media, theme_dir: Path, html: dict[str, str] | None = None,
                 compiled: Path | None = None) -> None:
        self.site = site
        self.catalog = catalog
        self.t = strings
        self.lang = strings.lang
        self.md = markdown
        self.media = media
        self.base = urlsplit(site.url).path  # '/' or '/prefix/'
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(theme_dir / "passerelle"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            # `compiled`: a folder where the languages' processes share their compiled templates
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        )
        self._html_cache: dict[str, str] = html if html is not None else {}
        """Markdown text -> sanitised HTML: given rendered already (see markdown_texts), or filled as pages need it."""
        self._cards: dict[tuple[str, str], tuple[Markup, bool]] = {}
        self._fragments: dict[str, Markup] = {}
        self._macros = self.env.get_template("macros.html").module
        self.og_locales = [og_locale(code) for code in (self.lang, *(c for c in site.languages if c != self.lang))]
        """This language's Open Graph locale, then the others' (the same on every page: computed once)."""
        self.state = PageState(site, self.lang)

    # -- helpers the templates call ------------------------------------------------------------
    def href(self, path: str = "", lang: str | None = None) -> str:
        """Root-relative URL of a page of this site (`path` below the language root)."""
        return f"{self.base}{lang or self.lang}/{path}"

    def abs(self, path: str = "", lang: str | None = None) -> str:
        return self.site.lang_url(lang or self.lang, path)

    def text(self, value: Text | None) -> Markup:
        """A translatable plain-text field in the reader's language, marked when it falls back."""
        if value is None:
            return Markup("")
        text, used = value.pick(self.lang, self.site.default, self.site.languages)
        return self.state.mark(used, escape(text))

    def plain(self, value: Text | None) -> str:
        """The same text without marking (titles, attributes)."""
        if value is None:
            return ""
        return value.pick(self.lang, self.site.default, self.site.languages)[0]

    def markdown(self, value: Text | None) -> Markup:
        if value is None:
            return Markup("")
        text, used = value.pick(self.lang, self.site.default, self.site.languages)
        return self.state.mark(used, Markup(self.html(text)), block=True)

    def html(self, text: str) -> str:
        """Markdown to sanitised HTML, once per distinct text."""
        if text not in self._html_cache:
            self._html_cache[text] = self.md.render(text)
        return self._html_cache[text]

    def job_card(self, job: Job) -> Markup:
        """A job's card in the listings, rendered once per language however many lists show it."""
        return self._card(("job", job.key), lambda: self._macros.job_card(self, self.t, self.catalog, job))

    def story_card(self, story: Story) -> Markup:
        return self._card(("story", story.id), lambda: self._macros.story_card(self, self.t, self.catalog, story))

    def _card(self, key: tuple[str, str], make: Any) -> Markup:
        if key not in self._cards:
            before, self.state.fallback = self.state.fallback, False
            html = Markup(make())
            self._cards[key] = (html, self.state.fallback)
            self.state.fallback = before or self.state.fallback
        html, fallback = self._cards[key]
        self.state.fallback = self.state.fallback or fallback
        return html

    def story_text(self, story: Story):  # noqa: ANN201 - a StoryText
        return story.text(self.lang, self.site.default, self.site.languages)

    def in_lang(self, used: str, html: Markup | str, block: bool = False) -> Markup:
        return self.state.mark(used, escape(html) if not isinstance(html, Markup) else html, block)

    def date(self, day: dt.date, style: str = "long") -> str:
        return self.t.date(day, style)

    def job_url(self, job: Job) -> str:
        return self.href(f"jobs/{job.key}/")

    def story_url(self, story: Story) -> str:
        return self.href(f"stories/{story.id}/")

    def employer_url(self, eid: str) -> str:
        return self.href(f"employers/{eid}/")

    def report_url(self, job: Job) -> str:
        """A prefilled issue on the project's repository to report a job (empty where none is configured)."""
        if not self.site.repository:
            return ""
        title = f"{self.t('report_offer')}: {job.key}"
        body = f"{self.abs(f'jobs/{job.key}/')}\n\n{self.t('report_body')}\n"
        return f"{self.site.repository}/issues/new?{urlencode({'title': title, 'body': body})}"

    def place(self, job: Job) -> str:
        parts = [job.location.city, job.location.region] if job.location.city else [job.location.region]
        parts = [p for p in parts if p]
        country = self.t.country(job.location.country)
        return ", ".join([*parts, country]) if parts else country

    # -- pages -----------------------------------------------------------------------------------
    def render(self, src: str, template: str, title: str, *, description: str = "", noindex: bool = False,
               og_type: str = "website", image: dict[str, str] | None = None, image_alt: str = "", jsonld: dict[str, Any] | None = None,
               toc: list[dict[str, Any]] | None = None, feeds: list[tuple[str, str]] | None = None,
               **values: Any) -> RenderedPage:
        self.state = PageState(self.site, self.lang)
        body = self.env.get_template(template).render(r=self, t=self.t, c=self.catalog, title=title,
                                                      feeds=feeds or [], **values)
        if self.state.fallback:
            notice = self.env.get_template("notice.html").render(r=self, t=self.t)
            body = notice + body
        url = page_url(src)
        image = image or self.media.card
        head = self.env.get_template("head.html").render(
            r=self, t=self.t, url=url, title=title, description=description, noindex=noindex, og_type=og_type,
            image=image, image_url=self.site.url + image["src"][len(self.base):],
            image_alt=image_alt or f"{self.site.name}: {self.t('tagline')}",
            og_locale=self.og_locales[0], og_alternates=self.og_locales[1:],
            jsonld=Markup(script_json(jsonld)) if jsonld else None, feeds=feeds or [],
            site=self.site,
        )
        return RenderedPage(src, title, body, head, toc or [])

    def pages(self) -> list[RenderedPage]:
        c = self.catalog
        out = [self.home(), *self.job_lists(), self.stories_list(), self.employers_list(), self.search()]
        out += [self.job(job) for job in c.jobs]
        out += [self.job(job) for job in c.recently_closed]
        out += [self.story(story) for story in c.stories]
        out += [self.employer(e.id) for e in c.employers]
        out += [self.editorial(page) for page in c.content.pages if page.id != "home"]
        out.append(self.impact())
        claimed: dict[str, str] = {}
        for page in out:  # every output path is claimed once: a second claimant would replace the first
            if page.url in claimed:
                raise PathClaimedTwice(f"{self.lang}/{page.url}", claimed[page.url], page.src)
            claimed[page.url] = page.src
        return out

    def site_feeds(self) -> list[tuple[str, str]]:
        return [
            (self.t("feed_jobs"), self.href("feeds/jobs.xml")),
            (self.t("feed_stories"), self.href("feeds/stories.xml")),
        ]

    def home(self) -> RenderedPage:
        intro = next((p for p in self.catalog.content.pages if p.id == "home"), None)
        intro_html = Markup("")
        title = self.site.name
        if intro:
            text = intro.text(self.lang, self.site.default, self.site.languages)
            intro_html = self.in_lang(text.lang, Markup(self.html(text.body)), block=True)
            title = text.title
        return self.render("index.md", "home.html", title, description=self.t("tagline"), intro=intro_html,
                           feeds=self.site_feeds())

    def filter_form(self) -> Markup:
        """The jobs list's filter form: the same on every page of the list, so rendered once."""
        if "filters" not in self._fragments:
            self._fragments["filters"] = Markup(self.env.get_template("filters.html").render(r=self, t=self.t, c=self.catalog))
        return self._fragments["filters"]

    def facet_links(self, with_all: bool) -> Markup:
        """Links to the lists by contract and by region (and back to all jobs on a filtered list)."""
        key = f"facets-{with_all}"
        if key not in self._fragments:
            self._fragments[key] = Markup(self.env.get_template("facets.html").render(
                r=self, t=self.t, c=self.catalog, facet=with_all))
        return self._fragments[key]

    def sectors(self) -> list[str]:
        """The sectors of the employers that have open jobs, in this language, for the sector filter."""
        found = {self.plain(e.sector) for e in self.catalog.employers if e.sector and self.catalog.jobs_of(e.id)}
        return sorted(found, key=str.casefold)

    def cities(self) -> list[str]:
        return sorted({j.location.city for j in self.catalog.jobs if j.location.city}, key=str.casefold)

    def jobs_index(self) -> dict[str, Any]:
        """What the jobs list's filters need, for every open job: its facets and its card (jobs/index.json)."""
        jobs = []
        for job in self.catalog.jobs:
            employer = self.catalog.employer(job.employer)
            jobs.append({
                "key": job.key, "contract": job.contract, "remote": job.remote, "level": job.french_level or "",
                "region": ascii_slug(job.location.region) if job.location.region else "", "city": job.location.city or "",
                "employer": job.employer, "sector": self.plain(employer.sector),
                "deadline": job.deadline.isoformat(), "posted": job.posted.isoformat(), "card": str(self.job_card(job)),
            })
        return {"version": 1, "jobs": jobs}

    def job_lists(self) -> list[RenderedPage]:
        """Every page of every list of open jobs (all, by contract, by region), 50 cards a page."""
        out = []
        for listing in self.catalog.listings:
            if listing.kind == "contract":
                label = self.t(f"contract_{listing.key}")
                feed = (f"{self.t('feed_jobs')} · {label}", self.href(f"feeds/contracts/{listing.key}.xml"))
            else:
                label = listing.key
                feed = (self.t("feed_jobs"), self.href("feeds/jobs.xml"))
            title = f"{self.t('jobs_title')} · {label}" if label else self.t("jobs_title")
            pages = listing.pages()
            for n, (path, jobs) in enumerate(pages):
                pager = {"n": n + 1, "count": len(pages),
                         "prev": self.href(pages[n - 1][0]) if n else None,
                         "next": self.href(pages[n + 1][0]) if n + 1 < len(pages) else None}
                out.append(self.render(f"{path}index.md", "jobs.html", title, description=self.t("jobs_intro"),
                                       jobs=jobs, total=len(listing.jobs), listing=listing, facet=label, pager=pager,
                                       feeds=[feed]))
        return out

    def search(self) -> RenderedPage:
        return self.render("search.md", "search.html", self.t("search_title"), description=self.t("search_label"),
                           noindex=True, feeds=self.site_feeds())

    def stories_list(self) -> RenderedPage:
        return self.render("stories/index.md", "stories.html", self.t("stories_title"),
                           description=self.t("stories_intro"), stories=self.catalog.stories,
                           feeds=[(self.t("feed_stories"), self.href("feeds/stories.xml"))])

    def employers_list(self) -> RenderedPage:
        return self.render("employers/index.md", "employers.html", self.t("employers_title"),
                           description=self.t("employers_intro"), employers=self.catalog.employers,
                           feeds=self.site_feeds())

    def job(self, job: Job) -> RenderedPage:
        employer = self.catalog.employer(job.employer)
        is_open = self.catalog.is_open(job)
        title = self.plain(job.title)
        jsonld = None
        logo = self.media.logos.get(employer.id)
        if is_open:
            description = job.description.pick(self.lang, self.site.default, self.site.languages)[0]
            jsonld = job_posting(job, employer, title=title, description_html=self.html(description),
                                 url=self.abs(f"jobs/{job.key}/"),
                                 logo_url=f"{self.site.url}{logo[len(self.base):]}" if logo else None)
        summary = f"{employer.name} · {self.t('contract_' + job.contract)} · {self.place(job)}"
        return self.render(f"jobs/{job.key}.md", "job.html", title, description=summary, noindex=not is_open,
                           og_type="article", jsonld=jsonld, job=job, employer=employer,
                           is_open=is_open, feeds=[(self.t("feed_jobs"), self.href("feeds/jobs.xml"))])

    def story(self, story: Story) -> RenderedPage:
        text = self.story_text(story)
        photo = self.media.photos.get(story.id)
        preview = self.media.preview(story.id)
        alt = (self.plain(story.photo_alt) or self.t("photo_of", name=story.name)) if preview is not self.media.card else ""
        return self.render(f"stories/{story.id}.md", "story.html", text.title, description=text.summary,
                           noindex=not story.indexable, og_type="article", image=preview, image_alt=alt, story=story, text=text, photo=photo,
                           employer=self.catalog.employer(story.employer) if story.employer else None,
                           feeds=[(self.t("feed_stories"), self.href("feeds/stories.xml"))])

    def employer(self, eid: str) -> RenderedPage:
        employer = self.catalog.employer(eid)
        description = self.plain(employer.sector) or employer.name
        return self.render(f"employers/{eid}.md", "employer.html", employer.name, description=description,
                           employer=employer, jobs=self.catalog.jobs_of(eid),
                           stories=self.catalog.stories_of(eid),
                           feeds=[(f"{self.t('feed_jobs')} · {employer.name}", self.href(f"feeds/employers/{eid}.xml"))])

    def editorial(self, page: Page) -> RenderedPage:
        text = page.text(self.lang, self.site.default, self.site.languages)
        html, toc = self.md.render_with_toc(text.body)
        form = self.job_form() if page.id == "post-a-job" and self.site.repository else Markup("")
        return self.render(f"{page.id}.md", "page.html", text.title, description=text.summary or "",
                           toc=toc, content=Markup(html), text=text, form=form, feeds=self.site_feeds())

    def impact(self) -> RenderedPage:
        """The impact page: the programme's figures, then each count as a chart, a sentence and a table."""
        data = measure(self.catalog)
        t, rtl = self.t, self.site.is_rtl(self.lang)

        def shown(n: int | None) -> str:
            return t("impact_few") if n is None else str(n)

        def section(key: str, rows: list[tuple[str, int | None]], columns: bool = False) -> dict[str, Any]:
            title = t(key)
            summary = "; ".join(f"{label}: {shown(n)}" for label, n in rows)
            drawn = [(label, n) for label, n in rows if n is not None]
            chart = (column_chart if columns else bar_chart)(key.replace("_", "-"), title, summary, drawn, rtl) if drawn else None
            return {"id": key.replace("_", "-"), "title": title, "summary": summary, "chart": chart,
                    "rows": [(label, shown(n)) for label, n in rows]}

        employers = {e.id: e.name for e in self.catalog.employers}
        groups = [(t("impact_group_alternance") if g == "alternance" else t(f"contract_{g}"), n) for g, n in data.jobs_by_group]
        regions = [(t("remote_full") if r == "" else t("impact_no_region") if r == "?" else r, n) for r, n in data.jobs_by_region]
        months = [(babel.dates.format_date(dt.date(int(m[:4]), int(m[5:]), 1), "MMM", locale=t.locale), n)
                  for m, n in data.posted_by_month]
        sections = [section("impact_cohorts", list(data.stories_by_cohort)),
                    section("impact_hiring", [(employers.get(e, e), n) for e, n in data.hiring_employers]),
                    section("impact_groups", groups), section("impact_regions", regions),
                    section("impact_months", months, columns=True)]
        share = round(100 * data.low_french / data.open_jobs) if data.open_jobs else 0
        figures = [{"value": f.value, "label": self.text(f.label),
                    "source": t("impact_source", source=f.source, date=self.date(f.date)), "url": f.url} for f in data.figures]
        return self.render("impact.md", "impact.html", t("impact_title"), description=t("impact_intro"),
                           figures=figures, sections=sections, feeds=self.site_feeds(),
                           low_french=t("impact_low_french_text", n=data.low_french, total=data.open_jobs, share=share))

    def job_form(self) -> Markup:
        """The "Post a job" form: it writes a job file in the browser with the rules `check` applies."""
        data = {
            "repository": self.site.repository, "branch": self.site.branch,
            "employers": [[e.id, e.name] for e in self.catalog.employers],
            "contracts": [[c, self.t(f"contract_{c}")] for c in CONTRACTS],
            "remote": [[r, self.t(f"remote_{r}")] for r in REMOTE],
            "levels": list(FRENCH_LEVELS), "periods": [[p, self.t(f"period_{p}")] for p in SALARY_PERIODS],
            "idPattern": ID_RE.pattern, "messages": {k: v for k, v in self.t.table.items() if k.startswith(("err_", "form_"))},
        }
        return Markup(self.env.get_template("job-form.html").render(r=self, t=self.t, data=Markup(script_json(data)),
                                                                    employers=self.catalog.employers))

    def nav(self) -> list[dict[str, str]]:
        """The sidebar and tabs: the listings and the editorial pages, never the records."""
        items = [
            {self.t("nav_home"): "index.md"},
            {self.t("nav_jobs"): "jobs/index.md"},
            {self.t("nav_stories"): "stories/index.md"},
            {self.t("nav_employers"): "employers/index.md"},
            {self.t("nav_search"): "search.md"},
        ]
        for page in self.catalog.content.pages:
            if page.id != "home":
                items.append({page.text(self.lang, self.site.default, self.site.languages).title: f"{page.id}.md"})
        return items
