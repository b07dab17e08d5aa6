"""Messages that more than one widget posts to its screen."""

from __future__ import annotations

from textual.message import Message

from govtui.rules import Finding


class Notice(Message):
    """Something to tell the user on the status line: a refused entry, a paste done, a save."""

    def __init__(self, text: str, *, error: bool = False) -> None:
        super().__init__()
        self.text = text
        self.error = error


class JumpTo(Message):
    """Show the place of a finding: its cell, or its prose field."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding
