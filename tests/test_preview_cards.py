"""Link previews: every job and story page has its own card (og:image, a 1200 x 630 PNG drawn at build time) with
the title in the page's language and script, Arabic and Persian shaped and set right to left, the employer's logo
and the deadline."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageFont

from conftest import LANGS, SITE_URL

FONT = Path(__file__).resolve().parents[1] / "passerelle" / "render" / "fonts" / "DejaVuSans-Bold.ttf"
LOGO_YELLOW = (0xF2, 0xB7, 0x05)
"""The sample's Lumen Studio logo (content/employers/lumen-studio.svg) is this yellow square."""
JOB = "jobs/lumen-studio/developpeuse-web-alternance/"


def metas(html: str) -> dict[str, str]:
    return {
        m.group(1): m.group(2).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"')
        for m in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)
    }


def card_of(site: Path, lang: str, path: str) -> tuple[dict[str, str], Image.Image]:
    tags = metas((site / lang / path / "index.html").read_text(encoding="utf-8"))
    image = site / urlsplit(tags["og:image"]).path.lstrip("/")
    with Image.open(image) as img:
        img.load()
        return tags, img.convert("RGB")


def ink_columns(img: Image.Image, top: int, bottom: int) -> tuple[int, int]:
    """The leftmost and rightmost columns that hold anything but white between two rows."""
    box = Image.eval(img.crop((0, top, img.width, bottom)).convert("L"), lambda v: 255 - v).getbbox()
    assert box, "nothing drawn there"
    return box[0], box[2]


@pytest.mark.parametrize("lang", LANGS)
def test_every_job_and_story_page_shows_a_card_of_its_own(site: Path, lang: str) -> None:
    employers = {p.stem for p in (Path(__file__).resolve().parents[1] / "content" / "employers").glob("*.yml")}
    pages = [p.parent for e in employers for p in (site / lang / "jobs" / e).glob("*/index.html")]
    pages += [p.parent for p in (site / lang / "stories").glob("*/index.html")]
    assert len(pages) > 10
    seen = set()
    for folder in pages:
        path = folder.relative_to(site / lang).as_posix() + "/"
        tags, img = card_of(site, lang, path)
        assert tags["og:image"] == f"{SITE_URL}{lang}/{path}preview.png", path
        assert img.size == (1200, 630) == (int(tags["og:image:width"]), int(tags["og:image:height"])), path
        assert tags["og:title"] in tags["og:image:alt"] and tags["twitter:image"] == tags["og:image"], path
        seen.add((folder / "preview.png").read_bytes())
    assert len(seen) == len(pages), "two pages share a card"


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("fr", "ltr"), ("uk", "ltr")])
def test_the_title_is_drawn_in_the_page_s_script_and_direction(site: Path, lang: str, direction: str) -> None:
    tags, img = card_of(site, lang, JOB)
    left, right = ink_columns(img, 300, 480)
    if direction == "rtl":
        assert right >= 1120 and left > 200, (left, right)  # set from the right margin
    else:
        assert left <= 80 and right < 1000, (left, right)
    if lang == "ar":
        # Shaped Arabic: letters joined (their connected forms), a third narrower than isolated letters.
        title = tags["og:title"]
        shaped = ImageFont.truetype(str(FONT), 68, layout_engine=ImageFont.Layout.RAQM).getlength(title, direction="rtl")
        isolated = ImageFont.truetype(str(FONT), 68, layout_engine=ImageFont.Layout.BASIC).getlength(title)
        assert abs((right - left) - shaped) < 12 < abs((right - left) - isolated), (right - left, shaped, isolated)


def test_the_card_shows_the_employer_s_logo_and_the_deadline_in_the_reader_s_language(site: Path) -> None:
    _, with_logo = card_of(site, "ar", JOB)
    assert LOGO_YELLOW in {colour for _, colour in with_logo.getcolors(256) or []}
    _, without = card_of(site, "ar", "jobs/orbe-donnees/data-engineer-cdi/")  # Orbe Données has no logo
    assert all(abs(c[0] - c[2]) < 40 for _, c in without.getcolors(256) or []), "only plum and white"
    # The deadline line differs between languages, the title aside (the card is the page's, not the job's).
    fr, en = card_of(site, "fr", JOB)[1], card_of(site, "en", JOB)[1]
    assert fr.crop((0, 540, 1200, 600)).tobytes() != en.crop((0, 540, 1200, 600)).tobytes()
