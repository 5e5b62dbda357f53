"""The pull-request workflow and its rules: workflows parse, their commands exist and pass on the sample."""

from __future__ import annotations

import re
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


def workflows() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(WORKFLOWS.glob("*.yml"))}


def test_workflows_parse_and_pull_requests_cannot_write() -> None:
    pr = workflows()["pull-request.yml"]
    assert pr["permissions"] == {} and pr["jobs"]["check"]["permissions"] == {"contents": "read"}
    assert True in pr and "pull_request_target" not in str(pr[True])  # YAML 1.1 reads the key `on` as True
    deploy = workflows()["deploy.yml"]
    assert "schedule" in deploy[True] and "push" in deploy[True]
    assert deploy["jobs"]["deploy"]["permissions"]["pages"] == "write"
    for data in workflows().values():
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), "expressions go through env, never into a shell line"


def test_workflows_are_what_a_security_reviewer_signs() -> None:
    """Each job its own permissions (none for the workflow), actions pinned to a commit, checkouts that keep no
    credentials, and the site's requirements installed by hash."""
    installs = []
    for name, data in workflows().items():
        assert data["permissions"] == {}, name
        for job_name, job in data["jobs"].items():
            assert "permissions" in job, (name, job_name)
            for step in job.get("steps", []):
                uses = step.get("uses")
                if uses:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), (name, uses)
                if uses and uses.startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, name
                installs += [line for line in step.get("run", "").splitlines() if "pip install" in line]
    site = [line for line in installs if "requirements-dev" not in line]
    assert site and all("--require-hashes" in line and "requirements.lock" in line for line in site), site


def test_the_lock_pins_every_requirement_with_hashes() -> None:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = {canonicalize_name(m.group(1)): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M)}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    for block in blocks:
        if re.match(r"[A-Za-z0-9]", block):
            assert "--hash=sha256:" in block, block.splitlines()[0]
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            wanted = Requirement(line)
            name = canonicalize_name(wanted.name)
            assert name in pins, f"{name} is not in requirements.lock: run pip-compile (see README)"
            assert wanted.specifier.contains(pins[name], prereleases=True), (line, pins[name])
    for extra in ("pagefind-bin-extended",):  # what pagefind[extended] brings
        assert extra in pins


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    import os
    import shutil
    import sys

    zizmor = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    if not Path(zizmor).exists():
        if os.environ.get("PASSERELLE_REQUIRE_VALIDATORS"):
            pytest.fail("zizmor is missing: pip install -r requirements-dev.txt")
        pytest.skip("zizmor is not installed")
    result = subprocess.run([zizmor, "--offline", str(WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


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
