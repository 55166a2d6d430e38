"""One error style for the editors' files: a list of problems, each with file, line and a hint in Swedish."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "fel"  # stops the file from being used
WARNING = "varning"  # reported, the file is still used


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an editor's file, said in Swedish with what to write instead."""

    path: Path
    line: int
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.field}: {self.message}"


class EditorDataError(Exception):
    """An editor's file cannot be used; `problems` says where and what to write instead."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


class Collector:
    """Gathers the problems of one file, so an editor sees all of them at once, not only the first."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, field: str, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.path, line, field, message, severity))

    @property
    def has_errors(self) -> bool:
        return bool(errors(self.problems))
