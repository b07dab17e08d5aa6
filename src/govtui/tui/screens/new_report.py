"""A new report: asks for the agency and the year (and the file, when none was given)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.model import Report
from govtui.numbers import parse_count
from govtui.tui.session import Session


class NewReportScreen(ModalScreen[Session | None]):
    """Returns the session to edit, or ``None`` when the user leaves."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "退出")]

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        # January is when reports are written, about the year before.
        last_year = datetime.date.today().year - 1
        with Vertical(classes="dialog"):
            if self.path is None:
                yield Static("打开或新建报告", classes="question")
                yield Label("文件（已有的 .toml 报告，或要新建的文件名）")
                yield Input(id="file", placeholder="例如 报告2024.toml", compact=True)
            else:
                yield Static(
                    Content(
                        f"「{visible(str(self.path))}」不存在：新建一份空白报告，保存时写到这个文件。"
                    ),
                    classes="question",
                )
            yield Label("机关名称")
            yield Input(id="agency", placeholder="例如 云溪县市场监督管理局", compact=True)
            yield Label("报告年度")
            yield Input(str(last_year), id="year", max_length=4, compact=True)
            yield Static("", id="problem")
            yield Static("Enter 确定    Esc 退出", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index < len(inputs) - 1 and not inputs[index + 1].value.strip():
            inputs[index + 1].focus()
            return
        self.submit()

    def submit(self) -> None:
        path = self.path
        if path is None:
            name = self.query_one("#file", Input).value.strip()
            if not name:
                return self.problem("请填写文件名。", "#file")
            path = Path(name if name.lower().endswith(".toml") else f"{name}.toml")
            if path.exists():
                try:
                    self.dismiss(Session(toml_file.load(path), path))
                except LoadError as error:
                    self.problem(error.describe(), "#file")
                return None
        agency = self.query_one("#agency", Input).value.strip()
        if not agency:
            return self.problem("请填写机关名称。", "#agency")
        try:
            year = parse_count(self.query_one("#year", Input).value)
        except ValueError as error:
            return self.problem(f"报告年度：{error}", "#year")
        if not 1900 <= year <= 9999:
            return self.problem("报告年度应为四位数的年份，如 2024。", "#year")
        self.dismiss(Session(Report.blank(agency, year), path, saved=False))
        return None

    def problem(self, text: str, field: str) -> None:
        self.query_one("#problem", Static).update(Content(text))
        self.query_one(field, Input).focus()

    def action_leave(self) -> None:
        self.dismiss(None)
