"""The desk in the terminal, driven with Textual's pilot on a copy of the sample collection:
open, sort, filter, search, a unit's findings and the decisions on them, the summary, the
exports, reloading."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.desk_helpers import (
    AS_OF,
    private_cache_fixture,  # noqa: F401  (autouse fixture)
    sample_fixture,  # noqa: F401  (fixture)
)
from tests.tui_helpers import screen_text, wait_for
from textual import events
from textual.pilot import Pilot

from govtui import batch
from govtui.desk import decisions as deciding
from govtui.desk import ledger
from govtui.desk.collection import report_files
from govtui.desk.status import STATUS_LABEL
from govtui.io import roster as rosters
from govtui.tui.desk.app import DeskApp
from govtui.tui.desk.screen import DeskScreen
from govtui.tui.desk.summary import SummaryScreen, last_years_sum
from govtui.tui.desk.unit_screen import UnitScreen
from govtui.tui.desk.units import READING, UnitsTable


@pytest.fixture
def roster(sample: Path) -> Path:
    """This year's roster of a copy of the sample collection."""
    return sample


def desk_on(roster: Path) -> DeskApp:
    return DeskApp([roster], folder=roster.parent, as_of=AS_OF)


async def ready(pilot: Pilot[Any]) -> DeskApp:
    app = pilot.app
    assert isinstance(app, DeskApp)
    await wait_for(pilot, lambda: app.board is not None and not app.building, timeout=30)
    await pilot.pause()
    return app


def table(app: DeskApp) -> UnitsTable:
    return app.screen.query_one(UnitsTable)


async def go_to(pilot: Pilot[Any], name: str) -> None:
    app = pilot.app
    assert isinstance(app, DeskApp)
    table(app).go_to(name)
    await pilot.pause()
    current = table(app).current
    assert current is not None and current.name == name


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press(char)


def decisions(roster: Path) -> ledger.Ledger:
    return ledger.load(ledger.path_for(roster))


async def test_the_desk_lists_every_unit_with_its_status_and_the_counts(roster: Path) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        text = screen_text(app)
        for unit in board.units:
            assert unit.name in text
            assert STATUS_LABEL[unit.status] in text
        counts: dict[str, int] = {}
        for unit in board.units:
            counts[unit.status] = counts.get(unit.status, 0) + 1
        top = "".join(text.splitlines()[:2]).replace(" ", "")  # the top line, wrapped
        for status, n in counts.items():
            assert f"{STATUS_LABEL[status]}{n}" in top


