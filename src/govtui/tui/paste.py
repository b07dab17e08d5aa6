"""Where a pasted block goes: a plan of input cells (and pasted totals to compare), or why not.

Clerks copy from Excel, WPS or Word, often the official table itself: with its （七）总计 row and
总计 column, with the label column (merged label cells arrive as empty cells beside the label)
and the header rows. So a block is read in this order:

- line ends of any kind (CRLF from Excel, CR CR from terminals that turn LF into CR) and blank
  lines do not matter;
- a row without any number is a header row; its cells that name a column of the table say
  which column the values below them belong to (each header row overrides those above it, as
  二's four small tables each have their own);
- a row whose first cells are text is placed by its label, matched as the importer matches
  labels (``io/importers/labels.py``: ``（七）总计``, ``1、``, full-width digits...);
- a block without labels is placed from the cursor; a block as tall or as wide as the whole
  table from its first row or column. Where a row of the block could be a computed row or the
  input row after it (24 rows from 一: （七）总计 or 四?), it is the computed row when its numbers
  are the sum of the rows it sums, as a total would be; a block as wide as the input cells plus
  the total column has the total last.
- 四's table, printed as one row of 15 cells in the official form, may come as one row.

Values that land on computed cells are not written: the grid compares them with the computed
totals and says where they differ. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from govtui import form
from govtui.io.importers.labels import norm, score, split_numbering, target
from govtui.numbers import normalize, parse_fee

_LINE_END = re.compile(r"\r\n|\r|\n")
_NUMBER = re.compile(r"[-+]?[\d.,]*\d[\d.,]*")


class Refused(ValueError):
    """The block cannot be placed; the message says why, in the grid's words."""


@dataclass
class Plan:
    """Input cells to write and pasted totals to compare, each with the text as pasted."""

    cells: list[tuple[form.Row, form.Column, str]] = field(default_factory=list)
    totals: list[tuple[form.Row, form.Column, str]] = field(default_factory=list)
    rows: int = 0  # rows of numbers in the block
    width: int = 0  # the widest of them
    labelled: bool = False  # placed by the label column
    headers: int = 0  # header rows read


Line = tuple[form.Row, Sequence[form.Column]]  # a row of the grid and the columns it shows


def rows_of(text: str) -> list[list[str]]:
    """The block as rows of cells: any line ends, blank lines dropped."""
    lines = [line for line in _LINE_END.split(text) if line.strip() or "\t" in line]
    while lines and not lines[-1].strip():
        lines.pop()
    return [[cell.strip() for cell in line.split("\t")] for line in lines]


def _number(cell: str) -> bool:
    """Whether a cell is meant as a number, good or not (``-3`` and 10¹³ are numbers that the
    grid refuses with their reason, not labels)."""
    return bool(_NUMBER.fullmatch(normalize(cell)))


def _first_number(cells: Sequence[str]) -> int | None:
    return next((i for i, cell in enumerate(cells) if _number(cell)), None)


def _input(row: form.Row, column: form.Column) -> bool:
    return not row.computed and not column.computed


def _trim(values: list[str]) -> list[str]:
    while values and not values[-1]:
        values.pop()
    return values


