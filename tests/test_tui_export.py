"""Exporting from the editor (ctrl+r and the palette), and a published report given to it.

Each test runs its own app on its own copy of a sample: they write files beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, SAMPLES, copy_sample, make_app, screen_text, wait_for
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList

from govtui.cli import main
from govtui.io import toml_file
from govtui.io.exporters import EXPORTERS, Exporter
from govtui.io.reading import read_report
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.export import ExportScreen
from govtui.tui.screens.import_prompt import ImportScreen, OpenImportedScreen
from govtui.tui.session import Session

SIZE = (80, 24)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


# --------------------------------------------------------------------------- export


async def test_ctrl_r_offers_every_format_and_writes_the_chosen_one(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ExportScreen)
        formats = app.screen.query_one(OptionList)
        listed = [formats.get_option_at_index(i).id for i in range(formats.option_count)]
        assert listed == [e.name for e in EXPORTERS]
        text = screen_text(app)
        assert all(e.label in text for e in EXPORTERS)
        await pilot.press("down", "enter")  # 网页（.html）
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportScreen))
        target = tmp_path / "yunxi-scjg-2024.html"
        assert f"已导出网页（.html）：{target}" in message(app)
        assert target.read_bytes() == EXPORTERS[1].render(app.session.report)
        # Markdown, the first, is one ctrl+r and Enter away; 预览 stays Markdown.
        await pilot.press("ctrl+r", "enter")
        await wait_for(pilot, lambda: (tmp_path / "yunxi-scjg-2024.md").exists())
        await pilot.press("f9")
        assert app.screen.source == (tmp_path / "yunxi-scjg-2024.md").read_text("utf-8")


async def test_escape_exports_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r", "escape")
        await wait_for(pilot, lambda: app.screen.name == "requests")
    assert sorted(p.name for p in tmp_path.iterdir()) == [CLEAN]


async def test_a_format_without_its_extra_is_greyed_out_with_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Exporter, "available", lambda self: self.name != "docx")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        formats = app.screen.query_one(OptionList)
        word = formats.get_option("docx")
        assert word.disabled and not formats.get_option("json").disabled
        assert "pip install 'govtui[docx]'" in screen_text(app)
        await pilot.press("down", "down", "enter")  # html, then past Word to JSON
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportScreen))
    assert (tmp_path / "yunxi-scjg-2024.json").exists()
    assert not (tmp_path / "yunxi-scjg-2024.docx").exists()


async def test_a_failed_export_is_shown_and_editing_goes_on(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.session.path = tmp_path / "removed-folder" / CLEAN
        await pilot.press("ctrl+r", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportScreen))
        text = message(app)
        assert "导出Markdown 草稿（.md）失败" in text and "文件夹不存在" in text
        assert app.screen.query_one("#message").has_class("error")
        assert app.is_running


async def test_the_palette_has_an_entry_for_each_format(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"导出JSON")
        palette = app.screen
        assert isinstance(palette, CommandPalette)

        def offers_json() -> bool:
            hits = palette.query_one(CommandList)
            return hits.option_count >= 1 and "JSON" in str(hits.get_option_at_index(0).prompt)

        await wait_for(pilot, offers_json)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: (tmp_path / "yunxi-scjg-2024.json").exists())
        assert "已导出JSON" in message(app)


# --------------------------------------------------------------------------- a published report


def test_without_a_terminal_a_published_report_says_how_to_import_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "报告.docx"
    source.write_bytes((SAMPLES / "yunxi-scjg-2024.docx").read_bytes())
    assert main([str(source)]) == 2
    err = capsys.readouterr().err
    assert "是已发布的报告" in err
    assert f"govtui import {source} -o {tmp_path / '报告.toml'}" in err
    assert not (tmp_path / "报告.toml").exists()


def test_a_new_report_must_be_a_toml_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["edit", str(tmp_path / "报告.docx")]) == 2
    assert f"新建报告请给出 .toml 文件名，如 {tmp_path / '报告.toml'}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


async def test_a_published_report_is_imported_beside_it_and_opened(tmp_path: Path) -> None:
    source = tmp_path / "yunxi-scjg-2024.docx"
    source.write_bytes((SAMPLES / "yunxi-scjg-2024.docx").read_bytes())
    target = source.with_suffix(".toml")
    loaded = read_report(source)
    app = GovtuiApp(None, path=target, prompt=ImportScreen(loaded, target))
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "是已发布的报告" in text and "云溪县市场监督管理局 2024 年" in text
        assert not target.exists()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert "已由" in message(app) and "导入" in message(app)
        assert not app.session.dirty
    assert toml_file.load(target) == loaded.report
    # The import is the sample itself: the Word export reads back to the same report.
    assert toml_file.load(target) == toml_file.load(SAMPLES / CLEAN)


async def test_leaving_the_import_prompt_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "yunxi-scjg-2024.html"
    source.write_bytes((SAMPLES / "yunxi-scjg-2024.html").read_bytes())
    target = source.with_suffix(".toml")
    app = GovtuiApp(None, path=target, prompt=ImportScreen(read_report(source), target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.is_running)
    assert not target.exists()


async def test_an_earlier_import_beside_it_is_offered_instead(tmp_path: Path) -> None:
    target = copy_sample(tmp_path, CLEAN)
    source = target.with_suffix(".docx")
    session = Session(toml_file.load(target), target)
    app = GovtuiApp(None, path=target, prompt=OpenImportedScreen(source, session))
    async with app.run_test(size=SIZE) as pilot:
        assert f"已有「{CLEAN}」" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert app.session is session


async def test_a_control_character_in_the_file_name_is_shown_not_obeyed(tmp_path: Path) -> None:
    source = tmp_path / "报告\x1b[2J.html"
    source.write_bytes((SAMPLES / "yunxi-scjg-2024.html").read_bytes())
    target = source.with_suffix(".toml")
    app = GovtuiApp(None, path=target, prompt=ImportScreen(read_report(source), target))
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "「报告\\x1b[2J.html」是已发布的报告" in text
        assert "\x1b" not in text
