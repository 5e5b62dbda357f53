"""The "Post a job" form, in Chromium: every file it calls ready is one that `check` accepts, whatever is typed.

The form's rules come from the spec and the vocabulary (passerelle/render/job_form.py); here they are judged by
`check` itself, on generated inputs: a valid job with zero to four fields replaced by values that HR staff really
type or paste (YAML's special words, colons, HTML, control and invisible characters, French amounts, countries by
name, links without a host...).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import open_page, serve
from conftest import TODAY, copy_project

pytestmark = pytest.mark.browser

TRICKY_TEXT = [
    "NO",
    "yes",
    "null",
    "~",
    "12:30",
    "0123",
    "0x1F",
    "1e3",
    "2026-01-01",
    "- item",
    "# hash",
    "key: value",
    "a: b: c",
    "'quoted'",
    '"double"',
    "back\\slash",
    "a\tb",
    "<b>bold</b>",
    "x < y > z",
    "&lt;img&gt;",
    "&ltimg",
    "AT&T",
    "&amp",
    "\u202ereversed",
    "bell\x07",
    "zero\u200bwidth",
    "persian\u200cjoiner",
    "\u2066open isolate",
    "\u2067closed\u2069 isolate",
    "  padded  ",
    "emoji 😀",
    "𝒳 math",
    "@at",
    "`tick`",
    "%percent",
    "!tag",
    "&anchor",
    "*alias",
    "{flow}",
    "[list]",
    "|pipe",
    ">folded",
    "non\u00a0breaking",
    "line\u2028separator",
    "private\ue000use",
    "نص عربي",
    "متن فارسی",
    "Текст",
    "Türkçe",
]
TRICKY_MARKDOWN = TRICKY_TEXT + [
    "Une ligne.\n\n- un point : avec deux-points\n- « guillemets »",
    "  indented first line\nsecond",
    "first\n---\nafter a rule",
    "title\n# heading\n\n    code block",
    "tab\there\nnext line",
    "trailing spaces   \nnext",
    "\n\nstarts with blank lines",
    "ends with blank lines\n\n\n",
    "[link](javascript:alert(1))\n<script>alert(1)</script>",
    "...\nthree dots",
]
VALUES: dict[str, list[str]] = {
    "employer": ["", "orbe-donnees", "lumen-studio"],
    "id": ["", "Analyste BI", "index", "page", "x--y", "-x", "a" * 81, "developpeuse-web-alternance", "ok-id", "é"],
    "contract": ["", "apprenticeship", "permanent", "freelance"],
    "remote": ["onsite", "hybrid", "full"],
    "country": ["FR", "NO", "UK", "fr", "France", "Belgique", "EU", "ZZ", "GB", "", "F R", "FRA"],
    "posted": ["", "2026-11-20", TODAY, "2026-12-10"],
    "deadline": ["", "2026-11-10", TODAY, "2027-01-31", "2101-01-01"],
    "start": ["", "2026-11-01", "2027-02-01"],
    "apply": [
        "",
        "https://orbe-donnees.example.org/jobs",
        "https://host/jobs",
        "https://exa mple.org",
        "http://example.org",
        "rh@orbe.example.org",
        "mailto:rh@orbe.example.org",
        "mailto:bad",
        "https://user@evil.example.org/",
        "javascript:alert(1)",
        "HTTPS://Example.org/x",
        "https://example.org/\\x",
        "https://example.org./",
        "https://example.org/\tx",
        "rh @orbe.example.org",
    ],
    "french_level": ["", "A2", "B1", "C2"],
    "salary_min": ["", "1200", "11,65", "-5", "1 200", "1\u202f200", "1.200", "1,200", "1200€", "abc", "10000001", "0", "0123"],
    "salary_max": ["", "1500", "11,65", "-5", "999", "2 000,50", "1e3", "10000000"],
    "period": ["hour", "day", "month", "year"],
}
TEXT_INPUTS = ("title_fr", "title_en", "training", "city", "region")
MARKDOWN_INPUTS = ("description_fr", "description_en")
VALID = {
    "employer": "orbe-donnees",
    "id": "analyste",
    "title_fr": "Analyste données",
    "title_en": "",
    "contract": "apprenticeship",
    "training": "",
    "remote": "onsite",
    "city": "Paris",
    "region": "Île-de-France",
    "country": "FR",
    "posted": TODAY,
    "deadline": "2027-01-31",
    "start": "",
    "apply": "https://orbe-donnees.example.org/jobs",
    "french_level": "",
    "salary_min": "",
    "salary_max": "",
    "period": "month",
    "description_fr": "Une offre.",
    "description_en": "",
}
FILL = """(values) => {
  const form = document.getElementById("pa-job-form");
  for (const [name, value] of Object.entries(values)) {
    form.elements[name].value = value;
    form.elements[name].dispatchEvent(new Event("input", { bubbles: true }));
  }
  form.dispatchEvent(new Event("change"));
  return { status: document.getElementById("pa-form-status").textContent,
           yaml: document.getElementById("pa-yaml").textContent,
           href: document.getElementById("pa-propose").getAttribute("href"),
           mail: document.getElementById("pa-email").getAttribute("href") };
}"""


def cases(n: int, seed: int) -> Iterator[dict[str, str]]:
    """A valid job, then `n` jobs with zero to four fields replaced by values HR staff really type."""
    rng = random.Random(seed)
    yield dict(VALID)
    for i in range(n):
        case = dict(VALID, id=f"case-{i}")
        for name in rng.sample(sorted(VALID), rng.randint(0, 4)):
            if name in TEXT_INPUTS:
                case[name] = rng.choice(TRICKY_TEXT + [""])
            elif name in MARKDOWN_INPUTS:
                case[name] = rng.choice(TRICKY_MARKDOWN + [""])
            else:
                case[name] = rng.choice(VALUES[name])
                if name == "id" and case[name] == "ok-id":
                    case[name] = f"ok-id-{i}"
        yield case


@pytest.fixture(scope="module")
def form_page(browser: Any, site: Path) -> Iterator[Any]:
    with serve(site) as base:
        page, visit = open_page(browser, f"{base}en/post-a-job/", today=TODAY)
        assert visit.errors == []
        yield page
        assert visit.blocked == [] and visit.errors == []
        page.context.close()


def check_files(tmp_path: Path, files: dict[str, str]) -> dict[str, list[str]]:
    """`check` of a copy of the sample with these job files added: the errors (not the warnings) of each."""
    from passerelle.pipeline import check

    root = copy_project(tmp_path / "project")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    found: dict[str, list[str]] = {rel: [] for rel in files}
    for problem in check(root, dt.date.fromisoformat(TODAY)).problems:
        if not problem.warning and problem.path in found:
            found[problem.path].append(problem.render())
    return found


def test_every_file_the_form_calls_ready_passes_check(form_page: Any, tmp_path: Path) -> None:
    ready: dict[str, str] = {}
    refused = 0
    typed: dict[str, dict[str, str]] = {}
    for case in cases(240, seed=12):
        result = form_page.evaluate(FILL, case)
        if result["status"] != "The file is ready.":
            assert result["href"] is None and result["mail"] is None, case  # nothing to send while a field is wrong
            refused += 1
            continue
        text = result["yaml"]
        rel = text.splitlines()[0].removeprefix("# ")
        assert rel == f"jobs/{case['employer']}/{case['id']}.yml"
        if rel in ready:  # the same id drawn twice for one employer: the second would replace the first here
            continue
        query = parse_qs(urlsplit(result["href"]).query)
        assert query["value"] == [text] and query["filename"] == [f"{case['id']}.yml"]
        mail = urlsplit(result["mail"])
        assert mail.scheme == "mailto" and mail.path == "emplois@passerelle.example.org"
        assert parse_qs(mail.query)["body"] == [text]
        ready[rel], typed[rel] = text, case
    assert len(ready) > 40 and refused > 40, (len(ready), refused)  # the inputs reach both sides
    for rel, errors in check_files(tmp_path, ready).items():
        assert errors == [], (typed[rel], ready[rel], errors)
    for rel, text in ready.items():  # and the file holds what was typed, not what YAML 1.1 makes of it
        data, case = yaml.safe_load(text), typed[rel]
        title = data["title"] if isinstance(data["title"], str) else data["title"]["fr"]
        assert title == case["title_fr"].strip()
        assert data["location"]["country"] == case["country"]


def fill(page: Any, **values: str) -> dict[str, Any]:
    return page.evaluate(FILL, dict(VALID, **values))


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"country": "UK"},
            "country",
            "Not a country code: write its two capital letters, for example FR, BE or GB. Did you mean GB?",
        ),
        ({"country": "Norvège"}, "country", "Did you mean NO?"),
        ({"salary_min": "-5"}, "salary-min", "Write the amount in figures, such as 1800 or 11.65"),
        ({"salary_min": "1.200"}, "salary-min", "without a thousands separator"),
        ({"apply": "https://localhost/jobs"}, "apply", "The site “localhost” has no dot: write the whole address"),
        (
            {"apply": "http://orbe.example.org"},
            "apply",
            "How to apply: an address beginning with https://, or an e-mail address.",
        ),
        ({"apply": "https://rh@evil.example.org/"}, "apply", "This address hides where it leads"),
        ({"title_fr": "Analyste\x07"}, "title-fr", "holds an invisible or control character (U+0007) at character 9"),
        ({"title_fr": "<b>Analyste</b>"}, "title-fr", "must not contain < > tags"),
        (
            {"posted": "2026-11-20", "deadline": "2026-11-25"},
            "deadline",
            "This deadline is already past: the job would never appear on the site.",
        ),
        ({"id": "developpeuse-web-alternance", "employer": "lumen-studio"}, "id", "for example developpeuse-web-alternance-2"),
        ({"id": "index"}, "id", "is a name the site uses for its own pages"),
        ({"city": "", "remote": "onsite"}, "city", "“City” is required."),
        ({"region": "منطقة"}, "region", "needs Latin letters"),
    ],
)
def test_each_mistake_is_shown_beside_its_field(form_page: Any, values: dict[str, str], field: str, message: str) -> None:
    result = fill(form_page, **values)
    assert result["status"] == "" and result["href"] is None  # not ready; nothing said before the file is asked for
    error = form_page.locator(f"#f-{field}-error")
    assert error.is_hidden()  # not before the field has been left
    form_page.click("#pa-propose")
    assert message in error.inner_text()
    assert form_page.get_attribute(f"#f-{field}", "aria-invalid") == "true"
    assert f"f-{field}-error" in form_page.get_attribute(f"#f-{field}", "aria-describedby").split()
    assert form_page.locator("#pa-form-status").inner_text().startswith("Fields to fix: ")
    assert form_page.evaluate("document.activeElement.id").startswith("f-")
    form_page.reload()


def test_what_was_lost_before_is_kept(form_page: Any) -> None:
    """A maximum without a minimum, a French decimal comma, Norway's code, a city without region."""
    result = fill(form_page, salary_max="11,65", period="hour", country="NO", region="", remote="hybrid")
    assert result["status"] == "The file is ready."
    data = yaml.safe_load(result["yaml"])
    assert data["salary"] == {"min": 11.65, "max": 11.65, "currency": "EUR", "period": "hour"}
    assert data["location"] == {"city": "Paris", "country": "NO"}
    result = fill(form_page, salary_min="1 200", salary_max="1500", remote="full", city="")
    data = yaml.safe_load(result["yaml"])
    assert result["status"] == "The file is ready." and data["salary"]["min"] == 1200 and "city" not in data["location"]


