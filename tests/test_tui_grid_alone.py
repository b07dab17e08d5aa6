"""The grid owns its keys and its paste: in a bare Textual app that routes nothing to it, typing,
its keys, a burst and a paste work, and a key of the app first commits what is being typed."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar

from tests.tui_helpers import wait_for
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from govtui import form
from govtui.tui.messages import Notice
from govtui.tui.widgets.grid import Grid

Value = int | Decimal


class Store:
    """Cells in a dict, every write recorded: the grid's whole view of the report."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, str, str], Value] = {}
        self.writes: list[list[tuple[str, str, str, Value]]] = []

    def cell(self, table: str, row: str, column: str) -> Value:
        return self.cells.get((table, row, column), 0)

    def write(self, cells: Iterable[tuple[str, str, str, Value]]) -> object:
        batch = list(cells)
        self.writes.append(batch)
        for table, row, column, value in batch:
            self.cells[table, row, column] = value
        return batch


class Bare(App[None]):
    """No on_key, no on_paste, nothing that knows a grid: only an app key of its own."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "saved", "保存")]

    def __init__(self) -> None:
        super().__init__()
        self.store = Store()
        self.saw: list[Value] = []
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield Grid(form.REQUESTS, self.store)

    def on_mount(self) -> None:
        self.query_one(Grid).focus()

    def action_saved(self) -> None:
        self.saw.append(self.store.cell("requests", "new", "natural_person"))

    def on_notice(self, notice: Notice) -> None:
        self.notices.append(notice.text)


async def test_typing_keys_and_paste_reach_the_grid_without_the_app() -> None:
    app = Bare()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "2", "enter")
        assert app.store.cell("requests", "new", "natural_person") == 42
        assert app.query_one(Grid).current[0].key == "carried_over"
        await pilot.press("up")
        app.post_message(events.Paste("1\t2\r\n3\t4\r\n"))
        await pilot.pause()
        assert app.store.writes[-1] == [
            ("requests", "new", "natural_person", 1),
            ("requests", "new", "commercial", 2),
            ("requests", "carried_over", "natural_person", 3),
            ("requests", "carried_over", "commercial", 4),
        ]


async def test_a_key_of_the_app_commits_the_typing_first_even_in_a_burst() -> None:
    app = Bare()
    async with app.run_test(size=(100, 30)) as pilot:
        driver = app._driver
        assert driver is not None
        for key, character in [("7", "7"), ("ctrl+s", None), ("9", "9")]:
            driver.send_message(events.Key(key, character))
        await wait_for(pilot, lambda: app.saw, 2)
        assert app.saw == [7]  # saved what was typed before ctrl+s, not the 9 typed after it
        assert app.query_one(Grid).buffer == "9"


async def test_a_refused_number_stops_the_key_of_the_app() -> None:
    app = Bare()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x", "ctrl+s")
        assert app.saw == []
        assert any("不是" in text or "数字" in text for text in app.notices), app.notices
        assert app.store.cell("requests", "new", "natural_person") == 0
