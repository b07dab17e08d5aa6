"""The desk's main screen: the table of units, the counts per status, the current unit."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Footer, Static

from govtui import controls
from govtui.desk.status import LATE_LABEL
from govtui.errors import LoadError
from govtui.io.roster import Collection
from govtui.tui.desk.messages import BoardReady, Progress
from govtui.tui.desk.unit_actions import UnitActions
from govtui.tui.desk.unit_screen import UnitScreen
from govtui.tui.desk.units import STATUS_TEXT, UnitsTable, row_of, waiting_rows


class DeskScreen(UnitActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open", "打开报告"),
        Binding("a", "approve", "通过"),
        Binding("r", "send_back", "退回"),
        Binding("u", "take_back", "撤销"),
        Binding("t", "summary", "汇总"),
        Binding("x", "export", "导出"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.collection: Collection | None = None  # known once the roster is read
        self.reading = ""  # how far the reading is, while it goes on

    @property
    def table(self) -> UnitsTable:
        return self.query_one(UnitsTable)

    def compose(self) -> ComposeResult:
        yield Static("收报台：正在读取名单...", id="top")
        yield UnitsTable(id="units")
        yield Static("", id="unit")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        if self.desk.board is None:
            self._list_roster()
        self.desk.rebuild()

    # ------------------------------------------------------------------ drawing

    def _list_roster(self) -> None:
        """The roster's units at once, each being read, while the reports are read."""
        try:
            roster = self.desk.state.listed()
        except LoadError:
            return  # the build says why
        self.collection = roster.collection
        self.table.show(waiting_rows(roster))
        self._top()

    def on_progress(self, event: Progress) -> None:
        """Units read since the last message, filled in; the counts follow."""
        if event.rows:
            self.table.fill(event.rows)
        self.reading = f"正在读取 {event.done}/{event.total}  " if event.total else ""
        self._top()

    def on_board_ready(self, event: BoardReady) -> None:
        board = self.desk.board
        if board is None:
            return
        state = self.desk.state
        self.collection = board.roster.collection
        self.reading = ""
        self.table.show([row_of(u, u.name in state.changed) for u in board.units])
        self._top()

    def _top(self) -> None:
        """The collection, and how many units are in each status (as the table has them)."""
        collection = self.collection
        if collection is None:
            return
        board = self.desk.board
        rows = self.table.all_rows
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        late = sum(1 for r in rows if r.late)
        parts = [f"{label} {counts[k]}" for k, label in STATUS_TEXT.items() if counts.get(k)]
        if late:
            parts.append(f"{LATE_LABEL} {late}")
        year = board.year if board is not None else collection.year
        as_of = board.as_of if board is not None else self.desk.state.today
        title = f"{collection.agency or '收报台'} {year or ''}年 截至{as_of}"
        self.query_one("#top", Static).update(
            Content(f"{title}  {self.reading}共 {len(rows)} 个单位：" + "  ".join(parts))
        )

    def on_units_table_moved(self, event: UnitsTable.Moved) -> None:
        event.stop()
        row = self.table.current
        board = self.desk.board
        if row is None or board is None:
            self.query_one("#unit", Static).update(Content(self.table.order))
            return
        view = self.desk.state.unit(row.name)
        file = controls.visible(view.read.path.name) if view.read else "（没有报告文件）"
        detail = f"{row.name}  {STATUS_TEXT[row.status]}  {file}"
        if view.reason:
            detail += f"  {view.reason}"
        if row.changed:
            detail += "  *文件在上次显示后有改动"
        self.query_one("#unit", Static).update(Content(f"{detail}\n{self.table.order}"))

    # ------------------------------------------------------------------ keys

    def on_units_table_chosen(self, event: UnitsTable.Chosen) -> None:
        event.stop()
        if self.current_unit() is None:
            return
        self.desk.state.seen_now(event.name)
        self.app.push_screen(UnitScreen(event.name))

    def current_unit(self) -> str | None:
        if self.desk.board is None:
            self.say("各单位的报告还在读取中，请稍候。", True)
            return None
        row = self.table.current
        if row is None:
            self.say("没有选中的单位。", True)
        return row.name if row else None

    def action_take_back(self) -> None:
        name = self.current_unit()
        if name is not None:
            self.desk.decide(lambda: self.desk.state.reopen(name), self.say)

    def action_summary(self) -> None:
        if self.desk.board is None:
            self.say("名单还在读取中。", True)
            return
        # The summary brings the matrix grid and the charts: 5–11 ms of the launch otherwise.
        from govtui.tui.desk.summary import SummaryScreen  # noqa: PLC0415

        self.app.push_screen(SummaryScreen())

    def action_export(self) -> None:
        if self.desk.board is None:
            self.say("名单还在读取中。", True)
            return
        # The export screen brings every output's writer: 4–13 ms of the launch otherwise.
        from govtui.tui.desk.export import ExportScreen  # noqa: PLC0415

        self.app.push_screen(ExportScreen(), self._exported)

    def _exported(self, text: str | None) -> None:
        if text:
            self.say(text, text.startswith("未能"))
