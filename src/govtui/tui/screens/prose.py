"""A screen of prose fields, each a wrapping editor under its heading (一, 五 and 六)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, TextArea

from govtui import form
from govtui.rules.wording import standard_text
from govtui.tui.screens.base import SectionScreen
from govtui.tui.widgets.prose import ProseEditor


class ProseScreen(SectionScreen):
    FIELDS: ClassVar[tuple[str, ...]]
    AUTO_FOCUS = "#body Input, #body TextArea"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t",
            "standard_text",
            "插入表格数字",
            tooltip="在（一）主动公开、（二）依申请公开、（五）监督保障中插入按表格数字写成的标准表述",
        ),
    ]

    def compose_body(self) -> ComposeResult:
        # Not focusable itself: Tab goes from field to field, and the focused one scrolls in.
        with VerticalScroll(id="body", can_focus=False):
            yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        prose = self.session.report.prose
        section = ""
        for key in self.FIELDS:
            field = form.PROSE_BY_KEY[key]
            # Sub-headed fields of a section (五's （一）（二）) sit under the section heading.
            if field.section != section and field.heading and len(self.sections()) > 1:
                yield Label(form.section_of(field.section).heading, classes="section-heading")
            section = field.section
            yield ProseEditor(field, prose[key])

    def set_read_only(self, read_only: bool) -> None:
        for area in self.query(TextArea):
            area.read_only = read_only
        for field in self.query(Input):  # 基本信息's agency, year and title
            field.disabled = read_only

    def sections(self) -> set[str]:
        return {form.PROSE_BY_KEY[key].section for key in self.FIELDS}

    def editor(self, key: str) -> ProseEditor:
        return self.query_one(f"#{key.replace('.', '-')}", ProseEditor)

    def on_prose_editor_changed(self, event: ProseEditor.Changed) -> None:
        event.stop()
        self.session.set_prose(event.key, event.text)

    def sync(self) -> None:
        session = self.session
        for key in self.FIELDS:
            self.editor(key).show_findings(
                session.findings_for_field(key), session.copied_share(key)
            )
        super().sync()

    def context(self) -> tuple[str, bool]:
        findings = [f for f in self.session.open_findings if f.field in self.FIELDS]
        if not findings:
            return "", False
        return (
            f"本页有 {len(findings)} 个警告，写在各栏下方。ctrl+o 用外部编辑器编辑当前栏。",
            False,
        )

    def show_texts(self) -> None:
        prose = self.session.report.prose
        for key in self.FIELDS:
            self.editor(key).set_text(prose[key])

    def action_standard_text(self) -> None:
        """Insert at the cursor the standard sentences that state the tables' figures for the
        current field (一（一）: 二's figures; 一（二）: applications and 四; 一（五）: 四), which
        ``narrative`` agrees with; one undoable step."""
        focused = self.focused
        editor = focused.parent if focused is not None else None
        if not isinstance(editor, ProseEditor):
            self.say("请先把光标放在一个文字栏中。")
            return
        if editor.text_area.read_only:
            self.say("只读打开：不能修改。", error=True)
            return
        text = standard_text(self.session.report, editor.field.key)
        if text is None:
            self.say(
                f"「{editor.field.label}」没有按表格生成的标准表述（见（一）主动公开、（二）依申请公开、（五）监督保障）。"
            )
            return
        # One step of its own: not merged with the typing before it, nor with what follows.
        self.session.history.seal()
        editor.text_area.insert(text)
        self.call_after_refresh(self.session.history.seal)
        self.say("已按表格数字插入标准表述，可继续修改。")

    def focus_field(self, key: str) -> None:
        editor = self.editor(key)
        editor.text_area.focus()
        editor.scroll_visible(animate=False)
