"""A recovery copy was found: restore its edits, discard them, or leave everything as it is."""

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

Answer = Literal["restore", "discard", "quit"]


class RestoreScreen(Prompt[Answer]):
    ANSWERS = frozenset(["restore", "discard"])
    DEFAULT = "quit"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('restore')", "恢复"),
        Binding("d", "answer('discard')", "丢弃"),
        Binding("escape,q", "answer('quit')", "退出"),
    ]

    def __init__(
        self, file: str, written: str, saved: Report, recovered: Report, *, new: bool = False
    ) -> None:
        super().__init__()
        self.file = file
        self.new = new  # a report never saved: the copy is compared with a blank one
        self.written = written
        self.saved = saved
        self.recovered = recovered

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Static(
                Content(
                    f"「{self.file}」上次编辑时没有保存就中断了（程序被终止、终端断开或出错），"
                    f"留下了恢复副本（{self.written}）。要恢复这些修改吗？"
                ),
                classes="question",
            )
            with VerticalScroll(classes="changes"):
                yield Static(
                    changes(
                        self.saved,
                        self.recovered,
                        old_name="空白报告" if self.new else "文件",
                        new_name="恢复副本",
                    )
                )
            yield Static(
                "上下键、PageUp/PageDown 查看全部不同。恢复：修改回到编辑器里，保存后才写入文件。"
                "丢弃：删除恢复副本。退出：什么都不动，下次再决定。",
                classes="hint",
            )
            with Horizontal(classes="buttons"):
                yield Button("恢复 R", id="restore", variant="primary", compact=True)
                yield Button("丢弃 D", id="discard", variant="error", compact=True)
                yield Button("退出 Esc", id="quit", compact=True)
