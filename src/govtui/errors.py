"""Errors a user sees: each one names the place (file, line, key) and says what is wrong in Chinese.

They are raised by the loaders and caught by the CLI and the editor, which print them instead of
a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govtui.controls import visible


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, and where."""

    message: str
    key: str = ""  # dotted TOML key, or a place such as "三 / 1.属于国家秘密 / 自然人"
    line: int | None = None

    def describe(self, path: Path | str | None = None) -> str:
        """One line for a terminal: a file name or a key with control characters in it is
        spelled out (``\\x1b``), never sent raw (see :mod:`govtui.controls`)."""
        where = visible(str(path)) if path is not None else ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"第 {self.line} 行"
        parts = [p for p in (where, visible(self.key)) if p]
        message = visible(self.message, lines=True)
        return f"{'：'.join(parts)}：{message}" if parts else message


class GovtuiError(Exception):
    """Base of every error that is meant for the user rather than for a traceback."""


class LoadError(GovtuiError):
    """A report file could not be read; ``problems`` lists every reason found."""

    def __init__(self, path: Path | str | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        return "\n".join(p.describe(self.path) for p in self.problems)


class SaveError(GovtuiError):
    """A file could not be written; the old file, if any, is untouched."""


class ExportError(GovtuiError):
    """A report cannot be written in the chosen format; the message says why and what to do."""


class Refusals(ValueError):
    """Several refusals from one validator, each with its place inside the value it checked
    (a list index, a key), so that every one is reported with its own place, at once."""

    def __init__(self, refusals: list[tuple[tuple[int | str, ...], str]]) -> None:
        self.refusals = refusals
        super().__init__("；".join(message for _, message in refusals))
