"""Trust in a real browser: what reaches the search index, the jobs list or a job page never runs, in any language.

The search index is rebuilt here with live payloads in every place pagefind keeps a value (filter names and
values, the title, the text), written both raw and entity-encoded, as if a record had slipped past `check`:
the search page must still insert them as text. The jobs list and the job page are those of a site built from
a job whose description carries the Markdown payloads of the first round."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from browser import open_page, serve
from conftest import LANGS, TODAY, copy_project, run
from passerelle.render.search import search_input, write_search_index, write_search_pages

LIVE = [
    "<img src=x onerror=window.__pwned=1>",
    "&lt;img src=x onerror=window.__pwned=2&gt;",
    "&amp;lt;img src=x onerror=window.__pwned=3&amp;gt;",
    "<svg onload=window.__pwned=4>",
    "<script>window.__pwned=5</script>",
]


def hostile_body(n: int) -> str:
    filters = "".join(f'<span data-pagefind-filter="Type:{v}"></span><span data-pagefind-filter="{v}:x"></span>' for v in LIVE)
    inline = f'<span data-pagefind-filter="Contrat">{LIVE[0]}</span>'
    return (
        f'<div data-pagefind-body>{filters}{inline}<h1 data-pagefind-meta="title">pwnword {n} {LIVE[0]} {LIVE[1]}</h1>'
        f"<p>pwnword {' '.join(LIVE)}</p></div>"
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("trust-browser") / "project")
    payloads = "\n\n".join(
        [
            "Bonjour pwnword.",
            "<img src=x onerror=window.__pwned=6>",
            "[x](javascript:window.__pwned=7)",
            "<svg onload=window.__pwned=8>",
            "&lt;img src=x onerror=window.__pwned=9&gt;",
        ]
    )
    body = "\n".join("    " + line for line in payloads.splitlines())
    (root / "jobs" / "lumen-studio" / "xss.yml").write_text(
        "title: Offre piégée\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\nposted: 2026-11-01\n"
        f"deadline: 2036-01-01\napply: https://lumen-studio.example.org/apply\ndescription: |\n{body}\n",
        encoding="utf-8",
    )
    out = root / "site"
    result = run(root, "build", "--out", str(out), "--today", TODAY, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGS:
        scratch = root / f"scratch-{lang}"
        write_search_pages(search_input((f"hostile-{n}/", hostile_body(n)) for n in range(3)), lang, scratch)
        shutil.rmtree(out / lang / "pagefind")
        write_search_index(scratch, out / lang / "pagefind")
    with serve(out) as url:
        yield url


def assert_nothing_ran(page: Any, dialogs: list[str]) -> None:
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('[onerror], [onload], img[src=x], main svg script').length") == 0


@pytest.mark.parametrize("lang", LANGS)
def test_search_inserts_index_values_as_text(browser: Any, hostile: str, lang: str) -> None:
    page, visit = open_page(browser, f"{hostile}{lang}/search/?q=pwnword")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_selector(".pa-search__link", timeout=15000)
    page.wait_for_selector(".pa-search__filter", state="attached")
    for n in range(4):  # open every filter and tick some values: each change draws the filters again
        page.evaluate("document.querySelectorAll('.pa-search details').forEach(d => d.open = true)")
        page.evaluate(f"document.querySelectorAll('.pa-search__filter input')[{n * 3}]?.click()")
        page.wait_for_timeout(300)
    page.evaluate("document.querySelectorAll('.pa-search details').forEach(d => d.open = true)")
    page.wait_for_timeout(300)
    assert "__pwned" in page.inner_text(".pa-search__filters")  # the hostile filter values are there, as text
    assert_nothing_ran(page, dialogs)
    shown = page.inner_text("#pa-search")
    assert "<img src=x onerror=window.__pwned=2>" in shown  # the decoded entity is shown, as text
    assert visit.blocked == []
    page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["jobs/", "jobs/lumen-studio/xss/", "jobs/contract/permanent/"])
def test_pages_with_hostile_records_run_nothing(browser: Any, hostile: str, lang: str, path: str) -> None:
    page, visit = open_page(browser, f"{hostile}{lang}/{path}", width=360, height=740)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    if path == "jobs/":
        page.goto(f"{hostile}{lang}/jobs/?contract=permanent", wait_until="networkidle")  # cards inserted by our script
        page.wait_for_selector("#pa-jobs > li")
    assert_nothing_ran(page, dialogs)
    assert visit.blocked == []
    page.context.close()
