"""Problems: what is wrong with the content, as values that carry their file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, said for the person who wrote it."""

    path: str
    """Path relative to the project root, with forward slashes."""
    line: int | None
    """1-based line in that file, when known."""
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised at the edge (build, check) when content has problems; carries them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


def summary(problems: list[Problem]) -> str:
    files = len({p.path for p in problems})
    return f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
