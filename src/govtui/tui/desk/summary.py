"""The desk's summary: the sum of the counted units in the three official tables (drawn by the
editor's own grid, read-only), the indicators with last year's, and charts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from govtui import form
from govtui.desk import indicators
from govtui.desk.board import Board
from govtui.desk.status import STATUS_LABEL
from govtui.desk.summing import PROVISIONAL, summed
from govtui.model import Report
from govtui.tui.desk.charts import bars, stacked
from govtui.tui.desk.messages import BoardReady
from govtui.tui.widgets.grid import Grid, Value

if TYPE_CHECKING:
    from govtui.tui.desk.app import DeskApp

STATUS_STYLE = {
    "missing": "$text-muted",
    "overdue": "$text-error",
    "unreadable": "$text-accent",
    "errors": "$text-error",
    "warnings": "$text-warning",
    "clean": "$text-success",
    "returned": "$text-warning",
    "approved": "$text-primary",
}
OUTCOME_STYLE = (
    "$text-success",
    "$success-muted",
    "$text-error",
    "$text-warning",
    "$text-accent",
    "$text-muted",
)
PANES = ("proactive", "requests", "appeals", "charts")


def last_years_sum(board: Board) -> indicators.Values:
    """The indicators of last year's reports of the units counted now, when every one of them
    has last year's report (a partial sum would make every change look like a fall)."""
    counts = [u.read.outcome.previous_counts for u in board.counted if u.read is not None]
    if not counts or not all(counts):
        return {}
    return indicators.of_counts(tuple(map(sum, zip(*counts, strict=True))))


class SumStore:
    """The summed report, for the editor's grid; nothing here can be typed into."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def cell(self, table: str, row: str, column: str) -> Value:
        if form.TABLE_BY_KEY[table].row(row).kind == "decimal":
            return self.report.fees
        return self.report.value(table, row, column)

    def write(self, cells: Iterable[tuple[str, str, str, Value]]) -> object:
        return None


class SumGrid(Grid):
    """The editor's grid, showing the sum: nothing to confirm, so Enter is not offered."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "commit", show=False)]


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回"),
        Binding("1", "pane('proactive')", "二"),
        Binding("2", "pane('requests')", "三"),
        Binding("3", "pane('appeals')", "四"),
        Binding("4", "pane('charts')", "指标与图表"),
    ]

    @property
    def desk(self) -> DeskApp:
        return cast("DeskApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("", id="top")
        board = self.desk.board
        assert board is not None
        self.store = SumStore(summed(board))
        with ContentSwitcher(initial="requests", id="panes"):
            for table in form.TABLES:
                grid = SumGrid(table, self.store, id=table.key)
                grid.read_only = True
                yield grid
            with VerticalScroll(id="charts"):
                yield Static("", id="chart-body")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()
        self.query_one("#requests", Grid).focus()

    def on_board_ready(self, event: BoardReady) -> None:
        board = self.desk.board
        if board is not None:
            self.store.report = summed(board)
        self._draw()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_pane(self, name: str) -> None:
        self.query_one(ContentSwitcher).current = name
        widget = self.query_one(f"#{name}")
        widget.focus()
        self._draw()

    def _draw(self) -> None:
        board = self.desk.board
        assert board is not None
        counted = board.counted
        pane = self.query_one(ContentSwitcher).current
        table = form.TABLE_BY_KEY.get(pane or "")
        where = form.section_of(table.section).heading if table else "指标与图表"
        lines = [f"{where}（汇总：计入 {len(counted)} 个单位，共 {len(board.units)} 个）"]
        if board.provisional:
            names = "、".join(u.name for u in board.provisional)
            lines.append(f"暂定：{PROVISIONAL}（{names}）")
        self.query_one("#top", Static).update(Content("\n".join(lines)))
        for grid in self.query(Grid):
            grid.refresh_values()
        self.query_one("#chart-body", Static).update(self._charts())

    def _charts(self) -> Content:
        board = self.desk.board
        assert board is not None
        width = max(40, self.size.width - 4)
        total = indicators.of_counts(board.sum_counts()) if board.counted else {}
        last = last_years_sum(board)
        lines: list[Content] = [
            Content.styled("指标（汇总）  本年 / 上年（同一批单位）  变化", "bold")
        ]
        for indicator in indicators.INDICATORS:
            key = indicator.key
            now, before = total.get(key), last.get(key)
            change = indicators.show_change(key, indicators.change(key, now, before))
            lines.append(
                Content(
                    f"  {indicator.label}：{indicators.show(key, now)} / "
                    f"{indicators.show(key, before)}  {change}"
                )
            )
        lines.append(Content(""))
        lines.append(Content.styled("各状态单位数", "bold"))
        counts = dict.fromkeys(STATUS_LABEL, 0)
        for unit in board.units:
            counts[unit.status] += 1
        lines.append(
            bars(
                [
                    (STATUS_LABEL[k], float(n), f"{n} 个", STATUS_STYLE[k])
                    for k, n in counts.items()
                ],
                width,
            )
        )
        lines.append(Content(""))
        lines.append(Content.styled("本年新收（件）", "bold"))
        received = [
            (
                u.name,
                float(u.indicators.get("received") or 0),
                str(u.indicators.get("received") or 0),
                "$primary",
            )
            for u in board.counted
        ]
        lines.append(bars(received, width))
        lines.append(Content(""))
        lines.append(Content.styled("办理结果构成", "bold"))
        mix = [
            (u.name, tuple(indicators.outcomes(u.read.outcome.counts).values()))
            for u in board.counted
            if u.read is not None
        ]
        legend = [
            (name, style)
            for (_, name), style in zip(indicators.OUTCOMES, OUTCOME_STYLE, strict=True)
        ]
        lines.append(stacked(mix, legend, width))
        lines.append(Content(""))
        lines.append(Content.styled("实质公开率：本年 / 上年", "bold"))
        for unit in board.counted:
            rate = unit.indicators.get("disclosure_rate")
            before = unit.previous_indicators.get("disclosure_rate")
            change = indicators.show_change(
                "disclosure_rate", indicators.change("disclosure_rate", rate, before)
            )
            lines.append(
                Content(
                    f"  {unit.name}：{indicators.show('disclosure_rate', rate)}"
                    f" / {indicators.show('disclosure_rate', before)}  {change}"
                )
            )
        return Content("\n").join(lines)
