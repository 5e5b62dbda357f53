"""The pull-request workflow and its rules: workflows parse, their commands exist and pass on the sample."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

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
    commands = [line.strip() for name in ("pull-request.yml", "deploy.yml") for step in steps(name)
                for line in step.get("run", "").splitlines() if line.strip().startswith("python build.py")]
    assert any(" check " in f"{c} " for c in commands) and any(" build " in c for c in commands)
    for command in commands:
        args = shlex.split(command)[2:]
        if args[0] == "scope":
            continue  # needs a pull request: tested below
        args = [str(tmp_path / "site") if a == "site" else a for a in args]
        result = run(ROOT, *args)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


def test_a_pull_request_changes_one_employers_jobs_unless_a_maintainer_made_it(project: Path) -> None:
    (project / ".github").mkdir()
    (project / ".github" / "MAINTAINERS").write_text("# maintainers\nAlice\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    git(project, "checkout", "-qb", "one")
    (project / "jobs" / "lumen-studio" / "new.yml").write_text("x", encoding="utf-8")
    (project / "content" / "pages" / "about" / "fr.md").write_text("---\ntitle: T\n---\nx\n", encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "one employer")
    assert run(project, "scope", "--base", "main", "--author", "bob").returncode == 0
    (project / "jobs" / "orbe-donnees" / "data-engineer-cdi.yml").unlink()
    git(project, "add", "-A")
    git(project, "commit", "-qm", "two employers")
    refused = run(project, "scope", "--base", "main", "--author", "bob", "--lang", "fr")
    assert refused.returncode == 1
    assert "plusieurs entreprises (lumen-studio, orbe-donnees)" in refused.stderr
    assert run(project, "scope", "--base", "main", "--author", "alice").returncode == 0


def test_every_employer_folder_has_owners() -> None:
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    for folder in sorted((ROOT / "jobs").iterdir()):
        assert f"/jobs/{folder.name}/ " in owners, folder.name
    assert (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8").count("- [ ]") >= 5
