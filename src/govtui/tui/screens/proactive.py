"""二、主动公开政府信息情况: the four small tables of 第二十条 as one grid, the fee a decimal cell."""

from govtui import form
from govtui.tui.screens.table import TableScreen


class ProactiveScreen(TableScreen):
    TABLE = form.PROACTIVE
