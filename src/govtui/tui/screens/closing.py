"""五、存在的主要问题及改进情况 and 六、其他需要报告的事项."""

from govtui import form
from govtui.tui.screens.prose import ProseScreen


class ClosingScreen(ProseScreen):
    FIELDS = tuple(f.key for f in form.PROSE_FIELDS if f.section in ("五", "六"))
