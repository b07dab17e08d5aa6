"""What a clerk reads at 80 × 24: every screen and dialog in Chinese (no stock English of Textual
or argparse), messages that do not fit cut with a mark, warnings folded under their indent,
headers broken where Chinese may break, the year field that takes only digits."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from tests.tui_helpers import app_on, copy_this_year, make_app, screen_lines, wait_for
from textual import events
from textual.widgets import Input

from govtui import cli, form
from govtui.linebreak import NO_LINE_END, NO_LINE_START
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.base import SectionScreen
from govtui.tui.sections import PLACES
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.status import MARK, StatusLine

SIZE = (80, 24)

# What Textual 8.2.8 and argparse would show of their own, in English.
TEXTUAL_STOCK = (
    "No matches found",
    "Search for commands",
    "Do you want to quit",
    "to quit the app",
    "Copy selected text",
    "Exit the command palette",
    "Next command",
    "Previous command",
    "Go to top",
    "Go to bottom",
    "Show keys",
    "Screenshot",
    "Change theme",
    "Maximize",
    "Minimize",
    "Toggle",
)
ARGPARSE_STOCK = (
    "positional arguments",
    "show this help message and exit",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
    "invalid int value",
    "not allowed with argument",
    "show program's version number",
)


def english_on(text: str) -> list[str]:
    return [s for s in TEXTUAL_STOCK if s.lower() in text.lower()]


def cut_without_mark(app: GovtuiApp) -> list[str]:
    """Message and place lines whose text does not all show and that do not end in the mark."""
    lines = screen_lines(app)
    bad = []
    for line in app.screen.query(StatusLine):
        if line._content is None or not line.region.height:
            continue
        region = line.region
        shown = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
        flat = re.sub(r"\s", "", "".join(shown))
        whole = re.sub(r"\s", "", line._content.plain)
        if whole not in flat and not flat.endswith(MARK):
            bad.append(f"{line.id}: {whole!r} shown as {flat!r}")
    return bad


def look(app: GovtuiApp, where: str) -> None:
    text = "\n".join(screen_lines(app))
    assert english_on(text) == [], f"{where}: {english_on(text)}\n{text}"
    assert cut_without_mark(app) == [], where


async def test_every_screen_and_dialog_is_chinese_and_cuts_with_a_mark(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "copied"), start="info")
    # With the toasts, where Textual would say "Do you want to quit?".
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for place in PLACES:
            await pilot.press(place.key)
            await wait_for(pilot, lambda p=place: app.screen.name == p.name)  # type: ignore[misc]
            await pilot.pause()
            look(app, place.name)
            await pilot.press("ctrl+c")  # nothing selected here, or a cell: never English
            look(app, f"{place.name} ctrl+c")
        await pilot.press("f5", "x", "enter")  # a refusal on the message line
        look(app, "refused")
        for keys, name in (
            (("f1",), "help"),
            (("ctrl+p",), "palette"),
            (("ctrl+p", *"zzzq"), "palette, no match"),
            (("ctrl+r",), "export"),
            (("f8", "a"), "accept"),
        ):
            await pilot.press(*keys)
            await pilot.pause(0.7)  # the palette says "no match" after half a second
            look(app, name)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("f5", "1", "enter", "ctrl+q")
        await pilot.pause()
        look(app, "quit")
    new = GovtuiApp(None, path=tmp_path / "新报告.toml")
    async with new.run_test(size=SIZE) as pilot:
        await pilot.pause()
        look(new, "new report")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        *[[name, "--help"] for name in cli.COMMANDS],
        ["check"],
        ["frobnicate", "x"],
        ["export", "--format", "pdf", "x.toml"],
        ["new", "a.toml", "--year", "abc"],
        ["check", "--jobs"],
        ["diff", "a.toml", "b.toml", "c.toml"],
    ],
)
def test_argparse_speaks_chinese(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        pytest.raises(SystemExit),
    ):
        cli.main(argv)
    text = out.getvalue() + err.getvalue()
    assert [s for s in ARGPARSE_STOCK if s in text] == []
    for line in text.splitlines():
        assert not line.startswith(("usage:", "options:")), line
    assert "用法 / usage:" in text


async def test_a_message_longer_than_two_lines_ends_in_the_mark(tmp_path: Path) -> None:
    """「１２５．…万」不是… on the longest label: the end of the message does not fit."""
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(Grid).go_to("other.unpaid_fee", "legal_services")
        driver = app._driver
        assert driver is not None
        typed = [("１", "１"), ("２", "２"), ("５", "５"), ("fullwidth_full_stop", "．")]
        for key, char in [*typed * 5, ("万", "万"), ("enter", "\r")]:
            driver.send_message(events.Key(key, char))
        await wait_for(pilot, lambda: "１２５．" in str(app.screen.query_one("#message").render()))
        rendered = str(app.screen.query_one("#message").render())
        assert rendered.endswith(MARK) and "已保留原值" not in rendered
        assert cut_without_mark(app) == []


async def test_findings_fold_under_their_indent_where_chinese_may_break(tmp_path: Path) -> None:
    app = app_on(copy_this_year(tmp_path, "copied"), start="findings")
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_prose("closing.other_matters", "本年没有其他事项。")
        await pilot.pause(0.1)
        lines = screen_lines(app)
        start = next(i for i, line in enumerate(lines) if "警告 六、其他需要报告的事项" in line)
        body = [line.rstrip() for line in lines[start + 1 : start + 3]]
        assert all(line.startswith("   ") for line in body), body  # border, then the indent
        assert "没有说明是否收取信息处理费" in "".join(body).replace(" ", "")
        for line in body:
            assert line.strip()[0] not in NO_LINE_START and line.strip()[-1] not in NO_LINE_END


async def test_the_fee_header_of_section_two_breaks_where_chinese_may(tmp_path: Path) -> None:
    app = make_app(tmp_path, start="proactive")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "本年收费" in text
        for line in text.splitlines():
            assert not line.rstrip().endswith("（"), line
            assert not re.search(r"\s（\s", line), line


async def test_the_new_report_year_takes_digits_and_its_error_goes_once_fixed(
    tmp_path: Path,
) -> None:
    app = GovtuiApp(None, path=tmp_path / "新报告.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"云溪县民政局")
        year = app.screen.query_one("#year", Input)
        year.focus()
        await pilot.press("ctrl+u", *"二〇二五")
        assert year.value == ""
        await pilot.press("enter")
        assert "报告年度" in "\n".join(screen_lines(app))
        await pilot.press(*"2025")
        assert year.value == "2025"
        assert "报告年度应为" not in "\n".join(screen_lines(app))
        assert "报告年度：" not in "\n".join(screen_lines(app))
        assert isinstance(app.screen, SectionScreen) or app.screen.query_one("#problem")
    assert form.PROACTIVE.key == "proactive"
