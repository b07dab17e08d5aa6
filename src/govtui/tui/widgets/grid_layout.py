"""How one of the form's tables is laid out as the lines of a grid, and how wide each part is.

Pure functions of :mod:`govtui.form` and a width, so that the grid, the balance line under it
and the tests agree on every column's position. Widths are terminal cells (``rich.cells``):
a CJK character counts two, and text is cut at cell boundaries, never inside a character.
Truncation uses ASCII ``...``: ``…`` is East-Asian-ambiguous and shifts lines in terminals
set to draw ambiguous characters wide.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, chop_cells, set_cell_size

from govtui import form
from govtui.linebreak import fold_evenly

ELLIPSIS = "..."
MIN_SLOT = 8  # a count of seven digits and a space
MIN_LABEL = 16


@dataclass(frozen=True, slots=True)
class Caption:
    """A label-only line: a group of rows (（三）不予公开) or a block of 二 (第二十条第（一）项)."""

    text: str
    depth: int


@dataclass(frozen=True, slots=True)
class Header:
    """Column labels, drawn over one or more lines; ``corner`` sits above the row labels."""

    corner: str
    columns: tuple[form.Column, ...]


@dataclass(frozen=True, slots=True)
class RowLine:
    """One row of the table; slot ``i`` shows ``columns[i]``."""

    row: form.Row
    columns: tuple[form.Column, ...]
    depth: int

    def editable(self, slot: int) -> bool:
        return not self.row.computed and not self.columns[slot].computed

    @property
    def editable_slots(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.columns)) if self.editable(i))


Line = Caption | Header | RowLine


@dataclass(frozen=True)
class GridLayout:
    """The lines of a grid in reading order; ``sticky`` is a header that never scrolls away."""

    table: form.Table
    sticky: Header | None
    lines: tuple[Line, ...]

    @property
    def rows(self) -> tuple[RowLine, ...]:
        return tuple(line for line in self.lines if isinstance(line, RowLine))

    @property
    def slots(self) -> int:
        return max(len(row.columns) for row in self.rows)


def layout_table(table: form.Table) -> GridLayout:
    """Section 二 as its four blocks, each under its label and its own header; 三 and 四 as one
    table under a sticky header, with a caption line where a group of rows begins."""
    lines: list[Line] = []
    if table.blocks:
        for block in table.blocks:
            lines.append(Caption(block.label, 0))
            lines.append(Header(table.corner, block.columns))
            lines.extend(RowLine(table.row(key), block.columns, 0) for key in block.rows)
        return GridLayout(table, None, tuple(lines))
    open_groups: tuple[str, ...] = ()
    for row in table.rows:
        common = 0
        while common < min(len(open_groups), len(row.path)) and (
            open_groups[common] == row.path[common]
        ):
            common += 1
        lines.extend(Caption(row.path[d], d) for d in range(common, len(row.path)))
        open_groups = row.path
        lines.append(RowLine(row, table.columns, len(row.path)))
    return GridLayout(table, Header(table.corner, table.columns), tuple(lines))


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where things go across a line: the label column, then equal slots."""

    label_width: int
    slot_width: int
    slots: int

    @property
    def width(self) -> int:
        return self.label_width + self.slots * self.slot_width

    def slot_x(self, slot: int) -> int:
        return self.label_width + slot * self.slot_width

    @property
    def indent(self) -> int:
        """Cells of indentation per group level: less when the label column is narrow."""
        return 2 if self.label_width >= 40 else 1


def fit(layout: GridLayout, width: int, widest_value: int = 0) -> Geometry:
    """Share ``width`` between the label column and the slots.

    Slots get what their labels would like, down to :data:`MIN_SLOT` (or the widest value);
    the label column gets the rest, and at least :data:`MIN_LABEL` while slots can shrink.
    """
    slots = layout.slots
    headers = [layout.sticky] if layout.sticky else []
    headers += [line for line in layout.lines if isinstance(line, Header)]
    columns = [c for header in headers for c in header.columns]
    floor = max(MIN_SLOT, widest_value + 1)
    ideal = max([floor, *(cell_len(c.label) + 2 for c in columns)])
    wanted_label = max(_label_need(line) for line in layout.lines if not isinstance(line, Header))
    slot = max(floor, min(ideal, (width - wanted_label) // slots))
    if width - slot * slots < MIN_LABEL:
        slot = max(floor, (width - MIN_LABEL) // slots)
    return Geometry(max(0, width - slot * slots), slot, slots)


def _label_need(line: Caption | RowLine) -> int:
    if isinstance(line, Caption):
        return 2 * line.depth + cell_len(line.text) + 1
    return 2 * line.depth + cell_len(line.row.label) + 1


# --------------------------------------------------------------------------- text


def fit_text(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with ``...``."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width <= len(ELLIPSIS):
        return set_cell_size(text, width)
    kept = chop_cells(text, width - len(ELLIPSIS))[0]
    return set_cell_size(kept + ELLIPSIS, width)


def centre(text: str, width: int) -> str:
    """``text`` centred in ``width`` cells (cut when too long)."""
    room = width - cell_len(text)
    if room <= 0:
        return set_cell_size(text, width)
    left = room // 2
    return " " * left + text + " " * (room - left)


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells where Chinese may break (never
    after "（"), as evenly as possible (商业/企业 rather than 商业企/业)."""
    if width <= 0 or not text:
        return [""]
    return fold_evenly(text, width)


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """A piece of a header line: a column label line, or a group label spanning ``span`` slots."""

    slot: int
    text: str
    span: int = 1
    column: form.Column | None = None


@dataclass(frozen=True, slots=True)
class HeaderText:
    corner: str
    cells: tuple[HeaderCell, ...]


def header_text(header: Header, geometry: Geometry) -> tuple[HeaderText, ...]:
    """The lines of a header: group labels on top, column labels wrapped and bottom-aligned."""
    inner = geometry.slot_width - 1
    wrapped = [wrap(c.label, inner) for c in header.columns]
    grouped = any(c.group for c in header.columns)
    height = max(len(w) for w in wrapped) + (1 if grouped else 0)
    cells: list[list[HeaderCell]] = [[] for _ in range(height)]
    for slot, (column, lines) in enumerate(zip(header.columns, wrapped, strict=True)):
        top = height - len(lines)
        for offset, text in enumerate(lines):
            cells[top + offset].append(HeaderCell(slot, text, 1, column))
    slot = 0
    while slot < len(header.columns):
        group = header.columns[slot].group
        span = 1
        while group and slot + span < len(header.columns):
            if header.columns[slot + span].group != group:
                break
            span += 1
        if group:
            cells[0].append(HeaderCell(slot, group, span))
        slot += span
    corner_lines = chop_cells(header.corner, geometry.label_width - 1) or [""]
    if len(corner_lines) > height:
        kept = corner_lines[: height - 1]
        rest = "".join(corner_lines[height - 1 :])
        corner_lines = [*kept, fit_text(rest, geometry.label_width - 1)]
    corner_lines += [""] * (height - len(corner_lines))
    return tuple(
        HeaderText(corner, tuple(sorted(line, key=lambda c: c.slot)))
        for corner, line in zip(corner_lines, cells, strict=True)
    )
