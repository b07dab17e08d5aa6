"""校验: every finding of the rule engine, in the report's order; Enter jumps to its place.

A warning can be accepted here with a reason (A) and taken back (U): it stays in the list,
marked as accepted, and no longer counts. Errors cannot be accepted: they are corrected. An
acceptance whose warning is gone (corrected since) is listed at the end, so that U can drop it
rather than leave it in the file unseen.
The line above the list says which report of last year the cross-year rules compared with,
or why they did not run.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from govtui.controls import visible
from govtui.linebreak import fold
from govtui.model import Acceptance
from govtui.rules import Finding, refusal
from govtui.rules.finding import SEVERITY_LABEL, place_label
from govtui.tui.messages import JumpTo
from govtui.tui.screens.accept import AcceptScreen
from govtui.tui.screens.base import SectionScreen
from govtui.tui.session import Session

INDENT = "  "


def indented(text: str, columns: int) -> str:
    """``text`` folded where Chinese may break, every line under the indent."""
    return "\n".join(INDENT + line for line in fold(text, columns - len(INDENT)))


def describe(finding: Finding, columns: int = 76) -> Content:
    """Severity, section and place; then the message; then the reason, when accepted; the
    message and the reason folded to ``columns`` under their indent."""
    where = " / ".join(p for p in (finding.section_heading, finding.row, finding.column) if p)
    message = indented(finding.message, columns)
    if finding.accepted:
        return Content.from_markup(
            "[$text-muted b]警告（已接受）[/] $where\n[$text-muted]$message[/]\n"
            "[$text-success]$reason[/]",
            where=where,
            message=message,
            reason=indented(f"理由：{finding.accepted}", columns),
        )
    style = "$text-error" if finding.is_error else "$text-warning"
    by_profile = "（依据规则配置）" if finding.profile else ""
    return Content.from_markup(
        f"[{style} b]$severity[/] $where\n$message",
        severity=SEVERITY_LABEL[finding.severity],
        where=where,
        message=indented(finding.message + by_profile, columns),
    )


def describe_stale(acceptance: Acceptance) -> Content:
    return Content.from_markup(
        "[$text-muted b]接受记录（警告已不再出现）[/] [$rule] $where\n"
        "  [$text-muted]理由：$reason；按 U 从报告中删除这条记录[/]",
        rule=acceptance.rule,
        where=place_label(acceptance.place),
        reason=acceptance.reason,
    )


def comparison(session: Session) -> str:
    """Which report of last year the cross-year rules used, or why there was none; and the
    rule profile in force, when there is one (a planted govtui.toml must not act unseen)."""
    previous = session.previous
    profile = f"\n规则配置：{session.profile.path}" if session.profile.path else ""
    if previous.report is not None:
        line = f"跨年度校验对照上年报告：{previous.path}"
        return "；".join((line, *previous.notes)) + profile
    if previous.notes:
        return "；".join(previous.notes) + profile
    return "报告没有写明上年报告（previous），未做跨年度校验。" + profile


class FindingsScreen(SectionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "accept",
            "接受警告",
            key_display="A",
            tooltip="说明理由后接受当前警告：仍然列出，但不再计数；理由随报告保存",
        ),
        Binding("u", "unaccept", "取消接受", key_display="U", tooltip="取消接受，警告重新计数"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="last-year")
        yield OptionList(id="findings")

    def sync(self) -> None:
        findings = self.session.findings
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        # The options' own padding and the scrollbar take a few cells of the width.
        columns = max(20, options.scrollable_content_region.width - 2) if options.size else 76
        options.add_options(
            [Option(describe(f, columns), id=str(i)) for i, f in enumerate(findings)]
        )
        stale = self.session.stale_acceptances
        options.add_options(
            [Option(describe_stale(a), id=f"stale:{i}") for i, a in enumerate(stale)]
        )
        if options.option_count:
            options.highlighted = min(highlighted or 0, options.option_count - 1)
        self.query_one("#last-year", Static).update(
            Content(visible(comparison(self.session), lines=True))
        )
        super().sync()

    def on_resize(self) -> None:
        self.call_after_refresh(self.sync)  # the messages fold to the new width

    def context(self) -> tuple[str, bool]:
        session = self.session
        if not session.findings:
            if session.stale_acceptances:
                return "没有发现错误或警告。列表中的接受记录已无对应警告，按 U 删除。", False
            return "没有发现错误或警告。", False
        errors, warnings, accepted = session.counts
        also = f"（另有 {accepted} 个警告已接受）" if accepted else ""
        return (
            f"共 {errors} 个错误，{warnings} 个警告{also}。"
            "Enter 跳到所在位置；A 说明理由后接受警告，U 取消接受。",
            errors > 0,
        )

    @property
    def current(self) -> Finding | None:
        index = self.query_one(OptionList).highlighted
        findings = self.session.findings
        return findings[index] if index is not None and index < len(findings) else None

    @property
    def current_stale(self) -> Acceptance | None:
        """The highlighted acceptance whose warning is gone, if the highlight is on one."""
        index = self.query_one(OptionList).highlighted
        stale = self.session.stale_acceptances
        if index is None or index < len(self.session.findings):
            return None
        index -= len(self.session.findings)
        return stale[index] if index < len(stale) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (event.option_id or "").startswith("stale:"):
            self.say("这条警告已不再出现，没有可跳转的位置；按 U 删除这条接受记录。")
            return
        self.post_message(JumpTo(self.session.findings[int(event.option_id or 0)]))

    def action_accept(self) -> None:
        finding = self.current
        if self.session.read_only:
            self.say("只读打开：不能接受警告。", error=True)
            return
        if finding is None:
            if self.current_stale is not None:
                self.say("这是已接受过的记录，对应的警告已不再出现。")
            else:
                self.say("没有可以接受的警告。")
            return
        refused = refusal(finding.rule)
        if refused:
            self.say(f"{refused}：按 Enter 跳到所在位置。", error=True)
            return

        def accepted(reason: str | None) -> None:
            if reason is not None:
                self.session.accept(finding, reason)
                self.say(f"已接受这条警告，不再计数（ctrl+s 保存）。理由：{reason}")

        self.app.push_screen(AcceptScreen(finding), callback=accepted)

    def action_unaccept(self) -> None:
        finding = self.current
        if self.session.read_only:
            self.say("只读打开：不能修改。", error=True)
            return
        stale = self.current_stale
        if stale is not None:
            self.session.unaccept(stale)
            self.say("已删除这条接受记录（ctrl+s 保存）。")
            return
        if finding is None or not finding.accepted:
            self.say("这一条没有被接受，无需取消。")
            return
        self.session.unaccept(finding)
        self.say("已取消接受，这条警告重新计数（ctrl+s 保存）。")
