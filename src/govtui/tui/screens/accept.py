"""Accepting a warning: the reason, typed in a small prompt, is stored in the report file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from govtui.rules import Finding
from govtui.tui.screens.dialog import Dialog
from govtui.tui.widgets.in_order import TextField


class AcceptScreen(Dialog[str]):
    """Returns the reason (stripped, never empty), or ``None`` when the user goes back."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "接受这条警告？接受后仍然列在校验页，但不再计数；理由随报告文件保存。",
                classes="question",
            )
            yield Static(Content(self.finding.message), classes="hint")
            yield Label("理由")
            yield TextField(
                self.finding.accepted,
                id="reason",
                placeholder="例如：2 件文件有效期届满自动失效",
                compact=True,
            )
            yield Static("", id="problem")
            yield Static("Enter 接受    Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reason = event.value.strip()
        if not reason:
            self.query_one("#problem", Static).update("请写明接受的理由。")
            return
        self.dismiss(reason)
