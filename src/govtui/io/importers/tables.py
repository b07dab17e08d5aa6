"""Reading sections 二, 三 and 四 of a published report into the model.

Each reader takes its section's lines, turns them into cells (:mod:`cells`), finds the rows
by their labels (:mod:`rows`) and writes the input cells into the report. The totals the
report printed (the 总计 column, （七）总计, each 总计 of 四) are never stored: they are handed
back as ``printed``, so that the ``stated_total`` rule can compare them with the sums.
Every assumption — "/" or an empty cell read as 0, a merged row, digits split by the
row-sum rule, a row not found — is written to the notes with its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from govtui import form
from govtui.io.importers import labels
from govtui.io.importers.cells import TARGETS, Cell, stream
from govtui.io.importers.notes import Notes
from govtui.io.importers.rows import Check, Segment, fit, segments, split_run
from govtui.io.importers.text import Line
from govtui.model import Report
from govtui.numbers import parse_count, parse_fee
from govtui.rules.finding import CellRef

Printed = dict[CellRef, int]

# The 2019 form's section 二 headers: a report still on the old template says one of these.
_OLD_TEMPLATE = ("本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减")


@cache
def _merge_targets(table: form.Table) -> dict[str, labels.Target]:
    """Group labels that some reports print as one row: the group's last row takes it."""
    rows = {t.key: t for t in TARGETS[table.key] if t.order >= 0}
    last: dict[str, labels.Target] = {}
    for row in table.input_rows:
        if len(row.path) >= 2:
            last[row.path[-1]] = rows[row.key]
    return last


def _place(table: form.Table, row: str, column: str = "") -> str:
    heading = form.section_of(table.section).numeral
    parts = [heading, table.row(row).full_label]
    if column:
        parts.append(table.column(column).label)
    return " / ".join(parts)


class _Reader:
    """Turns chosen cells into numbers, noting every assumption once per kind."""

    def __init__(self, table: form.Table, notes: Notes) -> None:
        self.table = table
        self.notes = notes
        self.section = form.section_of(table.section).heading

    def note(self, what: str, row: str, column: str = "") -> None:
        label = self.table.row(row).full_label
        self.notes.at(self.section, what, label, self.table.column(column).label if column else "")

    def count(self, cell: Cell | None, row: str, column: str) -> int:
        if cell is None:
            self.note("没有印出这一格，按 0 读入", row, column)
            return 0
        if cell.blank:
            self.note("空白格按 0 读入", row, column)
            self.notes.blank_cells.append((self.table.key, row, column, ""))
            return 0
        if cell.marker:
            self.note(f"「{cell.marker}」按 0 读入", row, column)
            self.notes.blank_cells.append((self.table.key, row, column, cell.marker))
            return 0
        if cell.annotation:
            self.note(f"只读入数字，略去说明「{cell.annotation}」", row, column)
        elif cell.number.isascii() and cell.number.isdigit() and len(cell.number) < 13:
            return int(cell.number)
        try:
            return parse_count(cell.number)
        except ValueError as error:
            self.note(f"无法读作件数（{error}），按 0 读入", row, column)
            return 0

    def fee(self, cell: Cell | None, row: str, column: str) -> Decimal:
        if cell is None or cell.blank or cell.marker:
            return Decimal(self.count(cell, row, column))
        try:
            return parse_fee(cell.number)
        except ValueError as error:
            self.note(f"无法读作金额（{error}），按 0 读入", row, column)
            return Decimal(0)

    def missing(self, found: Sequence[Segment], wanted: Sequence[str]) -> None:
        have = {s.row.key for s in found}
        merged = {self.table.row(s.row.key).path[-1] for s in found if s.merged}
        for key in wanted:
            row = self.table.row(key)
            if key not in have and not (row.path and row.path[-1] in merged):
                self.note("没有找到这一行，按 0 读入", key)

    def strays(self, strays: Sequence[Cell]) -> None:
        if strays:
            shown = " ".join(c.text for c in strays[:8])
            more = f" 等 {len(strays)} 个" if len(strays) > 8 else ""
            self.notes.add(f"{self.section}：有不属于表中任何一行的数字，未读入（{shown}{more}）")

    def extra(self, extra: Sequence[Cell], row: str) -> None:
        if extra:
            shown = " ".join(c.text for c in extra[:8])
            self.note(f"多出的数字未读入（{shown}）", row)


