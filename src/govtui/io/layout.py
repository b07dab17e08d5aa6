"""The geometry of the three official tables: which cell sits where and how far it spans.

The HTML page and the Word document must print the tables exactly as the 2021 form does —
section 二 as one table of four 第二十条 blocks, section 三 with its corner note, two-level
applicant header and vertical group labels, section 四 with its 行政复议 / 行政诉讼 header over
one row of fifteen numbers. Working that geometry out once, here, from :mod:`govtui.form`, is
what keeps the two published formats identical to each other; each only decides how a
:class:`Cell` is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from govtui import form
from govtui.model import Report
from govtui.numbers import format_fee

# Column widths in characters of the table's font: a number column holds seven digits; the
# label columns of 三 hold the vertical 三、本年度办理结果, the （三）不予公开 groups and the
# longest row labels over two or three lines.
VALUE = 3.6
PROACTIVE_LABEL = 9.0
REQUESTS_LABELS = (1.6, 4.4, 12.0)


# What a cell is: the corner note of 三, a column heading (or a 第二十条 block's), a group of
# rows (三、本年度办理结果, （三）不予公开 …), a row's own label, or a number.
Role = Literal["corner", "column", "group", "row", "value"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed cell, placed by its top-left corner in the table's full grid."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    role: Role = "value"
    table: str = ""  # for a number: the form's table, row and column keys of the value
    row_key: str = ""
    col_key: str = ""
    computed: bool = False  # a total the program works out (never typed)
    vertical: bool = False  # a group label printed in a narrow column, top to bottom

    @property
    def header(self) -> bool:
        """A label (drawn as a heading cell), as opposed to a number."""
        return self.role != "value"


@dataclass(frozen=True, slots=True)
class Grid:
    """A whole table: ``width`` columns, and for each printed row the cells starting in it."""

    table: str
    width: int
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative width of each grid column, in characters
    header_rows: int = 0  # leading rows that repeat on every printed page

    def share(self, column: int) -> float:
        """The part (0–1) of the table's width that grid column ``column`` takes."""
        return self.widths[column] / sum(self.widths)


class _Builder:
    """Collects cells row by row, tracking the column each next cell starts at."""

    def __init__(self) -> None:
        self.rows: list[list[Cell]] = []
        self._taken: set[tuple[int, int]] = set()

    def new_row(self) -> None:
        self.rows.append([])

    def place(self, cell: Cell) -> None:
        """Put ``cell`` at the first free column of the current row (its own place ignored)."""
        row = len(self.rows) - 1
        col = 0
        while (row, col) in self._taken:
            col += 1
        for r in range(row, row + cell.rowspan):
            for c in range(col, col + cell.colspan):
                self._taken.add((r, c))
        self.rows[-1].append(replace(cell, row=row, col=col))

    def label(
        self, text: str, role: Role, rowspan: int = 1, colspan: int = 1, vertical: bool = False
    ) -> None:
        self.place(Cell(text, 0, 0, rowspan, colspan, role=role, vertical=vertical))

    def number(
        self,
        report: Report,
        table: form.Table,
        row: form.Row,
        column: form.Column,
        colspan: int = 1,
    ) -> None:
        """A value cell, computed totals included, with the keys that say which value it is."""
        if row.kind == "decimal":
            text = format_fee(report.fees)
        else:
            text = str(report.value(table.key, row.key, column.key))
        computed = row.computed or column.computed
        self.place(Cell(text, 0, 0, 1, colspan, "value", table.key, row.key, column.key, computed))

    def grid(self, table: str, widths: tuple[float, ...], header_rows: int = 0) -> Grid:
        return Grid(table, len(widths), tuple(tuple(r) for r in self.rows), widths, header_rows)


def _spans(width: int, count: int) -> list[int]:
    """Spread ``width`` grid columns over ``count`` printed ones; the last takes the rest."""
    return [1] * (count - 1) + [width - count + 1]


