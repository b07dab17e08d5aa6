"""What the desk app tells its screens while it reads the collection, and when the board is
ready; a module of its own, so that the screens and the app can both import it."""

from __future__ import annotations

from textual.message import Message

from govtui.tui.desk.units import Row


class BoardReady(Message):
    """The board was (re)built: every desk screen redraws from it."""


# The app hands it to its screens: bubbling back up, it would go round for ever.


class Progress(Message, bubble=False):
    """Reports were read: ``rows`` are the units read since the last message."""

    def __init__(self, done: int = 0, total: int = 0, rows: list[Row] | None = None) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.rows = rows or []


class Built(Message):
    """The build thread is done: the board is ready, or ``failure`` says why not."""

    def __init__(self, failure: str = "") -> None:
        super().__init__()
        self.failure = failure
