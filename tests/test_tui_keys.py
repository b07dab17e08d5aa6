"""Copy out and keys in order, in Chinese: ctrl+c in the grid and in prose, the palette's field
in a burst and its "no matches", Esc and a digit typed at once."""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import make_app, screen_text, wait_for
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input

from govtui.tui.app import GovtuiApp
from govtui.tui.commands import NO_MATCHES
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.prose import ProseEditor

SIZE = (80, 24)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def burst(app: GovtuiApp, keys: list[tuple[str, str | None]]) -> None:
    driver = app._driver
    assert driver is not None
    for key, character in keys:
        driver.send_message(events.Key(key, character))


async def test_ctrl_c_copies_the_cell_or_the_selected_block(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        assert app.clipboard == "38"
        assert "已复制「一、本年新收政府信息公开申请数量 / 自然人」的 38" in message(app)
        await pilot.press("shift+down", "shift+right", "shift+right")
        assert app.screen.query_one(Grid).selection is not None
        await pilot.press("ctrl+c")
        assert app.clipboard == "38\t9\t0\r\n2\t1\t0\r\n"
        assert "已复制 2 行 × 3 列" in message(app)
        await pilot.press("down")  # moving without shift ends the selection
        assert app.screen.query_one(Grid).selection is None


async def test_ctrl_c_in_prose_copies_the_selection_and_never_asks_to_quit(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        area = app.screen.query_one(ProseEditor).text_area
        area.focus()
        await pilot.press("ctrl+home", "shift+right", "shift+right", "shift+right", "shift+right")
        await pilot.press("ctrl+c")
        assert app.clipboard == "2024"
        assert "已复制 4 个字符到剪贴板" in message(app)
        await pilot.press("right", "ctrl+c")  # nothing selected: Textual's quit hint, in Chinese
        assert "退出请按 ctrl+q" in message(app)
        assert "quit" not in screen_text(app).lower()
        assert app.is_running


async def test_the_palette_takes_a_burst_in_order_and_says_no_match_in_chinese(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        field = app.screen.query_one(Input)
        burst(app, [("e", "e"), ("x", "x"), ("p", "p")])
        burst(app, [("backspace", "\x7f")] * 3)
        burst(app, [("导", "导"), ("出", "出")])
        await wait_for(pilot, lambda: field.value.endswith("出"), strict=False)
        assert field.value == "导出"
        await pilot.press("ctrl+u", *"zzzq")
        await wait_for(pilot, lambda: NO_MATCHES in screen_text(app), strict=False)
        assert NO_MATCHES in screen_text(app)
        assert "No matches" not in screen_text(app)


async def test_escape_and_a_digit_at_once_are_both_keys(tmp_path: Path) -> None:
    """Over SSH, Esc and the next digit arrive as one sequence, which Textual reads as
    Option+7 (``¶``): the half-typed number is cancelled and 7 starts a new one."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.screen.query_one(Grid)
        await pilot.press("1", "2")
        burst(app, [("pilcrow_sign", "¶")])
        await wait_for(pilot, lambda: grid.buffer == "7", strict=False)
        assert grid.buffer == "7"
        await pilot.press("enter")
        assert app.session.cell("requests", "new", "natural_person") == 7
