"""Saving over a file that changed since it was opened: compare, overwrite, or go back."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from govtui.model import Report
from govtui.tui.screens.prompt import Prompt
from govtui.tui.widgets.changes import changes

Answer = Literal["overwrite", "cancel"]


class ConflictScreen(Prompt[Answer]):
    """``disk`` is the file as it is now, or why it cannot be read."""

    ANSWERS = frozenset(["overwrite"])
    DEFAULT = "cancel"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "比较"),
        Binding("o", "answer('overwrite')", "覆盖保存"),
        Binding("escape", "answer('cancel')", "取消"),
    ]

    def __init__(self, file: str, backup: str, disk: Report | str, mine: Report) -> None:
        super().__init__()
        self.file = file
        self.backup = backup
        self.disk = disk
        self.mine = mine

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(f"「{self.file}」在打开之后被别的程序或别人改过。直接保存会覆盖那个版本。"),
                classes="question",
            )
            with VerticalScroll(classes="changes", id="comparison"):
                yield Static(id="difference")
            yield Static(
                Content(
                    f"比较：列出磁盘上的版本与编辑器里的不同。覆盖保存：磁盘上的版本留作 "
                    f"{self.backup}。取消：不保存，修改仍在编辑器里。"
                ),
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("比较 C", id="compare", compact=True)
                yield Button("覆盖保存 O", id="overwrite", variant="error", compact=True)
                yield Button("取消 Esc", id="cancel", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#comparison").display = False

    def action_compare(self) -> None:
        if isinstance(self.disk, str):
            text = Content(f"磁盘上的文件现在读不出来：\n{self.disk}")
        else:
            text = changes(self.disk, self.mine, old_name="磁盘上的文件", new_name="编辑器里")
        self.query_one("#difference", Static).update(text)
        self.query_one("#comparison").display = True
        self.query_one(".dialog").add_class("tall")
        self.query_one("#comparison").focus()  # up and down scroll what differs

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "compare":
            event.prevent_default()  # not an answer: Prompt's handler would take it for one
            self.action_compare()
