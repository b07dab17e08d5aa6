"""One undo history for every kind of edit: cells and pastes, prose, agency/year/title, and
accepting or taking back a warning. ctrl+z takes back the last of them wherever it was made.

A step is plain data (what was there before and after); the session applies it. Typing in one
text field is one step until something else happens there or elsewhere, or the typing pauses,
so that ctrl+z takes back a sentence, not a character. Nothing here imports Textual.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from decimal import Decimal

from govtui.model import Acceptance

Value = int | Decimal

# Typing in the same field after a pause this long is a new step.
PAUSE = 1.5


@dataclass(frozen=True, slots=True)
class CellChange:
    """One input cell set to ``new``; ``old`` is what it held, for undo."""

    table: str
    row: str
    column: str
    old: Value
    new: Value


@dataclass(frozen=True, slots=True)
class Edit:
    """A typed or cleared cell, or a whole paste."""

    changes: tuple[CellChange, ...]

    def inverse(self) -> Edit:
        return Edit(tuple(CellChange(c.table, c.row, c.column, c.new, c.old) for c in self.changes))


@dataclass(frozen=True, slots=True)
class TextEdit:
    """A prose field (its key) or the agency, year or title (``agency``, ``year``, ``title``)."""

    key: str
    old: str | int
    new: str | int

    def inverse(self) -> TextEdit:
        return TextEdit(self.key, self.new, self.old)


@dataclass(frozen=True, slots=True)
class AcceptEdit:
    """The report's acceptances before and after a warning was accepted or taken back."""

    old: tuple[Acceptance, ...]
    new: tuple[Acceptance, ...]

    def inverse(self) -> AcceptEdit:
        return AcceptEdit(self.new, self.old)


Step = Edit | TextEdit | AcceptEdit


class History:
    """The steps that can be undone, and those undone that can be redone."""

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._last = 0.0  # when the last step was recorded (monotonic)
        self._sealed = True  # the next text step starts a new step

    def record(self, step: Step) -> None:
        now = time.monotonic()
        last = self._undo[-1] if self._undo else None
        if (
            isinstance(step, TextEdit)
            and isinstance(last, TextEdit)
            and last.key == step.key
            and not self._sealed
            and now - self._last < PAUSE
        ):
            self._undo[-1] = replace(last, new=step.new)
        else:
            self._undo.append(step)
        self._redo.clear()
        self._last = now
        self._sealed = not isinstance(step, TextEdit)

    def seal(self) -> None:
        """The next text step starts a step of its own (an insertion that is not typing)."""
        self._sealed = True

    def undo(self) -> Step | None:
        self._sealed = True
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return step

    def redo(self) -> Step | None:
        self._sealed = True
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._sealed = True
