"""The impact page: figures counted from the records (privacy first), charts drawn as SVG, the same as open data."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, TODAY, run
from passerelle.pipeline import check
from passerelle.render.impact import measure


def sample() -> Any:
    return measure(check(ROOT, dt.date.fromisoformat(TODAY)).catalog)


def test_figures_are_counted_from_the_sample_records() -> None:
    data = sample()
    # published, not withdrawn (Zeynep), indexable (not Mariam): Amal, Elif, Farah, Hewan, Nadia, Oksana
    assert data.stories == 6
    assert dict(data.stories_by_cohort) == {"TF4Women 2024": None, "TF4Women 2025": 4}  # 2024 has 2: fewer than 3
    assert dict(data.jobs_by_group) == {"alternance": 5, "internship": 2, "fixed-term": 2, "permanent": 2, "freelance": 1}
    assert sum(n for _, n in data.jobs_by_region) == data.open_jobs == 12
    assert dict(data.jobs_by_region)[""] == 1  # the fully remote freelance job
    assert data.low_french == sum(
        1 for j in check(ROOT, dt.date.fromisoformat(TODAY)).catalog.jobs if j.french_level in (None, "A1", "A2")
    )
    months = dict(data.posted_by_month)
    assert list(months)[0] == "2025-12" and list(months)[-1] == "2026-11" and len(months) == 12
    assert all(n is None or n >= 3 for _, n in data.hiring_employers)
    assert data.figures and data.figures[0].value == "80 %"


def test_a_withdrawal_changes_the_figures_and_small_groups_give_no_number(project: Path, tmp_path: Path) -> None:
    for sid in ("oksana", "amal"):
        assert run(project, "withdraw", sid, "--date", TODAY).returncode == 0
    out = tmp_path / "site"
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    data = json.loads((out / "impact.json").read_text(encoding="utf-8"))
    assert data["stories"] == 4 and data["stories_by_cohort"] == {"TF4Women 2024": None, "TF4Women 2025": None}
    page = (out / "fr" / "impact" / "index.html").read_text(encoding="utf-8")
    assert "moins de 3" in page
    for name in ("Oksana", "Amal", "Mariam", "Nadia", "Elif", "Farah", "Hewan", "Zeynep"):
        assert name not in page  # never a fellow's name


def test_impact_json_is_open_data_with_the_build_date(site: Path) -> None:
    data = json.loads((site / "impact.json").read_text(encoding="utf-8"))
    assert data["date"] == TODAY and data["version"] == 1
    assert data["open_jobs"] == 12 and data["open_jobs_by_region"]["fully remote"] == 1
    assert data["programme_figures"][0]["source"] and data["programme_figures"][0]["date"]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_charts_are_svg_with_a_title_a_summary_and_a_table(site: Path, lang: str) -> None:
    page = (site / lang / "impact" / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg class=\"pa-chart\".*?</svg>", page, re.S)
    assert len(charts) >= 3 and "<script" not in "".join(charts)
    for chart in charts:
        assert re.search(r'role="img" aria-labelledby="([\w-]+)-t \1-d"', chart) and "<title" in chart and "<desc" in chart
    assert page.count('<table class="pa-chart-table">') == 5
    assert 'href="/fr/impact/"' in (site / "fr" / "index.html").read_text(encoding="utf-8")  # home and footer link it
    first = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', charts[1] if lang == "ar" else charts[1])
    assert first
    x, width = float(first.group(1)), float(first.group(2))
    assert (x + width == 400) if lang == "ar" else (x == 0)  # bars grow from the reader's side


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_impact_page_in_chromium(browser: Any, site: Path, lang: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from browser import open_page, serve

    with serve(site) as base:
        page, visit = open_page(browser, f"{base}{lang}/impact/", width=320, height=640)
        assert visit.blocked == [] and visit.failed == [] and visit.errors == []
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})
        assert results.violations_count == 0, results.generate_report()
        page.context.close()
