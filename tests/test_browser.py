"""The site as a person sees it, in Chromium: no outside request, accessible, right to left, phone-sized."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import FLAGS, chromium_or_skip, open_page, serve

PAGES = {
    "home": "",
    "jobs": "jobs/",
    "job": "jobs/lumen-studio/developpeuse-web-alternance/",
    "fallback job": "jobs/veille-cyber-sud/pentest-stage/",
    "stories": "stories/",
    "story": "stories/amal/",
    "employers": "employers/",
    "employer": "employers/lumen-studio/",
    "page": "about/",
    "post a job": "post-a-job/",
}
LANGS = ("fr", "en", "ar")


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=FLAGS)
        yield b
        b.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_page_loads_alone_and_passes_axe(browser: Any, base: str, lang: str, kind: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, visit = open_page(browser, f"{base}{lang}/{PAGES[kind]}")
    assert visit.blocked == [] and visit.failed == [] and visit.errors == []
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


def test_root_chooser(browser: Any, base: str) -> None:
    page, visit = open_page(browser, base)
    assert visit.blocked == [] and visit.failed == []
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url(f"{base}ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.context.close()


def test_language_switch_keeps_the_same_page(browser: Any, base: str) -> None:
    path = PAGES["job"]
    page, _ = open_page(browser, f"{base}fr/{path}")
    page.locator(".md-select > button").focus()  # the menu opens on focus, without JavaScript
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{base}en/{path}")
    assert page.locator("h1").inner_text() == "Web developer apprentice"
    page.context.close()


def test_arabic_is_laid_out_right_to_left(browser: Any, base: str) -> None:
    page, _ = open_page(browser, f"{base}ar/{PAGES['job']}", width=800)
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).direction") == "rtl"
    link = page.locator(".pa-employer a").bounding_box()  # a short inline link under the title
    content = page.locator(".md-content__inner").bounding_box()
    assert link and content
    right_gap = content["x"] + content["width"] - (link["x"] + link["width"])
    left_gap = link["x"] - content["x"]
    assert right_gap < 40 < left_gap, (right_gap, left_gap)
    page.context.close()


@pytest.mark.parametrize("lang", ("fr", "ar"))
@pytest.mark.parametrize("kind", ("home", "jobs", "job", "story"))
def test_readable_at_320_px(browser: Any, base: str, lang: str, kind: str) -> None:
    page, _ = open_page(browser, f"{base}{lang}/{PAGES[kind]}", width=320, height=640)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 320px"
    page.context.close()


def test_skip_link_is_first_and_moves_focus(browser: Any, base: str) -> None:
    page, _ = open_page(browser, f"{base}en/{PAGES['job']}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
    page.context.close()


def test_post_a_job_form_writes_a_file_that_check_accepts(browser: Any, base: str, project: Path) -> None:
    from urllib.parse import parse_qs, urlsplit

    from conftest import TODAY, run

    page, visit = open_page(browser, f"{base}en/post-a-job/")
    assert visit.errors == []
    propose = page.locator("#pa-propose")
    assert propose.get_attribute("aria-disabled") == "true"
    page.select_option("#f-employer", "orbe-donnees")
    page.fill("#f-id", "analyste-bi")
    page.fill("#f-title-fr", "Analyste BI « junior »")
    page.fill("#f-title-en", 'BI analyst: "junior"')
    page.select_option("#f-contract", "apprenticeship")
    page.fill("#f-city", "Paris")
    page.fill("#f-posted", "2026-11-20")
    page.fill("#f-deadline", "2026-11-10")
    page.fill("#f-apply", "rh@orbe-donnees.example.org")
    page.fill("#f-salary-min", "1200")
    page.fill("#f-salary-max", "1500")
    page.fill("#f-description-fr", "Une ligne.\n\n- un point : avec deux-points\n- « guillemets »")
    assert "The deadline must be on or after the date posted." in page.locator("#pa-form-status").inner_text()
    assert propose.get_attribute("aria-disabled") == "true"
    page.fill("#f-deadline", "2036-01-31")
    assert page.locator("#pa-form-status").inner_text() == "The file is ready."
    href = propose.get_attribute("href")
    parts = urlsplit(href)
    assert parts.netloc == "github.com" and parts.path == "/passerelle-example/passerelle/new/main/jobs/orbe-donnees"
    query = parse_qs(parts.query)
    assert query["filename"] == ["analyste-bi.yml"]
    text = page.locator("#pa-yaml").inner_text()
    assert query["value"] == [text]
    (project / "jobs" / "orbe-donnees" / "analyste-bi.yml").write_text(text, encoding="utf-8")
    result = run(project, "check", "--today", TODAY, "jobs/orbe-donnees/analyste-bi.yml")
    assert result.returncode == 0, result.stdout
    assert visit.blocked == []
    page.context.close()
