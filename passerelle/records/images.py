"""Images: an employer's logo or a fellow's photo is read whole and judged before anything is built (bounds on
bytes and pixels; an SVG is rebuilt from an allow-list, see svg.py)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from passerelle.records.files import NotAllowed, read_regular
from passerelle.records.messages import M, Message
from passerelle.records.svg import MAX_SVG_BYTES, SvgRefused, clean_svg

MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest image file accepted (a phone's photo is 2 to 12 MB)."""
MAX_PIXELS = 40_000_000
"""The most pixels an image may have (a 48-megapixel phone photo is decoded at half size, see _open)."""
DECODE_SIZE = 4000
"""JPEG photos are decoded at the smallest scale that keeps this many pixels on their longer side."""
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, for any path that would not go through _open


def _open(data: bytes) -> Image.Image:
    """Decode an image fully, within MAX_PIXELS; raises ValueError with a sentence for the user."""
    img = Image.open(io.BytesIO(data))
    if img.format not in ("PNG", "JPEG", "WEBP", "MPO"):
        raise ValueError("format")
    if img.format in ("JPEG", "MPO"):
        img.draft("RGB", (DECODE_SIZE, DECODE_SIZE))  # decodes at 1/2, 1/4 or 1/8 when that is enough
    width, height = img.size
    if width * height > MAX_PIXELS or width > 20_000 or height > 20_000:
        raise ValueError("pixels")
    img.load()  # the whole image: a truncated file fails here, in check, not in the build
    return img


def read_image(path: Path) -> Image.Image:
    """The decoded image at `path` (a regular file of at most MAX_FILE_BYTES); ValueError or NotAllowed otherwise."""
    return decode_image(image_bytes(path))


def image_bytes(path: Path) -> bytes:
    """The bytes of the image file at `path` (a regular file of at most MAX_FILE_BYTES); ValueError or NotAllowed
    otherwise."""
    data = read_regular(path, MAX_FILE_BYTES)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError("bytes")
    return data


def decode_image(data: bytes) -> Image.Image:
    """An image file's bytes decoded (see _open); ValueError otherwise."""
    try:
        return _open(data)
    except ValueError:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds (OSError, SyntaxError, DecompressionBombError...)
        raise ValueError("unreadable") from None


def image_problem(path: Path) -> Message | None:
    """Why a raster image cannot be used, or None. The image is decoded whole, as the build will."""
    try:
        with read_image(path):
            pass
    except NotAllowed as e:
        return e.message
    except (ValueError, OSError) as e:
        if str(e) == "bytes":
            return M(
                "'{name}' is larger than {limit} MB: save it smaller (2,000 pixels wide is plenty).",
                name=path.name,
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        if str(e) == "pixels":
            return M(
                "'{name}' has too many pixels (at most {limit} million): save it smaller (2,000 pixels wide is plenty).",
                name=path.name,
                limit=MAX_PIXELS // 1_000_000,
            )
        return M("'{name}' is not an image Passerelle can read: use a JPEG, PNG or WebP file.", name=path.name)
    return None


def svg_problem(path: Path) -> Message | None:
    """Why an SVG logo cannot be used (see svg.clean_svg), or None."""
    try:
        clean_svg(read_regular(path, MAX_SVG_BYTES))
    except NotAllowed as e:
        return e.message
    except SvgRefused as e:
        return e.message
    return None
