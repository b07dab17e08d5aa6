"""A new report: next year's draft from last year's report, or a blank one from agency and year
(and the file, when none was given).

The draft is the one ``govtui new FILE --from LAST`` writes (:func:`govtui.io.previous.
draft_from`): the editor offers it first when last year's file is found beside the new one
(``scjg-2025.toml`` for ``scjg-2026.toml``). The two ways are an option list rather than radio
buttons, whose ``●`` is drawn one or two cells wide depending on the terminal.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.io.previous import draft_from, last_years_file
from govtui.model import Report
from govtui.numbers import check_year, parse_count
from govtui.tui.screens.dialog import Dialog
from govtui.tui.session import Session
from govtui.tui.widgets.in_order import YEAR, TextField

FROM_LAST, BLANK = "from-last", "blank"
CHOICES = {
    FROM_LAST: "从上年报告生成本年草稿（结转、现行有效件数接续，文字待重写）",
    BLANK: "新建空白报告（所有数字为 0）",
}


def drafted_note(last: Path, report: Report) -> str:
    return (
        f"已由「{visible(last.name)}」生成{report.year}年草稿：上年结转和现行有效件数已接续，其他数字为 0；"
        "文字沿用上年，请逐节重写。ctrl+s 保存。"
    )


class NewReportScreen(Dialog[Session]):
    """Returns the session to edit, or ``None`` when the user leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "退出")]

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path
        self._suggested = last_years_file(path) if path is not None else None
        self._problem_field: str | None = None  # the field the problem shown is about

    def compose(self) -> ComposeResult:
        # January is when reports are written, about the year before.
        last_year = datetime.date.today().year - 1
        with Vertical(classes="dialog"):
            if self.path is None:
                yield Static("打开或新建报告", classes="question")
                yield Label("文件（已有的 .toml 报告，或要新建的文件名）")
                yield TextField(id="file", placeholder="例如 报告2025.toml", compact=True)
            else:
                yield Static(
                    Content(
                        f"「{visible(str(self.path))}」不存在：新建报告，保存（ctrl+s）时写到这个文件。"
                    ),
                    classes="question",
                )
            yield OptionList(
                *(Option(self._choice(mode, False), mode) for mode in CHOICES),
                id="mode",
                compact=True,
            )
            with Vertical(id=FROM_LAST, classes="choice"):
                yield Label("上年报告文件（.toml，或已发布的 .docx .pdf .html .md）")
                suggested = str(self._suggested) if self._suggested else ""
                yield TextField(
                    suggested, id="last", placeholder="例如 报告2024.toml", compact=True
                )
            with Vertical(id=BLANK, classes="choice"):
                yield Label("机关名称")
                yield TextField(id="agency", placeholder="例如 云溪县市场监督管理局", compact=True)
                yield Label("报告年度")
                yield TextField(
                    str(last_year), id="year", max_length=4, restrict=YEAR, compact=True
                )
            yield Static("", id="problem")
            yield Static("Tab 换栏，上下键选择方式，Enter 确定，Esc 退出", classes="hint")

    def on_mount(self) -> None:
        mode = FROM_LAST if self._suggested else BLANK
        self.query_one("#mode", OptionList).highlighted = 0 if self._suggested else 1
        self._show(mode)
        first = "#file" if self.path is None else f"#{mode} Input"
        self.query_one(first, Input).focus()

    @property
    def mode(self) -> str:
        return FROM_LAST if self.query_one("#mode", OptionList).highlighted == 0 else BLANK

    @staticmethod
    def _choice(mode: str, chosen: bool) -> str:
        # The mark says which way is chosen even when the list has no focus (and no colour).
        return f"{'(*)' if chosen else '( )'} {CHOICES[mode]}"

    def _show(self, mode: str) -> None:
        for choice in self.query(".choice"):
            choice.display = choice.id == mode
        options = self.query_one("#mode", OptionList)
        for other in CHOICES:
            options.replace_option_prompt(other, self._choice(other, other == mode))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show(event.option_id or BLANK)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(f"#{event.option_id} Input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A field the problem was about is being corrected: the problem goes. A file name
        typed: suggest last year's file beside it, as for a file given."""
        if self._problem_field == event.input.id:
            self._problem_field = None
            self.query_one("#problem", Static).update("")
        if event.input.id != "file":
            return
        name = event.value.strip()
        found = last_years_file(Path(name)) if name else None
        last = self.query_one("#last", Input)
        if found and (not last.value or Path(last.value) == self._suggested):
            last.value = str(found)
            self._suggested = found

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = [i for i in self.query(Input) if i.parent is not None and i.parent.display]
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
        if self.mode == FROM_LAST:
            return self._from_last(path)
        agency = self.query_one("#agency", Input).value.strip()
        if not agency:
            return self.problem("请填写机关名称。", "#agency")
        try:  # the model's own check of the year, and its words
            year = check_year(parse_count(self.query_one("#year", Input).value))
        except ValueError as error:
            return self.problem(f"报告年度：{error}", "#year")
        try:
            report = Report.blank(agency, year)
        except LoadError as error:  # the model refuses the name (a pasted control character)
            return self.problem(error.describe(), "#agency")
        self.dismiss(Session(report, path, saved=False))
        return None

    def _from_last(self, path: Path) -> None:
        name = self.query_one("#last", Input).value.strip()
        if not name:
            return self.problem("请填写上年报告文件，或选择「新建空白报告」。", "#last")
        last = Path(name)
        try:
            report = draft_from(last, path)
        except LoadError as error:
            return self.problem(error.describe(), "#last")
        self.dismiss(Session(report, path, saved=False, notes=(drafted_note(last, report),)))
        return None

    def problem(self, text: str, field: str) -> None:
        self._problem_field = field.removeprefix("#")
        self.query_one("#problem", Static).update(Content(text))
        self.query_one(field, Input).focus()
