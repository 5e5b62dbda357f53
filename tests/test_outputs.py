"""Feeds, sitemap, structured data, sharing tags and jobs.json, as readers and crawlers parse them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import jsonschema
import pytest

from conftest import LANGS, ROOT, SITE_URL
from helpers import OPEN_JOBS, PUBLISHED_STORIES, Html, page

FEEDS = [(lang, kind, fmt) for lang in LANGS for kind in ("jobs", "stories") for fmt in ("xml", "atom.xml")]


def local(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = site / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


@pytest.mark.parametrize(("lang", "kind", "fmt"), FEEDS)
def test_feed(site: Path, lang: str, kind: str, fmt: str) -> None:
    path = site / lang / "feeds" / f"{kind}.{fmt}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"{SITE_URL}{lang}/feeds/{kind}.{fmt}"]
    entries = feed.entries
    assert len(entries) == (OPEN_JOBS if kind == "jobs" else PUBLISHED_STORIES - 1)  # Mariam chose indexable: false
    dates = [e.published_parsed for e in entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    for e in entries:
        assert local(site, e.link).is_file()
        assert e.id.startswith(f"tag:passerelle.example.org,2026:{kind[:-1] if kind == 'jobs' else 'story'}/")
        assert e.id.endswith(f"/{lang}")
    raw = path.read_text(encoding="utf-8")
    assert re.search(r"\+0[12]:?00", raw), "dates carry the Paris offset"
    assert "<script" not in raw.lower()


def test_feed_text_follows_the_fallback_rule(site: Path) -> None:
    en = feedparser.parse((site / "en" / "feeds" / "jobs.xml").read_bytes())
    titles = [e.title for e in en.entries]
    assert "Web developer apprentice · Lumen Studio" in titles
    ar = feedparser.parse((site / "ar" / "feeds" / "jobs.xml").read_bytes())
    titles = [e.title for e in ar.entries]
    assert "مطوّرة ويب بالتناوب · Lumen Studio" in titles
    assert "Stage designer UX · Lumen Studio" in titles  # no Arabic title: the default language's
    stories = feedparser.parse((site / "ar" / "feeds" / "stories.xml").read_bytes())
    assert "أمل: من السبورة إلى البرمجة" in [e.title for e in stories.entries]
    assert "Nadia, les chiffres comme langue commune" in [e.title for e in stories.entries]


def test_feed_ids_do_not_change_between_builds(site: Path, tmp_path: Path) -> None:
    from conftest import run

    other = tmp_path / "other"
    assert run(ROOT, "build", "--out", str(other), "--today", "2026-12-20", "--quiet").returncode == 0
    before = {e.id: e.link for e in feedparser.parse((site / "fr/feeds/jobs.atom.xml").read_bytes()).entries}
    after = {e.id: e.link for e in feedparser.parse((other / "fr/feeds/jobs.atom.xml").read_bytes()).entries}
    assert before == after


def test_filtered_feeds_are_announced_on_the_pages_they_filter(site: Path) -> None:
    feed = feedparser.parse((site / "fr/feeds/employers/lumen-studio.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 2
    assert all("/jobs/lumen-studio/" in e.link for e in feed.entries)
    html = page(site, "fr/employers/lumen-studio/index.html")
    doc = Html(html)
    announced = [a["href"] for a in doc.all("link", rel="alternate", type="application/rss+xml")]
    assert announced == ["/fr/feeds/employers/lumen-studio.xml"]
    assert 'href="/fr/feeds/employers/lumen-studio.xml">RSS</a>' in html
    assert "Un flux RSS ou Atom vous prévient" in html
    contract = feedparser.parse((site / "en/feeds/contracts/apprenticeship.atom.xml").read_bytes())
    assert len(contract.entries) == 3
    facet = page(site, "en/jobs/contract/apprenticeship/index.html")
    assert facet.count('class="pa-card pa-job"') == 3
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Jobs feed · Apprenticeship (RSS)" href="/en/feeds/contracts/apprenticeship.xml">'
        in facet
    )


def test_sitemap_lists_every_indexable_page_with_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    locs = [u.findtext("s:loc", namespaces=ns) for u in urls]
    assert len(locs) == len(set(locs))
    for u, loc in zip(urls, locs, strict=True):
        target = local(site, loc)
        assert target.is_file(), loc
        assert 'name="robots"' not in target.read_text(encoding="utf-8"), loc
        alternates = {x.get("hreflang"): x.get("href") for x in u.findall("x:link", ns)}
        assert set(alternates) == {*LANGS, "x-default"}
        assert alternates["x-default"] == (alternates["fr"] if alternates["fr"] != f"{SITE_URL}fr/" else SITE_URL)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", u.findtext("s:lastmod", namespaces=ns) or ""), loc
    assert f"{SITE_URL}en/jobs/lumen-studio/developpeuse-web-alternance/" in locs
    assert not [loc for loc in locs if "mariam" in loc]  # indexable: false
    assert f"Sitemap: {SITE_URL}sitemap.xml" in page(site, "robots.txt")


def jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_every_open_job_page_has_one_complete_job_posting(site: Path) -> None:
    data = json.loads(page(site, "jobs.json"))
    for job in data["jobs"]:
        for lang in LANGS:
            html = local(site, job["url"][lang]).read_text(encoding="utf-8")
            postings = [d for d in jsonld(html) if d.get("@type") == "JobPosting"]
            assert len(postings) == 1, job["id"]
            p = postings[0]
            for key in (
                "title",
                "description",
                "datePosted",
                "validThrough",
                "employmentType",
                "hiringOrganization",
                "identifier",
            ):
                assert p[key], (job["id"], key)
            assert p["validThrough"].startswith(job["deadline"] + "T23:59:59+0")
            assert p["hiringOrganization"]["sameAs"] == job["employer"]["website"]
            assert p["identifier"]["value"] == job["id"]
            assert p["directApply"] is False
            if job["remote"] == "full":
                assert p["jobLocationType"] == "TELECOMMUTE" and p["applicantLocationRequirements"]["name"] == "FR"
            else:
                assert p["jobLocation"]["address"]["addressCountry"] == job["location"]["country"]
            assert ("baseSalary" in p) == (job["salary"] is not None)


@pytest.mark.parametrize(
    ("job", "expected"),
    [
        ("lumen-studio/developpeuse-web-alternance", ["FULL_TIME", "TEMPORARY"]),
        ("orbe-donnees/analyste-donnees-professionnalisation", ["FULL_TIME", "TEMPORARY"]),
        ("lumen-studio/designer-ux-stage", ["INTERN"]),
        ("sante-numerique-nord/administratrice-reseaux-cdd", ["TEMPORARY"]),
        ("orbe-donnees/data-engineer-cdi", ["FULL_TIME"]),
        ("orbe-donnees/data-scientist-freelance", ["CONTRACTOR"]),
    ],
)
def test_employment_type_mapping(site: Path, job: str, expected: list[str]) -> None:
    (posting,) = jsonld(page(site, f"en/jobs/{job}/index.html"))
    assert posting["employmentType"] == expected


def test_logo_and_salary_in_job_posting(site: Path) -> None:
    (p,) = jsonld(page(site, "fr/jobs/lumen-studio/developpeuse-web-alternance/index.html"))
    assert p["hiringOrganization"]["logo"] == f"{SITE_URL}media/logos/lumen-studio.svg"
    assert (site / "media/logos/lumen-studio.svg").is_file()
    assert p["baseSalary"]["value"] == {"@type": "QuantitativeValue", "minValue": 1100.0, "maxValue": 1450.0, "unitText": "MONTH"}


def test_jobs_json_follows_its_schema(site: Path) -> None:
    data = json.loads(page(site, "jobs.json"))
    schema = json.loads((site / "schemas" / "jobs-export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert data["version"] == "1.0" and data["schema"] == f"{SITE_URL}schemas/jobs-export.schema.json"
    ids = [j["id"] for j in data["jobs"]]
    assert len(ids) == OPEN_JOBS == len(set(ids))
    job = next(j for j in data["jobs"] if j["id"] == "lumen-studio/developpeuse-web-alternance")
    assert set(job["title"]) == set(LANGS)
    assert job["url"]["ar"] == f"{SITE_URL}ar/jobs/lumen-studio/developpeuse-web-alternance/"


def test_sharing_tags(site: Path) -> None:
    doc = Html(page(site, "ar/stories/amal/index.html"))
    og = {m["property"]: m["content"] for m in doc.all("meta") if "property" in m}
    assert og["og:title"] == "أمل: من السبورة إلى البرمجة"
    assert og["og:type"] == "article" and og["og:locale"] == "ar_AR"
    assert og["og:url"] == f"{SITE_URL}ar/stories/amal/"
    assert og["og:image"] == f"{SITE_URL}ar/stories/amal/preview.png"
    assert og["og:description"].startswith("كانت أمل")
    locales = [m["content"] for m in doc.all("meta", property="og:locale:alternate")]
    assert locales == ["fr_FR", "en_US", "fa_IR", "uk_UA", "tr_TR"]
    twitter = {m["name"]: m["content"] for m in doc.all("meta") if m.get("name", "").startswith("twitter:")}
    assert twitter["twitter:card"] == "summary_large_image"
    job = Html(page(site, "en/jobs/lumen-studio/developpeuse-web-alternance/index.html"))
    og = {m["property"]: m["content"] for m in job.all("meta") if "property" in m}
    assert og["og:title"] == "Web developer apprentice"
    assert og["og:description"] == "Lumen Studio · Apprenticeship · Lyon, Auvergne-Rhône-Alpes, France"
