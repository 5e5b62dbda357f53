"""Scope: a pull request that touches jobs/ changes one employer's folder only, unless a maintainer made it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .messages import M


def changed_files(root: Path, base: str) -> list[str]:
    result = subprocess.run(["git", "diff", "--name-only", f"{base}...HEAD"], cwd=root, capture_output=True,
                            text=True, check=True)
    return [line for line in result.stdout.splitlines() if line]


def maintainers(root: Path) -> set[str]:
    path = root / ".github" / "MAINTAINERS"
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line.lower() for line in lines if line}


def employers_touched(paths: list[str]) -> list[str]:
    return sorted({p.split("/")[1] for p in paths if p.startswith("jobs/") and p.count("/") >= 2})


def check_scope(root: Path, base: str, author: str, lang: str = "en") -> int:
    touched = employers_touched(changed_files(root, base))
    if len(touched) <= 1 or author.lower() in maintainers(root):
        return 0
    template = "this pull request changes the jobs of several employers ({employers}): open one pull request per employer, or ask a maintainer."
    message = M(template, employers=", ".join(touched))
    print(message.render(lang), file=sys.stderr)
    return 1
