"""What the editor's small prompts share: the dialog stylesheet, and Esc for "no answer"."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

_Answer = TypeVar("_Answer")


class Dialog(ModalScreen[_Answer | None]):
    """A prompt that answers ``_Answer``, or ``None`` when the user goes back with Esc."""

    # Absolute, so that dialogs defined elsewhere (the desk's) find it too.
    CSS_PATH = str(Path(__file__).with_name("dialog.tcss"))

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "取消")]

    def action_leave(self) -> None:
        self.dismiss(None)
