"""One table of screens and keys: the app's bindings, the section bar, the palette and the help
screen all say what ``sections.PLACES`` and ``sections.COMMANDS`` say, and the help lists the
grid's, the prose editor's and 校验's own bindings."""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import make_app, screen_text, wait_for
from textual.binding import Binding

from govtui.tui.app import GovtuiApp
from govtui.tui.commands import commands
from govtui.tui.screens.findings import FindingsScreen
from govtui.tui.screens.help import HelpScreen, help_text
from govtui.tui.screens.prose import ProseScreen
from govtui.tui.sections import COMMANDS, PLACES, keys_shown
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.prose import ProseEditor


def test_the_bindings_palette_and_help_come_from_the_tables() -> None:
    bound = {
        key.strip(): b.action
        for b in GovtuiApp.BINDINGS
        if isinstance(b, Binding)
        for key in b.key.split(",")
    }
    offered = {action: help_ for _, action, help_ in commands()}
    text = help_text()
    for place in PLACES:
        assert bound[place.key] == f"show('{place.name}')"
        assert f"show('{place.name}')" in offered
        assert f"{place.key.upper()} | {place.heading}" in text
    for command in COMMANDS:
        for key in command.keys.split(","):
            assert bound[key] == command.action
        assert f"{keys_shown(command.keys)} | {command.help}" in text
        if command.action != "command_palette":
            assert offered[command.action].startswith(keys_shown(command.keys))
    for widget_bindings in (
        Grid.BINDINGS,
        ProseEditor.BINDINGS,
        ProseScreen.BINDINGS,
        FindingsScreen.BINDINGS,
    ):
        for binding in widget_bindings:
            assert isinstance(binding, Binding)
            what = binding.tooltip or binding.description
            assert what in text, binding
    assert "@" not in text  # every table was put in


async def test_every_place_is_a_screen_of_that_name_with_its_tab_marked(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for place in PLACES:
            await pilot.press(place.key)
            await wait_for(pilot, lambda p=place: app.screen.name == p.name)  # type: ignore[misc]
            assert place.heading in screen_text(app)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        # F1 says how to paste from the clipboard in a terminal (ctrl+v cannot over SSH).
        assert all(k in help_text() for k in ("Ctrl+Shift+V", "Shift+Insert", "右键"))
        assert "govtui 按键说明" in screen_text(app)
