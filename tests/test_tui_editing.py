"""Editing prose and identity, files (save, save failure), quitting, a new report.

Each test runs its own app on its own copy of a sample: they change the report and its file.
"""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, SAMPLES, make_app, screen_text, wait_for
from textual import events
from textual.widgets import Input, TextArea

from govtui.io import toml_file
from govtui.numbers import check_year
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.new_report import NewReportScreen
from govtui.tui.screens.quit import QuitScreen
from govtui.tui.widgets.prose import ProseEditor

SIZE = (80, 24)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def editor(app: GovtuiApp, key: str) -> ProseEditor:
    return app.screen.query_one(f"#{key.replace('.', '-')}", ProseEditor)


def meta(app: GovtuiApp, key: str) -> str:
    return str(editor(app, key).query_one(".prose--meta").render())


# --------------------------------------------------------------------------- prose


async def test_typing_in_a_prose_field_updates_the_report_and_its_count(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        field = editor(app, "overview.lead")
        assert "字数 135" in meta(app, "overview.lead")
        field.text_area.focus()
        await pilot.press("ctrl+home", *"新的")
        assert app.session.report.prose["overview.lead"].startswith("新的2024年")
        assert "字数 137" in meta(app, "overview.lead")
        assert app.session.dirty and "*未保存" in screen_text(app)


async def test_text_typed_right_before_ctrl_s_is_saved(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editor(app, "overview.lead").text_area.focus()
        await pilot.press("ctrl+home")
        driver = app._driver
        assert driver is not None
        for key, character in [("x", "x"), ("y", "y"), ("ctrl+s", None)]:
            driver.send_message(events.Key(key, character))
        await wait_for(pilot, lambda: not app.session.dirty and "已保存" in message(app))
    assert toml_file.load(tmp_path / CLEAN).prose["overview.lead"].startswith("xy2024年")


async def test_a_burst_of_typing_with_backspace_and_arrows_lands_in_order(
    tmp_path: Path,
) -> None:
    """Keys that arrive in one read (fast typing over SSH) must not overtake each other:
    Textual 8 runs a TextArea's bound keys (backspace, arrows) after the characters typed
    behind them (Textualize/textual#6605); the prose editor runs them in order."""
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editor(app, "overview.lead").text_area.focus()
        await pilot.press("ctrl+home")
        burst = [("b", "b"), ("a", "a"), ("backspace", "\x7f"), ("c", "c")]
        burst += [("left", None), ("left", None), ("x", "x"), ("right", None), ("y", "y")]
        for key, character in burst:
            app._driver.send_message(events.Key(key, character))  # type: ignore[union-attr]
        await wait_for(pilot, lambda: "y" in app.session.report.prose["overview.lead"])
        lead = app.session.report.prose["overview.lead"]
        assert lead.startswith("xbyc2024年"), lead[:12]


async def test_a_burst_in_a_text_field_lands_in_order(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="info")
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#agency", Input)
        field.focus()
        await pilot.press("end")
        for key, character in [("a", "a"), ("backspace", "\x7f"), ("b", "b"), ("home", None)]:
            app._driver.send_message(events.Key(key, character))  # type: ignore[union-attr]
        for key, character in [("c", "c")]:
            app._driver.send_message(events.Key(key, character))  # type: ignore[union-attr]
        await wait_for(pilot, lambda: field.value.startswith("c"), strict=False)
        assert field.value == "c云溪县市场监督管理局b"


async def test_findings_about_a_field_show_beside_it(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="closing")
    async with app.run_test(size=SIZE) as pilot:
        other = editor(app, "closing.other_matters")
        assert "警告" not in meta(app, "closing.other_matters")
        other.text_area.focus()
        other.set_text("本年度无其他需要报告的事项。")
        await pilot.pause()
        assert "没有说明是否收取信息处理费" in meta(app, "closing.other_matters")
        assert "警告 1" in screen_text(app)
        other.set_text("")
        await pilot.pause()
        assert "还没有内容" in meta(app, "closing.other_matters")
        # A number in 三 that contradicts 一（二） shows under 一（二）.
        await pilot.press("f5", "1", "enter", "f3")
        assert "说收到申请 51 件" in meta(app, "overview.on_request")


async def test_the_external_editor_needs_a_terminal_that_can_suspend(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editor(app, "overview.lead").text_area.focus()
        await pilot.press("ctrl+o")
        assert "无法打开外部编辑器" in message(app)
        assert app.session.report.prose["overview.lead"].startswith("2024年")


async def test_the_external_editor_text_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text(encoding='utf-8').replace('2024年', '二〇二四年'),"
        " encoding='utf-8')\n"
        "with p.open('a', encoding='utf-8') as f: f.write('新的一段\\n')\n"
        f"pathlib.Path({str(tmp_path)!r}, 'seen-name').write_text(p.name)\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("VISUAL", str(script))
    app = make_app(tmp_path, start="overview")

    @contextlib.contextmanager
    def no_suspend() -> Iterator[None]:  # a headless app cannot give the terminal away
        yield

    monkeypatch.setattr(app, "suspend", no_suspend)
    async with app.run_test(size=SIZE) as pilot:
        editor(app, "overview.lead").text_area.focus()
        await pilot.press("ctrl+o")
        text = app.session.report.prose["overview.lead"]
        assert text.startswith("二〇二四年，云溪县")
        # The file ended with a newline: a line appended by a script is a paragraph of its
        # own, and the file's final newline is not kept.
        assert text.endswith("。\n新的一段")
        assert (tmp_path / "seen-name").read_text().startswith("govtui-overview-lead-")
        assert "已从外部编辑器取回" in message(app)


# --------------------------------------------------------------------------- 基本信息


async def test_agency_year_and_title_are_edited_on_the_info_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="info")
    async with app.run_test(size=SIZE) as pilot:
        report = app.session.report
        agency = app.screen.query_one("#agency", Input)
        agency.focus()
        await pilot.press("end", "backspace", "backspace", "backspace", *"监管局")
        assert report.agency == "云溪县市场监督监管局"
        assert "云溪县市场监督监管局2024年" in screen_text(app)
        agency.value = "  "
        await pilot.pause()
        assert "机关名称不能为空" in message(app)
        assert report.agency == "云溪县市场监督监管局"
        year = app.screen.query_one("#year", Input)
        year.value = "20x5"
        await pilot.pause()
        assert "报告年度" in message(app) and report.year == 2024
        year.value = "２０２５"
        await pilot.pause()
        assert report.year == 2025
        title = app.screen.query_one("#title", Input)
        title.value = "自定标题"
        await pilot.pause()
        assert report.title == "自定标题"


# --------------------------------------------------------------------------- files


async def test_ctrl_s_saves_the_file_atomically(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "enter", "ctrl+s")
        assert "已保存" in message(app)
        assert "*未保存" not in screen_text(app)
    on_disk = toml_file.load(tmp_path / CLEAN)
    assert on_disk.requests["new"]["natural_person"] == 5
    assert list(tmp_path.glob(".*.tmp")) == []


async def test_a_failed_save_is_shown_and_nothing_is_lost(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "enter")
        app.session.path = tmp_path / "removed-folder" / CLEAN
        await pilot.press("ctrl+s")
        text = message(app)
        assert "保存失败" in text and "文件夹不存在" in text
        assert app.screen.query_one("#message").has_class("error")
        assert app.session.dirty and app.session.report.requests["new"]["natural_person"] == 5
        assert app.is_running
        app.session.path = tmp_path / CLEAN
        await pilot.press("ctrl+s")
        assert "已保存" in message(app)
    assert toml_file.load(tmp_path / CLEAN).requests["new"]["natural_person"] == 5


# --------------------------------------------------------------------------- quitting


async def test_quitting_without_changes_does_not_ask(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)


@pytest.mark.parametrize(("answer", "saved", "quits"), [("s", 7, True), ("d", 38, True)])
async def test_quitting_with_changes_asks_save_or_discard(
    tmp_path: Path, answer: str, saved: int, quits: bool
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter", "ctrl+q")
        assert isinstance(app.screen, QuitScreen)
        assert "有未保存的修改" in screen_text(app)
        await pilot.press(answer)
        await wait_for(pilot, lambda: not app.is_running)
    assert toml_file.load(tmp_path / CLEAN).requests["new"]["natural_person"] == saved


async def test_cancelling_the_quit_prompt_goes_back_to_editing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter", "ctrl+q", "escape")
        assert app.is_running and not isinstance(app.screen, QuitScreen)
        await pilot.press("8", "enter")
        assert app.session.report.requests["carried_over"]["natural_person"] == 8
        await pilot.press("ctrl+q", "tab", "enter")  # the focused button: 不保存退出
        await wait_for(pilot, lambda: not app.is_running)


async def test_a_failed_save_on_quit_keeps_the_editor_open(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter")
        app.session.path = tmp_path / "removed-folder" / CLEAN
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert app.is_running
        assert "保存失败" in message(app)


# --------------------------------------------------------------------------- a new report


async def test_a_missing_file_starts_a_blank_report_saved_to_it(tmp_path: Path) -> None:
    path = tmp_path / "新报告.toml"
    app = GovtuiApp(None, path=path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, NewReportScreen)
        await pilot.press(*"云溪县民政局", "enter")
        year = app.screen.query_one("#year", Input)
        year.value = "2024"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert app.session.report.agency == "云溪县民政局"
        assert app.session.dirty and not path.exists()
        await pilot.press("ctrl+s")
    report = toml_file.load(path)
    assert (report.agency, report.year) == ("云溪县民政局", 2024)
    assert report.requests["new"]["natural_person"] == 0


def refusal_of_year(year: int) -> str:
    """What the model says of a year out of range (the one check of it)."""
    with pytest.raises(ValueError) as refused:
        check_year(year)
    return str(refused.value)


async def test_a_year_out_of_range_is_refused_in_the_models_words_in_both_places(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, start="info")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#year", Input).value = "1899"
        await pilot.pause()
        assert message(app) == f"报告年度：{refusal_of_year(1899)}（仍用 2024）"
        assert app.session.report.year == 2024
    app = GovtuiApp(None, path=tmp_path / "新报告.toml")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#year", Input).value = "1899"
        await pilot.press(*"云溪县民政局", "enter")
        problem = str(app.screen.query_one("#problem").render())
        assert problem == f"报告年度：{refusal_of_year(1899)}"
        assert isinstance(app.screen, NewReportScreen)


async def test_the_new_report_prompt_insists_on_an_agency(tmp_path: Path) -> None:
    app = GovtuiApp(None, path=tmp_path / "x.toml")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#year", Input).focus()
        await pilot.press("enter")
        assert "请填写机关名称" in screen_text(app)
        assert isinstance(app.screen, NewReportScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.is_running)
    assert not (tmp_path / "x.toml").exists()


async def test_without_a_file_the_prompt_opens_an_existing_report(tmp_path: Path) -> None:
    target = tmp_path / CLEAN
    target.write_bytes((SAMPLES / CLEAN).read_bytes())
    app = GovtuiApp(None)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#file", Input).value = str(target)
        app.screen.query_one("#agency", Input).focus()
        await pilot.press("x", "enter")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert app.session.path == target
        assert app.session.report.agency == "云溪县市场监督管理局"
        assert not app.session.dirty
        assert isinstance(app.screen.query_one(TextArea), TextArea)
