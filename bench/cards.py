"""Milliseconds to draw one preview card (render/cards.py), in French and in Arabic, with and without a logo.

    python bench/cards.py [N]

Draws N cards of each kind (200 by default) with one painter, as a language's task does: the employers' names
and the facts repeat from card to card, the titles do not. Prints the median of five rounds, per card.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from passerelle.render.cards import CardPainter, Line, PreviewCard  # noqa: E402


def cards(n: int, rtl: bool, logo: str) -> list[PreviewCard]:
    """N cards as a language's task draws them: every title its own (its words in another order), the facts from a
    few places and levels and some twenty deadlines, twenty employers."""
    d = "rtl" if rtl else "ltr"
    words = ("مطورة ويب في التناوب، فريق المنتج رقم" if rtl else "Développeuse web en alternance, équipe produit numéro").split()
    places = ("ليون", "باريس", "ليل") if rtl else ("Lyon", "Paris", "Lille")
    rng = random.Random(n)
    out = []
    for i in range(n):
        rng.shuffle(words)
        facts = (
            (f"تناوب · {places[i % 3]} · B{1 + i % 2}", f"آخر أجل {1 + i % 20} يناير 2027")
            if rtl
            else (f"Alternance · {places[i % 3]} · B{1 + i % 2}", f"Candidater avant le {1 + i % 20} janvier 2027")
        )
        out.append(
            PreviewCard(
                f"{i}.png",
                d,
                Line("Passerelle", "ltr"),
                Line(f"{' '.join(words)} {i}", d),
                Line(f"Employeur {i % 20}", "ltr"),
                tuple(Line(f, d) for f in facts),
                logo,
            )
        )
    return out


def _logo() -> bytes:
    """A logo of a few colours, as Media.card_logos holds them (a PNG of pixels)."""
    img = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((16, 16, 240, 240), fill=(0x1F, 0x6F, 0xB2, 255))
    draw.rectangle((96, 96, 160, 160), fill=(0xF2, 0xB7, 0x05, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    logo = _logo()
    for rtl in (False, True):
        for with_logo in (False, True):
            rounds = []
            for _ in range(5):
                painter = CardPainter({"lumen": logo})
                todo = cards(n, rtl, "lumen" if with_logo else "")
                started = time.perf_counter()
                for card in todo:
                    painter.png(card)
                rounds.append((time.perf_counter() - started) / n * 1000)
            kind = f"{'ar' if rtl else 'fr'}, {'a logo' if with_logo else 'no logo'}"
            print(f"{kind}: {statistics.median(rounds):.2f} ms a card")


if __name__ == "__main__":
    main()
