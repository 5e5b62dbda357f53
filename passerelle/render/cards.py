"""Preview cards: the PNG image a messaging app shows when a job or a story is shared (og:image, 1200 x 630).

Each card is drawn at build time, per page and language, from values the views prepared: the site's name, the
employer (and its logo), the title in the page's language and script, and a line or two of facts (contract,
place, level of French, deadline). Text is laid out by Raqm (Pillow's wheels carry it and HarfBuzz; FriBiDi is the
system's libfribidi), so Arabic and Persian are shaped and run right to left; the font is DejaVu Sans Bold, shipped
beside this module (passerelle/render/fonts/, with its licence) so that every machine draws the same pixels.

A card has two colours, the programme's plum and white, and the logo. It is drawn straight in the indices of a
palette that runs from plum to white (anti-aliased text blends between two indices as it would between two grey
levels), then stored as a palette PNG (one byte a pixel), which keeps each card near 20 KB.

The PNG is written here, not by Pillow, for speed (encoding was half of a card's time, and cards half of a cold
build's): the canvas is one column wider than the card, its column 0 holding each row's filter byte (0: none), so
that its bytes are the PNG's scanlines as they are; and the rows a card leaves as they are on its blank canvas (the
band, the gaps between the lines: half of them) are compressed once for every card that starts from that canvas.
Each run of rows is compressed on its own (zlib level 3: level 6 takes twice the time for a fifth less) and the
runs are joined into one zlib stream (each ends on a byte with a sync flush; their checksums are combined).
The other runs that repeat from card to card (a byline and its logo, a line of facts) are found by their digest
and compressed once too: only the title's rows are compressed for every card.
"""

from __future__ import annotations

import hashlib
import io
import struct
import unicodedata
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, TypeVar

from PIL import Image, ImageDraw, ImageFont, features

from passerelle.cache import Cache

CARD_SIZE = (1200, 630)
FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
INK = (0x6A, 0x1B, 0x4D)
"""The programme's plum (the theme's primary colour); the card's other colour is white."""
SHADES = 192
"""Palette entries 0..191: plum to white; 192..255: the logo's own colours."""
LOGO_COLOURS = 256 - SHADES
PLUM, WHITE = 0, SHADES - 1
NEAR_PLUM = round(30 * (SHADES - 1) / 255)
"""The byline's shade: a grey level of 30 out of 255, a little lighter than the plum."""
MARGIN = 60
BAND = 100
LOGO_BOX = 120
LEFT = 1
"""The canvas's column 0 is the rows' PNG filter byte: the card's x runs from here."""
ROWS = 10
"""Rows compared with the blank canvas at a time (see the module's docstring)."""
LEVEL = 3
SLACK = 2
"""Pixels: a line is measured whole only when its words' widths and spaces add up to within this of the room (they
add up to the pixel in DejaVu Sans, where no kerning spans a space; measuring lines whole took a sixth of a card's
time)."""
KEPT = 512
"""Lines drawn (stamps) and runs of rows compressed that a painter keeps, at most, each: the least recently used
go first. Bylines and facts repeat from card to card, but most facts lines (with their deadline) are a job's own:
kept for ever, they held 30 MB of a language's task at 1,000 jobs, and 150 at 5,000."""


@dataclass(frozen=True)
class Line:
    """One piece of text on a card and the direction of its script ('ltr' or 'rtl')."""

    text: str
    direction: str


@dataclass(frozen=True)
class PreviewCard:
    """Everything one card shows, prepared by the views."""

    path: str
    """Where the card goes, below the language root (urls.preview of its page)."""
    direction: str
    """The page's direction: which side the text starts from."""
    brand: Line
    title: Line
    byline: Line
    """The employer, or the fellow's name and role."""
    facts: tuple[Line, ...]
    logo: str = ""
    """The employer whose logo is drawn (Media.card_logos), if any."""


