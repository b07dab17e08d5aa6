"""``govtui desk --json``: the board as data, for the workbook, the dashboard and other systems.

The shape is the desk issue's: ``collection``, ``as_of``, ``units`` (each with ``name``,
``file``, ``status``, ``late``, ``received``, ``errors``, ``warnings``, ``findings``,
``indicators``, ``previous_indicators``), ``sum`` (``units``, ``provisional``,
``indicators``), ``not_on_roster``, ``other_years``. A finding is what ``check --json``
gives (:meth:`Finding.as_json`) with its ``place`` and the office's ``review``. A few keys
more say what the office needs to act on: a unit's ``due``, ``reason`` (why unreadable),
``decision``, ``previous`` and ``notes``; the sum's ``provisional_units``, ``not_counted`` and
``office`` (the office's own report checked against the sum: ``parent_sum``).
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any, TextIO

from govtui.desk import indicators
from govtui.finding import verdict_json

if TYPE_CHECKING:
    from govtui.desk.board import Board, UnitView
    from govtui.desk.status import Reviewed


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _path(value: object) -> str | None:
    return str(value) if value else None


def finding_json(reviewed: Reviewed) -> dict[str, Any]:
    data = reviewed.finding.as_json()
    data["place"] = reviewed.finding.place
    data["review"] = reviewed.review.as_json()
    return data


def unit_json(view: UnitView) -> dict[str, Any]:
    decision = view.decision
    return {
        "name": view.name,
        "file": _path(view.read.path if view.read else view.unit.file),
        "status": view.status,
        "late": view.late,
        "received": _date(view.received),
        "errors": view.errors,
        "warnings": view.warnings,
        "findings": [finding_json(r) for r in view.findings],
        "indicators": indicators.as_json(view.indicators),
        "previous_indicators": indicators.as_json(view.previous_indicators),
        "outcomes": indicators.outcomes(view.read.outcome.counts) if view.read else {},
        "due": _date(view.due),
        "reason": view.reason or None,
        "decision": {
            "state": decision.decision,
            "comment": decision.comment or None,
            "by": decision.by or None,
            "date": _date(decision.date),
        }
        if decision
        else None,
        "previous": _path(view.previous),
        "notes": view.notes,
    }


def office_json(board: Board) -> dict[str, Any] | None:
    """The office's own report (``collection.report``): ``check --json``'s verdict, with the
    ``parent_sum`` findings among the others; ``null`` without one."""
    office = board.office
    if office is None:
        return None
    if office.problem:
        return {"file": str(office.path), "unreadable": office.problem}
    data = {"file": str(office.path)} | verdict_json(office.findings)
    for entry, finding in zip(data["findings"], office.findings, strict=True):
        entry["place"] = finding.place
    return data


def board_json(board: Board, units: bool = True) -> dict[str, Any]:
    """The whole JSON; without ``units`` that key is left out (see :func:`write_json`)."""
    collection = board.roster.collection
    counted = board.counted
    data = {
        "collection": {
            "roster": str(board.roster.path),
            "agency": collection.agency or None,
            "year": board.year,
            "due": _date(collection.due),
            "previous": _path(collection.previous),
            "report": _path(collection.report),
            "ledger": str(board.ledger_path),
            "profile": _path(board.profile),
        },
        "as_of": board.as_of.isoformat(),
        "units": [unit_json(u) for u in board.units],
        "sum": {
            "units": [u.name for u in counted],
            "provisional": bool(board.provisional),
            "indicators": indicators.as_json(indicators.of_counts(board.sum_counts()))
            if counted
            else {},
            "provisional_units": [u.name for u in board.provisional],
            "office": office_json(board),
            "not_counted": [
                {"name": u.name, "status": u.status} for u in board.units if not u.counted
            ],
        },
        "not_on_roster": [
            {"path": str(r.path), "agency": r.outcome.agency or None, "reason": why}
            for r, why in board.not_on_roster
        ],
        "other_years": [
            {"path": str(r.path), "agency": r.outcome.agency, "year": r.outcome.year}
            for r in board.other_years
        ],
    }
    if not units:
        del data["units"]
    return data


def write_json(board: Board, out: TextIO) -> None:
    """The JSON of :func:`board_json` written unit by unit, so that three thousand units'
    findings are never one string in memory (the C encoder runs for each piece)."""
    rest = board_json(board, units=False)
    head = {key: rest.pop(key) for key in ("collection", "as_of")}
    out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "units": [')
    for index, view in enumerate(board.units):
        out.write(("," if index else "") + json.dumps(unit_json(view), ensure_ascii=False))
    out.write("], " + json.dumps(rest, ensure_ascii=False)[1:] + "\n")
