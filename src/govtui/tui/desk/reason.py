"""The desk's small prompt: a reason, a requirement or a comment for a decision."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from govtui.tui.screens.dialog import Dialog
from govtui.tui.widgets.in_order import TextField


class ReasonScreen(Dialog[str]):
    """Returns the text typed (stripped; empty only when ``required`` is false), or ``None``
    when the user goes back with Esc."""

    def __init__(self, question: str, detail: str, label: str, *, required: bool) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.label = label
        self.required = required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="question")
            if self.detail:
                yield Static(Content(self.detail), classes="hint")
            yield Label(self.label + ("" if self.required else "（可不填）"))
            yield TextField("", id="reason", compact=True)
            yield Static("", id="problem")
            yield Static("Enter 确定    Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if self.required and not text:
            self.query_one("#problem", Static).update(f"请写明{self.label}。")
            return
        self.dismiss(text)
