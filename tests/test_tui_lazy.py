"""The editor imports late in one place, ``tui/lazy.py``: what it offers is what the modules
define, and opening the editor on a report does not load what it leaves for later (the other
screens, the dialogs, the palette, the paste planner), so that the launch stays as quick."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

from govtui.tui import lazy
from govtui.tui.sections import PLACES

# What ``govtui FILE`` loads to open the editor on 三 (as ``bench/editor.py`` launches it): the
# command, the report, the app and its first screen.
LAUNCH = """
import json, sys
import govtui.cli
from govtui.io import toml_file
from govtui.tui import lazy
from govtui.tui.app import GovtuiApp
lazy.RequestsScreen
print(json.dumps(sorted(sys.modules)))
"""


def test_every_name_offered_is_the_one_its_module_defines() -> None:
    for name, module in lazy.WHERE.items():
        assert getattr(lazy, name) is getattr(importlib.import_module(module), name)


def test_every_section_screen_is_offered() -> None:
    for place in PLACES:
        assert place.screen in lazy.WHERE
        assert getattr(lazy, place.screen).__name__ == place.screen


def test_opening_the_editor_leaves_the_rest_for_later() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH], check=True, capture_output=True, text=True
    )
    loaded = set(json.loads(done.stdout))
    assert lazy.WHERE["RequestsScreen"] in loaded
    later = {m for n, m in lazy.WHERE.items() if n != "RequestsScreen"}
    assert later.isdisjoint(loaded), sorted(later & loaded)
    assert "rich.markdown" not in loaded
    assert "textual.widgets._text_area" not in loaded
