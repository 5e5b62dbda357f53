"""Media: employers' logos and fellows' photos, rebuilt from their pixels so that no metadata (GPS, EXIF) is published,
and the site's default preview card."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PIL import Image, ImageOps

from passerelle.cache import Cache
from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.files import read_regular
from passerelle.records.images import decode_image, image_bytes
from passerelle.records.svg import MAX_SVG_BYTES, clean_svg


@dataclass(frozen=True)
class Media:
    """Files published beside the pages (logos, photos), by record id: their URL paths from the site root."""

    logos: dict[str, str] = field(default_factory=dict)
    photos: dict[str, dict[str, str]] = field(default_factory=dict)
    """Story id -> {"srcset": ..., "src": ..., "width": ..., "height": ...}."""
    card: dict[str, str] = field(default_factory=dict)
    """The site's default preview image for link previews: {"src", "width", "height"}."""
    card_logos: dict[str, bytes] = field(default_factory=dict)
    """Employer id -> its logo as a PNG of pixels, for the preview cards (render/cards.py); an SVG logo is
    rasterised from its cleaned copy where CairoSVG can load Cairo, else the card names the employer only."""


PHOTO_WIDTHS = (320, 640)
CARD_SIZE = (1200, 630)
LOGO_SIZE = 256


def _eight_bits(img: Image.Image) -> Image.Image:
    """16- and 32-bit grey images scaled to 8 bits, keeping their tones (a plain convert clips them to two)."""
    if img.mode.startswith("I;16"):
        top = 65535.0
    elif img.mode == "I":
        high = float(img.getextrema()[1])  # type: ignore[arg-type]  # one band: (low, high) numbers
        top = 255.0 if high <= 255 else 65535.0 if high <= 65535 else high
    elif img.mode == "F":
        top = max(float(img.getextrema()[1]), 1.0)  # type: ignore[arg-type]
    else:
        return img
    return img.convert("F").point(lambda v: v * 255.0 / top).convert("L")


def clean_pixels(img: Image.Image) -> Image.Image:
    """A new image holding only the pixels, turned upright first: no EXIF, GPS, comments or thumbnails."""
    img = _eight_bits(ImageOps.exif_transpose(img))
    mode = (
        "RGBA"
        if img.mode in ("RGBA", "LA", "P", "PA") and img.info.get("transparency") is not None or img.mode in ("RGBA", "LA", "PA")
        else "RGB"
    )
    img = img.convert(mode)
    return Image.frombytes(mode, img.size, img.tobytes())


def _encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "WEBP":
        img.save(buf, "WEBP", quality=80, method=4)
    else:
        img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def write_media(catalog: Catalog, root: Path, base: str, site_name: str, cache: Cache) -> Media:
    """Write logos and photos under root/media/ and say where they are (URL paths from the site root). An image made
    by an earlier build from the same file (and the same code: cache.version) is taken from the cache."""
    logos: dict[str, str] = {}
    card_logos: dict[str, bytes] = {}
    photos: dict[str, dict[str, str]] = {}
    for employer in catalog.employers:
        if not employer.logo:
            continue
        (root / urls.logo("")).mkdir(parents=True, exist_ok=True)
        if employer.logo.suffix.lower() == ".svg":
            name = f"{employer.id}.svg"
            raw = read_regular(employer.logo, MAX_SVG_BYTES)
            svg = _made(cache, "logo-svg", raw, make=functools.partial(clean_svg, raw))
            (root / urls.logo(name)).write_bytes(svg)
            pixels = _pixels(cache, svg)
            if pixels:
                card_logos[employer.id] = pixels
        else:
            name = f"{employer.id}.png"
            raw = image_bytes(employer.logo)
            card_logos[employer.id] = _made(cache, "logo", raw, make=functools.partial(_logo_png, raw))
            (root / urls.logo(name)).write_bytes(card_logos[employer.id])
        logos[employer.id] = base + urls.logo(name)
    for story in catalog.stories:
        if not story.photo:
            continue
        (root / urls.photo("")).mkdir(parents=True, exist_ok=True)
        raw = image_bytes(story.photo)
        decoded = functools.cache(functools.partial(_clean, raw))  # decoded once, if a width is not in the cache
        srcset = []
        width = height = 0
        for target in PHOTO_WIDTHS:
            name = f"{story.id}-{target}.webp"
            webp = _made(cache, "photo", raw, str(target), make=functools.partial(_photo_webp, decoded, target))
            (root / urls.photo(name)).write_bytes(webp)
            with Image.open(io.BytesIO(webp)) as scaled:  # reads the header only
                width, height = scaled.size
            srcset.append(f"{base}{urls.photo(name)} {width}w")
        photos[story.id] = {
            "src": base + urls.photo(f"{story.id}-{PHOTO_WIDTHS[-1]}.webp"),
            "srcset": ", ".join(srcset),
            "width": str(width),
            "height": str(height),
        }
    card = _made(cache, "card", site_name, make=functools.partial(_card_png, site_name))
    (root / urls.CARD).parent.mkdir(parents=True, exist_ok=True)
    (root / urls.CARD).write_bytes(card)
    card_src = {"src": base + urls.CARD, "width": str(CARD_SIZE[0]), "height": str(CARD_SIZE[1])}
    return Media(logos, photos, card_src, card_logos)


