"""Media: employers' logos and fellows' photos, rebuilt from their pixels so that no metadata (GPS, EXIF) is published,
and the site's default preview card."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.files import read_regular
from passerelle.records.images import read_image
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


def write_media(catalog: Catalog, root: Path, base: str, site_name: str) -> Media:
    """Write logos and photos under root/media/ and say where they are (URL paths from the site root)."""
    logos: dict[str, str] = {}
    card_logos: dict[str, bytes] = {}
    photos: dict[str, dict[str, str]] = {}
    for employer in catalog.employers:
        if not employer.logo:
            continue
        (root / urls.logo("")).mkdir(parents=True, exist_ok=True)
        if employer.logo.suffix.lower() == ".svg":
            name = f"{employer.id}.svg"
            svg = clean_svg(read_regular(employer.logo, MAX_SVG_BYTES))
            (root / urls.logo(name)).write_bytes(svg)
            pixels = rasterise_svg(svg, LOGO_SIZE)
            if pixels:
                card_logos[employer.id] = pixels
        else:
            with read_image(employer.logo) as img:
                clean = clean_pixels(img)
            clean.thumbnail((LOGO_SIZE, LOGO_SIZE))
            name = f"{employer.id}.png"
            card_logos[employer.id] = _encode(clean, "PNG")
            (root / urls.logo(name)).write_bytes(card_logos[employer.id])
        logos[employer.id] = base + urls.logo(name)
    for story in catalog.stories:
        if not story.photo:
            continue
        (root / urls.photo("")).mkdir(parents=True, exist_ok=True)
        with read_image(story.photo) as img:
            clean = clean_pixels(img)
        srcset = []
        width = height = 0
        for target in PHOTO_WIDTHS:
            scaled = clean.copy()
            scaled.thumbnail((target, target * 4))
            name = f"{story.id}-{target}.webp"
            (root / urls.photo(name)).write_bytes(_encode(scaled, "WEBP"))
            srcset.append(f"{base}{urls.photo(name)} {scaled.width}w")
            width, height = scaled.width, scaled.height
        photos[story.id] = {
            "src": base + urls.photo(f"{story.id}-{PHOTO_WIDTHS[-1]}.webp"),
            "srcset": ", ".join(srcset),
            "width": str(width),
            "height": str(height),
        }
    return Media(logos, photos, write_card(site_name, root, base), card_logos)


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


def write_card(name: str, root: Path, base: str) -> dict[str, str]:
    """The site's default preview: its name over a footbridge, in the programme's colours, 1200 x 630 PNG.
    Drawn with the font Pillow ships, so that the same Pillow draws the same bytes."""
    from PIL import ImageDraw, ImageFont

    img = Image.new("RGB", CARD_SIZE, "#6a1b4d")
    draw = ImageDraw.Draw(img)
    draw.text((CARD_SIZE[0] // 2, 280), name, font=ImageFont.load_default(size=120), fill="#ffffff", anchor="mm")
    draw.arc((300, 380, 900, 780), 200, 340, fill="#f2b705", width=18)
    (root / urls.CARD).parent.mkdir(parents=True, exist_ok=True)
    (root / urls.CARD).write_bytes(_encode(img, "PNG"))
    return {"src": base + urls.CARD, "width": str(CARD_SIZE[0]), "height": str(CARD_SIZE[1])}
