"""The sample site, built as a visitor and a crawler receive it (CONTRACT section 5)."""

from __future__ import annotations


import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGS, ROOT, RTL, SITE_URL, TODAY, run
from helpers import OPEN_JOBS, PUBLISHED_STORIES, Html, page


def lang_pages(site: Path) -> list[Path]:
    return sorted(p for lang in LANGS for p in (site / lang).rglob("*.html") if p.name != "404.html")


def test_contract_paths_exist(site: Path) -> None:
    for rel in ("index.html", "sitemap.xml", "jobs.json", "robots.txt"):
        assert (site / rel).is_file(), rel
    for lang in LANGS:
        for rel in (
            "index.html",
            "stories/index.html",
            "jobs/index.html",
            "employers/index.html",
            "stories/amal/index.html",
            "jobs/lumen-studio/developpeuse-web-alternance/index.html",
            "employers/lumen-studio/index.html",
            "about/index.html",
            "privacy/index.html",
            "feeds/stories.xml",
            "feeds/jobs.xml",
            "feeds/stories.atom.xml",
            "feeds/jobs.atom.xml",
        ):
            assert (site / lang / rel).is_file(), f"{lang}/{rel}"


def test_every_page_has_lang_dir_canonical_and_alternates(site: Path) -> None:
    pages = lang_pages(site)
    assert len(pages) > 80
    for path in pages:
        rel = path.relative_to(site)
        lang = rel.parts[0]
        doc = Html(path.read_text(encoding="utf-8"))
        assert doc.first("html")["lang"] == lang, rel
        assert doc.first("body")["dir"] == ("rtl" if lang in RTL else "ltr"), rel
        inner = "/".join(rel.parts[1:-1])
        inner = inner + "/" if inner else ""
        assert doc.all("link", rel="canonical")[0]["href"] == f"{SITE_URL}{lang}/{inner}", rel
        alternates = {a["hreflang"]: a["href"] for a in doc.all("link", rel="alternate") if "hreflang" in a}
        x_default = f"{SITE_URL}fr/{inner}" if inner else SITE_URL  # the page in the default language; home: the chooser
        assert alternates == {**{code: f"{SITE_URL}{code}/{inner}" for code in LANGS}, "x-default": x_default}, rel


def test_root_is_a_language_chooser_without_javascript(site: Path) -> None:
    doc = Html(page(site, "index.html"))
    assert [s for s in doc.all("script") if s.get("src")] == []  # one inline script at most: the links work without it
    links = {a["hreflang"]: a["href"] for a in doc.all("a")}
    assert links == {lang: f"/{lang}/" for lang in LANGS}
    assert 'lang="ar" dir="rtl"' in page(site, "index.html")


def test_interface_strings_and_dates_are_in_the_readers_language(site: Path) -> None:
    job = "jobs/lumen-studio/developpeuse-web-alternance/index.html"
    fr, en, ar, fa, uk, tr = (
        re.sub(r"[\u00a0\u202f]", " ", page(site, f"{lang}/{job}")) for lang in ("fr", "en", "ar", "fa", "uk", "tr")
    )
    assert "Postuler" in fr and "30 juin 2036" in fr and "1 100 € à 1 450 € par mois" in fr
    assert ">Apply<" in en and "June 30, 2036" in en and "€1,100 to €1,450 a month" in en
    assert "قدّمي طلبك" in ar and "يونيو" in ar and "Alternance" not in ar
    assert "درخواست بدهید" in fa and "ژوئن" in fa and "در ماه" in fa
    assert "Подати заявку" in uk and "червня 2036" in uk and "на місяць" in uk
    assert ">Başvur<" in tr and "30 Haziran 2036" in tr and "Ayda" in tr


def test_fallback_text_is_marked_and_announced(site: Path) -> None:
    # This job has a French description only: the English page shows it, marked as French.
    en = page(site, "en/jobs/veille-cyber-sud/analyste-soc-alternance/index.html")
    assert re.search(r'<div lang="fr" dir="ltr">\s*<p>Surveiller les alertes', en)
    assert "Not yet in English: this text is in French." in en
    # A page fully translated carries no notice.
    fr = page(site, "fr/jobs/veille-cyber-sud/analyste-soc-alternance/index.html")
    assert "pas encore traduite" not in fr
    # In Arabic, another job's title falls back to French (the default) and its English-only description to
    # English: each is marked with its own language, left to right.
    ar = page(site, "ar/jobs/veille-cyber-sud/pentest-stage/index.html")
    assert '<h1><span lang="fr" dir="ltr">Stage tests d&#39;intrusion</span></h1>' in ar
    assert re.search(r'<div lang="en" dir="ltr">\s*<p>Six months in the offensive security team', ar)
    assert "لم يُترجم بعد" in ar


def test_withdrawn_story_is_in_no_output_file(site: Path) -> None:
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Withdrawnstory-Marker" not in data, path
            assert b"zeynep" not in data.lower(), path
    assert not any(p.name == "zeynep" for p in site.rglob("*"))


