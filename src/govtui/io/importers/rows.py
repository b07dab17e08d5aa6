"""From a stream of cells to the form's rows: which numbers belong to which row.

Rows are found by their labels, in the form's order, never by position alone: a label may
only name a row after the last one that received numbers, so a column header (其他, 总计)
or a repeated header line cannot pull the reading backwards or far ahead. The numbers after
a label, up to the next label, are the row's candidates; :func:`fit` chooses the cells that
are the row from among them (padding from merged cells, a value line sitting before its
label), and :func:`split_run` splits digits that ran together.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from govtui.io.importers import labels
from govtui.io.importers.cells import Cell
from govtui.io.importers.labels import Target

_STOPPER = 4  # words of at least this length at the start of a line end the current row
_WEAK_REACH = 3  # a weak label (bare 其他, 总计) names a row at most this far ahead
_MAX_PART = 7  # digits of one number in a run: no count near ten million is run together


@dataclass
class Segment:
    """A row label and the value cells that follow it."""

    row: Target
    values: list[Cell] = field(default_factory=list)
    merged: bool = False  # a group label with numbers: the group printed as one row
    detached: int = 0  # re-attached by order: how many labels stood together before the numbers
    unmatched: tuple[int, int] | None = None  # (numbers, cells) of a block that did not fit
    label: Cell | None = None  # the label as printed
    at: int = -1  # its place in the stream of cells

    @property
    def filled(self) -> int:
        return sum(1 for c in self.values if not c.blank)


def segments(
    cells: Sequence[Cell],
    merge_into: dict[str, Target],
    width: Callable[[Target], int] | None = None,
) -> tuple[list[Segment], list[Cell]]:
    """Assign value cells to row labels, in the form's order; also return stray numbers.

    With ``width`` (a row's number of cells), labels printed in a block before a block of
    numbers (a converter's output) get the numbers in order, when there are exactly as many
    as the block's rows have cells (see :func:`_reattach`).

    ``merge_into`` maps a group label to the row that takes its numbers when the group is
    printed as a single row (one （六）其他处理 row instead of its three sub-rows). A line
    that starts with words naming no row of the form (政府集中采购, a row of an older form)
    ends the current row: its numbers are strays, not the row's.
    """
    strays: list[Cell] = []
    found: list[Segment] = []
    current: Segment | None = None
    reached = 0  # rows before this index have received numbers

    def start(segment: Segment) -> Segment:
        nonlocal reached
        if current is not None and current.filled:
            reached = current.row.order + 1
        elif current is not None and segment.row.order < current.row.order:
            found.remove(current)  # a header word that looked like a later row
        found.append(segment)
        return segment

    for index, cell in enumerate(cells):
        if cell.kind in ("value", "run"):
            if current is not None:
                current.values.append(cell)
            elif not cell.blank:
                strays.append(cell)
            continue
        if cell.kind == "text" and cell.first and len(labels.norm(cell.text)) >= _STOPPER:
            if current is not None and current.filled:
                reached = current.row.order + 1
            current = None
            continue
        if cell.kind != "label" or cell.target is None:
            continue
        wanted = cell.target
        floor = current.row.order + 1 if current is not None and current.filled else reached
        if wanted.order < 0:
            into = merge_into.get(wanted.key)
            if into is not None and into.order >= floor:
                current = start(Segment(into, merged=True, label=cell, at=index))
            continue
        if current is not None and wanted.order == current.row.order:
            current.merged = False  # the group's last row after all, not the group merged
            continue
        if wanted.order < floor or (cell.score < 2 and wanted.order > floor + _WEAK_REACH):
            continue
        current = start(Segment(wanted, label=cell, at=index))
    if width is not None:
        found = _reattach(found, width)
    return _settle(found), strays


def _reattach(found: list[Segment], width: Callable[[Target], int]) -> list[Segment]:
    """Labels in one block, their numbers in the next: each label takes its row's share.

    Group labels that stood in the block for no row of their own (merged, empty) are left
    out. Only an exact count re-attaches; the readers confirm each row by its total.
    """
    out: list[Segment] = []
    block: list[Segment] = []
    for segment in found:
        if segment.merged and not segment.filled:
            continue
        block.append(segment)
        if not segment.filled:
            continue
        filled = [c for c in segment.values if not c.blank]
        cells = sum(width(s.row) for s in block)
        if len(block) > 1 and len(filled) != cells and len(filled) > width(segment.row):
            segment.unmatched = (len(filled), cells)
        if len(block) > 1 and len(filled) == cells:
            position = 0
            for member in block:
                share = width(member.row)
                member.values = filled[position : position + share]
                member.detached = len(block)
                position += share
        out.extend(block)
        block = []
    return out + block


def _settle(found: list[Segment]) -> list[Segment]:
    """Keep one segment per row, in order: move a value line printed before its label to it."""
    for before, after in itertools.pairwise(found):
        if not after.values and after.row.order == before.row.order + 1:
            excess = _excess(before)
            if excess:
                after.values = excess
                del before.values[len(before.values) - len(excess) :]
    kept: list[Segment] = []
    for segment in found:
        if not segment.values or (segment.merged and not segment.filled):
            continue
        if kept and segment.row.order <= kept[-1].row.order:
            if segment.filled and not kept[-1].filled and segment.row.order == kept[-1].row.order:
                kept[-1] = segment
            continue
        kept.append(segment)
    return kept


def _excess(segment: Segment) -> list[Cell]:
    """The second half of a segment holding two rows' worth of numbers, or []."""
    filled = [i for i, c in enumerate(segment.values) if not c.blank]
    half = len(filled) // 2
    if half < 2 or len(filled) % 2:
        return []
    return segment.values[filled[half] :]


# --------------------------------------------------------------------------- fitting

Check = Callable[[Sequence[Cell | None]], bool]


def fit(
    values: Sequence[Cell], width: int, check: Check | None = None
) -> tuple[list[Cell | None], list[Cell]]:
    """Choose ``width`` cells for a row from its candidates; also return the extra numbers.

    Empty cells before and after the numbers are padding from merged cells, unless the row
    is short; when several windows hold every number, ``check`` (the row-sum rule) decides,
    then the one starting at the first number.
    """
    filled = [i for i, c in enumerate(values) if not c.blank]
    if not filled or len(values) <= width:
        chosen: list[Cell | None] = list(values[:width])
        return chosen + [None] * (width - len(chosen)), []
    low = max(0, filled[-1] - width + 1)
    high = min(filled[0], len(values) - width)
    if low > high:
        start = filled[0]
        extra = [c for c in values[start + width :] if not c.blank]
        return list(values[start : start + width]), extra
    starts = range(low, high + 1)
    preferred = filled[0] if filled[0] in starts else low
    if check is not None:
        good = [s for s in starts if check(values[s : s + width])]
        if good and preferred not in good:
            preferred = good[0]
    return list(values[preferred : preferred + width]), []


class Ways(list[list[int]]):
    """The ways found; ``complete`` is False when the search stopped at its limit or its
    budget, so that more ways may exist and none of them may be taken as the only one."""

    complete: bool = True


def split_run(
    digits: str,
    groups: Sequence[int],
    checked: bool,
    limit: int = 3,
    *,
    breaks: frozenset[int] = frozenset(),
    wrong: int = 0,
) -> Ways:
    """Ways to split run-together digits into numbers, groups of cells at a time.

    Each group is ``n`` cells; when ``checked``, its last cell must be the sum of the others
    (the 总计 of a row), except in at most ``wrong`` groups (a total the report printed
    wrong). ``breaks`` are positions where the printed text had a blank: a number never
    spans one (``20 0 0 0 02`` is read as 2|0 0 0 0|2, never as 20). Numbers have no
    leading zeros. At most ``limit`` ways are returned, the shortest numbers first; the
    search is bounded, so a long junk run costs little.
    """
    ends = set()
    total = 0
    for size in groups:
        total += size
        ends.add(total)
    stops = sorted(breaks)
    solutions = Ways()
    budget = [5_000]
    parts: list[int] = []

    group_end = [min(e for e in ends if e > count) for count in range(total)]

    def search(position: int, group_start: int, misses: int, longest: int) -> None:
        budget[0] -= 1
        if budget[0] < 0 or len(solutions) >= limit:
            solutions.complete = False
            return
        count = len(parts)
        if count == total:
            if position == len(digits):
                solutions.append(list(parts))
            return
        left = len(digits) - position
        if left < total - count or left > (total - count) * _MAX_PART:
            return
        stop = next((b for b in stops if b > position), len(digits))
        lengths = range(1, min(_MAX_PART, stop - position) + 1)
        end = group_end[count]
        if checked and misses >= wrong and count + 1 == end:
            known = len(str(sum(parts[group_start:])))  # the group's total: only it can fit
            lengths = range(known, known + 1 if known in lengths else 0)
        # The group's total is at least as long as its longest part; later groups need a
        # digit per cell.
        bound = end - count - 2 + total - end if checked and wrong == 0 and count + 1 < end else -1
        for length in lengths:
            if length > 1 and digits[position] == "0":
                break
            if bound >= 0 and left - length < bound + max(length, longest):
                break
            parts.append(int(digits[position : position + length]))
            start, missed, widest = group_start, misses, max(longest, length)
            if count + 1 == end:
                if checked and sum(parts[group_start:-1]) != parts[-1]:
                    missed += 1
                    if missed > wrong:
                        parts.pop()
                        continue
                start, widest = count + 1, 0
            search(position + length, start, missed, widest)
            parts.pop()

    search(0, 0, 0, 0)
    return solutions
