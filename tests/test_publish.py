"""Publishing: the site is swapped in whole, is never missing on the way, and a failed build leaves nothing behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import ROOT, TODAY
from helpers import files
from passerelle import pipeline
from passerelle.publish import staging
from passerelle.render import sitemap


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    staging.mark(folder)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_the_site_is_never_missing_while_the_new_one_is_swapped_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _site(tmp_path / "site", "old")
    new = _site(tmp_path / ".site.building-1", "new")
    seen: list[bool] = []
    rename = staging.os.rename

    def watched(a: object, b: object) -> None:
        rename(a, b)  # type: ignore[arg-type]
        seen.append(out.exists())

    monkeypatch.setattr(staging.os, "rename", watched)
    staging.commit(new, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "new"
    assert all(seen), "a visitor would have found no site between two renames"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_that_fails_after_it_started_writing_leaves_the_site_and_no_staging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _site(tmp_path / "site", "the previous site")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(sitemap, "write_sitemap", broken)  # the last file written before the swap
    with pytest.raises(RuntimeError, match="disk full"):
        pipeline.build(ROOT, out, dt.date(2026, 11, 26))
    assert (out / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_large_site_built_one_language_a_process_is_the_site_one_process_builds(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From pipeline.FRESH_FROM jobs and stories, each language is built in a process started for it (its memory goes
    back to the system when it ends): the site must be the one a build in this process makes, byte for byte."""
    today = dt.date.fromisoformat(TODAY)
    monkeypatch.setattr(pipeline, "FRESH_FROM", 0)  # the sample, as if it were large
    assert pipeline.build(project, tmp_path / "fresh", today, jobs=2, cache=False) == []
    assert pipeline.build(project, tmp_path / "here", today, jobs=1, cache=False) == []
    fresh, here = files(tmp_path / "fresh"), files(tmp_path / "here")
    assert sorted(fresh) == sorted(here)
    assert [name for name in fresh if fresh[name] != here[name]] == []