def test_closed_job_is_in_no_listing(site: Path) -> None:
    key = b"chef-de-projet-2024"
    for path in site.rglob("*"):
        if path.is_file():
            assert key not in path.read_bytes(), path


def test_listings_count_open_jobs_and_published_stories(site: Path) -> None:
    for lang in LANGS:
        jobs = page(site, f"{lang}/jobs/index.html")
        assert jobs.count('class="pa-card pa-job"') == OPEN_JOBS
        stories = page(site, f"{lang}/stories/index.html")
        assert stories.count('class="pa-card pa-story"') == PUBLISHED_STORIES
    data = json.loads(page(site, "jobs.json"))
    assert len(data["jobs"]) == OPEN_JOBS


def test_employer_page_lists_its_open_jobs_and_stories(site: Path) -> None:
    html = page(site, "en/employers/lumen-studio/index.html")
    assert html.count('class="pa-card pa-job"') == 2
    assert "Amal: from blackboard to code" in html


def test_records_stay_out_of_the_navigation(site: Path) -> None:
    html = page(site, "fr/about/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "developpeuse-web-alternance" not in nav and "stories/amal" not in nav
    assert 'href="../jobs/"' in nav


def test_unindexable_story(site: Path) -> None:
    html = page(site, "fr/stories/mariam/index.html")
    assert '<meta name="robots" content="noindex">' in html
    assert "stories/mariam/" not in page(site, "sitemap.xml")
    assert '<meta name="robots"' not in page(site, "fr/stories/amal/index.html")


def test_no_request_to_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        doc = Html(path.read_text(encoding="utf-8"))
        for tag, attrs in doc.tags:
            url = attrs.get("src") if tag in ("script", "img", "iframe", "source") else None
            if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preconnect", "preload", "manifest"):
                url = attrs.get("href")
            if url:
                assert not re.match(r"^([a-z]+:)?//", url), (path, tag, url)
    assert "fonts.googleapis" not in "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css"))


def test_job_posting_only_on_open_jobs(site: Path) -> None:
    html = page(site, "fr/jobs/orbe-donnees/data-scientist-freelance/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "JobPosting"
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "FR"}
    assert data["validThrough"] == "2035-12-31T23:59:59+01:00"
    assert data["hiringOrganization"]["name"] == "Orbe Données"


def test_photo_is_published_without_metadata(site: Path) -> None:
    from PIL import Image

    photos = sorted((site / "media" / "photos").iterdir())
    assert [p.name for p in photos] == ["amal-320.webp", "amal-640.webp"]
    for photo in photos:
        with Image.open(photo) as img:
            assert not img.getexif(), photo
            assert "exif" not in img.info and "comment" not in img.info
            assert img.height > img.width  # the EXIF orientation was applied before it was dropped
        assert b"FictionalCam" not in photo.read_bytes() and b"secret comment" not in photo.read_bytes()


def test_site_audit_finds_no_problem(site: Path) -> None:
    audit = ROOT.parent / "shared" / "tools" / "site_audit.py"
    if not audit.exists():
        pytest.skip("../shared/tools/site_audit.py is not beside this checkout")
    result = subprocess.run(
        [sys.executable, str(audit), str(site), "--site-url", SITE_URL], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.startswith("0 problems")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_is_byte_identical(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = run(ROOT, "build", "--out", str(again), "--quiet", env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.returncode == 0, result.stderr
    # SOURCE_DATE_EPOCH 1795000000 is 2026-11-18: a different today, so build for TODAY as well, in one process
    # (--jobs 1), the pages handed to the theme as files: the same bytes as the session's build (workers, in memory).
    third = tmp_path / "third"
    assert (
        run(ROOT, "build", "--out", str(third), "--today", TODAY, "--quiet", "--jobs", "1", "--handover", "files").returncode == 0
    )
    assert tree(third) == tree(site)


def test_plain_words_for_every_contract_and_level_in_every_language(site: Path) -> None:
    """The glossary explains each contract and each CEFR level in one sentence, and each job links to it."""
    import yaml
    from markupsafe import escape

    from passerelle.records.vocabulary import CONTRACTS, FRENCH_LEVELS

    for lang in LANGS:
        strings = yaml.safe_load((ROOT / "theme" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
        glossary = page(site, f"{lang}/glossary/index.html")
        for key in [f"explain_contract_{c}" for c in CONTRACTS] + [f"explain_level_{level}" for level in FRENCH_LEVELS]:
            sentence = str(escape(strings[key]))
            assert sentence in glossary, (lang, key)
        job = page(site, f"{lang}/jobs/lumen-studio/developpeuse-web-alternance/index.html")
        assert str(escape(strings["explain_contract_apprenticeship"])) in job
        assert str(escape(strings["explain_level_B1"])) in job
        assert f'href="/{lang}/glossary/"' in job
