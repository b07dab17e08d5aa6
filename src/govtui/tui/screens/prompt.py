"""What the editor's yes/no prompts share: a centred dialog of buttons, each with its key."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

A = TypeVar("A", bound=str)


class Prompt(ModalScreen[A], Generic[A]):
    """Dismissed with the answer of the button pressed (its id) or of the key's binding
    (``answer('…')``); a button whose id is no answer gives ``DEFAULT``."""

    CSS_PATH = "dialog.tcss"
    ANSWERS: ClassVar[frozenset[str]]
    DEFAULT: ClassVar[str]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        answer = event.button.id if event.button.id in self.ANSWERS else self.DEFAULT
        self.dismiss(answer)  # type: ignore[arg-type]

    def action_answer(self, answer: A) -> None:
        self.dismiss(answer)
