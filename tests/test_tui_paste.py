"""Pasting as clerks paste: the official table copied from Excel, WPS or Word — with its
（七）总计 row and 总计 column, its label column and header rows, CRLF or CR CR line ends — goes
where it belongs, and pasted totals that differ from the computed ones are named."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from tests.tui_helpers import NEXT, SAMPLES, make_app
from textual import events
from textual.pilot import Pilot

from govtui import form
from govtui.io import toml_file
from govtui.model import Report
from govtui.tui.app import GovtuiApp
from govtui.tui.paste import plan
from govtui.tui.screens.base import SectionScreen
from govtui.tui.widgets.grid_layout import layout_table

pytestmark = pytest.mark.asyncio(loop_scope="module")

# The numbers pasted: the 2025 sample's, pasted into the 2024 one (every cell differs somewhere).
SOURCE: Report = toml_file.load(SAMPLES / NEXT)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Pilot[None]]:
    app = make_app(tmp_path_factory.mktemp("paste"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        yield pilot


@pytest_asyncio.fixture(loop_scope="module")
async def pilot(running: Pilot[None]) -> Pilot[None]:
    app = running.app
    assert isinstance(app, GovtuiApp)
    while app.session.undo():
        pass
    await app.action_show("requests")
    await running.pause()
    return running


async def paste(pilot: Pilot[None], screen: str, at: tuple[str, str], text: str) -> str:
    """Paste ``text`` on ``screen`` with the cursor on ``at``; the message line after it."""
    app = pilot.app
    assert isinstance(app, GovtuiApp)
    await app.action_show(screen)
    await pilot.pause()
    shown = app.screen
    assert isinstance(shown, SectionScreen)
    shown.go_to(*at)
    app.post_message(events.Paste(text))
    await pilot.pause()
    return str(shown.query_one("#message").render())


def cells(pilot: Pilot[None], table: form.Table) -> dict[tuple[str, str], object]:
    app = pilot.app
    assert isinstance(app, GovtuiApp)
    return {
        (row.key, column.key): app.session.cell(table.key, row.key, column.key)
        for row in table.rows
        for column in table.columns_of(row)
    }


def source(table: form.Table) -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {}
    for row in table.rows:
        for column in table.columns_of(row):
            value = (
                SOURCE.fees if row.key == "fees" else SOURCE.value(table.key, row.key, column.key)
            )
            out[row.key, column.key] = value
    return out


def matrix_rows(rows: tuple[form.Row, ...], *, total_column: bool = True) -> list[list[str]]:
    table = form.REQUESTS
    columns = table.columns if total_column else table.input_columns
    return [[str(SOURCE.value(table.key, r.key, c.key)) for c in columns] for r in rows]


def template_rows() -> list[list[str]]:
    """三 as the official table copies out of Excel: three label columns (merged cells arrive as
    empty cells), two header rows, the 总计 column and the （七）总计 row."""
    table = form.REQUESTS
    numbers = matrix_rows(table.rows)
    out = [
        ["", "", "", form.APPLICANTS] + [""] * 6,
        ["", "", "", "自然人", form.LEGAL_PERSONS, "", "", "", "", "总计"],
        ["", "", "", "", *(c.label for c in table.columns[1:6]), ""],
    ]
    seen: set[str] = set()
    for row, values in zip(table.rows, numbers, strict=True):
        path = [p if p not in seen else "" for p in row.path]
        seen.update(row.path)
        labels = [*path, row.label, "", ""][:3] if path else [row.label, "", ""]
        out.append(labels + values)
    return out


def tsv(rows: list[list[str]], end: str = "\r\n") -> str:
    return end.join("\t".join(r) for r in rows) + end


async def test_cr_cr_line_ends_and_blank_lines_do_not_matter(pilot: Pilot) -> None:
    rows = matrix_rows(form.REQUESTS.rows[:2], total_column=False)
    text = "\r\r".join("\t".join(r) for r in rows) + "\r\r\n\n"
    said = await paste(pilot, "requests", ("new", "natural_person"), text)
    assert "已粘贴 2 行 × 6 列" in said
    got, want = cells(pilot, form.REQUESTS), source(form.REQUESTS)
    for row in ("new", "carried_over"):
        for column in form.REQUESTS.input_columns:
            assert got[row, column.key] == want[row, column.key]


async def test_24_rows_from_one_to_the_total_row_leave_four_alone(pilot: Pilot) -> None:
    """一 … （七）总计 is 24 rows, as is 一 … 四 without the total: the last row summing up the
    21 above it says it is （七）总计, so 四 keeps its numbers."""
    table = form.REQUESTS
    before = cells(pilot, table)
    said = await paste(
        pilot, "requests", ("new", "natural_person"), tsv(matrix_rows(table.rows[:-1]))
    )
    got, want = cells(pilot, table), source(table)
    for row in table.input_rows[:-1]:
        for column in table.input_columns:
            assert got[row.key, column.key] == want[row.key, column.key], row.key
    for column in table.input_columns:
        assert got["carried_forward", column.key] == before["carried_forward", column.key]
    assert "已粘贴 24 行 × 7 列" in said and "总计" in said and "不符" not in said


async def test_the_whole_template_with_labels_and_headers_goes_where_it_belongs(
    pilot: Pilot,
) -> None:
    """From anywhere in the grid; a pasted total that differs from the sum is named."""
    rows = template_rows()
    total_row = 3 + [r.key for r in form.REQUESTS.rows].index("total")
    rows[total_row][3] = str(int(rows[total_row][3]) + 5)  # （七）总计 / 自然人 misprinted
    said = await paste(pilot, "requests", ("rejected.duplicate", "research"), tsv(rows))
    assert cells(pilot, form.REQUESTS) == source(form.REQUESTS)
    assert "按标签对行" in said and "不符" in said
    assert "（七）总计 / 自然人" in said.replace("三、本年度办理结果 ", "")


async def test_a_row_with_its_total_cell_is_taken(pilot: Pilot) -> None:
    row = matrix_rows(form.REQUESTS.rows[:1])
    said = await paste(pilot, "requests", ("new", "natural_person"), tsv(row))
    assert "已粘贴 1 行 × 7 列" in said and "不符" not in said
    assert cells(pilot, form.REQUESTS)["new", "other"] == source(form.REQUESTS)["new", "other"]


async def test_section_two_as_its_four_small_tables(pilot: Pilot) -> None:
    table = form.PROACTIVE
    want = source(table)
    lines: list[list[str]] = []
    for block in table.blocks:
        lines.append([block.label])
        lines.append([table.corner, *(c.label for c in block.columns)])
        for key in block.rows:
            row = table.row(key)
            lines.append([row.label, *(str(want[key, c.key]) for c in table.columns_of(row))])
    said = await paste(pilot, "proactive", ("licensing", "decisions"), tsv(lines))
    assert cells(pilot, table) == want
    assert "按标签对行" in said


async def test_section_four_as_the_one_row_of_the_official_form(pilot: Pilot) -> None:
    table = form.APPEALS
    want = source(table)
    row = [str(SOURCE.value(table.key, r.key, c.key)) for r in table.rows for c in table.columns]
    said = await paste(pilot, "appeals", ("review", "upheld"), tsv([row]))
    assert cells(pilot, table) == want
    assert "不符" not in said


async def test_a_label_that_is_no_row_of_the_table_is_refused_whole(pilot: Pilot) -> None:
    before = cells(pilot, form.REQUESTS)
    text = tsv([["一、本年新收政府信息公开申请数量", "1", "2"], ["午饭", "3", "4"]])
    said = await paste(pilot, "requests", ("new", "natural_person"), text)
    assert "粘贴未执行" in said and "「午饭」" in said
    assert cells(pilot, form.REQUESTS) == before


async def test_the_template_reads_the_same_with_any_line_ends() -> None:
    """The plan alone: CRLF, CR CR, LF and blank lines give the same cells."""
    layout = layout_table(form.REQUESTS)
    lines = [(line.row, line.columns) for line in layout.rows]
    plans = [
        plan(form.REQUESTS, lines, (0, 0), tsv(template_rows(), end))
        for end in ("\r\n", "\r\r", "\n", "\n\n", "\r\r\n")
    ]
    first = plans[0]
    assert first is not None and len(first.cells) == 24 * 6 and len(first.totals) == 24 + 7
    for other in plans[1:]:
        assert other is not None and other.cells == first.cells and other.totals == first.totals