def test_a_warning_does_not_stop_the_file(form_page: Any) -> None:
    result = fill(form_page, start="2026-11-01")
    assert result["status"] == "The file is ready."
    form_page.locator("#f-start").focus()
    form_page.locator("#f-start").blur()
    assert form_page.locator("#f-start-error").inner_text() == "The start is before the date posted: check it."
    assert form_page.get_attribute("#f-start", "aria-invalid") is None
    form_page.reload()


def test_the_employer_page_opens_the_form_for_that_employer(browser: Any, site: Path) -> None:
    with serve(site) as base:
        page, visit = open_page(browser, f"{base}ar/employers/lumen-studio/", today=TODAY)
        page.get_by_role("link", name="نشر وظيفة لهذه الجهة").click()
        page.wait_for_load_state("networkidle")
        assert page.input_value("#f-employer") == "lumen-studio"
        assert visit.blocked == [] and visit.errors == []
        page.context.close()


@pytest.mark.parametrize("lang", ("fr", "ar"))
def test_on_a_phone_the_form_starts_on_the_first_screen(browser: Any, site: Path, lang: str) -> None:
    with serve(site) as base:
        page, visit = open_page(browser, f"{base}{lang}/post-a-job/", width=360, height=740, today=TODAY)
        box = page.locator("#f-employer").bounding_box()
        assert box and box["y"] + box["height"] < 740, box
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.context.close()
