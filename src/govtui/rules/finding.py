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
    """

    rule: str
    severity: Severity
    section: str
    message: str
    row: str = ""
    column: str = ""
    expected: int | str | None = None
    actual: int | str | None = None
    cells: tuple[CellRef, ...] = ()
    field: str = ""  # a prose key such as "overview.on_request"

    @property
    def section_heading(self) -> str:
        return form.section_of(self.section).heading if self.section else "标题与前言"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section_heading,
            "row": self.row,
            "column": self.column,
            "expected": self.expected,
            "actual": self.actual,
            "message": self.message,
        }
