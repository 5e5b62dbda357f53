"""Employers' HR staff: check understands their words, warns of likely mistakes, and says all good in their language."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, run
from passerelle.pipeline import check

JOB = """\
title: Développeuse web
contract: {contract}
location:
  city: Lyon
  country: FR
  region: Auvergne-Rhône-Alpes
remote: {remote}
posted: {posted}
deadline: {deadline}
apply: {apply}
description: Une description.
salary:
  min: 1800
  max: 2000
  currency: EUR
  period: {period}
"""
GOOD = dict(
    contract="permanent",
    remote="hybrid",
    posted="2026-11-01",
    deadline="2036-01-01",
    apply="https://lumen-studio.example.org/apply",
    period="month",
)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    (root / "content" / "employers").mkdir(parents=True)
    for name in ("mkdocs.yml", "build.py"):
        shutil.copy2(ROOT / name, root / name)
    for name in ("theme", "passerelle"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "content" / "employers" / "lumen-studio.yml").write_text(
        "name: Lumen Studio\nwebsite: https://lumen-studio.example.org\n", encoding="utf-8"
    )
    (root / "jobs" / "lumen-studio").mkdir(parents=True)
    return root


def lines(root: Path, lang: str = "en", **change: str) -> list[str]:
    (root / "jobs" / "lumen-studio" / "dev.yml").write_text(JOB.format(**{**GOOD, **change}), encoding="utf-8")
    return [p.render(lang) for p in check(root, dt.date.fromisoformat(TODAY)).problems]


@pytest.mark.parametrize(
    ("field", "typed", "meant"),
    [
        ("contract", "CDI", "permanent"),
        ("contract", "CDD", "fixed-term"),
        ("contract", "alternance", "apprenticeship"),
        ("contract", "apprentissage", "apprenticeship"),
        ("contract", "contrat pro", "professionalisation"),
        ("contract", "stage", "internship"),
        ("remote", "oui", "full"),
        ("remote", "non", "onsite"),
        ("remote", "no", "onsite"),
        ("remote", "télétravail", "full"),
        ("period", "mois", "month"),
        ("period", "an", "year"),
        ("period", "heure", "hour"),
    ],
)
def test_the_words_hr_staff_use_are_understood(mini: Path, field: str, typed: str, meant: str) -> None:
    found = lines(mini, **{field: typed})
    assert len(found) == 1, found
    assert f"is '{typed}', which is not allowed. Did you mean '{meant}'?" in found[0]
    assert f"Vouliez-vous dire « {meant} » ?" in lines(mini, "fr", **{field: typed})[0]


def test_warnings_of_likely_mistakes(mini: Path) -> None:
    assert lines(mini, deadline="2026-11-20", posted="2026-11-01") == [
        "jobs/lumen-studio/dev.yml:9: warning: the deadline (2026-11-20) is already past: the job will not appear on the site. "
        "Move the deadline, or remove the file."
    ]
    assert lines(mini, "fr", posted="2026-12-10") == [
        "jobs/lumen-studio/dev.yml:8: warning: l'offre est publiée le 2026-12-10, dans le futur : elle ne paraîtra sur le site "
        "qu'à partir de ce jour."
    ]
    assert lines(mini, apply="https://jobs.elsewhere.example.net/apply") == [
        "jobs/lumen-studio/dev.yml:10: warning: the apply link goes to example.net, not to the employer's website (example.org): "
        "check that it is the employer's own (a link elsewhere is a common sign of a fake offer)."
    ]
    assert lines(mini, apply="https://example.org/careers/dev") == [
        "jobs/lumen-studio/dev.yml:10: warning: the file still holds the template's example text or address: replace it with the job's own."
    ]
    (mini / "jobs" / "lumen-studio" / "twice.yml").write_text(JOB.format(**GOOD), encoding="utf-8")
    assert lines(mini) == [
        "jobs/lumen-studio/twice.yml:1: warning: the same title is already open at this employer "
        "(jobs/lumen-studio/dev.yml): is this the same job twice?"
    ]


def test_warnings_stop_nothing_and_all_good_is_translated(mini: Path) -> None:
    lines(mini, deadline="2026-11-20", posted="2026-11-01")
    result = run(mini, "check", "--today", TODAY, "--lang", "fr")
    assert result.returncode == 0
    assert "Tout est bon : 1 entreprises, 1 offres" in result.stdout
    assert "0 problème(s) et 1 avertissement(s) dans 1 fichier(s)" in result.stderr
    github = run(mini, "check", "--today", TODAY, "--format", "github")
    assert github.stdout.startswith("::warning file=jobs/lumen-studio/dev.yml,line=9,title=Passerelle::")


def test_check_of_a_path_that_does_not_exist_is_an_error(mini: Path) -> None:
    result = run(mini, "check", "--today", TODAY, "jobs/lumen-studio/nope.yml")
    assert result.returncode == 1
    assert "jobs/lumen-studio/nope.yml: there is no such file or folder" in result.stdout


GOOD_FILE = JOB.format(**GOOD)
YAML_MISTAKES = [
    (
        GOOD_FILE.replace("  country: FR", "\tcountry: FR"),
        5,
        "this line has a tab in its indentation: indent with spaces only (two for each level).",
        "cette ligne a une tabulation dans son retrait : indentez avec des espaces seulement (deux par niveau).",
    ),
    (
        GOOD_FILE.replace("title: Développeuse web", "title: Développeuse web : front-end"),
        1,
        "the text of 'title' holds ': ', which YAML reads as the start of another field: put the text in quotes: "
        'title: "Développeuse web : front-end"',
        "le texte de « title » contient « : », que YAML lit comme le début d'un autre champ : mettez le texte entre "
        'guillemets : title: "Développeuse web : front-end"',
    ),
    (
        GOOD_FILE.replace("  country: FR", "   country: FR"),
        5,
        "the field 'country' is indented by 3 spaces, which matches no field above it: to sit under 'location' like "
        "'city', write it with 2 spaces before its name.",
        "le champ « country » est en retrait de 3 espaces, ce qui ne correspond à aucun champ au-dessus : pour qu'il "
        "soit dans « location » comme « city », écrivez-le avec 2 espaces avant son nom.",
    ),
    (
        GOOD_FILE.replace("  country: FR", " country: FR"),
        5,
        "the field 'country' is indented by 1 space, which matches no field above it: to sit under 'location' like "
        "'city', write it with 2 spaces before its name.",
        "le champ « country » est en retrait de 1 espace, ce qui ne correspond à aucun champ au-dessus : pour qu'il "
        "soit dans « location » comme « city », écrivez-le avec 2 espaces avant son nom.",
    ),
    (
        GOOD_FILE.replace("  city: Lyon", "\u00a0 city: Lyon"),
        4,
        "this line has a special space (U+00A0 NO-BREAK SPACE, often pasted from Word or a web page) at character 1: "
        "replace it with an ordinary space.",
        "cette ligne a une espace spéciale (U+00A0 NO-BREAK SPACE, souvent collée depuis Word ou une page web) au "
        "caractère 1 : remplacez-la par une espace ordinaire.",
    ),
    (
        GOOD_FILE.replace("title: Développeuse web", "title: Développeuse\x07 web"),
        1,
        "this line holds an invisible or control character (U+0007) at character 20: delete it (retype the text "
        "around it, or paste it as plain text).",
        "cette ligne contient un caractère invisible ou de contrôle (U+0007) au caractère 20 : supprimez-le (retapez "
        "le texte autour, ou collez-le en texte brut).",
    ),
    (
        GOOD_FILE.replace("  city: Lyon", "  \u200bcity: Lyon"),
        4,
        "the field name 'location.city' holds an invisible character or a special space (U+200B ZERO WIDTH SPACE) at "
        "character 1: delete it (retype the name).",
        "le nom du champ « location.city » contient un caractère invisible ou une espace spéciale (U+200B ZERO WIDTH "
        "SPACE) au caractère 1 : supprimez-le (retapez le nom).",
    ),
    (
        GOOD_FILE.replace("contract: permanent", "contract permanent"),
        2,
        "the field 'contract' has no ':' after its name: write contract: permanent",
        "le champ « contract » n'a pas de « : » après son nom : écrivez contract: permanent",
    ),
    (
        GOOD_FILE.replace("title: Développeuse web", "title: 'Chargée d'affaires'"),
        1,
        "the text of 'title' is in quotes and holds the same quote inside: write it in double quotes, with \\\" for a "
        'quote inside: title: "Chargée d\'affaires"',
        "le texte de « title » est entre guillemets et contient le même guillemet : écrivez-le entre guillemets "
        'doubles, avec \\" pour un guillemet à l\'intérieur : title: "Chargée d\'affaires"',
    ),
    (
        GOOD_FILE.replace("apply: https://lumen-studio.example.org/apply", "apply: @lumen"),
        10,
        "the text of 'apply' begins with '@', which YAML keeps for itself: put the text in quotes: apply: \"@lumen\"",
        'le texte de « apply » commence par « @ », que YAML se réserve : mettez le texte entre guillemets : apply: "@lumen"',
    ),
]


@pytest.mark.parametrize(("text", "line", "en", "fr"), YAML_MISTAKES)
def test_yaml_mistakes_are_said_in_plain_words_on_their_line(mini: Path, text: str, line: int, en: str, fr: str) -> None:
    (mini / "jobs" / "lumen-studio" / "dev.yml").write_text(text, encoding="utf-8")
    for lang, said in (("en", en), ("fr", fr)):
        found = [p for p in check(mini, dt.date.fromisoformat(TODAY)).problems if not p.warning]
        assert found[-1].render(lang) == f"jobs/lumen-studio/dev.yml:{line}: {said}", [p.render(lang) for p in found]


def test_every_problem_reaches_the_job_summary_past_githubs_ten_annotations(mini: Path, tmp_path: Path) -> None:
    for n in range(12):
        (mini / "jobs" / "lumen-studio" / f"dev-{n}.yml").write_text(
            JOB.format(**{**GOOD, "contract": "CDI | `x`"}).replace("Développeuse web", f"Dev <b>{n}</b>"), encoding="utf-8"
        )
    summary = tmp_path / "summary.md"
    result = run(mini, "check", "--today", TODAY, "--format", "github", "--lang", "fr", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    text = summary.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ❌ |")]
    assert len(rows) == len(annotations) == 24  # each file: the contract, and the markup in the title
    assert "GitHub en montre 10 à côté des lignes ; les voici tous les 24." in text
    assert "<b" not in text and "&lt;b" in text and "\\|" in text and "CDI \\| \\`x\\`" in text


def test_the_mistakes_the_form_used_to_let_through_are_named_with_their_fix(mini: Path) -> None:
    assert lines(mini, apply="https://lumen/apply") == [
        "jobs/lumen-studio/dev.yml:10: the field 'apply' is 'https://lumen/apply': its site 'lumen' has no dot; write the "
        "whole address, for example https://lumen.example.org/careers."
    ]
    text = JOB.format(**GOOD).replace("min: 1800", "min: -5")
    (mini / "jobs" / "lumen-studio" / "dev.yml").write_text(text, encoding="utf-8")
    assert [p.render("fr") for p in check(mini, dt.date.fromisoformat(TODAY)).problems] == [
        "jobs/lumen-studio/dev.yml:13: le champ « salary.min » vaut '-5' : écrivez un nombre de 0 à 10000000, sans espace "
        "ni symbole de devise, comme 1800."
    ]
    for typed, meant in (("UK", "GB"), ("France", "FR"), ("Belgique", "BE"), ("fr", "FR")):
        text = JOB.format(**GOOD).replace("country: FR", f"country: {typed}")
        (mini / "jobs" / "lumen-studio" / "dev.yml").write_text(text, encoding="utf-8")
        found = [p.render() for p in check(mini, dt.date.fromisoformat(TODAY)).problems]
        assert len(found) == 1 and f"is '{typed}', which is not a country code." in found[0], found
        assert f"'{meant}'" in found[0], found
    for code in ("EU", "UN", "ZZ"):  # CLDR's regions that are not countries
        text = JOB.format(**GOOD).replace("country: FR", f"country: {code}")
        (mini / "jobs" / "lumen-studio" / "dev.yml").write_text(text, encoding="utf-8")
        assert any("not a country code" in p.render() for p in check(mini, dt.date.fromisoformat(TODAY)).problems)
