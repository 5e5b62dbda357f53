"""Scope: a pull request that touches jobs/ changes one employer's folder only, unless a maintainer made it.

Everything is read from git, never from the pull request's own files: the maintainers come from the base
branch (a pull request cannot add its author), and every changed path counts on both sides of a rename or a
copy (moving another employer's job into one's own folder touches both folders). Paths are read with -z, so
that names git would quote (spaces, accents, newlines) are not skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .messages import M


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
    fields = _git(root, "diff", "--name-status", "-z", "-M", "-C", f"{base}...HEAD").decode("utf-8", "surrogateescape").split("\0")
    paths: list[str] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        count = 2 if status[:1] in ("R", "C") else 1
        paths += fields[i + 1:i + 1 + count]
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


def check_scope(root: Path, base: str, author: str, lang: str = "en") -> int:
    try:
        touched = employers_touched(changed_files(root, base))
        allowed = maintainers(root, base)
    except GitError as e:
        print(f"build.py scope: git could not compare with '{base}': {e}", file=sys.stderr)
        return 2
    if len(touched) <= 1 or author.lower() in allowed:
        return 0
    template = "this pull request changes the jobs of several employers ({employers}): open one pull request per employer, or ask a maintainer."
    message = M(template, employers=", ".join(touched))
    print(message.render(lang), file=sys.stderr)
    return 1
