"""One undo history for every kind of edit — cells, pastes, text fields, prose, accepting a
warning — and the unsaved mark exactly when the report differs from the file."""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import app_on, copy_this_year, make_app, screen_text, wait_for
from textual.widgets import Input

from govtui.tui.app import GovtuiApp
from govtui.tui.screens.accept import AcceptScreen
from govtui.tui.screens.findings import FindingsScreen
from govtui.tui.widgets.prose import ProseEditor

SIZE = (80, 24)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def unsaved(app: GovtuiApp) -> bool:
    return "*未保存" in screen_text(app)


async def test_ctrl_z_in_a_text_field_of_basic_information(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="info")
    async with app.run_test(size=SIZE) as pilot:
        agency = app.screen.query_one("#agency", Input)
        agency.focus()
        await pilot.press("end", *"分局")
        assert app.session.report.agency == "云溪县市场监督管理局分局" and unsaved(app)
        await pilot.press("ctrl+z")
        assert app.session.report.agency == "云溪县市场监督管理局"
        assert agency.value == "云溪县市场监督管理局"
        assert "已撤销机关名称的修改" in message(app)
        assert not app.session.dirty and not unsaved(app)
        await pilot.press("ctrl+y")
        assert agency.value == "云溪县市场监督管理局分局" and unsaved(app)


async def test_prose_undone_to_its_saved_text_is_not_unsaved(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one(ProseEditor)
        saved = editor.text_area.text
        editor.text_area.focus()
        await pilot.press("ctrl+home", *"新的一句")
        assert unsaved(app)
        await pilot.press("ctrl+z")  # the typing in one field is one step
        assert editor.text_area.text == saved == app.session.report.prose["overview.lead"]
        assert not unsaved(app)
        await pilot.press("x", "backspace")  # changed and changed back by hand
        assert not app.session.dirty and not unsaved(app)


async def test_one_history_across_cells_prose_and_screens(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="requests")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "0", "enter")
        await pilot.press("f3")
        editor = app.screen.query_one(ProseEditor)
        editor.text_area.focus()
        await pilot.press("ctrl+home", *"甲")
        await pilot.press("ctrl+z")
        assert not app.session.report.prose["overview.lead"].startswith("甲")
        assert app.session.cell("requests", "new", "natural_person") == 40
        await pilot.press("ctrl+z")  # the cell, from the prose screen: back on 三
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert app.session.cell("requests", "new", "natural_person") == 38
        assert not unsaved(app)
        await pilot.press("ctrl+z")
        assert "没有可撤销的修改" in message(app)


async def test_accepting_a_warning_is_undone_and_redone(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "in-force"), start="findings")
    async with app.run_test(size=SIZE) as pilot:
        options = app.screen.query_one("#findings")
        findings = app.session.findings
        options.highlighted = next(i for i, f in enumerate(findings) if f.rule == "in_force")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AcceptScreen))
        await pilot.press(*"文件到期失效", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FindingsScreen))
        assert "警告 0" in screen_text(app) and unsaved(app)
        await pilot.press("ctrl+z")
        assert app.session.report.accepted == [] and "警告 1" in screen_text(app)
        assert not unsaved(app)
        await pilot.press("ctrl+y")
        assert [a.reason for a in app.session.report.accepted] == ["文件到期失效"]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        await pilot.press("ctrl+z")  # back past the save: the report differs from the file
        assert app.session.dirty and unsaved(app)
