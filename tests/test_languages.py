"""Languages: six in the sample (fa right to left like ar), a seventh added with one line and one strings file,
and the translation desk that tells editors what each language still lacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from conftest import LANGS, ROOT, RTL, TODAY, copy_project, run


def test_the_sample_ships_the_contracts_six_languages() -> None:
    assert set(LANGS) >= {"fr", "en", "ar", "fa", "uk", "tr"} and LANGS[0] == "fr"


def test_every_strings_file_has_exactly_the_default_languages_keys() -> None:
    default = yaml.safe_load((ROOT / "theme" / "strings" / "fr.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        table = yaml.safe_load((ROOT / "theme" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
        assert sorted(set(default) - set(table)) == [], lang
        assert sorted(set(table) - set(default)) == [], lang
        assert all(set(re.findall(r"\{\w+\}", table[k])) == set(re.findall(r"\{\w+\}", default[k])) for k in default), lang


def test_each_language_has_its_own_name_direction_and_dates(site: Path) -> None:
    chooser = (site / "index.html").read_text(encoding="utf-8")
    for name in ("فارسی", "Українська", "Türkçe", "العربية"):
        assert f">{name}</a>" in chooser
    for lang in LANGS:
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert f'dir="{"rtl" if lang in RTL else "ltr"}"' in home
    story = (site / "fa" / "stories" / "nadia" / "index.html").read_text(encoding="utf-8")
    assert "نادیه" in story  # her Persian text
    assert re.search(
        r"<time[^>]*>\d+ (ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر) \d{4}</time>", story
    )  # Babel's Persian months


def test_a_language_is_one_line_and_one_strings_file(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(
        re.sub(r"languages: \[([^\]]*)\]", r"languages: [\1, ps]", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    french = yaml.safe_load((root / "theme" / "strings" / "fr.yml").read_text(encoding="utf-8"))
    (root / "theme" / "strings" / "ps.yml").write_text(
        yaml.safe_dump({k: f"پښتو {v}" for k, v in french.items()}, allow_unicode=True), encoding="utf-8"
    )
    out = tmp_path / "site"
    result = run(root, "build", "--out", str(out), "--today", TODAY, "--quiet")
    assert result.returncode == 0, result.stderr
    home = (out / "ps" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ps"' in home and 'dir="rtl"' in home and "پښتو" in home
    assert "feeds/jobs.xml" in home and (out / "ps" / "feeds" / "jobs.feed.json").is_file()
    assert json.loads((out / "ps" / "feeds" / "jobs.feed.json").read_text(encoding="utf-8"))["language"] == "ps"
    entry = json.loads((out / "ps" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["ps"]
    assert 'hreflang="ps"' in (out / "index.html").read_text(encoding="utf-8")
    assert not (out / "material-ps").exists()  # the strings made for material stay out of the site


def test_the_translation_desk_lists_what_falls_back() -> None:
    result = run(ROOT, "translations", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    summaries = [line for line in lines if not line.startswith(" ")]
    assert [line.split(":")[0] for line in summaries] == list(LANGS)
    tr = result.stdout.split("\ntr: ")[1]
    assert "stories/elif: " not in tr  # Elif's story has its Turkish text
    assert "stories/amal: tr.md" in tr
    assert re.search(r"jobs/lumen-studio/developpeuse-web-alternance\.yml: description, training", tr)
    only = run(ROOT, "translations", "--lang", "uk", "--today", TODAY).stdout
    assert only.startswith("uk: ") and "\nfa: " not in only
