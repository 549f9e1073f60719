"""Errors raised while loading content, questionnaire and answers files.

Content and answers files are untrusted input. Every problem found in them is
reported as a :class:`ContentError` naming the file, the item, the field and
(where known) the line and column, so that an author or a counsellor can fix it
without reading a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One precise problem in one file."""

    file: str
    message: str
    item: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.item:
            parts.append(f"item {self.item!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts) + f": {self.message}"


class ContentError(Exception):
    """One or more problems in files the app reads; the message lists them all."""

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
