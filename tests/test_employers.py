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
        "jobs/lumen-studio/dev.yml:8: warning: the deadline (2026-11-20) is already past: the job will not appear on the site. "
        "Move the deadline, or remove the file."
    ]
    assert lines(mini, "fr", posted="2026-12-10") == [
        "jobs/lumen-studio/dev.yml:7: warning: l'offre est publiée le 2026-12-10, dans le futur : elle ne paraîtra sur le site "
        "qu'à partir de ce jour."
    ]
    assert lines(mini, apply="https://jobs.elsewhere.example.net/apply") == [
        "jobs/lumen-studio/dev.yml:9: warning: the apply link goes to example.net, not to the employer's website (example.org): "
        "check that it is the employer's own (a link elsewhere is a common sign of a fake offer)."
    ]
    assert lines(mini, apply="https://example.org/careers/dev") == [
        "jobs/lumen-studio/dev.yml:9: warning: the file still holds the template's example text or address: replace it with the job's own."
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
    assert github.stdout.startswith("::warning file=jobs/lumen-studio/dev.yml,line=8,title=Passerelle::")


def test_check_of_a_path_that_does_not_exist_is_an_error(mini: Path) -> None:
    result = run(mini, "check", "--today", TODAY, "jobs/lumen-studio/nope.yml")
    assert result.returncode == 1
    assert "jobs/lumen-studio/nope.yml: there is no such file or folder" in result.stdout
