"""校验: every finding of the rule engine, in the report's order; Enter jumps to its place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from govtui.rules import Finding
from govtui.rules.finding import SEVERITY_LABEL
from govtui.tui.messages import JumpTo
from govtui.tui.screens.base import SectionScreen


def describe(finding: Finding) -> Content:
    """Two lines: severity, section and place; then the message."""
    style = "$text-error" if finding.is_error else "$text-warning"
    where = " / ".join(p for p in (finding.section_heading, finding.row, finding.column) if p)
    return Content.from_markup(
        f"[{style} b]$severity[/] $where\n  $message",
        severity=SEVERITY_LABEL[finding.severity],
        where=where,
        message=finding.message,
    )


class FindingsScreen(SectionScreen):
    NAME = "findings"

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="findings")

    def sync(self) -> None:
        findings = self.session.findings
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(describe(f), id=str(i)) for i, f in enumerate(findings)])
        if findings:
            options.highlighted = min(highlighted or 0, len(findings) - 1)
        super().sync()

    def context(self) -> tuple[str, bool]:
        session = self.session
        if not session.findings:
            return "没有发现错误或警告。", False
        return (
            f"共 {session.errors} 个错误，{session.warnings} 个警告。"
            "上下键选择，Enter 跳到所在位置。",
            session.errors > 0,
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(JumpTo(self.session.findings[int(event.option_id or 0)]))
