"""Year over year in the editor: cross-year findings with the others, last year's values,
copied text beside its field, accepted warnings, and next year's draft from last year's file.

Each test runs its own app on its own copies of the 2025 fixtures with the 2024 sample beside
them as their predecessor.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import (
    CLEAN,
    NEXT,
    SAMPLES,
    app_on,
    copy_sample,
    copy_this_year,
    screen_text,
    wait_for,
)
from textual.widgets import Input, OptionList, TextArea

from govtui.io import toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.accept import AcceptScreen
from govtui.tui.screens.findings import FindingsScreen
from govtui.tui.screens.new_report import NewReportScreen
from govtui.tui.screens.requests import RequestsScreen
from govtui.tui.screens.table import TableScreen
from govtui.tui.widgets.prose import ProseEditor

SIZE = (80, 24)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def place_line(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#place").render())


def meta(app: GovtuiApp, key: str) -> str:
    editor = app.screen.query_one(f"#{key.replace('.', '-')}", ProseEditor)
    return str(editor.query_one(".prose--meta").render())


def comparison(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#last-year").render())


async def highlight(app: GovtuiApp, rule: str) -> None:
    """Put the 校验 list's highlight on the first finding of ``rule``."""
    screen = app.screen
    assert isinstance(screen, FindingsScreen)
    index = next(i for i, f in enumerate(app.session.findings) if f.rule == rule)
    screen.query_one(OptionList).highlighted = index


# --------------------------------------------------------------------------- cross-year


async def test_cross_year_errors_are_counted_marked_and_told_on_the_matrix(
    tmp_path: Path,
) -> None:
    app = app_on(copy_this_year(tmp_path, "carry-over"))
    last = toml_file.load(tmp_path / CLEAN).requests["carried_over"]["natural_person"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "错误 2" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, RequestsScreen)
        screen.go_to("carried_over", "natural_person")
        await pilot.pause()
        assert "2024 年报告的四、结转下年度继续办理 是 3 件" in message(app)
        # Last year's value of the same cell (the rule compares with last year's 四).
        assert f"二、上年结转政府信息公开申请数量 / 自然人：2  上年：{last}" in place_line(app)
        await pilot.press("3", "enter")
        await pilot.press("f8")
        assert [f.column for f in app.session.findings if f.rule == "carry_over"] == [
            "商业企业",
            "总计",
        ]
        assert "「商业企业」列：二、上年结转" in screen_text(app)


async def test_last_years_value_follows_the_cursor_in_section_two(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path), start="proactive")
    last = toml_file.load(tmp_path / CLEAN)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TableScreen)
        screen.go_to("normative_documents", "in_force")
        await pilot.pause()
        this = app.session.report.proactive["normative_documents"]["in_force"]
        expected = (
            f"现行有效件数：{this}  上年：{last.proactive['normative_documents']['in_force']}"
        )
        assert expected in place_line(app)
        screen.go_to("fees", "amount")
        await pilot.pause()
        assert f"上年：{last.fees}" in place_line(app)


async def test_without_last_year_there_is_no_last_year_column_and_a_notice(
    tmp_path: Path,
) -> None:
    path = copy_this_year(tmp_path, "carry-over")
    (tmp_path / CLEAN).unlink()
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "未做跨年度校验" in message(app)  # told on opening (its long path shortened)
        assert "上年：" not in place_line(app)
        assert "错误 0" in screen_text(app)
        await pilot.press("f8")
        assert "未做跨年度校验" in comparison(app)  # and on 校验, for good


async def test_a_copied_section_shows_its_share_and_warning_until_rewritten(
    tmp_path: Path,
) -> None:
    app = app_on(copy_this_year(tmp_path, "copied"), start="overview")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = meta(app, "overview.proactive")
        assert "与上年相同 100%" in text and "属于内容雷同" in text
        assert "与上年相同 100%" not in meta(app, "overview.lead")
        assert "警告 2" in screen_text(app)
        area = app.screen.query_one("#overview-proactive TextArea", TextArea)
        area.focus()
        area.text = (
            "本年度主动公开工作围绕优化营商环境展开，新设涉企政策专栏，集中发布惠企政策解读"
            "和办事指南，按月更新抽检结果。"
        )
        await wait_for(pilot, lambda: "与上年相同 0%" in meta(app, "overview.proactive"))
        assert "雷同" not in meta(app, "overview.proactive")
        assert "警告 1" in screen_text(app)


async def test_the_findings_screen_names_last_years_report_and_the_accepted(
    tmp_path: Path,
) -> None:
    app = app_on(copy_this_year(tmp_path, "accepted"), start="findings")
    async with app.run_test(size=SIZE):
        assert comparison(app) == f"跨年度校验对照上年报告：{tmp_path / CLEAN}"
        text = screen_text(app)
        assert "共 0 个错误，0 个警告（另有 1 个警告已接受）" in text
        assert "警告（已接受）" in text and "理由：2 件行政规范性文件经清理后继续有效" in text
        assert "错误 0  警告 0" in text


# --------------------------------------------------------------------------- accepting


