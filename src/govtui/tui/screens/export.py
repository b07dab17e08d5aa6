"""Exporting from the editor (ctrl+r): the formats of ``govtui export``, written next to the file.

The list is :data:`govtui.io.exporters.EXPORTERS`, the one the command line offers; a format
whose optional extra is not installed is shown, greyed out, with the command that installs it.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from govtui.controls import visible
from govtui.io.exporters import EXPORTERS, Exporter
from govtui.tui.screens.dialog import Dialog


def install_hint(exporter: Exporter) -> str:
    return f"未安装可选组件：pip install 'govtui[{exporter.extra}]'"


def option(exporter: Exporter, source: Path) -> Option:
    target = visible(exporter.default_path(source).name)
    if exporter.available():
        return Option(Content.assemble(exporter.label, "  写到 ", target), id=exporter.name)
    return Option(
        Content.assemble(exporter.label, "\n  ", install_hint(exporter)),
        id=exporter.name,
        disabled=True,
    )


class ExportScreen(Dialog[str]):
    """Returns the name of the chosen format, or ``None``."""

    def __init__(self, source: Path) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(f"导出报告：写在「{visible(self.source.name)}」旁边，同名文件会被替换。"),
                classes="question",
            )
            yield OptionList(*(option(e, self.source) for e in EXPORTERS), id="formats")
            yield Static(
                "上下键选择，Enter 导出，Esc 取消。预览（F9）显示 Markdown。", classes="hint"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)
