"""The pull-request workflow and its rules: workflows parse, their commands exist and pass on the sample."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

import yaml

from conftest import ROOT, run

WORKFLOWS = ROOT / ".github" / "workflows"


def steps(name: str) -> list[dict]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_workflows_parse_and_pull_requests_cannot_write() -> None:
    pr = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    assert pr["permissions"] == {"contents": "read"}
    assert True in pr and "pull_request_target" not in str(pr[True])  # YAML 1.1 reads the key `on` as True
    deploy = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert "schedule" in deploy[True] and "push" in deploy[True]
    assert deploy["permissions"]["pages"] == "write"
    for step in steps("pull-request.yml"):
        assert "${{" not in step.get("run", ""), "expressions go through env, never into a shell line"


def test_build_py_commands_of_the_workflows_pass_on_the_sample(tmp_path: Path) -> None:
    commands = [
        line.strip()
        for name in ("pull-request.yml", "deploy.yml")
        for step in steps(name)
        for line in step.get("run", "").splitlines()
        if line.strip().startswith("python build.py")
    ]
    assert any(" check " in f"{c} " for c in commands) and any(" build " in c for c in commands)
    for command in commands:
        args = shlex.split(command)[2:]
        if args[0] == "scope":
            continue  # needs a pull request: tested below
        args = [str(tmp_path / "site") if a == "site" else a for a in args]
        result = run(ROOT, *args)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )


JOB = (
    "title: Poste\ncontract: permanent\nlocation:\n  city: Lyon\n  country: FR\nposted: 2026-11-01\n"
    "deadline: 2036-01-01\napply: https://example.org/apply\ndescription: Texte.\n"
)


@pytest.fixture
def repo(project: Path) -> Path:
    """A repository whose main branch says: alice maintains; bob posts for Lumen Studio, carol for Orbe Données."""
    (project / ".github").mkdir()
    (project / ".github" / "MAINTAINERS").write_text("# maintainers\nAlice\n", encoding="utf-8")
    for employer, login in (("lumen-studio", "bob"), ("orbe-donnees", "@Carol")):
        path = project / "content" / "employers" / f"{employer}.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"posters:\n  - {login}\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    return project


def pull_request(repo: Path, name: str, change) -> None:  # noqa: ANN001
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", name)
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", name)


def scope(repo: Path, author: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(repo, "scope", "--base", "main", "--author", author, *extra)


ORBE_JOB = "jobs/orbe-donnees/data-engineer-cdi.yml"


@pytest.mark.parametrize(
    ("name", "change", "author", "allowed"),
    [
        ("new-job", lambda r: (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"), "bob", True),
        ("edit", lambda r: (r / "jobs/lumen-studio/designer-ux-stage.yml").write_text(JOB, encoding="utf-8"), "Bob", True),
        ("poster-of-another", lambda r: (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"), "carol", False),
        ("not-a-poster", lambda r: (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"), "mallory", False),
        ("rename-between-employers", lambda r: git(r, "mv", ORBE_JOB, "jobs/lumen-studio/moved.yml"), "bob", False),
        ("delete-anothers", lambda r: (r / ORBE_JOB).unlink(), "bob", False),
        (
            "job-and-a-page",
            lambda r: (
                (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"),
                (r / "content/pages/about/fr.md").write_text("---\ntitle: T\n---\nx\n", encoding="utf-8"),
            ),
            "bob",
            False,
        ),
        (
            "adds-herself-as-poster",
            lambda r: (
                (r / "content/employers/orbe-donnees.yml").write_text(
                    (r / "content/employers/orbe-donnees.yml").read_text(encoding="utf-8") + "  - mallory\n", encoding="utf-8"
                ),
                (r / "jobs/orbe-donnees/new.yml").write_text(JOB, encoding="utf-8"),
            ),
            "mallory",
            False,
        ),
        (
            "first-job-of-a-new-employer",
            lambda r: (
                (r / "content/employers/newco.yml").write_text(
                    "name: Newco\nwebsite: https://newco.example.org\nposters: [dave]\n", encoding="utf-8"
                ),
                (r / "jobs/newco").mkdir(),
                (r / "jobs/newco/dev.yml").write_text(JOB, encoding="utf-8"),
            ),
            "dave",
            False,
        ),
        (
            "maintainer-does-anything",
            lambda r: (
                (r / ORBE_JOB).unlink(),
                (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"),
                (r / "content/pages/about/fr.md").write_text("---\ntitle: T\n---\nx\n", encoding="utf-8"),
            ),
            "alice",
            True,
        ),
    ],
)
def test_who_may_post_for_whom(repo: Path, name: str, change, author: str, allowed: bool) -> None:  # noqa: ANN001
    pull_request(repo, name, change)
    result = scope(repo, author, "--format", "github", "--lang", "fr")
    assert result.returncode == (0 if allowed else 1), (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    if not allowed:
        assert result.stdout.startswith("::error title=Passerelle scope::")


def test_scope_messages_say_who_and_what(repo: Path) -> None:
    pull_request(
        repo, "two", lambda r: ((r / ORBE_JOB).unlink(), (r / "jobs/lumen-studio/new.yml").write_text(JOB, encoding="utf-8"))
    )
    refused = scope(repo, "bob", "--lang", "fr")
    assert "plusieurs entreprises (lumen-studio, orbe-donnees)" in refused.stderr
    assert "bob ne peut pas publier pour orbe-donnees : seuls les comptes GitHub listés dans « posters »" in refused.stderr
    assert "lumen-studio" not in refused.stderr.split("ne peut pas publier pour")[1].split(":")[0]


def test_every_employer_folder_has_owners() -> None:
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    for folder in sorted((ROOT / "jobs").iterdir()):
        assert f"/jobs/{folder.name}/ " in owners, folder.name
    assert (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8").count("- [ ]") >= 5
