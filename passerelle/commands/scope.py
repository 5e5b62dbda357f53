"""Scope: who may post for whom. A pull request that touches jobs/ changes the jobs of one employer, whose
`posters` include its author, and nothing else; a maintainer may do anything.

Everything is read from git, never from the pull request's own files: the maintainers and each employer's
posters come from the base branch (a pull request cannot add its author), and every changed path counts on
both sides of a rename or a copy (moving another employer's job into one's own folder touches both folders).
Paths are read with -z, so that names git would quote (spaces, accents, newlines) are not skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from passerelle.records.messages import M, Message
from passerelle.records.yamlfile import YamlError, parse


class GitError(Exception):
    pass


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError as e:
        raise GitError(str(e)) from None
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def changed_files(root: Path, base: str) -> list[str]:
    """Every path the branch changes since it left `base`: both sides of renames and copies, deletions too."""
    fields = (
        _git(root, "diff", "--name-status", "-z", "-M", "-C", f"{base}...HEAD").decode("utf-8", "surrogateescape").split("\0")
    )
    paths: list[str] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        count = 2 if status[:1] in ("R", "C") else 1
        paths += fields[i + 1 : i + 1 + count]
        i += 1 + count
    return paths


def maintainers(root: Path, base: str) -> set[str]:
    """The logins in .github/MAINTAINERS as the base branch has it (empty when it has none)."""
    try:
        text = _git(root, "show", f"{base}:.github/MAINTAINERS").decode("utf-8", "replace")
    except GitError:
        return set()
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {line.lower() for line in lines if line}


def employers_touched(paths: list[str]) -> list[str]:
    return sorted({p.split("/")[1] for p in paths if p.startswith("jobs/") and p.count("/") >= 2})


def posters(root: Path, base: str, employer: str) -> set[str]:
    """The logins in the employer's `posters` as the base branch has them (none for a new employer)."""
    try:
        data = parse(_git(root, "show", f"{base}:content/employers/{employer}.yml").decode("utf-8", "replace")).data
    except (GitError, YamlError):
        return set()
    found = data.get("posters") if isinstance(data, dict) else None
    return {str(p).strip().lstrip("@").lower() for p in found} if isinstance(found, list) else set()


def refusals(root: Path, base: str, author: str) -> list[Message]:
    """Why `author` may not make this pull request (empty: it is in scope)."""
    changed = changed_files(root, base)
    if author.lower() in maintainers(root, base):
        return []
    jobs = [p for p in changed if p.startswith("jobs/")]
    if not jobs:
        return []
    out = []
    others = sorted(p for p in changed if not p.startswith("jobs/"))
    if others:
        out.append(
            M(
                "this pull request changes jobs and also {files}: a pull request that posts jobs changes nothing else "
                "(employer records, stories and the site are changed by the programme team).",
                files=", ".join(others[:5]),
            )
        )
    touched = employers_touched(jobs)
    if len(touched) > 1:
        out.append(
            M(
                "this pull request changes the jobs of several employers ({employers}): open one pull request per "
                "employer, or ask a maintainer.",
                employers=", ".join(touched),
            )
        )
    for employer in touched:
        if author.lower() not in posters(root, base, employer):
            out.append(
                M(
                    "{author} may not post for {employer}: only the GitHub accounts in 'posters' of "
                    "content/employers/{employer}.yml may (as it is on {base}). Ask the programme team to add you, "
                    "or send the job by e-mail from the site's Post a job page.",
                    author=author,
                    employer=employer,
                    base=base,
                )
            )
    return out


def check_scope(root: Path, base: str, author: str, lang: str = "en", fmt: str = "text") -> int:
    try:
        found = refusals(root, base, author)
    except GitError as e:
        print(f"build.py scope: git could not compare with '{base}': {e}", file=sys.stderr)
        return 2
    for message in found:
        text = message.render(lang)
        if fmt == "github":
            print(f"::error title=Passerelle scope::{text.replace('%', '%25').replace(chr(10), '%0A')}")
        print(text, file=sys.stderr)
    return 1 if found else 0
