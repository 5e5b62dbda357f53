"""SVG logos: parsed, then rebuilt from an allow-list of shapes, paint and geometry; nothing else is ever served.

An SVG is a document that can run scripts in many spellings (prefixed namespaces, DTD defaults, animation of
links, CSS that loads from elsewhere, embedded rasters with their metadata). Rather than look for them, the
logo is rebuilt: only SVG elements of the list below, only the attributes below with values that reference
nothing outside the file (a `url(#id)` or `href="#id"` inside it at most), class styles folded into
attributes, text kept as text. No DTD is read at all: a file that declares one is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from passerelle.records.messages import M, Message

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_SVG_BYTES = 512 * 1024
MAX_ELEMENTS = 5000
MAX_DEPTH = 40

ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "title",
        "desc",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
    }
)
"""No script, style, foreignObject, image, a, animate, set, metadata, filter, pattern or font."""
TEXT_ELEMENTS = frozenset({"text", "tspan", "title", "desc"})
PAINT = frozenset(
    {
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "stop-color",
        "stop-opacity",
        "clip-rule",
        "clip-path",
        "mask",
        "visibility",
        "display",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "letter-spacing",
        "color",
        "paint-order",
        "vector-effect",
        "shape-rendering",
    }
)
"""Presentation properties: allowed as attributes and in styles (then written as attributes)."""
ATTRIBUTES = PAINT | frozenset(
    {
        "id",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "d",
        "points",
        "transform",
        "offset",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "preserveAspectRatio",
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "role",
        "aria-label",
        "aria-hidden",
        "focusable",
        "version",
    }
)
_SAFE_ID = re.compile(r"[A-Za-z_][\w.-]{0,100}")
_LOCAL_URL = re.compile(r"url\(\s*['\"]?#[A-Za-z_][\w.-]*['\"]?\s*\)")
_DANGER = re.compile(r"url\(|\\|@|expression|javascript:|vbscript:|data:|<|&", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


class SvgRefused(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _value_ok(value: str) -> bool:
    """A value that references nothing outside the file: no url() but url(#id), no escapes, no @rules."""
    return len(value) <= 200_000 and not _DANGER.search(_LOCAL_URL.sub("", value))


def _declarations(text: str) -> dict[str, str]:
    out = {}
    for part in text.split(";"):
        name, sep, value = part.partition(":")
        name, value = name.strip().lower(), value.strip()
        if sep and name in PAINT and value and _value_ok(value) and "!" not in value:
            out[name] = value
    return out


def _class_styles(root: ET.Element) -> dict[str, dict[str, str]]:
    """`.class { ... }` rules of the file's <style> elements (how drawing programs write colours)."""
    rules: dict[str, dict[str, str]] = {}
    for style in root.iter(f"{{{SVG_NS}}}style"):
        css = re.sub(r"/\*.*?\*/", "", "".join(style.itertext()), flags=re.S)
        for selectors, body in _RULE.findall(css):
            for selector in selectors.split(","):
                selector = selector.strip()
                if re.fullmatch(r"\.[A-Za-z_][\w-]*", selector):
                    rules.setdefault(selector[1:], {}).update(_declarations(body))
    return rules


def clean_svg(data: bytes) -> bytes:
    """The logo rebuilt from the allow-list; SvgRefused with a sentence for the user when it cannot be."""
    if len(data) > MAX_SVG_BYTES:
        raise SvgRefused(
            M("the SVG file is larger than {limit} KB: export it again, simplified, or use a PNG.", limit=MAX_SVG_BYTES // 1024)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SvgRefused(M("the SVG file is not UTF-8 text.")) from None
    if re.search(r"<!(?!--|\[CDATA\[)", text):
        raise SvgRefused(
            M(
                "the SVG file declares a DTD or entities (<!DOCTYPE, <!ENTITY, <!ATTLIST): export it "
                "again as a plain SVG, or use a PNG."
            )
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise SvgRefused(M("the SVG file is not valid XML ({why}): export it again, or use a PNG.", why=str(e))) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgRefused(M("the file is not an SVG image."))
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise SvgRefused(
            M("the SVG file has more than {limit} elements: export it again, simplified, or use a PNG.", limit=MAX_ELEMENTS)
        )
    classes = _class_styles(root)
    out: list[str] = []
    _write(root, classes, out, 0, root=True)
    return "".join(out).encode("utf-8")


def _attributes(element: ET.Element, name: str, classes: dict[str, dict[str, str]]) -> dict[str, str]:
    kept: dict[str, str] = {}
    for key, value in element.attrib.items():
        ns, local = _local(key)
        if (ns, local) in (("", "href"), (XLINK_NS, "href")):
            if name in ("use", "linearGradient", "radialGradient") and value.startswith("#") and _SAFE_ID.fullmatch(value[1:]):
                kept["href"] = value
            continue
        if ns or local not in ATTRIBUTES or not _value_ok(value):
            continue
        if local == "id" and not _SAFE_ID.fullmatch(value):
            continue
        kept[local] = value
    for cls in element.attrib.get("class", "").split():
        kept.update(classes.get(cls, {}))
    kept.update(_declarations(element.attrib.get("style", "")))
    return kept


def _write(element: ET.Element, classes: dict[str, dict[str, str]], out: list[str], depth: int, root: bool = False) -> None:
    from xml.sax.saxutils import escape, quoteattr  # here: it imports urllib.request, 15 ms of every check

    ns, name = _local(element.tag)
    if ns != SVG_NS or name not in ELEMENTS or depth > MAX_DEPTH:
        return  # the element and all it holds
    attrs = _attributes(element, name, classes)
    if root:
        attrs["xmlns"] = SVG_NS
    out.append(f"<{name}" + "".join(f" {k}={quoteattr(v)}" for k, v in sorted(attrs.items())) + ">")
    if name in TEXT_ELEMENTS and element.text:
        out.append(escape(element.text))
    for child in element:
        _write(child, classes, out, depth + 1)
        if name in TEXT_ELEMENTS and child.tail:
            out.append(escape(child.tail))
    out.append(f"</{name}>")