def _sums_up(width: int) -> Check:
    def check(cells: Sequence[Cell | None]) -> bool:
        numbers = [_quiet(c) for c in cells]
        return len(numbers) == width and sum(numbers[:-1]) == numbers[-1]

    return check


def _quiet(cell: Cell | None) -> int:
    if cell is None or not cell.number:
        return 0
    try:
        return parse_count(cell.number)
    except ValueError:
        return -1


def _run_ways(cell: Cell, width: int, checked: bool, reader: _Reader, row: str) -> list[list[int]]:
    """The ways a run of digits splits into a row's cells; a note when there is not exactly one."""
    ways = split_run(cell.number, (width,), checked)
    if not ways:
        reader.note(f"数字连在一起（{cell.number}），无法按行合计拆开，按 0 读入", row)
    elif len(ways) == 1:
        how = "按行合计拆为" if checked else "拆为"
        reader.note(f"数字连在一起（{cell.number}），{how} {_show(ways[0])}", row)
    return ways


def _show(way: Sequence[int]) -> str:
    return "|".join(str(n) for n in way)


def _as_cells(way: Sequence[int]) -> list[Cell | None]:
    return [Cell("value", str(n), number=str(n)) for n in way]


def _cells_for(
    segment: Segment, width: int, checked: bool, reader: _Reader
) -> tuple[list[Cell | None], list[list[int]]]:
    """The row's cells, and the other ways to read it when its digits ran together."""
    key = segment.row.key
    runs = [c for c in segment.values if not c.blank]
    if width > 1 and len(runs) == 1 and runs[0].kind == "run":
        ways = _run_ways(runs[0], width, checked, reader, key)
        if ways:
            return _as_cells(ways[0]), ways[1:]
        return [None] * width, []
    check = _sums_up(width) if checked else None
    chosen, extra = fit(segment.values, width, check)
    reader.extra(extra, key)
    return chosen, []


def _undecided(
    reader: _Reader, key: str, chosen: Sequence[int], others: Sequence[Sequence[int]], digits: str
) -> None:
    shown = "；".join(_show(w) for w in others)
    reader.note(
        f"数字连在一起（{digits}），有多种拆法，暂按 {_show(chosen)} 读入（另可为 {shown}），请核对",
        key,
    )


# --------------------------------------------------------------------------- 二


def read_proactive(lines: list[Line], report: Report, notes: Notes) -> list[Line]:
    """Section 二: four small tables; returns the lines that were prose, not table."""
    table = form.PROACTIVE
    reader = _Reader(table, notes)
    rows, prose, furniture = stream(lines, table.key)
    cells = [cell for row in rows for cell in row]
    _furniture(furniture, reader.section, notes)
    old = _old_template(cells)
    if old:
        notes.add(
            f"{reader.section}：用的是 2019 年旧表格（{old}），"
            "已按行读入本年处理决定数量等能对应的数字，其余按 0，请核对"
        )
        cells = [_old_change(c) for c in cells]
    found, strays = segments(cells, {})
    reader.strays(strays)
    for segment in found:
        key = segment.row.key
        row = table.row(key)
        columns = table.columns_of(row)
        width = 3 if old and len(columns) == 1 else len(columns)
        chosen, others = _cells_for(segment, width, False, reader)
        if others:
            _undecided(reader, key, [_quiet(c) for c in chosen], others, segment_digits(segment))
        if old:
            chosen = _from_old_template(chosen, len(columns), row.kind)
        if row.kind == "decimal":
            report.fees = reader.fee(chosen[0], key, columns[0].key)
            continue
        for column, cell in zip(columns, chosen, strict=True):
            report.proactive[key][column.key] = reader.count(cell, key, column.key)
    reader.missing(found, [r.key for r in table.input_rows])
    return prose


