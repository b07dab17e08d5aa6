"""ctrl+t on 一（二）: the standard sentences from the tables, which narrative then agrees with."""

from __future__ import annotations

from pathlib import Path

from tests.tui_helpers import make_app

from govtui.rules import check
from govtui.tui.widgets.prose import ProseEditor


async def test_ctrl_t_inserts_the_tables_figures_and_narrative_agrees(tmp_path: Path) -> None:
    app = make_app(tmp_path, name="yunxi-scjg-2024-broken.toml", start="overview")
    async with app.run_test(size=(100, 30)) as pilot:
        assert {f.rule for f in app.session.findings if not f.is_error} == {"narrative"}
        area = app.screen.query_one("#overview-on_request", ProseEditor).text_area
        area.focus()
        area.text = ""
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        text = app.session.report.prose["overview.on_request"]
        assert text.startswith(
            "2024年，本机关共收到政府信息公开申请51件，上年结转政府信息公开申请3件。"
        )
        assert "予以公开23件" in text and "结转下年度继续办理6件" in text
        assert [f for f in check(app.session.report) if f.rule == "narrative"] == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.report.prose["overview.on_request"] == ""


async def test_ctrl_t_on_a_field_without_standard_sentences_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=(100, 30)) as pilot:
        lead = app.session.report.prose["overview.lead"]
        app.screen.query_one("#overview-lead", ProseEditor).text_area.focus()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.session.report.prose["overview.lead"] == lead
        assert "没有按表格生成的标准表述" in str(app.screen.query_one("#message").render())
