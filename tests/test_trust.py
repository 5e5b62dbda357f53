"""Trust: hostile records cannot attack a visitor, consent is honoured, every link holds."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import TODAY, run

PAYLOADS = [
    "<script>alert('PWN1')</script>",
    "<img src=x onerror=alert('PWN2')>",
    "<svg onload=alert('PWN3')><script>alert('PWN3b')</script></svg>",
    "[click](javascript:alert('PWN4'))",
    "[click](JaVaScRiPt:alert('PWN5'))",
    "[click](&#106;avascript:alert('PWN6'))",
    "[click](java&#x09;script:alert('PWN7'))",
    "<a href=\"jav&#x0A;ascript:alert('PWN8')\">x</a>",
    "[click](vbscript:msgbox('PWN9'))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgnUFdOMTAnKTwvc2NyaXB0Pg==)",
    "![pixel](https://tracker.example/pixel.gif?PWN11)",
    "![x](javascript:alert('PWN12'))",
    '<iframe src="https://evil.example/PWN13"></iframe>',
    '<object data="https://evil.example/PWN14"></object><embed src="https://evil.example/PWN14b">',
    '<form action="https://evil.example/PWN15"><input name="password"></form>',
    "<div style=\"background:url(javascript:alert('PWN16'))\">styled</div><style>body{display:none}</style>",
    '<a href="https://ok.example/" onclick="alert(\'PWN17\')">ok</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('PWN18')>",
    "</script><script>alert('PWN19')</script>",
    "<!--<script>alert('PWN20')</script>-->",
    '<base href="https://evil.example/PWN21/"><meta http-equiv="refresh" content="0;url=https://evil.example/PWN22">',
    '<link rel="stylesheet" href="https://evil.example/PWN23.css">',
    "<a href='data:image/svg+xml,<svg onload=alert(\"PWN24\")>'>x</a>",
    '[x](<javascript:alert("PWN25")>)',
    "<scr<script>ipt>alert('PWN26')</scr</script>ipt>",
]
MARKDOWN = "Bonjour.\n\n" + "\n\n".join(PAYLOADS) + "\n"
NEVER_TAGS = {"iframe", "object", "embed", "base", "math", "frame", "applet"}
"""The theme has none of these: any one comes from a record."""
OUR_FORMS = {"pa-filters", "pa-job-form"}
"""The theme's own forms: they post nowhere (no action)."""
SUSPECT = re.compile(r"PWN|evil\.example|tracker\.example")


