"""One unit at the desk: its findings with the office's review, and the decisions on them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from govtui import controls
from govtui.desk.status import LATE_LABEL, REVIEW_LABEL, STATUS_LABEL, Reviewed
from govtui.finding import SEVERITY_LABEL
from govtui.places import place_label
from govtui.tui.desk.messages import BoardReady
from govtui.tui.desk.reason import ReasonScreen
from govtui.tui.desk.unit_actions import UnitActions

STATE_STYLE = {
    "open": "bold",
    "accepted": "$text-success",
    "dismissed": "$text-muted",
    "confirmed": "$text-warning",
    "resolved": "$text-success",
}


def describe(reviewed: Reviewed) -> Content:
    """A finding as the list shows it: state, severity, place in the form's words, message,
    and the decision's comment."""
    finding, review = reviewed.finding, reviewed.review
    severity = SEVERITY_LABEL[finding.severity]
    style = "$text-error" if finding.is_error else "$text-warning"
    text = Content.from_markup(
        "[$state]【$label】[/] [$sev_style]$severity[/] （$rule）\n  $place\n  $message",
        state=STATE_STYLE[review.state],
        label=REVIEW_LABEL[review.state],
        sev_style=style,
        severity=severity,
        rule=finding.rule,
        place=place_label(finding.place),
        message=finding.message,
    )
    if review.comment:
        who = "，".join(x for x in (review.by or "", str(review.date or "")) if x)
        extra = f"\n  意见：{review.comment}" + (f"（{who}）" if who else "")
        text = text + Content(extra)
    return text


class UnitScreen(UnitActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("d", "dismiss_finding", "忽略"),
        Binding("c", "confirm", "确认"),
        Binding("u", "take_back", "撤销"),
        Binding("a", "approve", "通过"),
        Binding("r", "send_back", "退回"),
        Binding("o", "open", "打开报告"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.unit_name = name
        self.reviewed: list[Reviewed] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="top")
        yield OptionList(id="findings")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()
        self.query_one(OptionList).focus()

    def on_board_ready(self, event: BoardReady) -> None:
        self._draw()

    def _draw(self) -> None:
        view = self.desk.state.unit(self.unit_name)
        self.reviewed = list(view.findings)
        head = f"{view.name}  {STATUS_LABEL[view.status]}"
        if view.late:
            head += f"  {LATE_LABEL}"
        head += f"  错误 {view.errors}  警告 {view.warnings}"
        lines = [head]
        if view.read is not None:
            lines.append(f"文件：{controls.visible(str(view.read.path))}")
        if view.reason:
            lines.append(view.reason)
        if view.decision is not None and view.decision.comment:
            lines.append(
                f"决定：{STATUS_LABEL.get(view.decision.decision, '')} {view.decision.comment}"
            )
        lines += view.notes
        self.query_one("#top", Static).update(Content("\n".join(lines)))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if self.reviewed:
            options.add_options([Option(describe(r)) for r in self.reviewed])
            options.highlighted = min(highlighted or 0, len(self.reviewed) - 1)
        else:
            options.add_option(Option("没有发现问题。", disabled=True))

    def current_unit(self) -> str | None:
        return self.unit_name

    def _selected(self) -> Reviewed | None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.reviewed):
            self.say("请先选中一条问题。", True)
            return None
        return self.reviewed[index]

    # ------------------------------------------------------------------ keys

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_dismiss_finding(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        ask = ReasonScreen("忽略这条问题？", chosen.finding.message, "忽略的理由", required=True)
        self.app.push_screen(ask, lambda text: self._decide_finding(chosen, "dismiss", text))

    def action_confirm(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        ask = ReasonScreen("确认需要整改？", chosen.finding.message, "整改要求", required=False)
        self.app.push_screen(ask, lambda text: self._decide_finding(chosen, "confirm", text))

    def _decide_finding(self, chosen: Reviewed, how: str, text: str | None) -> None:
        if text is None:
            return
        state = self.desk.state
        finding = chosen.finding
        if how == "dismiss":
            self.desk.decide(
                lambda: state.dismiss(self.unit_name, finding.rule, finding.place, text), self.say
            )
        else:
            self.desk.decide(
                lambda: state.confirm(self.unit_name, finding.rule, finding.place, text), self.say
            )

    def action_take_back(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        finding = chosen.finding
        self.desk.decide(
            lambda: self.desk.state.reopen(self.unit_name, finding.rule, finding.place), self.say
        )
