"""Places in the form, by key: a cell of a table (:class:`CellRef`), a prose field, a section.

A finding reports its place and an acceptance stored in a report's file names one, so the
keys are part of the file's vocabulary and sit beside the form, below the model: the model
checks that an acceptance names a place any finding could have (:func:`is_place`), and the
rules, the editor and the desk spell and label places with the same functions.
"""

from __future__ import annotations

from typing import NamedTuple

from govtui import form


class CellRef(NamedTuple):
    """A cell of one of the form's tables, by keys: ``("requests", "new", "total")``."""

    table: str
    row: str
    column: str

    @property
    def labels(self) -> tuple[str, str]:
        table = form.TABLE_BY_KEY[self.table]
        return table.row(self.row).full_label, table.column(self.column).label


# --------------------------------------------------------------------------- places
#
# A place key names where a finding is, in the words of the file: a prose key
# (``closing.other_matters``), a cell (``proactive.rules.in_force``,
# ``requests.carried_over.total``), or, for prose that contradicts a table, both joined by
# ``/`` (``overview.on_request/requests.new.total``). Each rule reports at most one finding
# per place, so ``(rule, place)`` names exactly one finding: that is what an acceptance
# stored in the file points at, and it survives edits elsewhere in the report.


def cell_key(cell: CellRef) -> str:
    return f"{cell.table}.{cell.row}.{cell.column}"


def place_key(field: str, cell: CellRef | None, section: str = "") -> str:
    parts = [part for part in (field, cell_key(cell) if cell else "") if part]
    return "/".join(parts) if parts else f"section.{section}"


def parse_cell(key: str) -> CellRef | None:
    """The cell a dotted key names (computed cells included), or None."""
    table_key, _, rest = key.partition(".")
    row_key, _, column_key = rest.rpartition(".")
    table = form.TABLE_BY_KEY.get(table_key)
    if table is None or not table.has_row(row_key):
        return None
    if column_key not in {c.key for c in table.columns}:
        return None
    return CellRef(table_key, row_key, column_key)


def place_label(key: str) -> str:
    """A place key (:func:`place_key`) in the form's words: a field's label, a cell's row and
    column labels, a section's heading; the key itself when it names nothing in the form."""
    labels = []
    for part in key.split("/"):
        field = form.PROSE_BY_KEY.get(part)
        cell = parse_cell(part)
        section = form.SECTION_BY_NUMERAL.get(part.removeprefix("section."))
        if field is not None:
            labels.append(field.label)
        elif cell is not None:
            table = form.TABLE_BY_KEY[cell.table]
            row, column = table.row(cell.row), table.column(cell.column)
            labels.append(f"{row.full_label} / {column.label}")
        elif part.startswith("section.") and section is not None:
            labels.append(section.heading)
        else:
            labels.append(part)
    return "；".join(labels)


def is_place(key: str) -> bool:
    """Whether ``key`` is a place key any finding could have."""
    parts = key.split("/")
    if len(parts) == 2:
        return parts[0] in form.PROSE_BY_KEY and parse_cell(parts[1]) is not None
    if key.startswith("section."):
        return key.removeprefix("section.") in form.SECTION_BY_NUMERAL
    return key in form.PROSE_BY_KEY or parse_cell(key) is not None