def _old_template(cells: Sequence[Cell]) -> str:
    words = {labels.norm(w): w for w in _OLD_TEMPLATE}
    for cell in cells:
        if cell.kind == "text":
            normed = labels.norm(cell.text)
            for key, word in words.items():
                if key in normed:
                    return word
    return ""


_CHANGE = re.compile(r"^[增减+-]\s*\d+$")


def _old_change(cell: Cell) -> Cell:
    """The old form's 本年增/减 column prints "减4": a cell of the row, though not a count."""
    if cell.kind == "text" and _CHANGE.match(labels.norm(cell.text)):
        return Cell("value", cell.text, number="0", first=cell.first)
    return cell


def _from_old_template(chosen: list[Cell | None], width: int, kind: str) -> list[Cell | None]:
    """2019 layout: 新制作/新公开/对外公开总数量, or 上一年项目数量/本年增减/处理决定数量."""
    if width == 3:  # 本年新制作 → 制发, 对外公开总数 → 现行有效; no 废止 column
        return [chosen[0], Cell("value", "0", number="0"), chosen[2]]
    if kind == "decimal":  # the old fee row has no amount
        return [Cell("value", "0", number="0")]
    return [chosen[2]]


# --------------------------------------------------------------------------- 三


def read_requests(lines: list[Line], report: Report, notes: Notes) -> tuple[Printed, list[Line]]:
    """Section 三: the matrix; returns the printed totals and the lines that were prose."""
    table = form.REQUESTS
    reader = _Reader(table, notes)
    rows, prose, furniture = stream(lines, table.key)
    cells = [cell for row in rows for cell in row]
    _furniture(furniture, reader.section, notes)
    found, strays = segments(cells, _merge_targets(table))
    reader.strays(strays)
    width = len(table.columns)
    total_column = next(c for c in table.columns if c.computed)
    printed: Printed = {}
    ambiguous: dict[str, list[list[int]]] = {}
    digits: dict[str, str] = {}
    for segment in found:
        key = segment.row.key
        row = table.row(key)
        digits[key] = segment_digits(segment)
        if segment.merged:
            group = row.path[-1]
            notes.add(f"{reader.section}：「{group}」只印了一行，已记入「{row.label}」")
        chosen, others = _cells_for(segment, width, True, reader)
        if others:
            ambiguous[key] = [[_quiet(c) for c in chosen], *others]
        if chosen[-1] is None and sum(1 for c in chosen if c is not None) == width - 1:
            reader.note("没有印总计", key)
        for column, cell in zip(table.columns, chosen, strict=True):
            if row.computed:
                if cell is not None:
                    printed[CellRef(table.key, key, column.key)] = reader.count(
                        cell, key, column.key
                    )
            elif column.computed:
                if cell is not None:
                    printed[CellRef(table.key, key, total_column.key)] = reader.count(
                        cell, key, column.key
                    )
            else:
                report.requests[key][column.key] = reader.count(cell, key, column.key)
    for key, ways in ambiguous.items():
        _decide(report, printed, key, ways, digits[key], reader)
    reader.missing(found, [r.key for r in table.input_rows])
    return printed, prose


def segment_digits(segment: Segment) -> str:
    return "".join(c.number for c in segment.values if c.kind == "run")


