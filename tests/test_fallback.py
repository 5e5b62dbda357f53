"""Texts that fall back to another language are marked with it, and every page that shows one says so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TODAY, copy_project, run

NOTICE = "Not yet in English: this text is in"
FRENCH_TITLE = "Chargée de projet numérique"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, with a Lumen Studio job titled in French only (its description in both) and the English
    text of Hewan's story deleted."""
    root = copy_project(tmp_path_factory.mktemp("fallback") / "project")
    (root / "jobs" / "lumen-studio" / "chargee-de-projet.yml").write_text(
        f"title:\n  fr: {FRENCH_TITLE}\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\n"
        "posted: 2026-11-01\ndeadline: 2036-01-01\napply: https://lumen-studio.example.org/apply\n"
        "description:\n  fr: Piloter des projets.\n  en: Run projects.\n",
        encoding="utf-8",
    )
    (root / "stories" / "hewan" / "en.md").unlink()
    out = root / "site"
    result = run(root, "build", "--out", str(out), "--today", TODAY, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_a_plain_text_field_that_falls_back_is_marked_and_announced(built: Path) -> None:
    en = read(built, "en/jobs/lumen-studio/chargee-de-projet")
    assert re.search(rf'<h1><span lang="fr" dir="ltr">{FRENCH_TITLE}</span></h1>', en)
    assert NOTICE in en
    assert "<p>Run projects.</p>" in en and '<div lang="fr"' not in en  # the description is English: not marked
    fr = read(built, "fr/jobs/lumen-studio/chargee-de-projet")
    article = fr.split("<article", 1)[1].split("</article>", 1)[0]
    assert "pas encore traduite" not in fr and 'lang="en"' not in article and 'lang="fr"' not in article


def test_every_page_showing_a_card_that_falls_back_says_so(built: Path, site: Path) -> None:
    """The card is rendered once per language and reused: each page that shows it carries the notice."""
    for rel in ("en/jobs", "en/jobs/contract/permanent", "en/employers/lumen-studio"):
        html = read(built, rel)
        assert f'<span lang="fr" dir="ltr">{FRENCH_TITLE}</span>' in html, rel
        assert NOTICE in html, rel
    # the same page, without that job, says nothing: the notice came from the card
    assert NOTICE not in read(site, "en/employers/lumen-studio")


def test_a_deleted_translation_falls_back_to_the_default_language(built: Path, site: Path) -> None:
    assert NOTICE not in read(site, "en/stories/hewan")  # the sample has Hewan's story in English
    en = read(built, "en/stories/hewan")
    fr_title = re.search(
        r"^title: (.+)$", (Path(__file__).parent.parent / "stories" / "hewan" / "fr.md").read_text(encoding="utf-8"), re.M
    )
    assert fr_title
    assert NOTICE in en and '<div lang="fr" dir="ltr">' in en and fr_title.group(1).strip().strip('"') in en
    assert "stories/hewan/" in read(built, "en/stories")
