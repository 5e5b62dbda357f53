"""Trust, second round: each family of attacks of issue 11, closed by a rule; each test breaks that rule's input."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import LANGS, ROOT, TODAY, run
from passerelle.records.svg import ATTRIBUTES, ELEMENTS, SvgRefused, clean_svg

JOB = """\
title: {title}
contract: permanent
location:
  city: {city}
  country: FR
  region: Auvergne-Rhône-Alpes
posted: 2026-11-01
deadline: 2036-01-01
apply: https://lumen-studio.example.org/apply
description: Une description.
"""


def check_lines(project: Path) -> list[str]:
    """What `build.py check` prints, one problem a line, in this process (a crash would fail the test as well)."""
    from passerelle.pipeline import check

    return [p.render("en") for p in check(project, dt.date.fromisoformat(TODAY)).problems]


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return h.hexdigest()


# -- 1. text that becomes markup once decoded (search filters, scripts' DOM) -------------------------------
PLAIN_FIELDS = [
    ("content/employers/lumen-studio.yml", "name: Lumen Studio", "name: '{v}'", "name"),
    (
        "jobs/lumen-studio/developpeuse-web-alternance.yml",
        "  fr: Titre professionnel Développeur web et web mobile (niveau 5)",
        "  fr: '{v}'",
        "training",
    ),
    ("jobs/lumen-studio/developpeuse-web-alternance.yml", "  region: Auvergne-Rhône-Alpes", "  region: '{v}'", "location.region"),
    ("jobs/lumen-studio/developpeuse-web-alternance.yml", "  city: Lyon", "  city: '{v}'", "location.city"),
    ("jobs/lumen-studio/developpeuse-web-alternance.yml", "tags: [javascript, accessibilité]", "tags: ['{v}']", "tags"),
    ("stories/amal/story.yml", "name: Amal", "name: '{v}'", "name"),
    ("stories/amal/story.yml", "cohort: TF4Women 2025", "cohort: '{v}'", "cohort"),
    ("stories/amal/fr.md", "title: ", "title: '{v}'\nx_title: ", "title"),
]


@pytest.mark.parametrize(
    "payload",
    [
        "&lt;img src=x onerror=alert(1)&gt;",
        "&#60;script&#62;",
        "&ltimg src=x onerror=alert(1)&gt",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_plain_fields_refuse_markup_and_entities(project: Path, payload: str) -> None:
    for rel, old, new, field in PLAIN_FIELDS:
        path = project / rel
        original = path.read_text(encoding="utf-8")
        assert old in original
        path.write_text(original.replace(old, new.replace("{v}", payload), 1), encoding="utf-8")
        lines = [line for line in check_lines(project) if line.startswith(rel)]
        assert any(f"the field '{field}' contains" in line for line in lines), (rel, field, lines)
        path.write_text(original, encoding="utf-8")


# -- 2. SVG logos are rebuilt from an allow-list ---------------------------------------------------------
HOSTILE_SVGS = {
    "prefixed script": '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>window.__pwned=1</s:script><s:rect width="1" height="1"/></s:svg>',
    "xhtml script": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>window.__pwned=1</h:script></svg>',
    "animate href": '<svg xmlns="http://www.w3.org/2000/svg"><a href="#"><animate attributeName="href" values="javascript:window.__pwned=1"/><rect width="9" height="9"/></a></svg>',
    "css import": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css); .a{fill:url(https://evil.example/p)}</style><rect class="a" style="fill:url(https://evil.example/q)" width="9" height="9"/></svg>',
    "data raster": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="9" height="9"/><use xlink:href="data:image/svg+xml,x"/></svg>',
    "metadata": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
    'inkscape:export-filename="/home/alice/secret.png"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description about="/home/alice"/></rdf:RDF></metadata><rect width="9" height="9" onload="x()"/></svg>',
    "foreign object": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></foreignObject></svg>',
    "event handlers": '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><g onclick="x()"><set attributeName="onmouseover" to="x()"/></g></svg>',
}


def allowed_only(svg: bytes) -> list[str]:
    """What a rebuilt SVG holds outside the allow-list (empty when it holds nothing else)."""
    import xml.etree.ElementTree as ET

    bad = []
    for element in ET.fromstring(svg).iter():
        name = element.tag.split("}")[-1]
        if not element.tag.startswith("{http://www.w3.org/2000/svg}") or name not in ELEMENTS:
            bad.append(element.tag)
        for key, value in element.attrib.items():
            if key == "href":
                if not value.startswith("#"):
                    bad.append(f"{name} href={value}")
            elif key not in ATTRIBUTES or any(s in value.lower() for s in ("url(h", "url(d", "javascript", "data:", "@")):
                bad.append(f"{name} {key}={value}")
    return bad


@pytest.mark.parametrize("kind", HOSTILE_SVGS)
def test_svg_logo_keeps_only_the_allow_list(kind: str) -> None:
    svg = HOSTILE_SVGS[kind].encode()
    try:
        cleaned = clean_svg(svg)
    except SvgRefused:
        return  # refusing is as good as neutralising
    assert allowed_only(cleaned) == []
    assert b"evil.example" not in cleaned and b"__pwned" not in cleaned and b"/home/alice" not in cleaned


def test_svg_with_a_dtd_or_too_large_is_refused() -> None:
    for svg in (
        b'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 20_000_000 + b"</svg>",
    ):
        with pytest.raises(SvgRefused):
            clean_svg(svg)


names = st.sampled_from(
    [
        "svg",
        "g",
        "rect",
        "script",
        "a",
        "animate",
        "set",
        "image",
        "style",
        "foreignObject",
        "use",
        "text",
        "metadata",
        "s:script",
        "h:script",
        "linearGradient",
    ]
)
attrs = st.sampled_from(["fill", "onload", "href", "xlink:href", "style", "d", "onclick", "attributeName", "class", "id"])
values = st.sampled_from(
    [
        "#a",
        "javascript:alert(1)",
        "url(https://evil.example/x)",
        "fill:red",
        "fill:url(#g)",
        "data:x",
        "@import url(x)",
        "red",
        "M0 0L9 9",
        "a",
    ]
)


@st.composite
def svgs(draw: st.DrawFn) -> str:
    def element(depth: int) -> str:
        name = draw(names)
        attributes = "".join(f' {a}="{v}"' for a, v in draw(st.dictionaries(attrs, values, max_size=3)).items())
        children = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 3 else 0))))
        return f"<{name}{attributes}>{children}</{name}>"

    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">' + element(0) + "</svg>"
    )


@settings(max_examples=300, deadline=None)
@given(svgs())
def test_any_svg_rebuilt_holds_only_allowed_elements_and_attributes(svg: str) -> None:
    try:
        cleaned = clean_svg(svg.encode())
    except SvgRefused:
        return
    assert allowed_only(cleaned) == []


# -- 3. --out never replaces the project -----------------------------------------------------------------
@pytest.mark.parametrize(
    "target", [".", "content", "jobs/lumen-studio", "..", "stories/amal/story.yml", "theme/sub", "elsewhere"]
)
def test_out_that_would_destroy_work_is_refused(project: Path, target: str) -> None:
    (project.parent / "elsewhere").mkdir(exist_ok=True)
    (project.parent / "elsewhere" / "notes.txt").write_text("mine", encoding="utf-8")
    out = "../elsewhere" if target == "elsewhere" else target
    before = digest(project.parent)
    result = run(project, "build", "--out", out, "--today", TODAY, "--quiet")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "--out" in result.stderr
    assert digest(project.parent) == before


def test_out_may_be_an_earlier_build_or_an_empty_folder(project: Path) -> None:
    (project / "public").mkdir()
    assert run(project, "build", "--out", "public", "--today", TODAY, "--quiet").returncode == 0
    assert (project / "public" / ".passerelle-site").is_file()
    assert run(project, "build", "--out", "public", "--today", TODAY, "--quiet").returncode == 0


# -- 4. symlinks and special files -----------------------------------------------------------------------
def test_links_and_devices_are_refused_without_echo(project: Path, tmp_path: Path) -> None:
    jobs = project / "jobs" / "lumen-studio"
    (jobs / "passwd.yml").symlink_to("/etc/passwd")
    (jobs / "zero.yml").symlink_to("/dev/zero")
    outside = tmp_path / "outside"
    (outside / "story").mkdir(parents=True)
    (outside / "story" / "story.yml").write_text("name: Secret\nconsent: 2026-01-01\npublished: 2026-01-02\n", encoding="utf-8")
    (outside / "story" / "fr.md").write_text("---\ntitle: Secret\nsummary: S.\n---\nSecret text.\n", encoding="utf-8")
    (project / "stories" / "linked").symlink_to(outside / "story")
    (project / "stories" / "amal" / "portrait.jpg").unlink()
    (project / "stories" / "amal" / "portrait.jpg").symlink_to(ROOT / "stories" / "amal" / "portrait.jpg")
    os.mkfifo(project / "jobs" / "lumen-studio" / "fifo.yml")
    result = run(project, "check", "--today", TODAY)
    out = result.stdout
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "root:" not in out and "Secret" not in out
    for name in ("jobs/lumen-studio/passwd.yml", "jobs/lumen-studio/zero.yml", "stories/linked", "stories/amal/portrait.jpg"):
        assert f"{name}: it is a symbolic link" in out, name
    assert "jobs/lumen-studio/fifo.yml: it is not a regular file" in out


# -- 5. images: bounded, decoded whole, tones kept ----------------------------------------------------------
def png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" + b"\0" * width
    body = zlib.compress(row * 50, 9)  # only 50 rows: the rest is missing
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", body)
        + chunk(b"IEND", b"")
    )


def jpeg(size: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.radial_gradient("L").resize(size).convert("RGB").save(buf, "JPEG")
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["bomb", "truncated", "not an image"])
def test_bad_photos_are_refused_by_check(project: Path, kind: str) -> None:
    data = {"bomb": png_header_only(30000, 30000), "truncated": jpeg((800, 800))[:3000], "not an image": b"GIF89a" + b"\0" * 99}[
        kind
    ]
    suffix = ".png" if kind == "bomb" else ".jpg"
    (project / "stories" / "amal" / "portrait.jpg").unlink()
    (project / "stories" / "amal" / f"portrait{suffix}").write_bytes(data)
    story = project / "stories" / "amal" / "story.yml"
    story.write_text(story.read_text(encoding="utf-8").replace("portrait.jpg", f"portrait{suffix}"), encoding="utf-8")
    lines = check_lines(project)
    assert any(line.startswith("stories/amal/story.yml") and "portrait" in line for line in lines), lines


def test_a_16_bit_grey_photo_keeps_its_tones() -> None:
    from passerelle.render.media import clean_pixels

    grey = Image.linear_gradient("L").resize((64, 64)).convert("I")
    grey16 = grey.point(lambda v: v * 257).convert("I;16")
    cleaned = clean_pixels(grey16)
    assert len(set(cleaned.convert("L").tobytes())) > 50  # a plain convert gives two tones


# -- 6. whatever check accepts, build builds (values that crashed the build) -------------------------------
@pytest.mark.parametrize(
    "title, ok",
    [
        ('"Dev\\x01ops"', False),
        ('"a\\u202Eb"', False),
        ('"a\\u2067b"', False),
        ('"a\\u200Bb"', False),
        ('"x\\uFFFE"', False),
        ('"x\\U0001FFFE"', False),  # a noncharacter beyond the first plane
        ('"x\\U000E0041"', False),  # a tag character
        ('"Développeuse\\u2067 web\\u2069"', True),
    ],
)
def test_invisible_and_control_characters(project: Path, title: str, ok: bool) -> None:
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(JOB.format(title=title, city="Lyon"), encoding="utf-8")
    lines = check_lines(project)
    assert (lines == [] or lines[0].startswith("All good")) == ok, lines
    if not ok:
        assert lines[0].startswith("jobs/lumen-studio/x.yml:1: the field 'title' holds"), lines


@pytest.mark.parametrize("amount", [".nan", ".inf", "-.inf", "1.0e300", "1" * 400, "-5", "true"])
def test_salary_amounts_that_no_build_could_use(project: Path, amount: str) -> None:
    text = JOB.format(title="Dev", city="Lyon") + f"salary:\n  min: 10\n  max: {amount}\n  currency: EUR\n  period: month\n"
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(text, encoding="utf-8")
    lines = check_lines(project)
    assert lines and "salary.max" in lines[0], lines


@pytest.mark.parametrize(
    "env, args",
    [
        ({}, ["--today", "0001-01-01"]),
        ({}, ["--today", "9999-12-31"]),
        ({"SOURCE_DATE_EPOCH": "99999999999999999"}, []),
        ({"SOURCE_DATE_EPOCH": "soon"}, []),
    ],
)
def test_days_out_of_range_are_usage_errors(project: Path, env: dict[str, str], args: list[str]) -> None:
    result = run(project, "build", "--out", "site", *args, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert not (project / "site").exists()


def test_dates_out_of_range_are_refused(project: Path) -> None:
    text = JOB.format(title="Dev", city="Lyon").replace("deadline: 2036-01-01", "deadline: 9999-12-31")
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(text, encoding="utf-8")
    assert "the field 'deadline' is '9999-12-31': write a date between 1990-01-01 and 2100-12-31." in check_lines(project)[0]


# -- 7. text kept as typed, blank is missing ------------------------------------------------------------
def test_text_keeps_what_was_typed(project: Path, tmp_path: Path) -> None:
    text = JOB.format(title="12:30", city="0123") + "tags: [0x1F, NO, 1e3]\n"
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert run(project, "build", "--out", str(out), "--today", TODAY, "--quiet").returncode == 0
    page = (out / "fr" / "jobs" / "lumen-studio" / "x" / "index.html").read_text(encoding="utf-8")
    assert "<h1>12:30</h1>" in page or ">12:30<" in page
    assert "0123" in page and "0x1F" in page and ">NO<" in page.replace(" ", "") or "NO" in page


@pytest.mark.parametrize(
    "rel, old, new, field",
    [
        (
            "jobs/lumen-studio/developpeuse-web-alternance.yml",
            "  fr: Développeuse web en alternance\n  en: Web developer apprentice\n  ar: مطوّرة ويب بالتناوب",
            "  fr: '   '",
            "title",
        ),
        ("content/employers/lumen-studio.yml", "name: Lumen Studio", "name: '   '", "name"),
    ],
)
def test_blank_text_is_missing(project: Path, rel: str, old: str, new: str, field: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    lines = check_lines(project)
    assert any(rel in line and f"'{field}'" in line for line in lines), lines


# -- 8. consent -------------------------------------------------------------------------------------------
def test_an_empty_withdrawn_is_an_error(project: Path) -> None:
    story = project / "stories" / "mariam" / "story.yml"
    story.write_text(story.read_text(encoding="utf-8") + "withdrawn:\n", encoding="utf-8")
    assert any("the field 'withdrawn' is empty" in line for line in check_lines(project))


@pytest.mark.parametrize("form", ["flow", "document end", "block"])
def test_withdraw_takes_effect_whatever_the_file_looks_like(project: Path, form: str) -> None:
    story = project / "stories" / "mariam" / "story.yml"
    if form == "flow":
        story.write_text("{name: Mariam, consent: 2026-01-10, published: 2026-02-01, indexable: false}\n", encoding="utf-8")
    elif form == "document end":
        story.write_text(story.read_text(encoding="utf-8") + "...\n", encoding="utf-8")
    result = run(project, "withdraw", "mariam", "--date", TODAY)
    assert result.returncode == 0, result.stderr
    # the build writes what the plan lists, and nothing else (test_plan.py): her story is in none of it
    from passerelle.pipeline import check

    checked = check(project, dt.date.fromisoformat(TODAY))
    assert checked.plan is not None and checked.problems == []
    assert "mariam" not in {s.id for s in checked.catalog.stories}
    assert not [p.path for p in checked.plan.pages if "mariam" in p.path]
    assert not [f.name for f in checked.plan.feeds if any(getattr(i, "id", "") == "mariam" for i in f.items)]


def test_withdraw_fails_loudly_and_writes_nothing_when_it_cannot(project: Path) -> None:
    story = project / "stories" / "mariam" / "story.yml"
    story.write_text("name: [unclosed\n", encoding="utf-8")
    result = run(project, "withdraw", "mariam", "--date", TODAY)
    assert result.returncode == 1 and "nothing was written" in result.stderr
    assert story.read_text(encoding="utf-8") == "name: [unclosed\n"


def test_the_build_proves_a_withdrawn_story_is_gone(site: Path, tmp_path: Path) -> None:
    from passerelle.publish.consent import traces

    assert traces(site, ["amal"], LANGS)  # a published story leaves traces: the proof can fail
    assert traces(site, ["retiree"], LANGS) == []


# -- 9. pathological Markdown ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body", ["[" * 100_000, "<a " * 60_000, "[" * 400 + "word " * 9000], ids=["brackets", "anchors", "unclosed"]
)
def test_pathological_markdown_is_refused_in_time(project: Path, body: str) -> None:
    import time

    (project / "stories" / "amal" / "fr.md").write_text(f"---\ntitle: T\nsummary: S.\n---\n{body}\n", encoding="utf-8")
    started = time.monotonic()
    lines = check_lines(project)
    assert time.monotonic() - started < 60
    assert any(line.startswith("stories/amal/fr.md") and "the text" in line for line in lines), lines


# -- 10. one path, one claimant ---------------------------------------------------------------------------
def test_ids_the_site_uses_for_itself_are_refused(project: Path) -> None:
    employers = project / "content" / "employers"
    (employers / "contract.yml").write_text("name: Contract SA\nwebsite: https://contract.example.org\n", encoding="utf-8")
    (project / "jobs" / "contract").mkdir()
    (project / "jobs" / "contract" / "internship.yml").write_text(JOB.format(title="x", city="Lyon"), encoding="utf-8")
    (project / "stories" / "index").mkdir()
    (project / "stories" / "index" / "story.yml").write_text(
        "name: X\nconsent: 2026-01-01\npublished: 2026-01-02\n", encoding="utf-8"
    )
    (project / "stories" / "index" / "fr.md").write_text("---\ntitle: T\nsummary: S.\n---\nText.\n", encoding="utf-8")
    (project / "jobs" / "lumen-studio" / "dev\n.yml").write_text(JOB.format(title="x", city="Lyon"), encoding="utf-8")
    lines = "\n".join(check_lines(project))
    assert "content/employers/contract.yml: 'contract' is a name the site uses for its own pages" in lines
    assert "stories/index: 'index' is a name the site uses for its own pages" in lines
    assert "jobs/contract: 'contract' is a name the site uses" in lines
    assert "is not a valid id" in lines  # the name ending in a newline


def test_the_writer_refuses_a_path_claimed_twice(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from passerelle.records import loading
    from passerelle.pipeline import build

    monkeypatch.setattr(loading, "RESERVED_IDS", {"employers": (), "jobs": (), "stories": ()})
    (project / "content" / "employers" / "contract.yml").write_text(
        "name: Contract SA\nwebsite: https://contract.example.org\n", encoding="utf-8"
    )
    (project / "jobs" / "contract").mkdir()
    (project / "jobs" / "contract" / "internship.yml").write_text(JOB.format(title="x", city="Lyon"), encoding="utf-8")
    problems = build(project, project / "site", dt.date.fromisoformat(TODAY))
    assert [str(p) for p in problems if "two outputs would be written" in str(p)], problems
    assert not (project / "site").exists()


# -- 11. spoofing -----------------------------------------------------------------------------------------
def test_look_alike_and_duplicate_employer_names_are_warned(project: Path) -> None:
    employers = project / "content" / "employers"
    (employers / "lumen-bis.yml").write_text("name: Lumen Studіo\nwebsite: https://lumen-bis.example.org\n", encoding="utf-8")
    (employers / "lumen-ter.yml").write_text("name: Lumen Studio\nwebsite: https://lumen-ter.example.org\n", encoding="utf-8")
    result = run(project, "check", "--today", TODAY)
    assert result.returncode == 0  # warnings stop nothing
    out = result.stdout
    assert "content/employers/lumen-bis.yml:1: warning: the name 'Lumen Studіo' mixes Latin letters with Cyrillic" in out
    assert (
        "content/employers/lumen-ter.yml:1: warning: the name 'Lumen Studio' is already the name of content/employers/lumen-studio.yml"
        in out
    )


@pytest.mark.parametrize(
    "url", ["https://real.example@evil.example/", "https://user:pw@evil.example/x", "https://evil.example\\@real.example/"]
)
def test_urls_with_credentials_are_refused(project: Path, url: str) -> None:
    text = JOB.format(title="Dev", city="Lyon").replace("https://lumen-studio.example.org/apply", url)
    (project / "jobs" / "lumen-studio" / "x.yml").write_text(text, encoding="utf-8")
    lines = check_lines(project)
    assert lines and lines[0].startswith("jobs/lumen-studio/x.yml:9: the field 'apply'"), lines


# -- 12. scope reads the base branch and both sides of every change ----------------------------------------
def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


@pytest.fixture
def repo(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    git(project, "checkout", "-qb", "pr")
    return project


def test_scope_ignores_maintainers_added_by_the_pull_request(repo: Path) -> None:
    (repo / ".github").mkdir(exist_ok=True)
    (repo / ".github" / "MAINTAINERS").write_text("mallory\n", encoding="utf-8")
    for eid in ("lumen-studio", "orbe-donnees"):
        (repo / "jobs" / eid / "new.yml").write_text(JOB.format(title="x", city="Lyon"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "pr")
    assert run(repo, "scope", "--base", "main", "--author", "mallory").returncode == 1


def test_scope_sees_both_sides_of_a_rename_and_quoted_paths(repo: Path) -> None:
    git(
        repo,
        "mv",
        "jobs/orbe-donnees/" + sorted(p.name for p in (repo / "jobs" / "orbe-donnees").iterdir())[0],
        "jobs/lumen-studio/moved.yml",
    )
    git(repo, "commit", "-qm", "move")
    assert run(repo, "scope", "--base", "main", "--author", "bob").returncode == 1
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "pr2")
    (repo / "jobs" / "lumen-studio" / "été x.yml").write_text("x", encoding="utf-8")
    (repo / "jobs" / "orbe-donnees" / "nouveau.yml").write_text("x", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "quoted")
    assert run(repo, "scope", "--base", "main", "--author", "bob").returncode == 1


# -- 13. serve survives what crashes a build -------------------------------------------------------------
def test_serve_keeps_serving_and_shows_the_error(project: Path) -> None:
    from conftest import fetch, serving, wait_until

    with serving(project) as base:
        url = base + "fr/"
        assert 'role="alert"' not in fetch(url)
        job = project / "jobs" / "lumen-studio" / "developpeuse-web-alternance.yml"
        job.write_text(job.read_text(encoding="utf-8").replace("max: 1450", "max: .nan"), encoding="utf-8")
        assert wait_until(lambda: "salary.max" in fetch(url), 60)  # the page says what is wrong, and is still served
