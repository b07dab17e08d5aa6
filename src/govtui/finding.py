"""What a rule reports: a :class:`Finding` names the rule, the place and what was expected.

It lives below the rules (beside :mod:`govtui.places` and :mod:`govtui.policy`), with the
counts and the JSON shape of a list of findings, so that what the desk caches — findings,
unpickled on every look — loads without the rule engine, the model or pydantic. The rules
still find it as :mod:`govtui.rules.finding`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from govtui import form
from govtui.places import CellRef, place_key
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

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        """Pickled as its fields in order, unpickled through ``__init__``: the desk unpickles
        every cached finding on every look, and the slots dataclass's own way (a state dict
        set field by field, asking :func:`dataclasses.fields` each time) took a third of a
        3 000-unit look from the cache."""
        return Finding, tuple(getattr(self, name) for name in self.__slots__)

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


class Counts(NamedTuple):
    errors: int
    warnings: int  # not accepted
    accepted: int


def count(findings: Iterable[Finding]) -> Counts:
    """How many errors and warnings count against a report, and how many warnings it accepted."""
    errors = warnings = accepted = 0
    for finding in findings:
        if finding.is_error:
            errors += 1
        elif finding.accepted:
            accepted += 1
        else:
            warnings += 1
    return Counts(errors, warnings, accepted)


def verdict_json(findings: Iterable[Finding]) -> dict[str, Any]:
    """What was found in one report, as JSON: ``ok``, ``errors``, ``warnings`` (not accepted),
    ``accepted`` (how many warnings were), ``findings``. The one shape of ``check --json``,
    ``aggregate --json``, ``import --json``, the desk and the JSON export."""
    findings = list(findings)
    errors, warnings, accepted = count(findings)
    return {
        "ok": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "accepted": accepted,
        "findings": [f.as_json() for f in findings],
    }
