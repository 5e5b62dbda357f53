"""Every address the site writes, spelled once.

A page path is below a language root and ends with '/' ('' is the home page); the file written for it is
`<lang>/<path>index.html`. A site path is below the site root (media, exports). Templates, feeds, the
sitemap, the exports and the consent guard all take their paths from here.
"""

from __future__ import annotations

from passerelle.records.text import ascii_slug

HOME = ""
JOBS = "jobs/"
STORIES = "stories/"
EMPLOYERS = "employers/"
SEARCH = "search/"
IMPACT = "impact/"
GLOSSARY = "glossary/"
SAVED = "saved/"
WEEK = "week/"
"""This week's new jobs, ready to paste into a WhatsApp group or an e-mail; its feed is feeds/week.*."""
WEEK_FEED = "week"
"""The jobs a reader kept, read from her device by keep.js (nothing is sent anywhere)."""
SERVICE_WORKER = "sw.js"
"""At the site's root, so that its scope covers every language (render/offline.py)."""
JOBS_INDEX = "jobs/index.json"
"""Per language: what the jobs list's filters read first (render/filter_index.py)."""
JOBS_INDEX_PARTS = "jobs/index/"
"""Per language: the filters' columns and the cards, each fetched when needed."""
SEARCH_BUNDLE = "pagefind/"
ASSETS = "assets/"
"""At the site's root, shared by every language (material's stylesheets, our CSS, scripts and images): switching
language downloads none of them again (publish/theme.share_assets)."""
NOT_FOUND = "404.html"
FEEDS = "feeds/"
FEED_SUFFIXES = (".xml", ".atom.xml", ".feed.json")
"""RSS 2.0, Atom 1.0, JSON Feed 1.1."""

JOBS_EXPORT = "jobs.json"
IMPACT_EXPORT = "impact.json"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
SCHEMAS = "schemas/"
CARD = "media/og/default.png"
ROOT_FILES = ("index.html", NOT_FOUND, SITEMAP, ROBOTS, JOBS_EXPORT, IMPACT_EXPORT, SERVICE_WORKER)
"""Files at the site root besides the language folders, media and schemas."""


def job(key: str) -> str:
    return f"{JOBS}{key}/"


def story(story_id: str) -> str:
    return f"{STORIES}{story_id}/"


def job_calendar(key: str) -> str:
    """The job's deadline as an iCalendar file, beside its page."""
    return f"{job(key)}deadline.ics"


def preview(page: str) -> str:
    """A job's or a story's link-preview card (og:image), beside its page."""
    return f"{page}preview.png"


def employer(employer_id: str) -> str:
    return f"{EMPLOYERS}{employer_id}/"


def editorial(page_id: str) -> str:
    return f"{page_id}/"


POST_A_JOB = "post-a-job"
"""The editorial page that holds the "Post a job" form."""


def post_job(employer_id: str) -> str:
    """The "Post a job" form with the employer chosen (the form reads ?employer=)."""
    return f"{editorial(POST_A_JOB)}?employer={employer_id}"


def contract_list(contract: str) -> str:
    return f"{JOBS}contract/{contract}/"


def region_list(region: str) -> str:
    return f"{JOBS}region/{region_slug(region)}/"


def group_region_list(group: str, region: str) -> str:
    """The jobs of a contract group in a region: jobs/region/ile-de-france/alternance/."""
    return f"{region_list(region)}{group}/"


def group_region_feed(group: str, region: str) -> str:
    return f"regions/{region_slug(region)}-{group}"


def region_feed(region: str) -> str:
    return f"regions/{region_slug(region)}"


def level_feed(level: str) -> str:
    """The open jobs a fellow at this level of French can take (it or less, or none asked): levels/a2."""
    return f"levels/{level.lower()}"


def level_list(level: str) -> str:
    """The jobs list filtered by "my level" (the filters read ?level=; without JavaScript, the whole list)."""
    return f"{JOBS}?level={level}"


def list_page(first: str, n: int) -> str:
    """Page `n` (from 1) of a list whose first page is at `first`."""
    return first if n == 1 else f"{first}page/{n}/"


def feed(name: str, suffix: str = ".xml") -> str:
    """A feed of a language: name 'jobs', 'stories', 'employers/<id>' or 'contracts/<contract>'."""
    return f"{FEEDS}{name}{suffix}"


def employer_feed(employer_id: str) -> str:
    return f"employers/{employer_id}"


def contract_feed(contract: str) -> str:
    return f"contracts/{contract}"


def asset(name: str) -> str:
    """A file of the theme's shared assets, below the site root: asset("passerelle/clock.js")."""
    return f"{ASSETS}{name}"


def logo(filename: str) -> str:
    return f"media/logos/{filename}"


def photo(filename: str) -> str:
    return f"media/photos/{filename}"


def page_file(path: str) -> str:
    """The file written for a page path, below the language root."""
    return f"{path}index.html"


def source(path: str) -> str:
    """The name mkdocs knows a page by (it writes `jobs/a/b/index.md` to jobs/a/b/index.html)."""
    return f"{path}index.md"


def written(source: str) -> str:
    """Where mkdocs writes the page it knows as `source` (see source)."""
    return source.removesuffix(".md") + ".html"


def region_slug(region: str) -> str:
    """A region's URL segment: 'Île-de-France' -> 'ile-de-france' (the catalog groups regions by the same folding)."""
    return ascii_slug(region)
