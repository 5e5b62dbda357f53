"""Link previews: every job and story page has its own card (og:image, a 1200 x 630 PNG drawn at build time) with
the title in the page's language and script, Arabic and Persian shaped and set right to left, the employer's logo
and the deadline."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from conftest import LANGS, SITE_URL
from helpers import require
from passerelle.render.cards import LEFT, CardPainter, Line, PreviewCard, adler32_combine, strong_direction

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


def test_every_card_is_a_png_that_pngcheck_accepts(site: Path) -> None:
    """render/cards.py writes the PNG itself (chunks, checksums, one zlib stream joined from pieces): a reader we did
    not write checks every card of every language, and the image's size and kind."""
    require("pngcheck (Debian's package)", shutil.which("pngcheck") is not None)
    cards = sorted(str(p) for p in site.glob("*/**/preview.png"))
    assert len(cards) > 6 * 10
    result = subprocess.run(["pngcheck", *cards], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert result.stdout.count("OK: ") == len(cards)
    assert all("(1200x630, 8-bit palette" in line for line in result.stdout.splitlines() if line.startswith("OK: "))


@pytest.mark.parametrize(("direction", "logo"), [("ltr", "lumen"), ("rtl", "lumen"), ("ltr", ""), ("rtl", "")])
def test_a_card_holds_exactly_what_was_drawn(direction: str, logo: str) -> None:
    """What a reader decodes is what the painter drew: the same pixels as Pillow's own encoder gives of the canvas,
    for cards that share rows with their blank canvas and with each other, and cards that share none."""
    art = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(art).ellipse((10, 10, 190, 90), fill=(*LOGO_YELLOW, 255))
    buffer = io.BytesIO()
    art.save(buffer, "PNG")
    painter = CardPainter({"lumen": buffer.getvalue()})
    long = "Développeuse web en alternance dans une équipe produit à"  # two lines: the same first, other second
    titles = ["Développeuse web", "مطورة ويب في التناوب", "Data engineer " * 12, "x", f"{long} Lyon", f"{long} Lille"]
    for n, title in enumerate(titles):
        card = PreviewCard(
            f"{n}.png",
            direction,
            Line("Passerelle", "ltr"),
            Line(title, strong_direction(title, direction)),
            Line("Lumen Studio", "ltr"),
            (Line(f"Alternance · Lyon · B{n}", direction), Line("Candidater avant le 12 janvier 2027", direction)),
            logo,
        )
        drawn = painter.png(card)
        with Image.open(io.BytesIO(drawn)) as img:
            img.load()
            decoded = img.convert("RGB")
        canvas, palette = painter.draw(card)
        expected = canvas.crop((LEFT, 0, canvas.width, canvas.height))
        expected.putpalette(palette)
        assert decoded.tobytes() == expected.convert("RGB").tobytes(), title


def test_a_card_is_the_same_bytes_whatever_was_drawn_before() -> None:
    """Rows are compressed once and reused by their content: a card drawn after others (an incremental build's
    painter) is the same file as one drawn first (a cold build's)."""

    def card(n: int) -> PreviewCard:
        return PreviewCard(
            f"{n}.png",
            "ltr",
            Line("Passerelle", "ltr"),
            Line(f"Développeuse {n}", "ltr"),
            Line(f"Employeur {n % 3}", "ltr"),
            (Line(f"CDI · Lyon · B{n % 2 + 1}", "ltr"),),
        )

    alone = CardPainter({}).png(card(7))
    busy = CardPainter({})
    for n in range(12):
        busy.png(card(n))
    assert busy.png(card(7)) == alone


@given(st.binary(max_size=3000), st.binary(max_size=70000))
@settings(max_examples=200, deadline=None)
def test_checksums_of_two_pieces_combine_into_the_checksum_of_both(first: bytes, second: bytes) -> None:
    assert adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(first + second)


WORDS = "Développeuse web alternance équipe produit (H/F) — Lyon, l'équipe «données» 2027 C++ Node.js".split()
WORDS += "مطورة ويب في التناوب، فريق المنتج Розробниця веб-додатків Geliştirici yazılım توسعه‌دهنده".split()


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(["ltr", "rtl"]))
@settings(max_examples=150, deadline=None)
def test_titles_break_where_each_line_measured_whole_would(words: list[str], direction: str) -> None:
    """Lines are filled from the words' widths, measured once each: they break where measuring every candidate
    line whole breaks them (the greedy rule: as many words as fit in the room, then the next line)."""
    painter = CardPainter({})
    text, room = " ".join(words), 1080
    for size in (68, 52, 34):
        font, left, expected = painter.font(size), list(words), []
        while left and len(expected) < 2:
            line = left.pop(0)
            while left and font.getlength(f"{line} {left[0]}", direction=direction) <= room:
                line = f"{line} {left.pop(0)}"
            expected.append(line)
        if left or font.getlength(expected[-1], direction=direction) > room:  # what is left over is cut with "…"
            last = expected[-1]
            while last and font.getlength(last + "…", direction=direction) > room:
                last = last[:-1].rstrip()
            expected[-1] = last + "…"
        assert painter._break(text, size, room, direction, lines=2) == expected, size
