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
