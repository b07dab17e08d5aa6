"""Moving around the editor: every screen, 校验 and its jumps, 预览, help, the palette, small
windows. One app on the broken sample serves the module; these tests change nothing in it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from tests.tui_helpers import BROKEN, make_app, screen_text, wait_for
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from govtui.tui.app import GovtuiApp
from govtui.tui.commands import commands
from govtui.tui.screens.help import HelpScreen
from govtui.tui.screens.preview import PreviewScreen
from govtui.tui.screens.requests import RequestsScreen
from govtui.tui.sections import PLACES

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def pilot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Pilot[None]]:
    app = make_app(tmp_path_factory.mktemp("screens"), BROKEN, start="info")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        yield pilot


def session_of(pilot: Pilot[None]) -> GovtuiApp:
    assert isinstance(pilot.app, GovtuiApp)
    return pilot.app


async def test_every_screen_is_one_key_away_under_its_heading(pilot: Pilot) -> None:
    for place in [*PLACES, PLACES[0]]:
        await pilot.press(place.key)
        assert pilot.app.screen.name == place.name
        text = screen_text(pilot.app)
        assert place.heading in text
        assert "错误 3  警告 3" in text  # the counts, on every screen


async def test_the_findings_list_every_problem_and_enter_jumps_to_it(pilot: Pilot) -> None:
    await pilot.press("f8")
    options = pilot.app.screen.query_one(OptionList)
    assert options.option_count == 6  # 3 narrative warnings (section 一) before 3 errors (三)
    text = screen_text(pilot.app)
    assert "「自然人」列不平衡" in text and "「法律服务机构」列不平衡" in text
    await pilot.press("down", "down", "down", "down", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RequestsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, RequestsScreen)
    row, column = screen.grid.current
    assert (row.key, column.key) == ("new", "legal_services")
    assert "「法律服务机构」列不平衡" in str(screen.query_one("#message").render())


async def test_preview_shows_the_report_as_exported(pilot: Pilot) -> None:
    await pilot.press("f9")
    app = session_of(pilot)
    screen = app.screen
    assert isinstance(screen, PreviewScreen)
    assert screen.source == app.session.markdown()
    await pilot.pause()
    text = screen_text(app)
    assert app.session.report.display_title in text
    assert "一、总体情况" in text


async def test_help_opens_from_anywhere_even_the_grid(pilot: Pilot) -> None:
    await pilot.press("f5", "question_mark")
    assert isinstance(pilot.app.screen, HelpScreen)
    assert "按键说明" in screen_text(pilot.app)
    assert session_of(pilot).session.dirty is False  # "?" was not typed into a cell
    await pilot.press("escape")
    assert isinstance(pilot.app.screen, RequestsScreen)
    await pilot.press("f1")
    assert isinstance(pilot.app.screen, HelpScreen)
    await pilot.press("f1")
    assert isinstance(pilot.app.screen, RequestsScreen)


async def test_the_palette_offers_every_screen_and_every_action(pilot: Pilot) -> None:
    actions = {action for _, action, _ in commands()}
    assert {f"show('{p.name}')" for p in PLACES} <= actions
    assert {"save", "export", "undo", "redo", "help", "quit"} <= actions
    for binding_action in ("save", "export", "undo", "redo", "help", "quit"):
        assert hasattr(pilot.app, f"action_{binding_action}")
    await pilot.press("ctrl+p")
    await pilot.press(*"预览")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)

    def offers_preview() -> bool:
        hits = palette.query_one(CommandList)
        return hits.option_count == 1 and "预览" in str(hits.get_option_at_index(0).prompt)

    await wait_for(pilot, offers_preview)
    await pilot.press("down", "enter")
    await wait_for(pilot, lambda: pilot.app.screen.name == "preview")


async def test_a_small_window_says_so_instead_of_drawing_garbage(pilot: Pilot) -> None:
    await pilot.press("f5")
    await pilot.resize_terminal(70, 24)
    text = screen_text(pilot.app)
    assert "窗口太小" in text and "80 列 × 24 行" in text
    assert "一、本年新收" not in text
    await pilot.resize_terminal(80, 20)
    assert "窗口太小" in screen_text(pilot.app)
    await pilot.resize_terminal(80, 24)
    text = screen_text(pilot.app)
    assert "窗口太小" not in text and "一、本年新收" in text
