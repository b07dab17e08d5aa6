"""A unit's status and each finding's review state, from its file, the rules and the ledger
(spec ``desk.md``: the tables of statuses and review states, in their Chinese names).

Pure functions of what was read and what the office decided: the desk command, its JSON, the
desk screen and the workbook all take their words and states from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from govtui.desk.ledger import FindingRecord, Ledger
from govtui.finding import Finding
from govtui.places import parse_cell

Status = Literal[
    "missing", "overdue", "unreadable", "errors", "warnings", "clean", "returned", "approved"
]
STATUS_LABEL: dict[str, str] = {
    "missing": "未报送",
    "overdue": "逾期未报送",
    "unreadable": "无法读取",
    "errors": "有错误",
    "warnings": "有警告",
    "clean": "无问题",
    "returned": "已退回",
    "approved": "已通过",
}
# Read statuses: the sum counts these units.
READ: frozenset[str] = frozenset({"errors", "warnings", "clean", "returned", "approved"})
# What a file changed after the office's decision says.
CHANGED_AFTER = {"returned": "已退回后重新报送", "approved": "通过后文件已修改"}
LATE_LABEL = "逾期报送"

ReviewState = Literal["open", "accepted", "dismissed", "confirmed", "resolved"]
REVIEW_LABEL: dict[str, str] = {
    "open": "待处理",
    "accepted": "单位已说明",
    "dismissed": "已忽略",
    "confirmed": "需整改",
    "resolved": "已整改",
}
# Review states a unit's status counts.
COUNTED: frozenset[str] = frozenset({"open", "confirmed"})


@dataclass(frozen=True)
class Review:
    state: str
    comment: str | None = None
    by: str | None = None
    date: datetime.date | None = None

    def as_json(self) -> dict[str, str | None]:
        return {
            "state": self.state,
            "comment": self.comment or None,
            "by": self.by or None,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass(frozen=True)
class Reviewed:
    """A finding with the office's review of it."""

    finding: Finding
    review: Review

    @property
    def counted(self) -> bool:
        return self.review.state in COUNTED


def _decided(record: FindingRecord, state: str) -> Review:
    return Review(state, record.comment, record.by, record.date)


def review(unit: str, findings: tuple[Finding, ...], ledger: Ledger) -> list[Reviewed]:
    """Each finding with its state; then the confirmed ones no longer found, as resolved."""
    out: list[Reviewed] = []
    present: set[tuple[str, str]] = set()
    for finding in findings:
        present.add((finding.rule, finding.place))
        record = ledger.finding(unit, finding.rule, finding.place)
        if record is not None and record.state == "confirmed":
            state = _decided(record, "confirmed")
        elif (
            record is not None and record.state == "dismissed" and record.message == finding.message
        ):
            state = _decided(record, "dismissed")
        elif record is not None and record.state == "reopened":
            state = _decided(record, "open")
        elif finding.accepted:
            state = Review("accepted", finding.accepted)
        else:
            state = Review("open")
        out.append(Reviewed(finding, state))
    for record in ledger.findings.values():
        gone = (record.rule, record.place) not in present
        if record.unit == unit and record.state == "confirmed" and gone:
            out.append(Reviewed(as_finding(record), _decided(record, "resolved")))
    return out


def as_finding(record: FindingRecord) -> Finding:
    """The finding a ledger entry recorded, for one that is gone from the report."""
    parts = record.place.split("/")
    cells = tuple(c for c in map(parse_cell, parts) if c is not None)
    field = next((p for p in parts if parse_cell(p) is None and not p.startswith("section.")), "")
    return Finding(
        rule=record.rule,
        severity="error" if record.severity == "error" else "warning",
        section=record.section,
        message=record.message,
        row=record.row,
        column=record.column,
        cells=cells,
        field=field,
    )


def computed_status(reviewed: list[Reviewed]) -> Status:
    """errors / warnings / clean, counting only open and confirmed findings."""
    counted = [r.finding for r in reviewed if r.counted]
    if any(f.is_error for f in counted):
        return "errors"
    return "warnings" if counted else "clean"


def tally(reviewed: list[Reviewed]) -> tuple[int, int]:
    """Errors and warnings open or confirmed: what the desk shows for a unit."""
    counted = [r.finding for r in reviewed if r.counted]
    errors = sum(1 for f in counted if f.is_error)
    return errors, len(counted) - errors
