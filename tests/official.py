"""The official geometry of the three tables, as printed on the 2021 form, for every published format.

Written from the form's labels and the spans of the official form (国办公开办函〔2021〕30号),
independently of ``govtui.io.layout``: the layout module, the HTML page as Chromium draws it
and the Word file as python-docx reads it back are each checked against this one description.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtui import form
from govtui.model import Report
from govtui.numbers import format_fee


@dataclass(frozen=True)
class Placed:
    """A cell as found in an output: top-left grid position, spans, text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


class _Expect:
    def __init__(self, name: str, cells: list[Placed]) -> None:
        self.name = name
        self.by_pos = {(c.row, c.col): c for c in cells}
        assert len(self.by_pos) == len(cells), f"{name}: two cells start at the same place"
        self.checked: set[tuple[int, int]] = set()

    def at(self, row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        cell = self.by_pos.get((row, col))
        assert cell is not None, f"{self.name}: no cell starts at row {row}, column {col} ({text})"
        assert (cell.text, cell.rowspan, cell.colspan) == (text, rowspan, colspan), (
            f"{self.name} ({row}, {col}): {cell} != {(text, rowspan, colspan)}"
        )
        self.checked.add((row, col))

    def done(self, height: int, width: int) -> None:
        """Every cell was expected, and together they tile the ``height`` × ``width`` grid."""
        extra = set(self.by_pos) - self.checked
        assert not extra, f"{self.name}: unexpected cells {[self.by_pos[p] for p in extra]}"
        covered: dict[tuple[int, int], Placed] = {}
        for cell in self.by_pos.values():
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    assert (r, c) not in covered, f"{self.name}: ({r}, {c}) covered twice"
                    covered[(r, c)] = cell
        assert set(covered) == {(r, c) for r in range(height) for c in range(width)}, (
            f"{self.name}: the cells do not tile a {height} × {width} grid"
        )


def assert_proactive(cells: list[Placed], report: Report) -> None:
    """二: four blocks in one 4-column table; one-column blocks span the three value columns."""
    table = form.PROACTIVE
    expect = _Expect("二", cells)
    row = 0
    for block in table.blocks:
        expect.at(row, 0, block.label, colspan=4)
        expect.at(row + 1, 0, table.corner)
        wide = len(block.columns) == 1
        for j, column in enumerate(block.columns):
            expect.at(row + 1, 1 + j, column.label, colspan=3 if wide else 1)
        row += 2
        for key in block.rows:
            expect.at(row, 0, table.row(key).label)
            for j, column in enumerate(block.columns):
                if key == "fees":
                    text = format_fee(report.fees)
                else:
                    text = str(report.proactive[key][column.key])
                expect.at(row, 1 + j, text, colspan=3 if wide else 1)
            row += 1
    expect.done(14, 4)


def assert_requests(cells: list[Placed], report: Report) -> None:
    """三: the corner note over three label columns, 申请人情况 → 自然人 | 法人或其他组织 (five) |
    总计, and the group labels spanning their rows."""
    table = form.REQUESTS
    expect = _Expect("三", cells)
    expect.at(0, 0, form.MATRIX_NOTE, rowspan=3, colspan=3)
    expect.at(0, 3, form.APPLICANTS, colspan=7)
    expect.at(1, 3, table.column("natural_person").label, rowspan=2)
    expect.at(1, 4, form.LEGAL_PERSONS, colspan=5)
    expect.at(1, 9, table.column("total").label, rowspan=2)
    for j, key in enumerate(("commercial", "research", "nonprofit", "legal_services", "other")):
        expect.at(2, 4 + j, table.column(key).label)
    first = {row.key: 3 + i for i, row in enumerate(table.rows)}
    expect.at(first["granted"], 0, form.RESULTS, rowspan=22)  # 21 outcomes and （七）总计
    for key, span in (
        ("withheld.state_secret", 8),
        ("unavailable.not_held", 3),
        ("rejected.petition", 5),
        ("other.no_supplement", 3),
    ):
        expect.at(first[key], 1, table.row(key).path[1], rowspan=span)
    for row in table.rows:
        depth = len(row.path)
        expect.at(first[row.key], depth, row.label, colspan=3 - depth)
        for j, column in enumerate(table.columns):
            expect.at(first[row.key], 3 + j, str(report.value("requests", row.key, column.key)))
    expect.done(28, 10)


def assert_appeals(cells: list[Placed], report: Report) -> None:
    """四: 行政复议 | 行政诉讼 → 未经复议直接起诉 | 复议后起诉, five columns each, one row of 15."""
    table = form.APPEALS
    expect = _Expect("四", cells)
    expect.at(0, 0, form.REVIEW, colspan=5)
    expect.at(0, 5, form.LITIGATION, colspan=10)
    expect.at(1, 5, table.row("litigation_direct").label, colspan=5)
    expect.at(1, 10, table.row("litigation_after_review").label, colspan=5)
    for j, column in enumerate(table.columns):
        expect.at(1, j, column.label, rowspan=2)
        expect.at(2, 5 + j, column.label)
        expect.at(2, 10 + j, column.label)
    for g, row in enumerate(table.rows):
        for j, column in enumerate(table.columns):
            expect.at(3, 5 * g + j, str(report.value("appeals", row.key, column.key)))
    expect.done(4, 15)


ASSERT_TABLE = {
    "proactive": assert_proactive,
    "requests": assert_requests,
    "appeals": assert_appeals,
}
