"""Another govtui is editing the report: open it read-only, or leave."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from govtui.tui.screens.prompt import Prompt

Answer = Literal["read_only", "quit"]


class LockedScreen(Prompt[Answer]):
    ANSWERS = frozenset(["read_only"])
    DEFAULT = "quit"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('read_only')", "只读打开"),
        Binding("escape,q", "answer('quit')", "退出"),
    ]

    def __init__(self, file: str, holder: str, lock_file: str) -> None:
        super().__init__()
        self.file = file
        self.holder = holder
        self.lock_file = lock_file

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(
                    f"「{self.file}」正在被另一个 govtui 编辑（{self.holder}）。"
                    "两处同时修改会互相覆盖。"
                ),
                classes="question",
            )
            yield Static(
                Content(
                    "可以只读打开（只能查看，不能修改）。如果确认那个 govtui 已经不在运行"
                    f"（例如那台电脑已关机），删除锁文件 {self.lock_file} 后重新打开。"
                ),
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("只读打开 R", id="read_only", variant="primary", compact=True)
                yield Button("退出 Esc", id="quit", compact=True)