async def test_a_warning_is_accepted_with_a_reason_saved_and_taken_back(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "in-force")
    app = app_on(path, start="findings")
    async with app.run_test(size=SIZE) as pilot:
        assert "警告 1" in screen_text(app)
        await highlight(app, "in_force")
        await pilot.press("a")
        assert isinstance(app.screen, AcceptScreen)
        await pilot.press(*"文件到期失效", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FindingsScreen))
        text = screen_text(app)
        assert "警告（已接受）" in text and "理由：文件到期失效" in text
        assert "警告 0" in text and "*未保存" in text
        assert "已接受这条警告，不再计数" in message(app)
        # Accepted warnings are not marked in the grid nor told on its message line.
        await pilot.press("f4")
        assert "本表没有发现问题" in message(app)
        await pilot.press("ctrl+s", "f8")
        saved = toml_file.load(path).accepted
        assert [(a.rule, a.place, a.reason) for a in saved] == [
            ("in_force", "proactive.normative_documents.in_force", "文件到期失效")
        ]
        await highlight(app, "in_force")
        await pilot.press("u")
        assert "警告 1" in screen_text(app) and app.session.dirty
        assert app.session.report.accepted == []


async def test_an_acceptance_whose_warning_is_gone_is_listed_and_dropped_with_u(
    tmp_path: Path,
) -> None:
    path = copy_this_year(tmp_path, "accepted")
    report = toml_file.load(path)
    report.proactive["normative_documents"]["in_force"] = 11  # the in_force warning corrected
    toml_file.save(report, path)
    app = app_on(path, start="findings")
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "接受记录（警告已不再出现）" in text
        assert "行政规范性文件 / 现行有效件数" in text
        assert "按 U 删除" in message(app)
        await pilot.press("enter")  # nowhere to jump: told so, still on 校验
        assert isinstance(app.screen, FindingsScreen) and "没有可跳转" in message(app)
        await pilot.press("u")
        assert "已删除这条接受记录" in message(app) and app.session.dirty
        assert "警告已不再出现" not in screen_text(app)
        await pilot.press("ctrl+s")
        assert toml_file.load(path).accepted == []


async def test_an_error_cannot_be_accepted(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "carry-over"), start="findings")
    async with app.run_test(size=SIZE) as pilot:
        await highlight(app, "carry_over")
        await pilot.press("a")
        assert isinstance(app.screen, FindingsScreen)
        assert "错误不能接受" in message(app)
        assert app.session.report.accepted == [] and not app.session.dirty


async def test_a_reason_is_required_and_escape_accepts_nothing(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "in-force"), start="findings")
    async with app.run_test(size=SIZE) as pilot:
        await highlight(app, "in_force")
        await pilot.press("a", "space", "enter")
        assert isinstance(app.screen, AcceptScreen)
        assert "请写明接受的理由" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, FindingsScreen))
        assert app.session.report.accepted == [] and not app.session.dirty
        assert "警告 1" in screen_text(app)


async def test_an_accepted_prose_warning_says_so_beside_its_field(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "copied"), start="findings")
    async with app.run_test(size=SIZE) as pilot:
        await highlight(app, "copied_text")
        await pilot.press("a", *"本年无变化", "enter", "f3")
        text = meta(app, "overview.proactive")
        assert "已接受的警告" in text and "理由：本年无变化" in text


# --------------------------------------------------------------------------- next year's draft


async def test_a_new_file_is_drafted_from_last_years_file_beside_it(tmp_path: Path) -> None:
    copy_sample(tmp_path, CLEAN)
    last = copy_sample(tmp_path, NEXT)
    path = tmp_path / "yunxi-scjg-2026.toml"
    app = GovtuiApp(None, path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NewReportScreen)
        last_input = screen.query_one("#last", Input)
        assert last_input.value == str(last) and last_input.has_focus
        assert "从上年报告生成本年草稿" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        report = app.session.report
        assert (report.agency, report.year, report.previous) == (
            "云溪县市场监督管理局",
            2026,
            NEXT,
        )
        carried = toml_file.load(last).requests["carried_forward"]
        assert report.requests["carried_over"] == carried
        assert "已由「yunxi-scjg-2025.toml」生成2026年草稿" in message(app)
        # The draft is checked against 2025 at once: its prose is 2025's, word for word.
        assert app.session.previous.report is not None
        assert any(f.rule == "copied_text" for f in app.session.findings)
        assert app.session.dirty and not path.exists()
        await pilot.press("ctrl+s")
    assert toml_file.load(path) == report


async def test_an_unreadable_last_year_is_refused_in_the_prompt(tmp_path: Path) -> None:
    app = GovtuiApp(None, path=tmp_path / "yunxi-scjg-2026.toml")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NewReportScreen)
        # Nothing beside it: a blank report is offered first; the list switches to a draft.
        assert screen.query_one("#agency", Input).has_focus
        await pilot.press("shift+tab", "up")
        assert screen.query_one("#from-last").display
        assert not screen.query_one("#blank").display
        await pilot.press("tab", *"nowhere.toml", "enter")
        assert "文件不存在" in screen_text(app)
        assert isinstance(app.screen, NewReportScreen)


async def test_the_blank_report_is_still_one_choice_away(tmp_path: Path) -> None:
    copy_sample(tmp_path, CLEAN)
    path = tmp_path / "yunxi-scjg-2025.toml"
    app = GovtuiApp(None, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "down", "tab", *"云溪县民政局", "enter")
        app.screen.query_one("#year", Input).value = "2025"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        report = app.session.report
        assert (report.agency, report.year, report.previous) == ("云溪县民政局", 2025, "")
        assert report.requests["carried_over"]["natural_person"] == 0


async def test_plain_govtui_suggests_last_years_file_for_the_name_typed(tmp_path: Path) -> None:
    copy_sample(tmp_path, CLEAN)
    app = GovtuiApp(None)
    async with app.run_test(size=SIZE) as pilot:
        file = app.screen.query_one("#file", Input)
        file.value = str(tmp_path / "yunxi-scjg-2025.toml")
        await pilot.pause()
        assert app.screen.query_one("#last", Input).value == str(tmp_path / CLEAN)
        assert (SAMPLES / CLEAN).exists()
