"""What the editor loads the first time it is used rather than at start-up: the one place in
the editor that imports late.

The launch (``bench/editor.py``: a fresh process to the matrix drawn, 1.6 times a bare Textual
app) pays for the screen it opens on and nothing more. Imported after what the launch imports
(``python -X importtime`` and timed imports in fresh processes, 2-core VM, median of 7), the rest
would cost:

- the other section screens: 13.5 ms (the prose screens' TextArea most of it), and 预览's
  ``rich.markdown`` 35 ms more;
- the dialogs (quit, export, a new report, a lock, a recovery copy, a file changed on disk, save
  as) and the command palette: 12 ms; the help screen 11 ms more (it reads the key tables of the
  grid, the prose editor and 校验);
- the paste planner: 35 ms (its label matcher comes with :mod:`govtui.io.importers`, that is
  every importer).

So ``lazy.QuitScreen`` imports :mod:`govtui.tui.screens.quit` when first asked for, and is an
ordinary attribute from then on. Everything else in the editor imports at the top of its module.
The names are typed for the checker below, as :mod:`textual.widgets` does for its widgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govtui.tui.commands import GovtuiCommands as GovtuiCommands
    from govtui.tui.commands import Palette as Palette
    from govtui.tui.paste import Refused as Refused
    from govtui.tui.paste import plan as plan
    from govtui.tui.paste import rows_of as rows_of
    from govtui.tui.screens.appeals import AppealsScreen as AppealsScreen
    from govtui.tui.screens.closing import ClosingScreen as ClosingScreen
    from govtui.tui.screens.conflict import ConflictScreen as ConflictScreen
    from govtui.tui.screens.export import ExportScreen as ExportScreen
    from govtui.tui.screens.findings import FindingsScreen as FindingsScreen
    from govtui.tui.screens.help import HelpScreen as HelpScreen
    from govtui.tui.screens.info import InfoScreen as InfoScreen
    from govtui.tui.screens.locked import LockedScreen as LockedScreen
    from govtui.tui.screens.new_report import NewReportScreen as NewReportScreen
    from govtui.tui.screens.overview import OverviewScreen as OverviewScreen
    from govtui.tui.screens.preview import PreviewScreen as PreviewScreen
    from govtui.tui.screens.proactive import ProactiveScreen as ProactiveScreen
    from govtui.tui.screens.quit import QuitScreen as QuitScreen
    from govtui.tui.screens.requests import RequestsScreen as RequestsScreen
    from govtui.tui.screens.restore import RestoreScreen as RestoreScreen
    from govtui.tui.screens.save_as import SaveAsScreen as SaveAsScreen
    from govtui.tui.screens.save_as import suggested_copy as suggested_copy

_SCREENS = "govtui.tui.screens"

# Each name and the module that defines it.
WHERE: dict[str, str] = {
    # the section screens (``sections.PLACES`` names them)
    "InfoScreen": f"{_SCREENS}.info",
    "OverviewScreen": f"{_SCREENS}.overview",
    "ProactiveScreen": f"{_SCREENS}.proactive",
    "RequestsScreen": f"{_SCREENS}.requests",
    "AppealsScreen": f"{_SCREENS}.appeals",
    "ClosingScreen": f"{_SCREENS}.closing",
    "FindingsScreen": f"{_SCREENS}.findings",
    "PreviewScreen": f"{_SCREENS}.preview",
    # the dialogs and the command palette
    "NewReportScreen": f"{_SCREENS}.new_report",
    "LockedScreen": f"{_SCREENS}.locked",
    "RestoreScreen": f"{_SCREENS}.restore",
    "ConflictScreen": f"{_SCREENS}.conflict",
    "SaveAsScreen": f"{_SCREENS}.save_as",
    "suggested_copy": f"{_SCREENS}.save_as",
    "ExportScreen": f"{_SCREENS}.export",
    "QuitScreen": f"{_SCREENS}.quit",
    "HelpScreen": f"{_SCREENS}.help",
    "GovtuiCommands": "govtui.tui.commands",
    "Palette": "govtui.tui.commands",
    # the paste into a grid
    "plan": "govtui.tui.paste",
    "rows_of": "govtui.tui.paste",
    "Refused": "govtui.tui.paste",
}


def __getattr__(name: str) -> Any:
    module = WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value
