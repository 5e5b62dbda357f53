"""Problems: what is wrong with the content, as values that carry their file and line."""

from __future__ import annotations

from dataclasses import dataclass

from passerelle.records.messages import M, Message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, said for the person who wrote it."""

    path: str
    """Path relative to the project root, with forward slashes."""
    line: int | None
    """1-based line in that file, when known."""
    message: Message
    warning: bool = False
    """A warning is shown but stops nothing: the record is published as it is."""

    def render(self, lang: str = "en") -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'warning: ' if self.warning else ''}{self.message.render(lang)}"

    def __str__(self) -> str:
        return self.render("en")

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, str(self.message))


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build (not the warnings)."""
    return [p for p in problems if not p.warning]


def ordered(problems: list[Problem]) -> list[Problem]:
    """Each problem once, by file, line and message."""
    return sorted(set(problems), key=Problem.sort_key)


def summary(problems: list[Problem], lang: str = "en") -> str:
    files = len({p.path for p in problems})
    warnings = sum(1 for p in problems if p.warning)
    count = len(problems) - warnings
    if warnings:
        return M(
            "{count} problem(s) and {warnings} warning(s) in {files} file(s)", count=count, warnings=warnings, files=files
        ).render(lang)
    if lang == "fr":
        return M("{count} problem(s) in {files} file(s)", count=count, files=files).render("fr")
    return f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