async def test_the_table_is_drawn_before_the_reports_are_read_and_fills_in_as_they_are(
    roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing cached, the roster's units are listed at once and each is filled in as its
    report is read, the counts on the top line following; a slow file holds up only itself."""
    files = report_files(rosters.load(roster))
    slow = files[-1]  # read last: every other report is read while it is held
    release = threading.Event()
    examine = batch._examine

    def held(path: Path, options: batch.Options) -> batch.Outcome:
        if path == slow:
            release.wait(30)
        return examine(path, options)

    monkeypatch.setattr(batch, "_examine", held)
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        units = table(app)
        try:
            read = f"正在读取 {len(files) - 1}/{len(files)}"
            await wait_for(pilot, lambda: read in str(app.screen.query_one("#top").render()), 30)
            assert app.board is None  # still reading the last file
            statuses = {r.name: r.status for r in units.all_rows}
            top = "".join(screen_text(app).splitlines()[:2]).replace(" ", "")
        finally:
            release.set()
        assert statuses["云溪县司法局"] == "clean"
        assert statuses["云溪县交通运输局"] == "errors"
        assert statuses["云溪县城关镇人民政府"] == READING  # no report: known when all are read
        waiting = sum(1 for s in statuses.values() if s == READING)
        assert 0 < waiting < len(statuses)
        assert f"读取中{waiting}" in top and "有错误1" in top  # the counts as read so far
        await ready(pilot)
        board = app.board
        assert board is not None
        assert {r.name: r.status for r in units.all_rows} == {u.name: u.status for u in board.units}
        assert "读取中" not in screen_text(app)


# The desk opened headless in a fresh process, as ``govtui 名单.toml`` opens it (the command's
# module first); prints which readers of published reports were loaded by the time the board
# was drawn, then which of the model, pydantic and the rule engine, then each unit's status.
LOOK = """
import asyncio, datetime, sys
from pathlib import Path
import govtui.cli
from govtui.tui.desk.app import DeskApp

roster = Path(sys.argv[1])
app = DeskApp([roster], folder=roster.parent, as_of=datetime.date(2026, 2, 5))

async def ready(pilot):
    while app.board is None or app.building:
        await asyncio.sleep(0.01)
    app.exit()

app.run(headless=True, auto_pilot=ready)
readers = ("govtui.io.importers", "docx", "pypdfium2", "openpyxl")
print(" ".join(r for r in readers if r in sys.modules))
model = ("pydantic", "govtui.model", "govtui.rules.engine")
print(" ".join(m for m in model if m in sys.modules))
print(" ".join(f"{u.name}={u.status}" for u in app.board.units))
"""


def _look(roster: Path) -> list[list[str]]:
    """The lines :data:`LOOK` prints, each split into words."""
    done = subprocess.run(
        [sys.executable, "-c", LOOK, str(roster)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),  # the test's own cache folder (desk_helpers)
    )
    return [line.split() for line in done.stdout.split("\n")[:3]]


def test_a_desk_with_nothing_changed_loads_no_reader_of_published_reports(roster: Path) -> None:
    """The Word, PDF and Excel readers (python-docx and lxml, PDFium, openpyxl) are loaded
    only when a report must be read: a second look with nothing changed never pays for them."""

    assert {"govtui.io.importers", "docx"} <= set(_look(roster)[0])  # the Word reports read
    assert _look(roster)[0] == []


def test_a_desk_with_nothing_changed_loads_neither_the_model_nor_the_rules(roster: Path) -> None:
    """A look from the cache needs no report validated and no rule run: the model, pydantic
    and the rule engine (a third of a warm launch's time) stay unloaded; the first look, which
    reads every report, loads them and judges the same units the same way."""
    cold_loaded, cold_units = _look(roster)[1:]
    warm_loaded, warm_units = _look(roster)[1:]
    assert set(cold_loaded) == {"pydantic", "govtui.model", "govtui.rules.engine"}
    assert warm_loaded == []
    assert warm_units == cold_units
    assert any(u.partition("=")[2] in ("errors", "warnings", "clean") for u in cold_units)


async def test_sorting_filtering_and_searching_keep_the_cursor_on_its_unit(roster: Path) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        units = table(app)
        names = [r.name for r in units.rows]
        assert names == sorted(names)
        await go_to(pilot, "云溪县民政局")
        await pilot.press("s")  # by status
        statuses = [list(STATUS_LABEL).index(r.status) for r in units.rows]
        assert statuses == sorted(statuses)
        assert units.current is not None and units.current.name == "云溪县民政局"
        assert "按状态升序" in screen_text(app)
        await pilot.press("f")
        assert units.rows and all(r.problem for r in units.rows)
        assert len(units.rows) < len(units.all_rows)
        await pilot.press("f", "slash")
        await type_text(pilot, "民政局")
        await pilot.press("enter")
        assert [r.name for r in units.rows] == ["云溪县民政局"]
        await pilot.press("slash", "escape")
        assert len(units.rows) == len(units.all_rows)


async def test_a_search_typed_in_one_burst_right_after_the_slash_reaches_the_search(
    roster: Path,
) -> None:
    """Over SSH "/", the name and Enter often arrive as one burst: every key goes to the
    search (Textual resolves a binding after the keys that follow it, issue #6605), and the
    Enter that ends the search does not open the unit it was on."""
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        driver = app._driver
        assert driver is not None
        for key, char in (
            ("slash", "/"),
            ("司", "司"),
            ("法", "法"),
            ("局", "局"),
            ("enter", "\r"),
        ):
            driver.send_message(events.Key(key, char))
        await wait_for(pilot, lambda: "名称含「司法局」" in screen_text(app))
        assert isinstance(app.screen, DeskScreen)
        assert [r.name for r in table(app).rows] == ["云溪县司法局"]


async def test_a_units_findings_dismissed_confirmed_taken_back_and_the_unit_returned(
    roster: Path,
) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        name = next(u.name for u in board.units if u.findings and u.status == "warnings")
        await go_to(pilot, name)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, UnitScreen))
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        first = screen.reviewed[0].finding
        assert first.message[:12] in screen_text(app)

        await pilot.press("d")  # 忽略: a reason is required
        await pilot.press("enter")
        assert "请写明忽略的理由" in screen_text(app)
        await type_text(pilot, "文件到期自动失效")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.building and isinstance(app.screen, UnitScreen))
        record = decisions(roster).finding(name, first.rule, first.place)
        assert record is not None and record.state == "dismissed"
        assert record.comment == "文件到期自动失效"
        await wait_for(pilot, lambda: "已忽略" in screen_text(app))

        await pilot.press("c")
        await type_text(pilot, "请重写")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.building)
        record = decisions(roster).finding(name, first.rule, first.place)
        assert record is not None and (record.state, record.comment) == ("confirmed", "请重写")
        await wait_for(pilot, lambda: "需整改" in screen_text(app))

        await pilot.press("u")
        await wait_for(pilot, lambda: not app.building)
        record = decisions(roster).finding(name, first.rule, first.place)
        assert record is not None and record.state == "reopened"

        await pilot.press("r")
        await type_text(pilot, "照搬上年")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.building)
        unit = decisions(roster).units[name]
        assert (unit.decision, unit.comment) == ("returned", "照搬上年")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, DeskScreen))
        row = next(r for r in table(app).rows if r.name == name)
        assert row.status == "returned"


async def test_approving_from_the_table_and_taking_it_back(roster: Path) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        name = next(u.name for u in board.units if u.status == "clean")
        await go_to(pilot, name)
        await pilot.press("a", "enter")
        await wait_for(pilot, lambda: not app.building)
        assert decisions(roster).units[name].decision == "approved"
        await wait_for(pilot, lambda: f"已通过「{name}」" in screen_text(app))
        row = next(r for r in table(app).rows if r.name == name)
        assert row.status == "approved"
        await pilot.press("u")
        await wait_for(pilot, lambda: not app.building)
        assert decisions(roster).units[name].decision == ""


async def test_a_unit_without_a_report_cannot_be_approved_and_the_desk_says_why(
    roster: Path,
) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        name = next(u.name for u in board.units if u.status in ("missing", "overdue"))
        await go_to(pilot, name)
        await pilot.press("a", "enter")
        await wait_for(pilot, lambda: "没有可通过的报告" in screen_text(app))
        assert name not in decisions(roster).units or not decisions(roster).units[name].decision


async def test_opening_a_units_report_runs_the_editor_read_only_on_its_file(
    roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[list[str]] = []

    class Done:
        returncode = 0

    def run(command: list[str], check: bool) -> Done:
        ran.append(command)
        return Done()

    @contextmanager
    def suspend(self: DeskApp) -> Iterator[None]:
        yield

    monkeypatch.setattr("govtui.tui.desk.app.subprocess.run", run)
    monkeypatch.setattr(DeskApp, "suspend", suspend)
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        view = next(u for u in board.units if u.read is not None and u.read.path.suffix == ".docx")
        await go_to(pilot, view.name)
        await pilot.press("o")
        assert view.read is not None
        assert ran == [[ran[0][0], "-m", "govtui", "edit", "--read-only", str(view.read.path)]]
        assert isinstance(app.screen, DeskScreen)
        assert table(app).current is not None and table(app).current.name == view.name


async def test_the_summary_shows_the_sum_of_the_counted_units(roster: Path) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        received = sum(u.indicators.get("received") or 0 for u in board.counted)
        assert screen.store.report.value("requests", "new", "total") == received
        assert str(received) in screen_text(app)
        assert f"计入 {len(board.counted)} 个单位" in screen_text(app)
        await pilot.press("4")
        text = screen_text(app)
        assert "各状态单位数" in text and "本年新收" in text
        last = last_years_sum(board)  # every counted unit of the sample has last year's report
        assert f"本年新收：{received} / {last['received']}" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)


@pytest.mark.parametrize(
    ("key", "made", "said"),
    [
        ("1", "工作簿.xlsx", "已写出工作簿"),
        ("2", "收报情况.html", "已写出收报情况网页"),
        ("4", "汇总.toml", "已写出汇总报告"),
    ],
)
async def test_each_export_is_a_key_away_and_says_where_it_wrote(
    roster: Path, key: str, made: str, said: str
) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.board is not None
        unlisted = len(app.board.not_on_roster)
        await pilot.press("x", key)
        await wait_for(pilot, lambda: said in screen_text(app))
        assert (roster.parent / "名单-输出" / made).is_file()
        assert made in screen_text(app)
        await pilot.press("f5")  # what was written is no unit's report
        await wait_for(pilot, lambda: not app.building)
        assert app.board is not None and len(app.board.not_on_roster) == unlisted


async def test_notices_are_written_for_the_units_sent_back(roster: Path) -> None:
    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("x", "3")
        await wait_for(pilot, lambda: "通知" in screen_text(app))
        folder = roster.parent / "名单-输出" / "通知"
        board = app.board
        assert board is not None
        owed = {
            u.name
            for u in board.units
            if u.status == "returned" or any(r.review.state == "confirmed" for r in u.findings)
        }
        written = {p.name.split("-")[0] for p in folder.glob("*.md")} if folder.exists() else set()
        assert written == owed


async def test_another_offices_decision_and_a_changed_file_show_after_reloading(
    roster: Path,
) -> None:

    app = desk_on(roster)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        board = app.board
        assert board is not None
        clean = next(u for u in board.units if u.status == "clean")
        other = next(u for u in board.units if u.read is not None and u.name != clean.name)
        # A colleague approves a unit on the same ledger meanwhile; a unit re-files its report.
        deciding.approve(board, clean.name, deciding.Who("同事", "", AS_OF))
        assert other.read is not None
        path = other.read.path
        path.write_bytes(path.read_bytes() + b"\n")
        await pilot.press("f5")
        await wait_for(pilot, lambda: not app.building and app.board is not board)
        await pilot.pause()
        rows = {r.name: r for r in table(app).rows}
        assert rows[clean.name].status == "approved"
        assert rows[other.name].changed
        assert "*" + other.name[:4] in screen_text(app)


def test_a_desk_session_runs_with_the_collector_on(sample: Path) -> None:
    """``govtui 名单.toml`` starts with the garbage collector off (start-up is faster); a day at
    the desk must have it back, or memory grows with every reload."""
    seen: list[bool] = []

    async def look(pilot: Pilot[int]) -> None:
        seen.append(gc.isenabled())
        app.exit()

    gc.disable()  # as ``govtui 名单.toml`` leaves it (cli.APPS)
    try:
        app = DeskApp([sample], folder=sample.parent)
        app.run(headless=True, auto_pilot=look)
    finally:
        gc.enable()
    assert seen == [True]
