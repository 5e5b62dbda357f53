"""Media: employers' logos and fellows' photos, rebuilt from their pixels so that no metadata (GPS, EXIF) is published."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .catalog import Catalog
from .messages import M, Message

@dataclass(frozen=True)
class Media:
    """Files published beside the pages (logos, photos), by record id: their URL paths from the site root."""

    logos: dict[str, str] = field(default_factory=dict)
    photos: dict[str, dict[str, str]] = field(default_factory=dict)
    """Story id -> {"srcset": ..., "src": ..., "og": ...}."""


PHOTO_WIDTHS = (320, 640)
LOGO_SIZE = 256
_SVG_DANGER = re.compile(r"<\s*script|<\s*foreignObject|\bon[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*[\"']?(?!#)", re.I)


def svg_problem(data: bytes) -> Message | None:
    """Why an SVG logo is refused (it would run as a page of the site if opened), or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return M("the SVG file is not UTF-8 text.")
    if "<svg" not in text:
        return M("the file is not an SVG image.")
    found = _SVG_DANGER.search(text)
    if found:
        return M("the SVG holds '{found}': scripts, event handlers, entities and links are not allowed in a logo. Export it again as a plain SVG, or use a PNG.",
                 found=found.group(0))
    return None


def image_problem(path: Path) -> Message | None:
    """Why a raster image cannot be used, or None."""
    try:
        with Image.open(path) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return M("'{name}' is not an image Passerelle can read: use a JPEG, PNG or WebP file.", name=path.name)
    return None


def clean_pixels(img: Image.Image) -> Image.Image:
    """A new image holding only the pixels, turned upright first: no EXIF, GPS, comments or thumbnails."""
    img = ImageOps.exif_transpose(img)
    mode = "RGBA" if img.mode in ("RGBA", "LA", "P") and img.info.get("transparency") is not None or img.mode in ("RGBA", "LA") else "RGB"
    img = img.convert(mode)
    return Image.frombytes(mode, img.size, img.tobytes())


def _encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "WEBP":
        img.save(buf, "WEBP", quality=80, method=4)
    elif fmt == "JPEG":
        img.convert("RGB").save(buf, "JPEG", quality=82, optimize=True, progressive=False)
    else:
        img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def write_media(catalog: Catalog, root: Path, base: str) -> Media:
    """Write logos and photos under root/media/ and say where they are (URL paths from the site root)."""
    logos: dict[str, str] = {}
    photos: dict[str, dict[str, str]] = {}
    out = root / "media"
    for employer in catalog.employers:
        if not employer.logo:
            continue
        (out / "logos").mkdir(parents=True, exist_ok=True)
        if employer.logo.suffix.lower() == ".svg":
            name = f"{employer.id}.svg"
            (out / "logos" / name).write_bytes(employer.logo.read_bytes())
        else:
            with Image.open(employer.logo) as img:
                clean = clean_pixels(img)
            clean.thumbnail((LOGO_SIZE, LOGO_SIZE))
            name = f"{employer.id}.png"
            (out / "logos" / name).write_bytes(_encode(clean, "PNG"))
        logos[employer.id] = f"{base}media/logos/{name}"
    for story in catalog.stories:
        if not story.photo:
            continue
        (out / "photos").mkdir(parents=True, exist_ok=True)
        with Image.open(story.photo) as img:
            clean = clean_pixels(img)
        srcset = []
        width = height = 0
        for target in PHOTO_WIDTHS:
            scaled = clean.copy()
            scaled.thumbnail((target, target * 4))
            name = f"{story.id}-{target}.webp"
            (out / "photos" / name).write_bytes(_encode(scaled, "WEBP"))
            srcset.append(f"{base}media/photos/{name} {scaled.width}w")
            width, height = scaled.width, scaled.height
        og = f"{story.id}-{PHOTO_WIDTHS[-1]}.jpg"
        (out / "photos" / og).write_bytes(_encode(scaled, "JPEG"))
        photos[story.id] = {
            "src": f"{base}media/photos/{story.id}-{PHOTO_WIDTHS[-1]}.webp",
            "srcset": ", ".join(srcset),
            "og": f"{base}media/photos/{og}",
            "width": str(width),
            "height": str(height),
        }
    return Media(logos, photos)
