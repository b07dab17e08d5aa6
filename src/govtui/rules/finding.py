"""What a rule reports: a :class:`Finding` names the rule, the place and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govtui import form
from govtui.places import CellRef, parse_cell, place_key, place_label
from govtui.policy import Severity

SEVERITY_LABEL: dict[Severity, str] = {"error": "错误", "warning": "警告"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found.

    ``section`` is the numeral of the section (三); ``row`` and ``column`` are the official
    labels of the place, or the prose field's label in ``row``. ``cells`` and ``field`` tell
    the editor where to jump and what to mark; they are not part of the JSON output.

    A rule function leaves ``rule`` and ``severity`` out: the registry stamps both on every
    finding it yields — the id the rule is registered under, the severity the policy gives
    that id (:mod:`govtui.policy`) — so each is written once per rule.
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


# The places live below the model (:mod:`govtui.places`, which checks an acceptance's place);
# the rules, the editor and the desk still find them here, beside the findings that have them.
__all__ = [
    "SEVERITY_LABEL",
    "CellRef",
    "Finding",
    "Severity",
    "parse_cell",
    "place_key",
    "place_label",
]
