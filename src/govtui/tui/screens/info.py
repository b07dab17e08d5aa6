"""基本信息: agency, year, title and the preface."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label

from govtui import form
from govtui.numbers import check_year, parse_count
from govtui.tui.screens.prose import ProseScreen
from govtui.tui.widgets.in_order import YEAR, TextField


class InfoScreen(ProseScreen):
    FIELDS = ("report.preface",)

    def compose_fields(self) -> ComposeResult:
        report = self.session.report
        self._typed: dict[str | None, str] = {
            "agency": report.agency,
            "year": str(report.year),
            "title": report.title,
        }
        yield Label("机关名称", classes="field-label")
        yield TextField(report.agency, id="agency", compact=True)
        yield Label("报告年度", classes="field-label")
        yield TextField(str(report.year), id="year", max_length=4, restrict=YEAR, compact=True)
        yield Label("标题（留空则用标准标题）", classes="field-label")
        yield TextField(report.title, id="title", placeholder=report.display_title, compact=True)
        yield from super().compose_fields()

    def show_texts(self) -> None:
        report = self.session.report
        for key, value in (("agency", report.agency), ("year", str(report.year))):
            self._typed[key] = value
            self.query_one(f"#{key}", Input).value = value
        self._typed["title"] = report.title
        self.query_one("#title", Input).value = report.title
        super().show_texts()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        # An Input says "changed" when it is given its first value too: that is no edit, and
        # must not wipe what the message line says on opening.
        if self._typed.get(event.input.id) == event.value:
            return
        self._typed[event.input.id] = event.value
        value = event.value.strip()
        session = self.session
        if event.input.id == "agency":
            if not value:
                self.say("机关名称不能为空：仍使用原来的名称。", error=True)
                return
            session.set_identity(agency=value)
        elif event.input.id == "year":
            try:  # the model's own check of the year, and its words
                year = check_year(parse_count(value))
            except ValueError as error:
                self.say(f"报告年度：{error}（仍用 {session.report.year}）", error=True)
                return
            session.set_identity(year=year)
        else:
            session.set_identity(title=value)
        self.forget_notice()
        report = session.report
        self.query_one("#title", Input).placeholder = form.standard_title(
            report.agency, report.year
        )