def block(text: str, indent: int = 4) -> str:
    pad = " " * indent
    return "\n".join(pad + line for line in text.splitlines())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (root / "jobs" / "lumen-studio" / "xss.yml").write_text(
        "title: Offre piégée\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\n"
        "posted: 2026-11-01\ndeadline: 2036-01-01\napply: https://lumen-studio.example.org/apply\n"
        f"description:\n  fr: |\n{block(MARKDOWN)}\n  en: |\n{block(MARKDOWN)}\n",
        encoding="utf-8",
    )
    story = root / "stories" / "hostile"
    story.mkdir()
    (story / "story.yml").write_text("name: Test\nconsent: 2026-01-01\npublished: 2026-01-02\n", encoding="utf-8")
    (story / "fr.md").write_text(f"---\ntitle: Histoire piégée\nsummary: Un résumé.\n---\n{MARKDOWN}", encoding="utf-8")
    employer = root / "content" / "employers" / "orbe-donnees.yml"
    employer.write_text(
        employer.read_text(encoding="utf-8").replace("  en: |\n", f"  ar: |\n{block(MARKDOWN)}\n  en: |\n", 1), encoding="utf-8"
    )
    page = root / "content" / "pages" / "about" / "en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + MARKDOWN, encoding="utf-8")
    out = root / "site"
    result = run(root, "build", "--out", str(out), "--today", TODAY, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class Scan(HTMLParser):
    """Every element and attribute of an HTML document, to look for what must not be there."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script: dict[str, str] | None = None
        self.scripts: list[tuple[dict[str, str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and (a.get("id") not in OUR_FORMS or "action" in a):
            self.found.append(f"<form {a}>")
        if tag in NEVER_TAGS or SUSPECT.search(str({k: v for k, v in a.items() if k not in ("title", "alt")})):
            self.found.append(f"<{tag} {a}>")
        for key, value in a.items():
            if key.startswith("on") or key == "style" and "PWN" in value:
                self.found.append(f"{tag} {key}={value!r}")
            if key in ("href", "src", "action", "data", "formaction", "srcset"):
                squashed = re.sub(r"[\s\x00-\x1f]", "", unquote(html.unescape(value))).lower()
                if (
                    squashed.startswith(("javascript:", "vbscript:", "data:"))
                    or "evil.example" in squashed
                    or "tracker.example" in squashed
                ):
                    self.found.append(f"{tag} {key}={value!r}")
        if tag in ("script", "style"):
            self.in_script = a
            self.scripts.append(({**a, "_tag": tag}, ""))

    def handle_data(self, data: str) -> None:
        if self.in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.in_script = None


def problems_in_html(text: str) -> list[str]:
    scan = Scan()
    scan.feed(text)
    found = list(scan.found)
    for attrs, body in scan.scripts:
        if attrs.get("type") == "application/ld+json":
            json.loads(body)  # it parses: nothing closed the element early
        elif "PWN" in body or "display:none" in body:
            found.append(f"{attrs['_tag']} holding a payload: {body[:80]!r}")
    return found


def test_no_payload_survives_in_any_output_file(hostile_site: Path) -> None:
    job = hostile_site / "fr" / "jobs" / "lumen-studio" / "xss" / "index.html"
    assert "Bonjour." in job.read_text(encoding="utf-8")  # the record was published, defused
    checked = 0
    for path in sorted(hostile_site.rglob("*")):
        if path.suffix == ".html":
            assert problems_in_html(path.read_text(encoding="utf-8")) == [], path
            checked += 1
        elif path.suffix == ".xml":
            text = path.read_text(encoding="utf-8")
            for fragment in re.findall(r"<(?:description|content|content:encoded|summary)[^>]*>(.*?)</", text, re.S):
                inner = fragment.replace("<![CDATA[", "").replace("]]>", "")
                inner = html.unescape(inner) if "&lt;" in inner else inner
                assert problems_in_html(inner) == [], path
            checked += 1
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, list):  # the jobs list's cards, fetched by the filters and inserted as HTML
                for fragment in data:
                    assert isinstance(fragment, int) or problems_in_html(fragment) == [], path
                checked += 1
                continue
            for job_ in data.get("jobs", []):
                fragments = list(job_.get("description_html", {}).values()) + [job_.get("card", "")]
                for fragment in fragments:
                    assert problems_in_html(fragment) == [], (path, job_.get("key") or job_.get("id"))
            checked += 1
    assert checked > 100


def test_plain_text_fields_refuse_markup(project: Path) -> None:
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(
        "title: <img src=x onerror=alert(1)>\ncontract: permanent\nlocation:\n  city: <b>Lyon</b>\n  country: FR\n"
        "posted: 2026-11-01\ndeadline: 2036-01-01\napply: javascript:alert(1)\ndescription: ok\n",
        encoding="utf-8",
    )
    result = run(project, "check", "--today", TODAY)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "jobs/lumen-studio/x.yml:1: the field 'title' contains HTML markup ('<i…'): write plain text, without < and > tags.",
        "jobs/lumen-studio/x.yml:4: the field 'location.city' contains HTML markup ('<b…'): write plain text, without < and > tags.",
        "jobs/lumen-studio/x.yml:8: the field 'apply' is 'javascript:alert(1)': write an address beginning with https:// or mailto:, for example https://example.org/careers.",
    ]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if key in a and not (tag == "link" and "alternate" in a.get("rel", "") and a.get("hreflang")):
                self.refs.append(a[key])
        if "srcset" in a:
            self.refs += [part.strip().split(" ")[0] for part in a["srcset"].split(",")]


def test_every_internal_link_anchor_and_asset_exists(site: Path) -> None:
    parsed: dict[Path, Links] = {}

    def parse(path: Path) -> Links:
        if path not in parsed:
            links = Links()
            links.feed(path.read_text(encoding="utf-8"))
            parsed[path] = links
        return parsed[path]

    broken = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        for ref in parse(page).refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("mailto:", "tel:")):
                continue
            target = (
                page
                if not parts.path
                else (site / parts.path.lstrip("/") if parts.path.startswith("/") else page.parent / parts.path)
            )
            target = Path(unquote(str(target)))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {ref}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {ref} (no such anchor)")
    assert broken == []
    assert len(pages) > 100


def test_withdraw_records_the_date_and_the_story_disappears(project: Path) -> None:
    result = run(project, "withdraw", "amal", "--date", "2026-11-20")
    assert result.returncode == 0, result.stderr
    assert "https://passerelle.example.org/ar/stories/amal/" in result.stdout
    assert "media/photos/amal-*" in result.stdout
    text = (project / "stories" / "amal" / "story.yml").read_text(encoding="utf-8")
    assert text.endswith("withdrawn: 2026-11-20\n") and "photo_alt:" in text
    out = project / "public"
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"stories/amal" not in data and "أمل".encode() not in data and b"blackboard" not in data, path
    assert not list(out.rglob("amal*"))
    assert run(project, "withdraw", "nobody").returncode == 1