def _decide(
    report: Report, printed: Printed, key: str, ways: list[list[int]], digits: str, reader: _Reader
) -> None:
    """Choose among the splits of a run the one the printed （七）总计 or the 勾稽关系 confirms."""
    table = form.REQUESTS
    columns = table.input_columns
    total_row = next(r for r in table.rows if r.computed)

    def confirmed(way: list[int]) -> bool:
        if key == total_row.key:
            for column, value in zip(table.columns, way, strict=False):
                printed[CellRef(table.key, key, column.key)] = value
            sums = {c.key: report.value(table.key, key, c.key) for c in table.columns}
            return all(sums[c.key] == v for c, v in zip(table.columns, way, strict=False))
        for column, value in zip(columns, way, strict=False):
            report.requests[key][column.key] = value
        for column in columns:
            values = report.column_values(table.key, column.key)
            if key in total_row.sum_of:
                stated = printed.get(CellRef(table.key, total_row.key, column.key))
                if stated is not None and stated != values[total_row.key]:
                    return False
            else:
                left = sum(values[k] for k in form.BALANCE_LEFT)
                if left != sum(values[k] for k in form.BALANCE_RIGHT):
                    return False
        return True

    good = [way for way in ways if confirmed(way)]
    chosen = good[0] if len(good) == 1 else ways[0]
    confirmed(chosen)
    if len(good) == 1:
        how = (
            "（七）总计"
            if key in total_row.sum_of
            else "各项之和"
            if key == total_row.key
            else "勾稽关系"
        )
        reader.note(f"数字连在一起（{digits}），有多种拆法，按{how}定为 {_show(chosen)}", key)
    else:
        _undecided(reader, key, chosen, [w for w in ways if w is not chosen], digits)


# --------------------------------------------------------------------------- 四


def read_appeals(lines: list[Line], report: Report, notes: Notes) -> tuple[Printed, list[Line]]:
    """Section 四: fifteen numbers in the form's order, however the header was flattened."""
    table = form.APPEALS
    reader = _Reader(table, notes)
    rows, prose, furniture = stream(lines, table.key)
    _furniture(furniture, reader.section, notes)
    width = len(table.columns)
    wanted = width * len(table.rows)
    chosen = _appeal_cells(rows, wanted, width)
    if chosen is None:
        notes.add(f"{reader.section}：没有找到数字，全部按 0 读入")
        return {}, prose
    values, extra, run = chosen
    if run:
        numbers = [_quiet(c) for c in values]
        shown = " ".join(_show(numbers[i : i + width]) for i in range(0, wanted, width))
        notes.add(f"{reader.section}：数字连在一起（{run}），按各组总计拆为 {shown}")
    if extra:
        shown = " ".join(c.text for c in extra[:8])
        notes.add(f"{reader.section}：多出的数字未读入（{shown}）")
    printed: Printed = {}
    for index, row in enumerate(table.rows):
        group = values[index * width : (index + 1) * width]
        for column, cell in zip(table.columns, group, strict=True):
            number = reader.count(cell, row.key, column.key)
            if column.computed:
                if cell is not None:
                    printed[CellRef(table.key, row.key, column.key)] = number
            else:
                report.appeals[row.key][column.key] = number
    return printed, prose


def _appeal_cells(
    rows: Sequence[Sequence[Cell]], wanted: int, width: int
) -> tuple[list[Cell | None], list[Cell], str] | None:
    """The value cells of 四 in reading order: per line, from its first number to its last."""
    by_line = [[c for c in row if c.kind in ("value", "run")] for row in rows]
    lines = [values for values in by_line if any(not c.blank for c in values)]
    if not lines:
        return None
    trimmed: list[Cell] = []
    whole: list[Cell] = []
    for values in lines:
        filled = [i for i, c in enumerate(values) if not c.blank]
        trimmed.extend(values[filled[0] : filled[-1] + 1])
        whole.extend(values)
    if len(trimmed) != wanted and len(whole) == wanted:
        trimmed = whole
    runs = [c for c in trimmed if not c.blank]
    if len(runs) == 1 and runs[0].number.isdigit() and len(runs[0].number) >= wanted:
        ways = split_run(runs[0].number, (width,) * (wanted // width), True)
        if ways:
            return _as_cells(ways[0]), [], runs[0].number
    chosen: list[Cell | None] = list(trimmed[:wanted])
    extra = [c for c in trimmed[wanted:] if not c.blank]
    return chosen + [None] * (wanted - len(chosen)), extra, ""


def _furniture(found: list[str], section: str, notes: Notes) -> None:
    if found:
        notes.add(f"{section}：略去了表格中的页码行（{'、'.join(found[:4])}）")
