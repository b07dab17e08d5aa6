"""Quitting with unsaved changes: save, discard, or go back."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from govtui.controls import visible
from govtui.tui.screens.prompt import Prompt

Answer = Literal["save", "discard", "cancel"]


class QuitScreen(Prompt[Answer]):
    ANSWERS = frozenset(["save", "discard"])
    DEFAULT = "cancel"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "answer('save')", "保存并退出"),
        Binding("d", "answer('discard')", "不保存退出"),
        Binding("escape,c", "answer('cancel')", "取消"),
    ]

    def __init__(self, file: str) -> None:
        super().__init__()
        self.file = file

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(f"「{visible(self.file)}」有未保存的修改。退出前要保存吗？"),
                classes="question",
            )
            with Horizontal(classes="buttons"):
                yield Button("保存并退出 S", id="save", variant="primary", compact=True)
                yield Button("不保存退出 D", id="discard", variant="error", compact=True)
                yield Button("取消 Esc", id="cancel", compact=True)
