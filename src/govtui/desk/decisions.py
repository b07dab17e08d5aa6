"""The office's decisions — 通过, 退回, 忽略, 确认, 撤销, 收到日期 — written to the ledger.

Each takes the board as just built (to find the unit, its file's hash and the finding) and
changes one entry of the ledger under its lock (:func:`govtui.desk.ledger.update`). A
decision that cannot be made raises :class:`DeskError` with a Chinese message saying why and
what would work (the units' names, the findings' places).
"""

from __future__ import annotations

import datetime
import getpass
from dataclasses import dataclass

from govtui.desk import ledger
from govtui.desk.board import Board, UnitView
from govtui.desk.status import READ, STATUS_LABEL, Reviewed
from govtui.errors import GovtuiError


class DeskError(GovtuiError):
    """A decision the desk cannot make, and why."""


@dataclass(frozen=True)
class Who:
    by: str
    comment: str
    today: datetime.date


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def find_unit(board: Board, name: str) -> UnitView:
    unit = board.roster.by_name(name)
    if unit is None:
        names = "、".join(u.name for u in board.units)
        raise DeskError(f"名单上没有「{name}」（名称或别名）。名单上的单位：{names}")
    return next(v for v in board.units if v.unit is unit)


def _with_report(view: UnitView, what: str) -> UnitView:
    if view.status not in READ or view.read is None:
        raise DeskError(f"「{view.name}」{STATUS_LABEL[view.status]}，没有可{what}的报告")
    return view


def approve(board: Board, name: str, who: Who) -> str:
    view = _with_report(find_unit(board, name), "通过")
    _decide(board, view, "approved", who)
    extra = f"（仍有 {view.errors} 个错误）" if view.errors else ""
    return f"已通过「{view.name}」{extra}"


def send_back(board: Board, name: str, who: Who) -> str:
    if not who.comment:
        raise DeskError("退回请用 -m 写明理由")
    view = _with_report(find_unit(board, name), "退回")
    _decide(board, view, "returned", who)
    return f"已退回「{view.name}」：{who.comment}"


def _decide(board: Board, view: UnitView, decision: str, who: Who) -> None:
    assert view.read is not None
    digest = view.read.hash or ""

    def change(book: ledger.Ledger) -> None:
        record = book.unit(view.name)
        record.decision, record.hash = decision, digest
        record.comment, record.by, record.date = who.comment, who.by, who.today

    ledger.update(board.ledger_path, change)


def find_finding(view: UnitView, rule: str, place: str | None) -> Reviewed:
    current = [r for r in view.findings if r.review.state != "resolved"]
    matches = [r for r in current if r.finding.rule == rule and place in (None, r.finding.place)]
    if len(matches) == 1:
        return matches[0]
    listed = "\n".join(f"  {r.finding.rule} {r.finding.place}" for r in current) or "  （没有问题）"
    what = "有多条，请给出位置" if matches else "没有这条问题"
    raise DeskError(f"「{view.name}」的 [{rule}] {place or ''} {what}。现有的问题：\n{listed}")


def judge_finding(
    board: Board, name: str, rule: str, place: str | None, state: str, who: Who
) -> str:
    """``dismissed`` (with a reason) or ``confirmed`` (with the requirement, optional)."""
    view = _with_report(find_unit(board, name), "处理")
    finding = find_finding(view, rule, place).finding
    if state == "dismissed" and not who.comment:
        raise DeskError("忽略请用 -m 写明理由")

    def change(book: ledger.Ledger) -> None:
        book.findings[(view.name, finding.rule, finding.place)] = ledger.FindingRecord(
            unit=view.name,
            rule=finding.rule,
            place=finding.place,
            state=state,
            comment=who.comment,
            by=who.by,
            date=who.today,
            severity=finding.severity,
            section=finding.section,
            row=finding.row,
            column=finding.column,
            message=finding.message,
        )

    ledger.update(board.ledger_path, change)
    verb = "已忽略" if state == "dismissed" else "已确认需整改"
    return f"{verb}「{view.name}」[{finding.rule}] {finding.place}"


def reopen(board: Board, name: str, rule: str | None, place: str | None, who: Who) -> str:
    """Without ``rule``: take back the unit's approval or return. With it: the finding is
    open again for the office (also one the unit accepted)."""
    view = find_unit(board, name)
    if rule is None:
        if view.decision is None:
            raise DeskError(f"「{view.name}」没有通过或退回的决定可以撤销")

        def drop(book: ledger.Ledger) -> None:
            record = book.unit(view.name)
            record.decision = record.comment = record.by = record.hash = ""
            record.date = None

        ledger.update(board.ledger_path, drop)
        return f"已撤销对「{view.name}」的决定"
    finding = find_finding(view, rule, place).finding

    def change(book: ledger.Ledger) -> None:
        book.findings[(view.name, finding.rule, finding.place)] = ledger.FindingRecord(
            unit=view.name,
            rule=finding.rule,
            place=finding.place,
            state="reopened",
            comment=who.comment,
            by=who.by,
            date=who.today,
            message=finding.message,
        )

    ledger.update(board.ledger_path, change)
    return f"已重新打开「{view.name}」[{finding.rule}] {finding.place}"


def received(board: Board, name: str, date: datetime.date) -> str:
    view = find_unit(board, name)

    def change(book: ledger.Ledger) -> None:
        book.unit(view.name).received = date

    ledger.update(board.ledger_path, change)
    return f"「{view.name}」的收到日期记为 {date.isoformat()}"
