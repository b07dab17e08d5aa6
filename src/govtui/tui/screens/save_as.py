"""另存为: a read-only report's way on — write it to a new file and edit that copy.

A report opens read-only when it cannot be written (no permission, a read-only share) or when
another govtui is editing it. Rather than leave the clerk only able to look, ctrl+s offers to
save a copy under a new name; the editor then edits the copy, which it now holds and keeps
safe like any report. The name is checked here (a TOML file, not one that exists, in a folder
that can be written) so that the prompt can say what is wrong before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from govtui.controls import visible
from govtui.io.document import not_writable
from govtui.tui.screens.dialog import Dialog
from govtui.tui.widgets.in_order import TextField


def suggested_copy(path: Path, writable: bool) -> Path:
    """``报告-副本.toml`` beside the report, or in the current folder when its own cannot be
    written; ``-副本2``, ``-副本3``… when the name is taken."""
    folder = path.parent if writable else Path.cwd()
    for number in range(1, 1000):
        suffix = "" if number == 1 else str(number)
        candidate = folder / f"{path.stem}-副本{suffix}.toml"
        if not os.path.lexists(candidate):
            return candidate
    return folder / f"{path.stem}-副本.toml"


def problem_with(text: str, base: Path) -> str:
    """Why ``text`` cannot name the copy, in words; empty when it can (a link that points
    nowhere is a file that exists: the copy is never written where it points)."""
    if not text.strip():
        return "请输入文件名。"
    target = base / Path(text.strip()).expanduser()
    if target.suffix.lower() != ".toml":
        return "报告文件的扩展名应为 .toml。"
    if os.path.lexists(target):
        return f"「{visible(target.name)}」已经存在，请换一个文件名。"
    reason = not_writable(target)
    return f"不能写到那里：{reason}。" if reason else ""


class SaveAsScreen(Dialog[Path]):
    """Returns the path the copy is to be written to, or ``None`` when the user goes back."""

    def __init__(self, name: str, reason: str, suggestion: Path, base: Path) -> None:
        super().__init__()
        self.name_shown = name
        self.reason = reason
        self.suggestion = suggestion
        self.base = base  # relative names are taken from here (the current folder)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(
                    f"「{self.name_shown}」是只读打开的（{self.reason}），不能保存。"
                    "可以另存为一个新文件，之后在副本上继续编辑。"
                ),
                classes="question",
            )
            yield Label("另存为")
            yield TextField(visible(str(self.suggestion)), id="target", compact=True)
            yield Static("", id="problem")
            yield Static("Enter 另存为并编辑副本    Esc 取消", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = problem_with(event.value, self.base)
        if problem:
            self.query_one("#problem", Static).update(Content(problem))
            return
        self.dismiss(self.base / Path(event.value.strip()).expanduser())
