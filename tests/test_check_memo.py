"""`check` with the memo (.passerelle-cache/records.pickle: what reading made of each file last time, by its
bytes) says exactly what a check that reads every file anew says, after every kind of change a project sees."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Callable

import pytest

from conftest import run
from helpers import GOOD_JOB, TODAY, write
from passerelle.pipeline import Checked, check
from passerelle.records.memo import FILE, Memo

MEMO = Path(".passerelle-cache") / FILE


def said(checked: Checked) -> list[str]:
    return [str(p) for p in checked.problems]


def assert_same_check(root: Path, day: dt.date, after: str) -> Checked:
    """A check that uses the memo (and keeps what it makes) against one that reads every file anew."""
    warm = check(root, day)
    cold = check(root, day, cache=False)
    assert said(warm) == said(cold), f"after {after}"
    assert warm.catalog.content == cold.catalog.content, f"after {after}: the records differ"
    return warm


def soon(root: Path) -> None:
    """A job posted today that closes tomorrow: two days later it is past its deadline (a warning of the day)."""
    write(
        root,
        "jobs/lumen-studio/vite.yml",
        GOOD_JOB.replace("posted: 2026-09-01", f"posted: {TODAY}").replace(
            "deadline: 2036-06-30", f"deadline: {TODAY + dt.timedelta(days=1)}"
        ),
    )


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def move(rel: str, to: str) -> Callable[[Path], None]:
    return lambda root: shutil.move(root / rel, root / to)


JOB = "jobs/lumen-studio/developpeuse-web-alternance.yml"
EMPLOYER = "content/employers/orbe-donnees.yml"

STEPS: list[tuple[str, int, list[Callable[[Path], object]]]] = [
    # (what changed, days after TODAY, the changes): each step checks the project as the previous one left it
    ("nothing: the first check, then one from the memo", 0, []),
    ("a job closing tomorrow added", 0, [soon]),
    ("two days later: the same files, other warnings", 2, []),
    ("a job broken (an unknown contract)", 2, [edit(JOB, "contract: apprenticeship", "contract: apprentice")]),
    ("the job fixed again (the bytes it had before)", 2, [edit(JOB, "contract: apprentice", "contract: apprenticeship")]),
    ("an employer removed: its jobs, unchanged, name no employer", 2, [move(EMPLOYER, "orbe.yml.bak")]),
    (
        "another employer added: the nearest names change",
        2,
        [lambda root: write(root, "content/employers/orbe.yml", (root / "orbe.yml.bak").read_text())],
    ),
    ("the employer back", 2, [lambda root: (root / "content/employers/orbe.yml").unlink(), move("orbe.yml.bak", EMPLOYER)]),
    (
        "a job copied under another name (the same bytes elsewhere)",
        2,
        [lambda root: shutil.copy(root / JOB, root / "jobs/lumen-studio/copie.yml")],
    ),
    (
        "a story's text and an editorial page changed",
        2,
        [
            edit(
                "stories/amal/fr.md",
                "---\n",
                "---\n\n",
            ),
            lambda root: write(root, "content/pages/about/en.md", "---\ntitle: About\n---\nText.\n"),
        ],
    ),
    ("a story's record broken", 2, [edit("stories/amal/story.yml", "consent:", "consent: not a date\nconsented:")]),
    (
        "a job deleted, a YAML syntax error in another",
        2,
        [
            lambda root: (root / "jobs/lumen-studio/copie.yml").unlink(),
            lambda root: write(root, "jobs/lumen-studio/vite.yml", "title: [unclosed\n"),
        ],
    ),
]


def test_a_check_from_the_memo_says_what_a_fresh_check_says(project: Path) -> None:
    for after, days, changes in STEPS:
        for change in changes:
            change(project)
        assert_same_check(project, TODAY + dt.timedelta(days=days), after)
    assert (project / MEMO).is_file()


def test_the_memo_stays_the_size_of_the_project(project: Path) -> None:
    """It does not grow with every edit: it is written again, with the files of that check only, once enough files
    were read anew (memo.REWRITE_FROM), and holds few other versions meanwhile."""
    from passerelle.records.memo import REWRITE_FROM

    def entries() -> tuple[int, int]:
        memo = Memo.open(project / ".passerelle-cache", check(project, TODAY, cache=False).site.languages)
        return len(memo.sources), len(memo.jobs)

    def files() -> tuple[int, int]:
        markdown = list(project.glob("stories/*/*.md")) + list(project.glob("content/pages/*/*.md"))
        records = list(project.glob("stories/*/story.yml")) + list(project.glob("content/employers/*.yml"))
        return len(markdown) + len(records), len(list(project.glob("jobs/*/*.yml")))

    check(project, TODAY)
    assert entries() == files()
    for n in range(12):  # one job edited at a time, as a person does: the memo may wait
        write(project, "jobs/lumen-studio/dev.yml", GOOD_JOB.replace("Web developer", f"Web developer {n}"))
        check(project, TODAY)
        assert sum(entries()) <= sum(files()) + sum(files()) // REWRITE_FROM + 1
    (project / "jobs/lumen-studio/designer-ux-stage.yml").unlink()
    for path in sorted(project.glob("jobs/*/*.yml"))[:4]:  # enough changed files: written again, as it is now
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    check(project, TODAY)
    assert entries() == files()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_memo_is_only_a_slower_check(project: Path, damage: str) -> None:
    check(project, TODAY)
    memo = project / MEMO
    data = memo.read_bytes()
    memo.write_bytes({"garbage": b"\x80\x05not a pickle", "truncated": data[: len(data) // 2], "empty": b""}[damage])
    edit(JOB, "contract: apprenticeship", "contract: apprentice")(project)
    assert_same_check(project, TODAY, f"a memo {damage}")


def test_check_no_cache_reads_and_writes_no_memo(project: Path) -> None:
    result = run(project, "check", "--no-cache", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / MEMO).exists()
    result = run(project, "check", "--today", TODAY.isoformat())
    assert result.returncode == 0 and (project / MEMO).is_file()


class _Planted:
    """What a memo that came with a project could hold: unpickling it would run code (here, make a file)."""

    def __init__(self, mark: str) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.mark), "ran"))  # type: ignore[return-value]


@pytest.mark.parametrize("signed", ["unsigned", "another user's key"])
def test_a_memo_this_user_did_not_write_is_never_unpickled(project: Path, tmp_path: Path, signed: str) -> None:
    """Unpickling runs code: a records.pickle that came with a project (a zip, a folder copied from someone) is
    ignored, its signature checked against this user's key before anything in it is read."""
    import hmac
    import pickle

    from passerelle.records import memo as memo_module

    check(project, TODAY)
    mark = tmp_path / "ran"
    body = pickle.dumps(_Planted(str(mark)))
    seal = hmac.digest(b"k" * 32, body, "sha256") if signed != "unsigned" else b"\0" * 32
    (project / MEMO).write_bytes(memo_module._MAGIC + seal + body)
    assert_same_check(project, TODAY, f"an {signed} memo")
    assert not mark.exists(), "the memo's code ran"


def test_the_memo_is_signed_with_a_key_only_this_user_reads(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    check(project, TODAY)
    key = tmp_path / "cache/passerelle/memo.key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32
    assert (project / MEMO).is_file()
    key.chmod(0o644)  # readable by others: anyone could sign a memo, so there is none
    (project / MEMO).unlink()
    check(project, TODAY)
    assert not (project / MEMO).exists()


def test_two_first_checks_at_once_keep_one_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key another check made while this one was making its own is kept (else the other's memo is lost)."""
    from passerelle.records import memo as memo_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    key = tmp_path / "cache/passerelle/memo.key"
    key.parent.mkdir(parents=True)
    key.write_bytes(b"a" * 32)
    key.chmod(0o600)
    monkeypatch.setattr(memo_module.Path, "exists", lambda self: False)  # as if made after this check looked
    assert memo_module._signing_key() == b"a" * 32
    assert [p.name for p in key.parent.iterdir()] == ["memo.key"]