def proactive(report: Report) -> Grid:
    """二: one table, each 第二十条 block a label row, a header row and its data rows.

    Blocks with fewer columns than the widest one stretch their last column, as the form
    does (本年处理决定数量 spans the three columns of 本年制发/废止/现行有效).
    """
    table = form.PROACTIVE
    value_width = max(len(b.columns) for b in table.blocks)
    width = 1 + value_width
    out = _Builder()
    for block in table.blocks:
        spans = _spans(value_width, len(block.columns))
        out.new_row()
        out.label(block.label, "column", colspan=width)
        out.new_row()
        out.label(table.corner, "column")
        for column, span in zip(block.columns, spans, strict=True):
            out.label(column.label, "column", colspan=span)
        for key in block.rows:
            row = table.row(key)
            out.new_row()
            out.label(row.label, "row")
            for column, span in zip(block.columns, spans, strict=True):
                out.number(report, table, row, column, span)
    return out.grid(table.key, (PROACTIVE_LABEL, *[VALUE] * value_width))


def _row_labels(out: _Builder, table: form.Table, index: int, depth: int) -> None:
    """The label cells of row ``index``: a group label where its run of rows begins
    (spanning the run), then the row's own label stretched to the remaining label columns."""
    rows = table.rows
    row = rows[index]
    for level, group in enumerate(row.path):
        prefix = row.path[: level + 1]
        if index > 0 and rows[index - 1].path[: level + 1] == prefix:
            continue  # covered by the group cell above
        run = 1
        while index + run < len(rows) and rows[index + run].path[: level + 1] == prefix:
            run += 1
        out.label(group, "group", rowspan=run, vertical=level == 0)
    out.label(row.label, "row", colspan=depth - len(row.path))


def requests(report: Report) -> Grid:
    """三: corner note over the row labels, 申请人情况 over every column, 法人或其他组织 over
    its five; then one printed row per form row, group labels (三、本年度办理结果, （三）不予公开 …)
    spanning their rows."""
    table = form.REQUESTS
    depth = 1 + max(len(r.path) for r in table.rows)
    columns = table.columns
    out = _Builder()
    out.new_row()
    out.label(table.corner, "corner", rowspan=3, colspan=depth)
    out.label(form.APPLICANTS, "column", colspan=len(columns))
    out.new_row()
    seen_groups: set[str] = set()
    for column in columns:
        if not column.group:
            out.label(column.label, "column", rowspan=2)
        elif column.group not in seen_groups:
            seen_groups.add(column.group)
            out.label(
                column.group, "column", colspan=sum(1 for c in columns if c.group == column.group)
            )
    out.new_row()
    for column in columns:
        if column.group:
            out.label(column.label, "column")
    for index, row in enumerate(table.rows):
        out.new_row()
        _row_labels(out, table, index, depth)
        for column in columns:
            out.number(report, table, row, column)
    return out.grid(table.key, (*REQUESTS_LABELS, *[VALUE] * len(columns)), header_rows=3)


def appeals(report: Report) -> Grid:
    """四: the groups (行政复议; 行政诉讼 → 未经复议直接起诉, 复议后起诉) side by side over
    their five columns, and one row of fifteen numbers."""
    table = form.APPEALS
    columns = table.columns
    out = _Builder()
    out.new_row()
    index = 0
    while index < len(table.rows):
        row = table.rows[index]
        if not row.path:
            out.label(row.label, "column", colspan=len(columns))
            index += 1
            continue
        run = [r for r in table.rows[index:] if r.path[:1] == row.path[:1]]
        out.label(row.path[0], "column", colspan=len(columns) * len(run))
        index += len(run)
    out.new_row()
    for row in table.rows:
        if row.path:
            out.label(row.label, "column", colspan=len(columns))
        else:
            for column in columns:
                out.label(column.label, "column", rowspan=2)
    out.new_row()
    for row in table.rows:
        if row.path:
            for column in columns:
                out.label(column.label, "column")
    out.new_row()
    for row in table.rows:
        for column in columns:
            out.number(report, table, row, column)
    return out.grid(table.key, (VALUE,) * (len(columns) * len(table.rows)), header_rows=3)


def grids(report: Report) -> dict[str, Grid]:
    """Every table of the report, keyed by the numeral of the section that prints it."""
    return {
        form.PROACTIVE.section: proactive(report),
        form.REQUESTS.section: requests(report),
        form.APPEALS.section: appeals(report),
    }