def strong_direction(text: str, default: str) -> str:
    """The direction of a text's first strongly directional letter (a name typed in Arabic runs right to left),
    else `default`."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


def _palette() -> list[int]:
    ramp = []
    for i in range(SHADES):
        ramp += [round(c + (255 - c) * i / (SHADES - 1)) for c in INK]
    return ramp


class CardPainter:
    """Draws cards; holds the fonts and the logos (quantised once each) of one language's task."""

    def __init__(self, logos: dict[str, bytes], font: Path = FONT) -> None:
        self._font_file = font
        self._raqm = bool(features.check_feature("raqm"))
        """Without Raqm (a Pillow built without it), text is drawn unshaped rather than not at all."""
        self._fonts: dict[int, ImageFont.FreeTypeFont] = {}
        self.logos = logos
        self._logos: dict[str, tuple[Image.Image, list[int]]] = {}
        self._palette = _palette()
        self._blanks: dict[tuple[str, str, str], Image.Image] = {}
        """A card with its band and brand drawn and nothing else, by brand, its direction and the card's: each card
        starts from a copy (the same pixels as drawing them again, which took a tenth of a card's time)."""
        self._runs: dict[tuple[str, str, str], tuple[bytes, dict[tuple[int, int], tuple[bytes, int]]]] = {}
        """Each blank canvas's bytes, and its runs of rows already compressed (with their checksums), by band."""
        self._drawn: OrderedDict[bytes, tuple[bytes, int]] = OrderedDict()
        """Runs of rows unlike the blank's, compressed (with their checksums), by the digest of their bytes."""
        self._lengths: dict[tuple[str, int, str | None], float] = {}
        """Words measured (see _length)."""
        self._fitted: dict[tuple[str, int, int, str, int], list[str]] = {}
        """Lines already fitted (see _fit): bylines and facts repeat from card to card."""
        self._stamps: OrderedDict[tuple[str, int, str | None, str], tuple[Image.Image, int, int]] = OrderedDict()
        """Bylines and facts already drawn (see _stamp), with where their box lies from the anchor."""

    def font(self, size: int) -> ImageFont.FreeTypeFont:
        if size not in self._fonts:
            engine = ImageFont.Layout.RAQM if self._raqm else ImageFont.Layout.BASIC
            self._fonts[size] = ImageFont.truetype(str(self._font_file), size, layout_engine=engine)
        return self._fonts[size]

    def png(self, card: PreviewCard) -> bytes:
        """The card as PNG bytes: the same card gives the same bytes."""
        canvas, palette = self.draw(card)
        return _png(canvas.tobytes(), palette, self._runs[_which(card)], self._drawn)

    def draw(self, card: PreviewCard) -> tuple[Image.Image, list[int]]:
        """The card's canvas (palette indices, one column wider: see the module's docstring) and its palette."""
        width, height = CARD_SIZE
        img = self._blank(card).copy()
        draw = ImageDraw.Draw(img)
        rtl = card.direction == "rtl"
        edge = LEFT + (width - MARGIN if rtl else MARGIN)
        anchor = "r" if rtl else "l"

        def say(line: Line, y: int, size: int, fill: int) -> None:
            draw.text((edge, y), line.text, font=self.font(size), fill=fill, anchor=anchor + "m", direction=self._dir(line))

        logo = self._logo(card.logo)
        top = BAND + 40
        byline_edge = MARGIN + LOGO_BOX + 30 if logo else MARGIN
        byline = self._fit(card.byline.text, 44, width - byline_edge - MARGIN, card.byline.direction, lines=1)[0]
        self._press(
            draw,
            (LEFT + (width - byline_edge if rtl else byline_edge), top + LOGO_BOX // 2),
            Line(byline, card.byline.direction),
            44,
            NEAR_PLUM,
            anchor + "m",
        )
        size, title = self._title(card.title)
        step = int(size * 1.25)
        y = 390 - step * (len(title) - 1) // 2
        for text in title:
            say(Line(text, card.title.direction), y, size, PLUM)
            y += step
        y = height - 40 - 52 * (len(card.facts) - 1) - 18
        for fact in card.facts:
            text = self._fit(fact.text, 34, width - 2 * MARGIN, fact.direction, lines=1)[0]
            self._press(draw, (edge, y), Line(text, fact.direction), 34, PLUM, anchor + "m")
            y += 52
        palette = list(self._palette)
        if logo:
            pixels, colours = logo
            x = LEFT + (width - MARGIN - pixels.width if rtl else MARGIN)
            img.paste(pixels, (x, top + (LOGO_BOX - pixels.height) // 2))
            palette += colours
        img.paste(0, (0, 0, LEFT, height))  # the filter bytes, whatever was drawn
        return img, palette

    def _blank(self, card: PreviewCard) -> Image.Image:
        """The card's canvas (palette indices, drawn as grey levels: see the module's docstring; one column wider,
        for the filter bytes) with its band and brand: the first things drawn on every card."""
        which = _which(card)
        if which not in self._blanks:
            width, height = CARD_SIZE
            img = Image.new("L", (LEFT + width, height), WHITE)
            draw = ImageDraw.Draw(img)
            rtl = card.direction == "rtl"
            draw.rectangle((LEFT, 0, LEFT + width, BAND), fill=PLUM)
            draw.text(
                (LEFT + (width - MARGIN if rtl else MARGIN), BAND // 2),
                card.brand.text,
                font=self.font(40),
                fill=WHITE,
                anchor=("r" if rtl else "l") + "m",
                direction=self._dir(card.brand),
            )
            img.paste(0, (0, 0, LEFT, height))
            self._blanks[which] = img
            self._runs[which] = (img.tobytes(), {})
        return self._blanks[which]

    def _press(self, draw: ImageDraw.ImageDraw, xy: tuple[int, int], line: Line, size: int, fill: int, anchor: str) -> None:
        """Draw a line that repeats from card to card (a byline, a fact) from its stamp: the same pixels as
        `draw.text`, laid out and rasterised once."""
        stamp, dx, dy = self._stamp(line, size, anchor)
        draw.bitmap((xy[0] + dx, xy[1] + dy), stamp, fill=fill)

    def _stamp(self, line: Line, size: int, anchor: str) -> tuple[Image.Image, int, int]:
        """A line's coverage (0 to 255) in a box of its own, and that box's corner from the anchor point."""

        def make() -> tuple[Image.Image, int, int]:
            font = self.font(size)
            left, top, right, bottom = (int(v) for v in font.getbbox(line.text, direction=self._dir(line), anchor=anchor))
            stamp = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
            ImageDraw.Draw(stamp).text((-left, -top), line.text, font=font, fill=255, anchor=anchor, direction=self._dir(line))
            return stamp, left, top

        return _recent(self._stamps, (line.text, size, self._dir(line), anchor), make)

    def _dir(self, line: Line) -> str | None:
        return line.direction if self._raqm else None

    # -- layout ------------------------------------------------------------------------------------------------
    def _title(self, title: Line) -> tuple[int, list[str]]:
        """The largest size at which the title fits in two lines (three at the smallest, then cut)."""
        room = CARD_SIZE[0] - 2 * MARGIN
        for size in (68, 60, 52):
            lines = self._fit(title.text, size, room, title.direction, lines=2)
            if " ".join(lines) == " ".join(title.text.split()):
                return size, lines
        return 52, self._fit(title.text, 52, room, title.direction, lines=3)

    def _fit(self, text: str, size: int, room: int, direction: str, lines: int) -> list[str]:
        """`text` broken at spaces into at most `lines` lines of `room` pixels; what is left over is cut with '…'."""
        which = (text, size, room, direction, lines)
        if which not in self._fitted:
            self._fitted[which] = self._break(text, size, room, direction, lines)
        return list(self._fitted[which])

    def _break(self, text: str, size: int, room: int, direction: str, lines: int) -> list[str]:
        font, d = self.font(size), direction if self._raqm else None
        out: list[str] = []
        words = text.split()
        space = self._length(" ", size, d)
        while words and len(out) < lines:
            line = words.pop(0)
            width = self._length(line, size, d)
            while words:
                wider = width + space + self._length(words[0], size, d)
                if wider > room + SLACK or (wider > room - SLACK and font.getlength(f"{line} {words[0]}", direction=d) > room):
                    break
                line, width = f"{line} {words.pop(0)}", wider
            out.append(line)
        if words or (out and font.getlength(out[-1], direction=d) > room):
            last = out[-1] if out else ""
            while last and font.getlength(last + "…", direction=d) > room:
                last = last[:-1].rstrip()
            out[-1:] = [last + "…"]
        return out or [""]

    def _length(self, word: str, size: int, direction: str | None) -> float:
        """A word's width, measured once for every card of the task (words repeat from title to title)."""
        which = (word, size, direction)
        if which not in self._lengths:
            self._lengths[which] = self.font(size).getlength(word, direction=direction)
        return self._lengths[which]

    # -- the logo ----------------------------------------------------------------------------------------------
    def _logo(self, employer: str) -> tuple[Image.Image, list[int]] | None:
        """The employer's logo within the logo box, on white: its palette indices (past the shades, as a grey-level
        image to paste) and its colours."""
        if not employer or employer not in self.logos:
            return None
        if employer not in self._logos:
            with Image.open(io.BytesIO(self.logos[employer])) as raw:
                rgba = raw.convert("RGBA")
            rgba.thumbnail((LOGO_BOX, LOGO_BOX))
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            quantised = flat.quantize(colors=LOGO_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            colours = (quantised.getpalette() or [])[: 3 * LOGO_COLOURS]
            moved = Image.frombytes("L", quantised.size, bytes(SHADES + i for i in quantised.tobytes()))
            self._logos[employer] = (moved, colours + [255] * (3 * LOGO_COLOURS - len(colours)))
        return self._logos[employer]


def _which(card: PreviewCard) -> tuple[str, str, str]:
    return (card.brand.text, card.brand.direction, card.direction)


def _png(
    scanlines: bytes,
    palette: list[int],
    blank: tuple[bytes, dict[tuple[int, int], tuple[bytes, int]]],
    drawn: OrderedDict[bytes, tuple[bytes, int]],
) -> bytes:
    """A palette PNG of CARD_SIZE from its `scanlines` (each row after its filter byte): the runs of rows that are
    as on the `blank` canvas are taken from it, compressed once; the others from `drawn` when they were drawn before
    (by their digest), else compressed now and kept there."""
    width, height = CARD_SIZE
    step = (LEFT + width) * ROWS
    empty, runs = blank
    view = memoryview(scanlines)
    bands = -(-height // ROWS)
    same = [scanlines[i * step : (i + 1) * step] == empty[i * step : (i + 1) * step] for i in range(bands)]
    pieces, adler, i = [], 1, 0
    while i < bands:
        j = i
        while j < bands and same[j] == same[i]:
            j += 1
        start, end = i * step, min(j * step, len(scanlines))
        if same[i]:
            if (i, j) not in runs:
                runs[(i, j)] = _compressed(empty[start:end])
            piece, checksum = runs[(i, j)]
        else:
            piece, checksum = _recent(drawn, hashlib.sha256(view[start:end]).digest(), partial(_compressed, view[start:end]))
        pieces.append(piece)
        adler = adler32_combine(adler, checksum, end - start)
        i = j
    stream = b"\x78\x5e" + b"".join(pieces) + b"\x03\x00" + struct.pack(">I", adler)  # header, runs, a last empty block
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)),  # 8 bits, a palette
            _chunk(b"PLTE", bytes(palette)),
            _chunk(b"IDAT", stream),
            _chunk(b"IEND", b""),
        )
    )


Key = TypeVar("Key")
Kept = TypeVar("Kept")


def _recent(table: OrderedDict[Key, Kept], key: Key, make: Callable[[], Kept]) -> Kept:
    """`table[key]`, made if need be; the table keeps the KEPT most recently used."""
    found = table.get(key)
    if found is None:
        found = table[key] = make()
        if len(table) > KEPT:
            table.popitem(last=False)
    else:
        table.move_to_end(key)
    return found


def _compressed(run: bytes | memoryview) -> tuple[bytes, int]:
    return _deflate(run), zlib.adler32(run)


def _deflate(data: bytes | memoryview) -> bytes:
    """Raw deflate blocks, ended on a byte boundary (a sync flush), that can be joined to others."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def adler32_combine(first: int, second: int, length: int) -> int:
    """The Adler-32 checksum of two pieces of data joined, from their checksums and the second's length (zlib's
    adler32_combine, which Python's zlib does not expose)."""
    base = 65521
    rem = length % base
    low = first & 0xFFFF
    high = (rem * low) % base
    low += (second & 0xFFFF) + base - 1
    high += (first >> 16) + (second >> 16) + base - rem
    low = low - base if low >= base else low
    low = low - base if low >= base else low
    high = high - 2 * base if high >= 2 * base else high
    high = high - base if high >= base else high
    return low | (high << 16)


def write_cards(cards: list[PreviewCard], painter: CardPainter, out: Path, cache: Cache) -> None:
    """Every card of one language into its folder `out`, where the plan put it; a card drawn by an earlier build
    from the same values (and the same logo) is taken from the cache."""
    logos = {name: hashlib.sha256(png).hexdigest() for name, png in painter.logos.items()}
    for card in cards:
        path = out / card.path
        key = cache.key("card", repr(card), logos.get(card.logo, ""))
        if cache.copy_to(key, path):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(painter.png(card))
        cache.store_file(key, path)