def _made(cache: Cache, kind: str, *made_from: str | bytes, make: Callable[[], bytes]) -> bytes:
    """`make()`, or what an earlier build made from the same source (a file's bytes, a name) and options."""
    key = cache.key(kind, *made_from)
    found = cache.read(key)
    if found is None:
        found = make()
        cache.store(key, found)
    return found


def _pixels(cache: Cache, svg: bytes) -> bytes | None:
    """A cleaned SVG logo as the cards draw it, as an earlier build made it (Cairo takes 5 ms a logo: 250 partners
    were a second of every build, and of every edit `serve` shows). An entry that is no whole PNG is made again;
    nothing is kept where Cairo cannot be loaded (see rasterise_svg)."""
    key = cache.key("logo-pixels", svg, str(LOGO_SIZE))
    found = cache.read(key)
    if found is not None and _whole_png(found):
        return found
    pixels = rasterise_svg(svg, LOGO_SIZE)
    if pixels:
        cache.store(key, pixels)
    return pixels


def _whole_png(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format != "PNG":
                return False
            img.verify()  # every chunk's checksum
    except (OSError, SyntaxError, ValueError):
        return False
    return True


def _clean(raw: bytes) -> Image.Image:
    with decode_image(raw) as img:
        return clean_pixels(img)


def _logo_png(raw: bytes) -> bytes:
    clean = _clean(raw)
    clean.thumbnail((LOGO_SIZE, LOGO_SIZE))
    return _encode(clean, "PNG")


def _photo_webp(pixels: Callable[[], Image.Image], width: int) -> bytes:
    """A photo `width` pixels wide, from its pixels (`pixels()`: decoded once for every width)."""
    scaled = pixels().copy()
    scaled.thumbnail((width, width * 4))
    return _encode(scaled, "WEBP")


def rasterise_svg(svg: bytes, size: int) -> bytes | None:
    """A cleaned SVG (records/svg.py: nothing external, no scripts) as a PNG `size` pixels wide, or None where
    Cairo cannot be loaded (CairoSVG needs the system's libcairo; Debian's libcairo2). CairoSVG runs with its
    defaults: no external files or URLs are read."""
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError):
        return None
    png = cairosvg.svg2png(bytestring=svg, output_width=size)
    return bytes(png) if png else None


def _card_png(name: str) -> bytes:
    """The site's default preview: its name over a footbridge, in the programme's colours, 1200 x 630 PNG.
    Drawn with the font Pillow ships, so that the same Pillow draws the same bytes."""
    from PIL import ImageDraw, ImageFont

    img = Image.new("RGB", CARD_SIZE, "#6a1b4d")
    draw = ImageDraw.Draw(img)
    draw.text((CARD_SIZE[0] // 2, 280), name, font=ImageFont.load_default(size=120), fill="#ffffff", anchor="mm")
    draw.arc((300, 380, 900, 780), 200, 340, fill="#f2b705", width=18)
    return _encode(img, "PNG")
