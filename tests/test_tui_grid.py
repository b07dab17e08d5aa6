"""The grid, driven by keys as a clerk drives it: every key, refusals, paste, undo, bursts.

One app serves the whole module (starting one costs more than most tests); each test begins
from the sample as loaded, by undoing everything the previous test did.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
import pytest_asyncio
from tests.tui_helpers import make_app, screen_text, wait_for
from textual import events
from textual.pilot import Pilot

from govtui import form
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.proactive import ProactiveScreen
from govtui.tui.screens.requests import RequestsScreen
from govtui.tui.widgets.balance import Balance
from govtui.tui.widgets.grid import Grid

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Pilot[None]]:
    app = make_app(tmp_path_factory.mktemp("grid"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        yield pilot


@pytest_asyncio.fixture(loop_scope="module")
async def pilot(running: Pilot[None]) -> Pilot[None]:
    """The app on 三, cursor on the first cell, nothing typed, the sample as loaded."""
    app = running.app
    assert isinstance(app, GovtuiApp)
    while app.session.undo():
        pass
    await app.action_show("requests")
    screen = app.screen
    assert isinstance(screen, RequestsScreen)
    screen.grid.cancel()
    screen.go_to("new", "natural_person")
    screen.forget_notice()
    app.session.dirty = False
    await running.pause()
    return running


def grid_of(pilot: Pilot[None]) -> Grid:
    return pilot.app.screen.query_one(Grid)


def cell(pilot: Pilot[None], row: str, column: str, table: str = "requests") -> object:
    app = pilot.app
    assert isinstance(app, GovtuiApp)
    return app.session.cell(table, row, column)


def at(pilot: Pilot[None]) -> tuple[str, str]:
    row, column = grid_of(pilot).current
    return row.key, column.key


def message(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#message").render())


# --------------------------------------------------------------------------- typing


async def test_a_digit_starts_overwriting_and_enter_commits_and_moves_down(pilot: Pilot) -> None:
    assert cell(pilot, "new", "natural_person") == 38
    await pilot.press("4")
    assert grid_of(pilot).buffer == "4"
    assert cell(pilot, "new", "natural_person") == 38  # not yet committed
    await pilot.press("2", "enter")
    assert cell(pilot, "new", "natural_person") == 42
    assert at(pilot) == ("carried_over", "natural_person")
    assert "*未保存" in screen_text(pilot.app)


async def test_escape_cancels_what_was_typed(pilot: Pilot) -> None:
    await pilot.press("9", "9", "escape")
    assert grid_of(pilot).buffer is None
    assert cell(pilot, "new", "natural_person") == 38
    assert at(pilot) == ("new", "natural_person")


async def test_full_width_digits_from_an_ime_are_numbers(pilot: Pilot) -> None:
    await pilot.press("１", "２", "enter")
    assert cell(pilot, "new", "natural_person") == 12


async def test_backspace_deletes_a_typed_character_then_clears_the_cell(pilot: Pilot) -> None:
    await pilot.press("1", "2", "3", "backspace", "enter")
    assert cell(pilot, "new", "natural_person") == 12
    await pilot.press("up", "backspace")
    assert cell(pilot, "new", "natural_person") == 0
    assert at(pilot) == ("new", "natural_person")


async def test_delete_clears_the_cell_to_zero(pilot: Pilot) -> None:
    await pilot.press("right", "delete")
    assert cell(pilot, "new", "commercial") == 0
    await pilot.press("ctrl+z")
    assert cell(pilot, "new", "commercial") == 9


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        (("a", "b"), "不是数字"),
        (("minus", "3"), "是负数"),
        (("1", "full_stop", "5"), "有小数"),
        (("plus",), "不是数字"),
    ],
)
async def test_bad_input_is_refused_naming_the_cell_and_the_old_value_kept(
    pilot: Pilot, keys: tuple[str, ...], reason: str
) -> None:
    await pilot.press("down", *keys, "enter")
    assert cell(pilot, "carried_over", "natural_person") == 2
    assert at(pilot) == ("carried_over", "natural_person")
    text = message(pilot)
    assert "二、上年结转政府信息公开申请数量 / 自然人" in text
    assert reason in text and "已保留原值 2" in text
    assert pilot.app.screen.query_one("#message").has_class("error")
    await pilot.press("right")
    assert "已保留原值" not in message(pilot)


async def test_the_fee_takes_decimals_as_typed(pilot: Pilot) -> None:
    await pilot.press("f4")
    screen = pilot.app.screen
    assert isinstance(screen, ProactiveScreen)
    screen.go_to("fees", "amount")
    await pilot.press("0", "full_stop", "5", "0", "enter")
    assert cell(pilot, "fees", "amount", "proactive") == Decimal("0.50")
    assert str(cell(pilot, "fees", "amount", "proactive")) == "0.50"
    screen.go_to("licensing", "decisions")
    await pilot.press("1", "full_stop", "5", "enter")
    assert cell(pilot, "licensing", "decisions", "proactive") == 1864
    assert "有小数" in message(pilot)


async def test_leaving_the_screen_commits_what_was_typed(pilot: Pilot) -> None:
    await pilot.press("4", "2", "f6")
    assert pilot.app.screen.name == "appeals"
    assert cell(pilot, "new", "natural_person") == 42
    await pilot.press("f5", "4", "x", "f6")
    assert pilot.app.screen.name == "requests"  # refused: stay and say why
    assert "不是数字" in message(pilot) and cell(pilot, "new", "natural_person") == 42


async def test_undo_while_typing_takes_back_the_typing_first(pilot: Pilot) -> None:
    await pilot.press("5", "enter", "up", "7", "ctrl+z")
    assert grid_of(pilot).buffer is None
    assert cell(pilot, "new", "natural_person") == 5
    await pilot.press("ctrl+z")
    assert cell(pilot, "new", "natural_person") == 38


async def test_section_four_totals_follow_their_cells(pilot: Pilot) -> None:
    await pilot.press("f6", "5", "enter")
    assert cell(pilot, "review", "upheld", "appeals") == 5
    assert cell(pilot, "review", "total", "appeals") == 7
    grid = grid_of(pilot)
    row = grid.render_line(grid.header_height).text
    assert row.split()[-5:] == ["5", "1", "0", "1", "7"]
    await pilot.press("right", "right", "right", "right")
    assert at(pilot) == ("litigation_direct", "pending")  # 总计 is not a place to type


# --------------------------------------------------------------------------- moving


async def test_arrows_move_and_never_land_on_computed_cells(pilot: Pilot) -> None:
    await pilot.press(*["right"] * 8)
    assert at(pilot) == ("new", "other")  # the 总计 column is skipped
    await pilot.press("left")
    assert at(pilot) == ("new", "legal_services")
    grid = grid_of(pilot)
    grid.go_to("other.other", "research")
    await pilot.press("down")
    assert at(pilot) == ("carried_forward", "research")  # （七）总计 is skipped
    await pilot.press("up")
    assert at(pilot) == ("other.other", "research")
    await pilot.press("left", "left", "left")
    assert at(pilot) == ("other.other", "natural_person")


async def test_tab_and_shift_tab_move_across_rows(pilot: Pilot) -> None:
    await pilot.press("end", "3", "tab")
    assert cell(pilot, "new", "other") == 3
    assert at(pilot) == ("carried_over", "natural_person")
    await pilot.press("shift+tab")
    assert at(pilot) == ("new", "other")


async def test_home_end_and_the_corners_of_the_table(pilot: Pilot) -> None:
    await pilot.press("end")
    assert at(pilot) == ("new", "other")
    await pilot.press("home")
    assert at(pilot) == ("new", "natural_person")
    await pilot.press("ctrl+end")
    assert at(pilot) == ("carried_forward", "other")
    await pilot.press("ctrl+home")
    assert at(pilot) == ("new", "natural_person")


async def test_page_down_and_up_scroll_by_a_screenful(pilot: Pilot) -> None:
    grid = grid_of(pilot)
    await pilot.press("pagedown")
    row, _ = at(pilot)
    keys = [r.key for r in form.REQUESTS.rows]
    assert keys.index(row) >= 5
    assert grid.scroll_y > 0
    await pilot.press("pagedown", "pagedown", "pagedown")
    assert at(pilot)[0] == "carried_forward"
    await pilot.press("pageup", "pageup", "pageup", "pageup")
    assert at(pilot) == ("new", "natural_person")
    assert grid.scroll_y == 0


async def test_the_full_label_of_the_current_row_is_always_shown(pilot: Pilot) -> None:
    grid = grid_of(pilot)
    grid.go_to("other.unpaid_fee", "commercial")
    await pilot.pause()
    row = form.REQUESTS.row("other.unpaid_fee")
    widget = pilot.app.screen.query_one("#place")
    shown_place = str(widget.render())
    # At 80 columns the longest label is written without the blanks between its groups, so
    # that it may break anywhere and fit two lines whole.
    assert shown_place.replace("\n", "") == f"{''.join((*row.path, row.label))}/商业企业：0"
    assert widget.region.height == 2  # wrapped, not cut
    y = grid.header_height + grid._row_y[grid.cursor_row] - int(grid.scroll_y)
    shown = grid.render_line(y).text
    assert row.label not in shown and "2.申请人逾期" in shown and "..." in shown


async def test_a_click_moves_the_cursor(pilot: Pilot) -> None:
    grid = grid_of(pilot)
    geometry = grid.geometry
    await pilot.click(Grid, offset=(geometry.slot_x(2) + 2, grid.header_height + 1))
    assert at(pilot) == ("carried_over", "research")


# --------------------------------------------------------------------------- paste, undo


async def test_a_spreadsheet_block_fills_right_and_down_as_one_step(pilot: Pilot) -> None:
    pilot.app.post_message(events.Paste("1\t2\t3\r\n4\t5\t6\r\n"))
    await pilot.pause()
    assert [cell(pilot, "new", c) for c in ("natural_person", "commercial", "research")] == [
        1,
        2,
        3,
    ]
    assert [cell(pilot, "carried_over", c) for c in ("natural_person", "commercial")] == [4, 5]
    assert cell(pilot, "carried_over", "research") == 6
    assert "已粘贴 2 行 × 3 列" in message(pilot)
    await pilot.press("ctrl+z")
    assert cell(pilot, "new", "natural_person") == 38
    assert cell(pilot, "carried_over", "research") == 0
    await pilot.press("ctrl+y")
    assert cell(pilot, "carried_over", "research") == 6


async def test_a_block_that_does_not_fit_is_refused_whole(pilot: Pilot) -> None:
    pilot.app.post_message(events.Paste("1\t2\t3\t4\t5\t6\t7\t8\n"))
    await pilot.pause()
    assert cell(pilot, "new", "natural_person") == 38
    assert "内容有 8 列" in message(pilot) and "只有 6 列可填" in message(pilot)
    grid_of(pilot).go_to("carried_forward", "natural_person")
    pilot.app.post_message(events.Paste("1\n2\n"))
    await pilot.pause()
    assert cell(pilot, "carried_forward", "natural_person") == 3
    assert "内容有 2 行" in message(pilot)


async def test_a_block_with_a_bad_value_is_refused_whole(pilot: Pilot) -> None:
    pilot.app.post_message(events.Paste("5\t6\n7\t八\n"))
    await pilot.pause()
    assert cell(pilot, "new", "natural_person") == 38
    assert cell(pilot, "new", "commercial") == 9
    text = message(pilot)
    assert "粘贴未执行" in text and "二、上年结转政府信息公开申请数量 / 商业企业" in text


async def test_undo_and_redo_of_typed_cells_and_from_another_screen(pilot: Pilot) -> None:
    await pilot.press("5", "enter", "6", "enter")
    assert cell(pilot, "carried_over", "natural_person") == 6
    await pilot.press("ctrl+z")
    assert cell(pilot, "carried_over", "natural_person") == 2
    assert at(pilot) == ("carried_over", "natural_person")
    await pilot.press("f6", "ctrl+z")
    assert isinstance(pilot.app.screen, RequestsScreen)
    assert cell(pilot, "new", "natural_person") == 38
    assert at(pilot) == ("new", "natural_person")
    await pilot.press("ctrl+y", "ctrl+y")
    assert cell(pilot, "new", "natural_person") == 5
    assert cell(pilot, "carried_over", "natural_person") == 6


# --------------------------------------------------------------------------- bursts


async def test_a_burst_of_keys_lands_in_order(pilot: Pilot) -> None:
    """Keys sent without waiting (fast typing, SSH batching) are applied in the order typed."""
    burst = [
        ("4", "4"),
        ("４", "４"),
        ("enter", "\r"),
        ("7", "7"),
        ("tab", "\t"),
        ("right", None),
        ("8", "8"),
        ("backspace", "\x7f"),
        ("9", "9"),
        ("enter", "\r"),
        ("up", None),
        ("x", "x"),
        ("escape", "\x1b"),
        ("left", None),
        ("3", "3"),
        ("enter", "\r"),
    ]
    driver = pilot.app._driver
    assert driver is not None
    for key, character in burst:
        driver.send_message(events.Key(key, character))
    await wait_for(pilot, lambda: at(pilot) == ("granted", "commercial"), 2, strict=False)
    await pilot.pause()
    assert cell(pilot, "new", "natural_person") == 44
    assert cell(pilot, "carried_over", "natural_person") == 7
    assert cell(pilot, "carried_over", "research") == 9
    assert cell(pilot, "carried_over", "commercial") == 3
    assert at(pilot) == ("granted", "commercial")
    assert grid_of(pilot).buffer is None


# --------------------------------------------------------------------------- validation


def balance_lines(pilot: Pilot) -> list[str]:
    balance = pilot.app.screen.query_one(Balance)
    return [balance.render_line(y).text for y in range(3)]


async def test_the_balance_line_follows_every_edit(pilot: Pilot) -> None:
    lines = balance_lines(pilot)
    assert lines[0].split()[1:] == ["40", "10", "0", "1", "3", "0", "54"]
    assert lines[2].split()[1:] == ["✓"] * 7
    assert "错误 0" in screen_text(pilot.app)
    await pilot.press("down", "5", "enter")
    lines = balance_lines(pilot)
    assert lines[0].split()[1:] == ["43", "10", "0", "1", "3", "0", "57"]
    assert lines[1].split()[1:] == ["40", "10", "0", "1", "3", "0", "54"]
    assert lines[2].split()[1:] == ["-3", "✓", "✓", "✓", "✓", "✓", "-3"]
    grid = grid_of(pilot)
    assert grid.bad_columns == {"natural_person", "total"}
    assert ("new", "natural_person") in grid.marked
    assert "「自然人」列不平衡" in message(pilot)
    assert "错误 2" in screen_text(pilot.app)
    await pilot.press("up", "2", "enter")
    assert balance_lines(pilot)[2].split()[1:] == ["✓"] * 7
    assert grid.bad_columns == set()
    assert "错误 0" in screen_text(pilot.app)


async def test_numbers_line_up_under_their_columns_with_cjk_labels(pilot: Pilot) -> None:
    grid = grid_of(pilot)
    geometry = grid.geometry
    width = grid.scrollable_content_region.width
    for y in range(grid.header_height, grid.size.height):
        strip = grid.render_line(y)
        assert strip.cell_length == width
        text = strip.text
        if not re.search(r"\d\s*$", text):
            continue  # a caption line
        for slot in range(geometry.slots):
            x = geometry.slot_x(slot)
            piece = strip.crop(x, x + geometry.slot_width).text
            assert re.fullmatch(r" *\d+ ", piece), (text, piece)
    balance = pilot.app.screen.query_one(Balance).render_line(0)
    for slot in range(geometry.slots):
        x = geometry.slot_x(slot)
        assert re.fullmatch(r" *\d+ ", balance.crop(x, x + geometry.slot_width).text)
