"""Machine readers: feeds, previews, structured data, hreflang, the sitemap and the HTML, judged by validators that
we did not write where they can run here (the Nu HTML Checker; the W3C Feed Validator where a copy is given)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from PIL import Image

from conftest import LANGS, SITE_URL, TODAY, copy_project, run
from helpers import require

ATOM = "{http://www.w3.org/2005/Atom}"
TAG = re.compile(r"tag:passerelle\.example\.org,2026:(job|story|week)/[a-z0-9/-]+/(" + "|".join(LANGS) + ")")


def feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("*/feeds/**/*") if p.is_file())


def metas(html: str) -> dict[str, str]:
    found = {}
    for m in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html):
        found.setdefault(m.group(1), m.group(2))
    return found


# -- 1. Atom and RSS as RFC 4287 and the validators read them ---------------------------------------------
def test_every_atom_feed_has_an_author_and_tag_ids(site: Path) -> None:
    atoms = [p for p in feeds(site) if p.name.endswith(".atom.xml")]
    assert len(atoms) >= 3 * 13
    for path in atoms:
        root = ET.parse(path).getroot()
        assert root.find(f"{ATOM}author/{ATOM}name").text == "Passerelle", path  # type: ignore[union-attr]
        for entry in root.findall(f"{ATOM}entry"):
            assert TAG.fullmatch(entry.findtext(f"{ATOM}id") or ""), path


def test_w3c_feed_validator_finds_nothing(site: Path) -> None:
    """The W3C Feed Validator (github.com/w3c/feedvalidator), at the level of its online service ("AA"), on every
    RSS and Atom feed. Its code is not kept in this repository: FEEDVALIDATOR_SRC names a checkout's src/."""
    source = os.environ.get("FEEDVALIDATOR_SRC", "")
    if not (source and Path(source, "feedvalidator").is_dir()):
        pytest.skip("the W3C Feed Validator is not on PyPI and its code may not be kept here: set FEEDVALIDATOR_SRC")
    script = (
        "import sys, json, pathlib\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import feedvalidator\nfrom feedvalidator import compatibility\nfrom feedvalidator.logging import Error\n"
        "site, out = pathlib.Path(sys.argv[3]), []\n"
        "for p in map(pathlib.Path, sys.argv[4:]):\n"
        "    found = feedvalidator.validateString(p.read_bytes(), firstOccurrenceOnly=1, base=sys.argv[2] + p.relative_to(site).as_posix())\n"
        "    out += [[str(p.relative_to(site)), type(e).__name__, isinstance(e, Error)] for e in compatibility.AA(found['loggedEvents'])]\n"
        "print(json.dumps(out))\n"
    )
    xml_feeds = [str(p) for p in feeds(site) if p.suffix == ".xml"]
    result = subprocess.run(
        [sys.executable, "-c", script, source, SITE_URL, str(site), *xml_feeds], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == []


# -- 2. feeds a phone can poll, and JSON Feed 1.1 -----------------------------------------------------------
def test_feeds_hold_the_newest_entries_and_json_feed(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("feed_size: 50", "feed_size: 5"), encoding="utf-8")
    for n in range(8):
        (root / "jobs" / "lumen-studio" / f"extra-{n}.yml").write_text(
            f"title: Poste {n}\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\nposted: 2026-11-{10 + n}\n"
            "deadline: 2036-01-01\napply: https://lumen-studio.example.org/apply\ndescription: Texte.\n",
            encoding="utf-8",
        )
    out = tmp_path / "site"
    assert run(root, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    rss = feedparser.parse((out / "fr" / "feeds" / "jobs.xml").read_bytes())
    assert [e.title.split(" · ")[0] for e in rss.entries] == [f"Poste {n}" for n in (7, 6, 5, 4, 3)]
    assert "5" in rss.feed.description and "jobs.json" in rss.feed.description
    exported = json.loads((out / "jobs.json").read_text(encoding="utf-8"))["jobs"]
    assert len(exported) > 8  # every open job stays in the export
    assert "Chaque flux donne les 5 publications les plus récentes" in (out / "fr" / "jobs" / "index.html").read_text(
        encoding="utf-8"
    )
    for path in sorted(out.glob("*/feeds/**/*.feed.json")):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"] and isinstance(feed["items"], list) and len(feed["items"]) <= 5
        assert feed["feed_url"] == SITE_URL + path.relative_to(out).as_posix()
        assert feed["language"] == path.relative_to(out).parts[0] and feed["authors"][0]["name"]
        for item in feed["items"]:
            assert TAG.fullmatch(item["id"]) and (item.get("content_html") or item.get("content_text"))
            assert item["url"].startswith(SITE_URL) and re.fullmatch(
                r"\d{4}-\d\d-\d\dT12:00:00\+0[12]:00", item["date_published"]
            )


# -- 3. indexable: false is out of every machine-readable output -------------------------------------------
def test_a_story_kept_out_of_search_engines_is_in_no_feed_sitemap_or_export(site: Path) -> None:
    title = "Mariam"
    for path in [*feeds(site), site / "sitemap.xml", site / "jobs.json"]:
        text = path.read_text(encoding="utf-8")
        assert "/stories/mariam/" not in text and f"<title>{title}" not in text, path
    page = (site / "fr" / "stories" / "mariam" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "/fr/stories/mariam/" in (site / "fr" / "stories" / "index.html").read_text(encoding="utf-8")  # on-site list keeps her


# -- 4. link previews -------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_job_story_and_home_page_has_a_large_preview(site: Path, lang: str) -> None:
    pages = [
        site / lang / "index.html",
        *(site / lang / "jobs").glob("*/*/index.html"),
        *(site / lang / "stories").glob("*/index.html"),
    ]
    assert len(pages) > 15
    locale = {"fr": "fr_FR", "en": "en_US", "ar": "ar_AR", "fa": "fa_IR", "uk": "uk_UA", "tr": "tr_TR"}[lang]
    for path in pages:
        tags = metas(path.read_text(encoding="utf-8"))
        image = site / urlsplit(tags["og:image"]).path.lstrip("/")
        with Image.open(image) as img:
            assert img.format in ("PNG", "JPEG") and img.width >= 600 and img.height >= 315, path
            assert (str(img.width), str(img.height)) == (tags["og:image:width"], tags["og:image:height"]), path
        assert tags["og:image:alt"] and tags["twitter:card"] == "summary_large_image", path
        assert tags["og:locale"] == locale, path
    root = metas((site / "index.html").read_text(encoding="utf-8"))
    assert root["og:image"].endswith(".png") and root["og:locale"] == "fr_FR"


# -- 5. JobPosting as search engines read it --------------------------------------------------------------
GOOGLE_REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
GOOGLE_RECOMMENDED = ("validThrough", "employmentType", "identifier", "directApply")


def job_postings(site: Path, lang: str) -> dict[str, dict]:
    found = {}
    for path in (site / lang / "jobs").glob("*/*/index.html"):
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(encoding="utf-8"), re.S)
        if blocks:
            found[path.parent.relative_to(site / lang / "jobs").as_posix()] = json.loads(blocks[0])
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_job_postings_meet_googles_properties(site: Path, lang: str) -> None:
    postings = job_postings(site, lang)
    assert len(postings) == 12
    for key, data in postings.items():
        assert all(data.get(k) for k in GOOGLE_REQUIRED), key
        assert all(k in data for k in GOOGLE_RECOMMENDED), key
        assert "inLanguage" not in data and data["directApply"] is False
        assert data["hiringOrganization"]["name"]
        if data.get("jobLocationType") == "TELECOMMUTE":
            assert data["applicantLocationRequirements"]["name"]
        else:
            address = data["jobLocation"]["address"]
            assert address["addressCountry"] and address["addressLocality"], key
        if "baseSalary" in data:
            assert data["baseSalary"]["value"]["unitText"] in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")
    assert postings["orbe-donnees/data-scientist-freelance"]["baseSalary"]["value"]["unitText"] == "DAY"
    if lang == "en":
        assert postings["lumen-studio/developpeuse-web-alternance"]["title"] == "Web developer apprentice"


# -- 6. hreflang clusters that close ----------------------------------------------------------------------
def alternates(path: Path) -> dict[str, str]:
    html = path.read_text(encoding="utf-8")
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_hreflang_cluster_of_a_job_page_closes(site: Path) -> None:
    inner = "jobs/lumen-studio/developpeuse-web-alternance/"
    clusters = {lang: alternates(site / lang / inner / "index.html") for lang in LANGS}
    assert all(c == clusters["fr"] for c in clusters.values())  # every version names the same set
    assert clusters["fr"]["x-default"] == f"{SITE_URL}fr/{inner}"
    for lang, url in clusters["fr"].items():
        target = site / urlsplit(url).path.lstrip("/") / "index.html"
        assert alternates(target) == clusters["fr"], lang  # the return links
    assert alternates(site / "ar" / "index.html")["x-default"] == SITE_URL  # home pages: the chooser


# -- 7. valid HTML, by the Nu HTML Checker ------------------------------------------------------------------
def vnu_jar() -> Path | None:
    for candidate in (
        os.environ.get("PASSERELLE_VNU_JAR", ""),
        str(Path.home() / ".cache/passerelle-vnu/node_modules/vnu-jar/build/dist/vnu.jar"),
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


MATERIAL_OWN = re.compile(r"Attribute “autocomplete” is only allowed when the input type is")
"""material's two checkbox toggles (drawer, search) carry autocomplete="off", outside any template block."""


def test_the_nu_html_checker_finds_no_error_of_ours(site: Path) -> None:
    jar = vnu_jar()
    require("the Nu HTML Checker (npm vnu-jar) and Java", jar is not None and shutil.which("java") is not None)
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    ours = [
        f"{m.get('url', '')[-60:]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" and not MATERIAL_OWN.search(m["message"])
    ]
    assert ours == []
    assert len([p for p in site.rglob("*.html")]) > 100


# -- 8. the 404 every host serves ---------------------------------------------------------------------------
def test_root_404_speaks_every_language(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f'<li lang="{lang}"' in html and f'href="/{lang}/"' in html
    assert all(f">{t}<" in html for t in ("Page introuvable", "Page not found"))


def test_root_404_puts_the_readers_language_first(browser, site: Path) -> None:  # noqa: ANN001
    from browser import serve

    with serve(site) as base:
        context = browser.new_context(locale="ar")
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort())
        page.goto(f"{base}404.html")
        assert page.eval_on_selector("#pa-not-found li", "li => li.lang") == "ar"
        assert page.evaluate("document.documentElement.dir") == "rtl"
        context.close()


# -- 9. the sitemap's lastmod comes from the records ----------------------------------------------------------
def test_sitemap_lastmod_is_the_records_date(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    }
    assert all(urls.values())
    assert urls[f"{SITE_URL}en/jobs/lumen-studio/developpeuse-web-alternance/"] == "2026-09-01"  # its posted date
    assert urls[f"{SITE_URL}fr/stories/amal/"] == "2026-03-15"  # its published date
