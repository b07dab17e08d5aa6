"""一、总体情况: the lead and （一）…（五）."""

from govtui import form
from govtui.tui.screens.prose import ProseScreen


class OverviewScreen(ProseScreen):
    FIELDS = tuple(f.key for f in form.PROSE_FIELDS if f.section == "一")
