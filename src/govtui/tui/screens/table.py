"""A screen around one grid (二, 三, 四): the full label of the current cell (with last year's
value of it, when last year's report is known), and what the rule engine found in this table,
in plain Chinese. Accepted warnings are neither marked nor told: they have been dealt with."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content

from govtui import form
from govtui.tui.screens.base import SectionScreen
from govtui.tui.widgets.grid import Grid, place, show_value
from govtui.tui.widgets.status import StatusLine


class TableScreen(SectionScreen):
    TABLE: ClassVar[form.Table]
    ALL_CLEAR: ClassVar[str] = "本表没有发现问题。"

    @property
    def grid(self) -> Grid:
        return self.query_one(Grid)

    def compose_body(self) -> ComposeResult:
        grid = Grid(self.TABLE, self.session, id="grid")
        yield grid
        yield from self.compose_under_grid(grid)
        yield StatusLine("", id="place")

    def compose_under_grid(self, grid: Grid) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.show_place()

    def set_read_only(self, read_only: bool) -> None:
        self.grid.read_only = read_only

    def sync(self) -> None:
        grid = self.grid
        key = self.TABLE.key
        findings = self.session.open_findings
        cells = [(c.row, c.column) for f in findings for c in f.cells if c.table == key]
        columns = [
            c.column for f in findings if f.rule == "balance" for c in f.cells if c.table == key
        ]
        grid.set_marks(cells, columns)
        grid.refresh_values()
        self.show_place()
        super().sync()

    def on_grid_moved(self, event: Grid.Moved) -> None:
        event.stop()
        self.show_place()
        if event.by_key:
            self.forget_notice()
        else:
            self.show_message()

    def show_place(self) -> None:
        row, column = self.grid.current
        table = self.TABLE.key
        value = show_value(self.session.cell(table, row.key, column.key))
        where = place(row, column)
        line = self.query_one("#place", StatusLine)
        width = line.content_region.width
        if width > 0 and len(Content(f"{where}：{value}  上年：{value}").wrap(width)) > 2:
            # The longest labels fit two lines only when they may break anywhere, as Chinese
            # may: not at the blanks between the groups and the label.
            where = f"{''.join((*row.path, row.label))}/{column.label}"
        text = Content.from_markup("[b]$place[/b]：$value", place=where, value=value)
        last = self.session.last_value(table, row.key, column.key)
        if last is not None:
            text = Content.assemble(
                text, Content.styled(f"  上年：{show_value(last)}", "$text-muted")
            )
        line.show(text)

    def context(self) -> tuple[str, bool]:
        key = self.TABLE.key
        _, column = self.grid.current
        here = [f for f in self.session.open_findings if any(c.table == key for c in f.cells)]
        if not here:
            return self.ALL_CLEAR, False
        mine = [f for f in here if any(c.column == column.key for c in f.cells)]
        first = (mine or here)[0]
        return first.message, first.is_error

    def go_to(self, row: str, column: str) -> None:
        self.grid.go_to(row, column)
        self.grid.focus()
