"""Reading sections 二, 三 and 四 of a published report into the model.

Each reader takes its section's lines, turns them into cells (:mod:`cells`), finds the rows
by their labels (:mod:`rows`) and writes the input cells into the report. The totals the
report printed (the 总计 column, （七）总计, each 总计 of 四) are never stored: they are handed
back as ``printed``, so that the ``stated_total`` rule can compare them with the sums.
Every assumption — "/" or an empty cell read as 0, a merged row, digits split by the
row-sum rule, a row not found — is written to the notes with its place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from govtui import form
from govtui.io.importers import evidence as ev
from govtui.io.importers import labels
from govtui.io.importers.cells import TARGETS, Cell, Row, stream
from govtui.io.importers.notes import Notes
from govtui.io.importers.rows import Check, Segment, Ways, fit, segments, split_run
from govtui.io.importers.text import Line
from govtui.model import Report
from govtui.numbers import parse_count, parse_fee
from govtui.places import CellRef

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

    def missing(self, found: Sequence[Segment], wanted: Sequence[str]) -> list[str]:
        have = {s.row.key for s in found}
        merged = {self.table.row(s.row.key).path[-1] for s in found if s.merged}
        missing = []
        for key in wanted:
            row = self.table.row(key)
            if key not in have and not (row.path and row.path[-1] in merged):
                self.note("没有找到这一行，按 0 读入", key)
                missing.append(row.full_label)
        return missing

    def matched(
        self,
        found: Sequence[Segment],
        rows: Sequence[Row],
        numbers: Sequence[int],
        split: dict[str, str],
        evidence: ev.TableEvidence | None,
    ) -> None:
        """Note the rows found by a near spelling of their label; record how each was found."""
        line_of = [n for row, n in zip(rows, numbers, strict=True) for _ in row]
        for segment in found:
            label, key = segment.label, segment.row.key
            printed = label.text.strip() if label is not None else ""
            if label is not None and label.score < 3 and not segment.merged:
                full = self.table.row(key).full_label
                self.notes.at(self.section, "行名与表样不同，按相近的行名对应", full, printed[:24])
            if evidence is None:
                continue
            how = (
                ev.BY_ORDER
                if segment.detached
                else ev.MERGED
                if segment.merged
                else ev.match_of(label.score if label is not None else 0)
            )
            if split.get(key):
                how += f"；数字连在一起（{split[key]}），已拆开"
            line = line_of[segment.at] if 0 <= segment.at < len(line_of) else 0
            evidence.rows.append(ev.RowEvidence(self.table.row(key).full_label, line, printed, how))

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


@dataclass(frozen=True)
class _Glued:
    """A row's numbers as printed when some ran together: the digits, where the blanks
    were, and the text to show in a note (``20 0 0 0 02``)."""

    digits: str
    breaks: frozenset[int]
    shown: str


def _glued(values: Sequence[Cell], width: int, partial: bool) -> _Glued | None:
    """The row's digits when they are fewer numbers than cells but enough digits: one run
    (``530020560``) or, when ``partial``, numbers partly separated (``5800000 58``)."""
    filled = [c for c in values if not c.blank]
    if not filled or len(filled) >= width or (len(filled) > 1 and not partial):
        return None
    if len(filled) == 1 and filled[0].kind != "run" and not partial:
        return None
    if not all(c.number.isascii() and c.number.isdigit() and not c.annotation for c in filled):
        return None
    digits = "".join(c.number for c in filled)
    if len(digits) < width:
        return None
    breaks = frozenset(itertools.accumulate(len(c.number) for c in filled[:-1]))
    return _Glued(digits, breaks, " ".join(c.number for c in filled))


def _show(way: Sequence[int]) -> str:
    return "|".join(str(n) for n in way)


def _as_cells(way: Sequence[int]) -> list[Cell | None]:
    return [Cell("value", str(n), number=str(n)) for n in way]


def _cells_for(
    segment: Segment, width: int, checked: bool, reader: _Reader, stated: Sequence[int] = ()
) -> tuple[list[Cell | None], list[list[int]], str]:
    """The row's cells, the other ways to read it when its digits ran together, and the
    digits as printed ("" when they did not run together).

    ``stated`` are numbers the prose states about this row: among several splits of
    unchecked digits, the one that holds the most of them (alone) is taken.
    """
    key = segment.row.key
    glued = _glued(segment.values, width, partial=True)
    if glued is not None and not checked and not stated and " " in glued.shown:
        ways = split_run(glued.digits, (width,), False, breaks=glued.breaks)
        if ways:  # fewer numbers than cells: a cell not printed, or digits run together
            reader.note(
                f"只印出 {glued.shown.count(' ') + 1} 个数字（{glued.shown}），按顺序读入；"
                f"也可能是数字连在一起（可拆为 {'；'.join(map(_show, ways))}），请核对",
                key,
            )
        glued = None
    if width > 1 and glued is not None:
        partly = " " in glued.shown
        ways = split_run(glued.digits, (width,), checked, _WAYS, breaks=glued.breaks)
        what = "部分连在一起" if partly else "连在一起"
        if not ways and ways.complete and checked and not partly:
            wrong = split_run(glued.digits, (width,), checked, 2, breaks=glued.breaks, wrong=1)
            if len(wrong) == 1 and wrong.complete:
                reader.note(
                    f"数字{what}（{glued.shown}），按行合计拆不开，只有一种拆法 {_show(wrong[0])}"
                    "（印出的总计与各项之和不符）",
                    key,
                )
                return _as_cells(wrong[0]), [], glued.shown
        if len(ways) > 1 and stated and ways.complete:
            best = _by_prose(ways, stated)
            if best is not None:
                reader.note(
                    f"数字{what}（{glued.shown}），有多种拆法，按正文所述数字定为 {_show(best)}",
                    key,
                )
                return _as_cells(best), [], glued.shown
        if len(ways) == 1 and ways.complete:
            how = "按行合计拆为" if checked else "拆为"
            reader.note(f"数字{what}（{glued.shown}），{how} {_show(ways[0])}", key)
            return _as_cells(ways[0]), [], glued.shown
        if ways:
            others = Ways(ways[1:])
            others.complete = ways.complete
            return _as_cells(ways[0]), others, glued.shown
        if not partly:
            why = "无法按行合计拆开" if ways.complete else "拆法太多，无法确定"
            reader.note(f"数字连在一起（{glued.shown}），{why}，按 0 读入，请核对", key)
            return [None] * width, [], ""
    check = _sums_up(width) if checked else None
    chosen, extra = fit(segment.values, width, check)
    reader.extra(extra, key)
    return chosen, [], ""


_WAYS = 24  # splits of one row looked for; with more, the row is left to the reader


def _by_prose(ways: Sequence[Sequence[int]], stated: Sequence[int]) -> list[int] | None:
    """The one way that holds more of the numbers the prose states than any other, or None."""
    said = set(stated)
    scores = [sum(1 for n in way if n in said) for way in ways]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return list(ways[scores.index(best)])


def _undecided(
    reader: _Reader, key: str, chosen: Sequence[int], others: Sequence[Sequence[int]], digits: str
) -> None:
    shown = "；".join(_show(w) for w in others[:3])
    complete = getattr(others, "complete", True)
    if len(others) > 3 or not complete:
        shown += f" 等 {len(others)} 种" if complete else " 等多种"
    reader.note(
        f"数字连在一起（{digits}），有多种拆法，暂按 {_show(chosen)} 读入（另可为 {shown}），请核对",
        key,
    )


# --------------------------------------------------------------------------- 二


def read_proactive(
    lines: list[Line],
    report: Report,
    notes: Notes,
    prose: str = "",
    evidence: ev.TableEvidence | None = None,
) -> list[Line]:
    """Section 二: four small tables; returns the lines that were prose, not table.

    ``prose`` is the report's text: where a row's digits ran together and split several
    ways, the numbers it states about that row (本年制发规范性文件4件) decide.
    """
    table = form.PROACTIVE
    reader = _Reader(table, notes)
    rows, strays_text, furniture, numbers = stream(lines, table.key)
    cells = [cell for row in rows for cell in row]
    _furniture(furniture, reader.section, notes)
    old = _old_template(cells)
    if old:
        notes.add(
            f"{reader.section}：用的是 2019 年旧表格（{old}），"
            "已按行读入本年处理决定数量等能对应的数字，其余按 0，请核对"
        )
        cells = [_old_change(c) for c in cells]
    found, strays = segments(cells, {}, _proactive_width if not old else None)
    reader.strays(strays)
    _detached(found, reader)
    split: dict[str, str] = {}
    for segment in found:
        key = segment.row.key
        row = table.row(key)
        columns = table.columns_of(row)
        width = 3 if old and len(columns) == 1 else len(columns)
        glued = width > 1 and _glued(segment.values, width, partial=True) is not None
        stated = _stated(prose, row.label) if glued else ()
        chosen, others, digits = _cells_for(segment, width, False, reader, stated)
        split[key] = digits
        if others:
            _undecided(reader, key, [_quiet(c) for c in chosen], others, digits)
        if old:
            chosen = _from_old_template(chosen, len(columns), row.kind)
        if row.kind == "decimal":
            report.fees = reader.fee(chosen[0], key, columns[0].key)
            continue
        for column, cell in zip(columns, chosen, strict=True):
            report.proactive[key][column.key] = reader.count(cell, key, column.key)
    reader.matched(found, rows, numbers, split, evidence)
    missing = reader.missing(found, [r.key for r in table.input_rows])
    if evidence is not None:
        evidence.missing += missing
    return strays_text


def _proactive_width(row: labels.Target) -> int:
    return len(form.PROACTIVE.columns_of(form.PROACTIVE.row(row.key)))


def _detached(found: Sequence[Segment], reader: _Reader, check: Check | None = None) -> None:
    """Say which rows took their numbers by order, and which of them do not add up."""
    for segment in found:
        if segment.unmatched:
            numbers, cells = segment.unmatched
            reader.note(
                f"行名与数字分开印出，但数字有 {numbers} 个，前面各行共应有 {cells} 格，"
                "无法按顺序对应；数字都算作这一行，其余各行按 0 读入，请核对",
                segment.row.key,
            )
    blocks = [s for s in found if s.detached]
    if not blocks:
        return
    names = "、".join(reader.table.row(s.row.key).full_label for s in blocks[:3])
    more = f" 等 {len(blocks)} 行" if len(blocks) > 3 else ""
    confirmed = "" if check is None else "，各行总计与各项之和相符"
    failing = [s for s in blocks if check is not None and not check(s.values)]
    if failing:
        confirmed = (
            "；其中这些行的总计与各项之和不符，可能是报告本身有误，也可能是对应错了，请核对："
            + ("、".join(reader.table.row(s.row.key).full_label for s in failing))
        )
    reader.notes.add(
        f"{reader.section}：行名与数字分开印出，已按顺序对应（{names}{more}）{confirmed}"
    )


_SENTENCE = re.compile(r"[^。；;\n]+")
_COUNT = re.compile(r"\d+")


def _stated(prose: str, label: str) -> tuple[int, ...]:
    """The numbers of the sentences of ``prose`` that name the row (its label without 行政)."""
    word = labels.norm(label).removeprefix("行政")
    return tuple(
        int(n)
        for sentence in _SENTENCE.findall(prose)
        if word in labels.norm(sentence)
        for n in _COUNT.findall(labels.simplified(sentence))
    )


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


def read_requests(
    lines: list[Line], report: Report, notes: Notes, evidence: ev.TableEvidence | None = None
) -> tuple[Printed, list[Line]]:
    """Section 三: the matrix; returns the printed totals and the lines that were prose."""
    table = form.REQUESTS
    reader = _Reader(table, notes)
    rows, prose, furniture, numbers = stream(lines, table.key)
    cells = [cell for row in rows for cell in row]
    _furniture(furniture, reader.section, notes)
    width = len(table.columns)
    found, strays = segments(cells, _merge_targets(table), lambda _: width)
    reader.strays(strays)
    _detached(found, reader, _sums_up(width))
    total_column = next(c for c in table.columns if c.computed)
    printed: Printed = {}
    ambiguous: dict[str, Ways] = {}
    digits: dict[str, str] = {}
    for segment in found:
        key = segment.row.key
        row = table.row(key)
        if segment.merged:
            group = row.path[-1]
            notes.add(f"{reader.section}：「{group}」只印了一行，已记入「{row.label}」")
        chosen, others, digits[key] = _cells_for(segment, width, True, reader)
        if others:
            ambiguous[key] = Ways([[_quiet(c) for c in chosen], *others])
            ambiguous[key].complete = getattr(others, "complete", True)
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
    if ambiguous:
        _decide(report, printed, ambiguous, digits, reader)
    reader.matched(found, rows, numbers, digits, evidence)
    missing = reader.missing(found, [r.key for r in table.input_rows])
    if evidence is not None:
        evidence.missing += missing
    return printed, prose


_COMBINATIONS = 4096  # joint readings of the ambiguous rows tried; beyond, none is decided


def _decide(
    report: Report,
    printed: Printed,
    ambiguous: dict[str, Ways],
    digits: dict[str, str],
    reader: _Reader,
) -> None:
    """Choose among the splits of runs the ones the printed （七）总计 or the 勾稽关系 confirm.

    The ambiguous rows are decided together: a reading of one row is taken only when every
    joint reading of all of them that satisfies the checks agrees on it (two wrong splits
    could otherwise make up for each other in a column's sum). Outcome rows are checked
    against the printed （七）总计, the （七）总计 row against the sum of the outcome rows, and
    when 一, 二 or 四 is in doubt, every column's 一＋二＝（七）总计＋四.
    """
    table = form.REQUESTS
    columns = [c.key for c in table.input_columns]
    total_row = next(r for r in table.rows if r.computed)
    outcome = set(total_row.sum_of)
    keys = list(ambiguous)
    rows = {r.key: [report.requests[r.key][c] for c in columns] for r in table.input_rows}
    stated = [printed.get(CellRef(table.key, total_row.key, c)) for c in columns]
    balanced = any(k in keys for k in (*form.BALANCE_LEFT, *form.BALANCE_RIGHT) if k != "total")
    combinations = 1
    for key in keys:
        combinations *= len(ambiguous[key])
    valid: list[tuple[list[int], ...]] = []
    if combinations <= _COMBINATIONS and all(ambiguous[k].complete for k in keys):
        for combination in itertools.product(*(ambiguous[k] for k in keys)):
            values, total = dict(rows), list(stated)
            for key, way in zip(keys, combination, strict=True):
                if key == total_row.key:
                    total = list(way[: len(columns)])
                else:
                    values[key] = way[: len(columns)]
            sums = [sum(values[k][i] for k in outcome) for i in range(len(columns))]
            if any(t is not None and t != s for t, s in zip(total, sums, strict=True)):
                continue
            if balanced and any(
                values["new"][i] + values["carried_over"][i]
                != sums[i] + values["carried_forward"][i]
                for i in range(len(columns))
            ):
                continue
            valid.append(combination)
    for index, key in enumerate(keys):
        ways = ambiguous[key]
        readings = {tuple(c[index]) for c in valid}
        decided = len(readings) == 1
        chosen = list(readings.pop()) if decided else ways[0]
        if key == total_row.key:
            for column, value in zip(table.columns, chosen, strict=False):
                printed[CellRef(table.key, key, column.key)] = value
        else:
            for name, value in zip(columns, chosen, strict=False):
                report.requests[key][name] = value
        if decided:
            how = (
                "（七）总计"
                if key in outcome
                else "各项之和"
                if key == total_row.key
                else "勾稽关系"
            )
            reader.note(
                f"数字连在一起（{digits[key]}），有多种拆法，按{how}定为 {_show(chosen)}", key
            )
        else:
            others = Ways(w for w in ways if w != chosen)
            others.complete = ways.complete
            _undecided(reader, key, chosen, others, digits[key])


# --------------------------------------------------------------------------- 四


def read_appeals(
    lines: list[Line], report: Report, notes: Notes, evidence: ev.TableEvidence | None = None
) -> tuple[Printed, list[Line]]:
    """Section 四: fifteen numbers in the form's order, however the header was flattened."""
    table = form.APPEALS
    reader = _Reader(table, notes)
    rows, prose, furniture, numbers = stream(lines, table.key)
    _furniture(furniture, reader.section, notes)
    width = len(table.columns)
    wanted = width * len(table.rows)
    if evidence is not None:
        first = next((n for r, n in zip(rows, numbers, strict=True) if _has_number(r)), 0)
        evidence.rows += [
            ev.RowEvidence(r.full_label, first, "", ev.BY_POSITION) for r in table.rows
        ]
    chosen = _appeal_cells(rows, wanted, width)
    if chosen is None:
        notes.add(f"{reader.section}：没有找到数字，全部按 0 读入")
        return {}, prose
    values, extra, split = chosen
    if split:
        notes.add(f"{reader.section}：{split}")
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


def _has_number(row: Row) -> bool:
    return any(c.kind in ("value", "run") and not c.blank for c in row)


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
    glued = _glued(runs, wanted, partial=True)
    if glued is not None:
        split = _split_appeals(glued, wanted // width, width)
        if split is not None:
            return _as_cells(split[0]), [], split[1]
    chosen: list[Cell | None] = list(trimmed[:wanted])
    extra = [c for c in trimmed[wanted:] if not c.blank]
    return chosen + [None] * (wanted - len(chosen)), extra, ""


def _split_appeals(glued: _Glued, groups: int, width: int) -> tuple[list[int], str] | None:
    """Section 四's fifteen numbers from digits that ran together, and the note saying how.

    Each group's 总计 is the sum of its four cells. When no split makes every group add up,
    the report printed a wrong 总计: the split where all the other groups add up is taken
    (the printed total is kept, and ``stated_total`` flags it), if there is only one.
    """
    table = form.APPEALS
    ways = split_run(glued.digits, (width,) * groups, True, breaks=glued.breaks)
    how = "按各组总计拆为"
    if not ways:
        ways = split_run(glued.digits, (width,) * groups, True, breaks=glued.breaks, wrong=1)
        how = "各组总计不能都相符，按其余各组总计拆为"
    if not ways:
        return None

    def shown(way: Sequence[int]) -> str:
        return " ".join(_show(way[i : i + width]) for i in range(0, len(way), width))

    what = f"数字连在一起（{glued.shown}）"
    if len(ways) == 1 and ways.complete:
        return ways[0], f"{what}，{how} {shown(ways[0])}"
    places = [
        f"{table.rows[i // width].label}/{table.columns[i % width].label}"
        for i in range(len(ways[0]))
        if len({way[i] for way in ways}) > 1
    ]
    others = "；".join(shown(w) for w in ways[1:]) + ("" if ways.complete else " 等多种")
    return ways[0], (
        f"{what}，有多种拆法，暂按 {shown(ways[0])} 读入（另可为 {others}），"
        f"请核对：{'、'.join(places)}"
    )


def _furniture(found: list[str], section: str, notes: Notes) -> None:
    if found:
        notes.add(f"{section}：略去了表格中的页码行（{'、'.join(found[:4])}）")
