"""四、政府信息公开行政复议、行政诉讼情况: 3 × 5, each 总计 computed."""

from govtui import form
from govtui.tui.screens.table import TableScreen


class AppealsScreen(TableScreen):
    TABLE = form.APPEALS
