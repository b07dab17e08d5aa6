"""三、收到和处理政府信息公开申请情况: the matrix, with the balance line under it."""

from __future__ import annotations

from textual.app import ComposeResult

from govtui import form
from govtui.rules.balance import ROW_LABEL
from govtui.tui.screens.table import TableScreen
from govtui.tui.widgets.balance import Balance
from govtui.tui.widgets.grid import Grid


class RequestsScreen(TableScreen):
    TABLE = form.REQUESTS
    ALL_CLEAR = f"{ROW_LABEL}：每一列都平衡。"

    def compose_under_grid(self, grid: Grid) -> ComposeResult:
        yield Balance(grid, id="balance")

    def sync(self) -> None:
        self.query_one(Balance).show(self.session.balance())
        super().sync()