class _Labels:
    """The grid's rows by label, in the form's order."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.targets = [
            (index, target(line[0].key, line[0].label, index)) for index, line in enumerate(lines)
        ]

    def find(self, label: str, after: int) -> int | None:
        cell = norm(label)
        best: tuple[int, int, int] | None = None  # (score, later than the last match, -index)
        for index, wanted in self.targets:
            sure = score(cell, wanted)
            if sure >= 2:
                key = (sure, int(index > after), -index)
                if best is None or key > best:
                    best = key
        return None if best is None else -best[2]


def _header_columns(cells: Sequence[str], columns: Sequence[form.Column]) -> dict[int, str]:
    """Positions of a header row that name a column of the table (by the column's key)."""
    found: dict[int, str] = {}
    for position, cell in enumerate(cells):
        if not cell:
            continue
        body = split_numbering(norm(cell))[1]
        for column in columns:
            if body == split_numbering(norm(column.label))[1]:
                found[position] = column.key
                break
    return found


def plan(
    table: form.Table, lines: Sequence[Line], cursor: tuple[int, int], text: str
) -> Plan | None:
    """Where ``text`` goes in a grid showing ``lines`` with the cursor on (line, slot);
    ``None`` for nothing to paste; :class:`Refused` when it cannot be placed."""
    block = rows_of(text)
    if not block:
        return None
    data = [(i, cells) for i, cells in enumerate(block) if _first_number(cells) is not None]
    if not data:
        if len(block) == 1 and len(block[0]) == 1:
            raise Refused(f"「{_quote(block[0][0])}」不是数字")
        raise Refused("粘贴的内容里没有数字")
    starts = [_first_number(cells) or 0 for _, cells in data]
    width_labels = min(starts)
    labelled = width_labels > 0 and any(any(cells[:width_labels]) for _, cells in data)
    result = Plan(rows=len(data), labelled=labelled, headers=len(block) - len(data))
    if not labelled:
        width_labels = 0
    # Header rows: which column each position of the values holds, as they say.
    by_position: list[dict[int, str]] = []
    mapping: dict[int, str] = {}
    data_at = dict(data)
    for i, cells in enumerate(block):
        if i in data_at:
            by_position.append(dict(mapping))
        else:
            mapping.update(_header_columns(cells, table.columns))
    values = [_trim(cells[width_labels:]) for _, cells in data]
    result.width = max((len(v) for v in values), default=0)
    if table is form.APPEALS and not labelled and len(values) == 1 and len(lines) > 1:
        per_row = len(lines[0][1])
        if len(values[0]) in (per_row * len(lines), (per_row - 1) * len(lines)):
            step = len(values[0]) // len(lines)
            values = [values[0][i * step : (i + 1) * step] for i in range(len(lines))]
            by_position = [{} for _ in values]
            labelled, data = False, [(0, v) for v in values]
            cursor = (0, 0)
    if labelled:
        targets = _labelled_lines(lines, [cells[:width_labels] for _, cells in data])
    else:
        targets = _lines_from_cursor(lines, cursor, values)
    for index, row_values, headers in zip(targets, values, by_position, strict=True):
        row, columns = lines[index]
        start = 0 if labelled or len(row_values) >= len(columns) else cursor[1]
        placed = _columns_by_header(headers, width_labels, row_values, columns)
        if placed is None:
            placed = _columns_from(row, columns, start, row_values)
        for column, raw in zip(placed, row_values, strict=False):
            (result.cells if _input(row, column) else result.totals).append((row, column, raw))
    return result


def _quote(text: str) -> str:
    return text if len(text) <= 12 else text[:10] + "..."


def _labelled_lines(lines: Sequence[Line], labels: Sequence[Sequence[str]]) -> list[int]:
    found = _Labels(lines)
    out: list[int] = []
    last = -1
    for n, cells in enumerate(labels, 1):
        label = next((cell for cell in reversed(cells) if cell), "")
        index = found.find(label, last) if label else None
        if index is None:
            what = f"「{_quote(label)}」" if label else "没有标签"
            raise Refused(f"第 {n} 行数字{what}，对不上本表的任何一行")
        out.append(index)
        last = index
    return out


def _sums_up(row: form.Row, lines: Sequence[Line], taken: dict[str, list[str]]) -> bool:
    """Whether the pasted row of a computed ``row`` is the sum of its pasted parts."""
    parts = [taken.get(key) for key in row.sum_of]
    mine = taken.get(row.key)
    if mine is None or any(p is None for p in parts):
        return False
    try:
        for position, cell in enumerate(mine):
            total = sum(parse_fee(p[position]) if position < len(p) else 0 for p in parts if p)
            if parse_fee(cell) != total:
                return False
    except ValueError:
        return False
    return True


def _lines_from_cursor(
    lines: Sequence[Line], cursor: tuple[int, int], values: Sequence[list[str]]
) -> list[int]:
    """A block without labels: the lines from the cursor (from the top when it is as tall as
    the table), with or without the computed rows, whichever the numbers say."""
    height = len(values)
    first = 0 if height == len(lines) else cursor[0]
    every = list(range(first, len(lines)))[:height]
    inputs = [i for i in range(first, len(lines)) if not lines[i][0].computed][:height]
    fits_every, fits_inputs = len(every) == height, len(inputs) == height
    if not (fits_every or fits_inputs):
        row, columns = lines[cursor[0]]
        raise Refused(
            f"内容有 {height} 行，从「{row.full_label} / {columns[cursor[1]].label}」起"
            f"只有 {len(inputs)} 行可填"
        )
    if fits_every and fits_inputs and every != inputs:
        taken = {lines[i][0].key: v for i, v in zip(every, values, strict=True)}
        computed = [lines[i][0] for i in every if lines[i][0].computed]
        if not all(_sums_up(row, lines, taken) for row in computed):
            return inputs
        return every
    return every if fits_every and not fits_inputs else inputs


def _columns_by_header(
    headers: dict[int, str],
    offset: int,
    row_values: Sequence[str],
    columns: Sequence[form.Column],
) -> list[form.Column] | None:
    """The columns of the values as the header rows name them, when they name every one."""
    if not headers:
        return None
    keys = {c.key: c for c in columns}
    out: list[form.Column] = []
    for position in range(len(row_values)):
        key = headers.get(position + offset)
        if key is None or key not in keys:
            return None
        out.append(keys[key])
    return out


def _columns_from(
    row: form.Row, columns: Sequence[form.Column], start: int, row_values: Sequence[str]
) -> list[form.Column]:
    """The values of one row from slot ``start``: the input cells, or every cell (the total
    too) when there are as many values as that."""
    every = list(columns[start:])
    inputs = [c for c in every if _input(row, c)] if not row.computed else every
    width = len(row_values)
    if width <= len(inputs):
        return inputs[:width]
    if width <= len(every):
        return every[:width]
    raise Refused(
        f"内容有 {width} 列，从「{row.full_label} / {columns[start].label}」起"
        f"「{row.label}」这一行只有 {len(inputs)} 列可填"
    )
