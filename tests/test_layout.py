"""The table geometry both published formats draw is the official form's, for any report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from govtui.io import layout, toml_file
from govtui.model import Report
from official import ASSERT_TABLE, Placed
from strategies import reports

SAMPLES = sorted((Path(__file__).parent.parent / "sample").glob("*.toml"))


def _placed(grid: layout.Grid) -> list[Placed]:
    return [Placed(c.row, c.col, c.rowspan, c.colspan, c.text) for row in grid.rows for c in row]


def _assert_all(report: Report) -> None:
    for grid in layout.grids(report).values():
        ASSERT_TABLE[grid.table](_placed(grid), report)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_tables_have_the_official_geometry(path: Path) -> None:
    _assert_all(toml_file.load(path))


@given(reports())
def test_any_report_has_the_official_geometry(report: Report) -> None:
    _assert_all(report)


def test_numbers_carry_their_keys_and_totals_are_marked() -> None:
    report = toml_file.load(SAMPLES[0])
    cells = [c for row in layout.requests(report).rows for c in row if not c.header]
    assert len(cells) == 25 * 7
    for cell in cells:
        assert cell.text == str(report.value("requests", cell.row_key, cell.col_key))
        assert cell.computed == (cell.row_key == "total" or cell.col_key == "total")


def test_widths_cover_every_grid_column() -> None:
    report = toml_file.load(SAMPLES[0])
    for grid in layout.grids(report).values():
        assert len(grid.widths) == grid.width
        assert sum(grid.share(c) for c in range(grid.width)) == pytest.approx(1)
