"""A published report given to the editor (``govtui 报告.docx``): import it into a TOML file
beside it and edit that, or open the one already there.

The editor edits govtui's own files; a Word, HTML, Markdown or text report is what was
published. The command has already read it (so a file that is no report was refused on the
terminal, like any unreadable file); this prompt says what was found and what will be written,
and writes it only when the user agrees.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from govtui.controls import visible
from govtui.errors import SaveError
from govtui.io.reading import Loaded
from govtui.tui.screens.dialog import Dialog
from govtui.tui.session import Session


def command(source: Path, target: Path) -> str:
    return visible(f"govtui import {source} -o {target}")


class ImportScreen(Dialog[Session]):
    """Returns the session of the imported (and saved) report, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "导入并打开"),
    ]

    def __init__(self, loaded: Loaded, target: Path) -> None:
        super().__init__()
        self.loaded = loaded
        self.target = target

    def compose(self) -> ComposeResult:
        source, report = self.loaded.path, self.loaded.report
        with Vertical(classes="dialog"):
            yield Static(
                Content(
                    f"「{visible(source.name)}」是已发布的报告，不是 govtui 的报告文件（.toml）。"
                    f"已读出：{report.agency} {report.year} 年。"
                ),
                classes="question",
            )
            yield Static(Content(f"导入为「{visible(str(self.target))}」并打开编辑？原文件不变。"))
            yield Static(Content(f"（在命令行：{command(source, self.target)}）"), classes="hint")
            if self.loaded.notes:
                with VerticalScroll(classes="notes"):
                    yield Static(
                        Content("\n").join(
                            [
                                Content(f"导入时的处理（{len(self.loaded.notes)} 条）："),
                                *(Content(f"  注意：{n}") for n in self.loaded.notes),
                            ]
                        )
                    )
            yield Static("", id="problem")
            yield Static("Enter 导入并打开    Esc 退出", classes="hint")

    def action_go(self) -> None:
        source = self.loaded.path
        session = Session(
            self.loaded.report,
            self.target,
            saved=False,
            notes=(
                f"已由「{visible(source.name)}」导入，保存为「{visible(self.target.name)}」。请核对数字和文字。",
            ),
        )
        try:
            session.save()
        except SaveError as error:
            self.query_one("#problem", Static).update(Content(f"{error}（Esc 退出）"))
            return
        self.dismiss(session)


class OpenImportedScreen(Dialog[Session]):
    """The report was imported before: its TOML file is beside it. Open that one?"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "打开"),
    ]

    def __init__(self, source: Path, session: Session) -> None:
        super().__init__()
        self.source = source
        self.session = session

    def compose(self) -> ComposeResult:
        target = self.session.path
        name = visible(target.name)
        with Vertical(classes="dialog"):
            yield Static(
                Content(
                    f"「{visible(self.source.name)}」是已发布的报告，不是 govtui 的报告文件（.toml）。"
                    f"它旁边已有「{name}」（可能是以前导入的）。打开「{name}」编辑？"
                ),
                classes="question",
            )
            yield Static(
                Content(
                    f"要重新导入，请在命令行写到另一个文件：{command(self.source, target.with_stem(target.stem + '-新'))}"
                ),
                classes="hint",
            )
            yield Static(Content(f"Enter 打开「{name}」    Esc 退出"), classes="hint")

    def action_go(self) -> None:
        self.dismiss(self.session)
