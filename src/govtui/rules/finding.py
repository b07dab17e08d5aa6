"""What a rule reports: a :class:`Finding` names the rule, the place and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from govtui import form

Severity = Literal["error", "warning"]
SEVERITY_LABEL: dict[Severity, str] = {"error": "错误", "warning": "警告"}


class CellRef(NamedTuple):
    """A cell of one of the form's tables, by keys: ``("requests", "new", "total")``."""

    table: str
    row: str
    column: str

    @property
    def labels(self) -> tuple[str, str]:
        table = form.TABLE_BY_KEY[self.table]
        return table.row(self.row).full_label, table.column(self.column).label


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found.

    ``section`` is the numeral of the section (三); ``row`` and ``column`` are the official
    labels of the place, or the prose field's label in ``row``. ``cells`` and ``field`` tell
    the editor where to jump and what to mark; they are not part of the JSON output.

    A rule function leaves ``rule`` and ``severity`` out: the registry stamps both from the
    rule's declaration on every finding it yields, so they are written once per rule.
    """

    rule: str = ""
    severity: Severity = "warning"
    section: str = ""
    message: str = ""
    row: str = ""
    column: str = ""
    expected: int | str | None = None
    actual: int | str | None = None
    cells: tuple[CellRef, ...] = ()
    field: str = ""  # a prose key such as "overview.on_request"
    accepted: str = ""  # the reason, when the report accepted this warning
    profile: str = ""  # the rule profile whose settings produced this finding, if one did

    @property
    def place(self) -> str:
        """The stable key of the place, which an acceptance names (see :func:`place_key`)."""
        return place_key(self.field, self.cells[0] if self.cells else None, self.section)

    @property
    def section_heading(self) -> str:
        return form.section_of(self.section).heading if self.section else "标题与前言"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section_heading,
            "row": self.row,
            "column": self.column,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.message,
        }
        if self.accepted:
            data["accepted"] = self.accepted
        if self.profile:
            data["profile"] = self.profile
        return data


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
