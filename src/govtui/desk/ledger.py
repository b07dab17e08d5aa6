"""The office's decisions, in a ledger beside the roster: ``名单.review.toml``.

The desk never writes into a unit's report: what the office decided — a unit approved or
returned, a finding dismissed or confirmed, the date a report was received — is kept here,
as TOML a person can read. Several staff may decide at once (two terminals, the desk screen
and the command), so every change is made by :func:`update`: take the ledger's lock, read the
ledger again, apply the one change, write it atomically, release. Nobody's decision is lost.

A decision on a unit keeps the content hash of the file it was made on: the file is
"changed" when its bytes are, not its modification time (a folder copied from a USB stick
changes nothing). A decision on a finding is keyed by unit, rule and place (the place keys of
``govtui accept``) and keeps the finding's message, so that a dismissed finding whose numbers
changed is open again, and a confirmed one that is gone can still be listed as resolved.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, TypeVar

import tomli_w

from govtui.errors import LoadError, Problem, SaveError
from govtui.io import toml_text
from govtui.io.atomic import atomic_write
from govtui.io.lock import Holder, acquire, lock_path

UnitDecision = Literal["approved", "returned"]
FindingDecision = Literal["dismissed", "confirmed", "reopened"]
_UNIT_DECISIONS = ("approved", "returned")
_FINDING_DECISIONS = ("dismissed", "confirmed", "reopened")

LOCK_WAIT = 15.0  # seconds to wait for another writer before giving up
T = TypeVar("T")


@dataclass
class UnitRecord:
    """What the office recorded about one unit."""

    name: str
    received: datetime.date | None = None  # first seen by the desk, or as the office corrected it
    decision: str = ""  # approved / returned / "" (none)
    comment: str = ""
    by: str = ""
    date: datetime.date | None = None
    hash: str = ""  # the content of the file the decision was made on


@dataclass
class FindingRecord:
    """The office's decision on one finding of one unit, with the finding as it was then."""

    unit: str
    rule: str
    place: str
    state: str  # dismissed / confirmed / reopened
    comment: str = ""
    by: str = ""
    date: datetime.date | None = None
    severity: str = ""
    section: str = ""
    row: str = ""
    column: str = ""
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.rule, self.place)


@dataclass
class Ledger:
    path: Path
    units: dict[str, UnitRecord] = field(default_factory=dict)
    findings: dict[tuple[str, str, str], FindingRecord] = field(default_factory=dict)

    def unit(self, name: str) -> UnitRecord:
        """The record of ``name``, created empty when there is none yet."""
        return self.units.setdefault(name, UnitRecord(name))

    def finding(self, unit: str, rule: str, place: str) -> FindingRecord | None:
        return self.findings.get((unit, rule, place))


def path_for(roster: Path) -> Path:
    """``名单.toml`` → ``名单.review.toml`` beside it."""
    stem = roster.name[: -len(".toml")] if roster.name.lower().endswith(".toml") else roster.name
    return roster.with_name(f"{stem}.review.toml")


# --------------------------------------------------------------------------- reading


def load(path: Path) -> Ledger:
    """The ledger at ``path`` (empty when there is none); :class:`LoadError` names the entry."""
    if not path.exists():
        return Ledger(path)
    text = toml_text.read_text(path)
    data = toml_text.parse(text, path)
    lines = toml_text.key_lines(text)
    problems: list[Problem] = []
    ledger = Ledger(path)
    for kind, cls, states in (
        ("unit", UnitRecord, ("", *_UNIT_DECISIONS)),
        ("finding", FindingRecord, _FINDING_DECISIONS),
    ):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            problems.append(Problem(f"[[{kind}]] 应是表的数组", key=kind, line=lines.get(kind)))
            continue
        for number, entry in enumerate(entries, start=1):
            key = f"{kind}[{number}]"
            record = _record(cls, entry, key, lines.get(key), problems)
            if record is None:
                continue
            state = record.decision if isinstance(record, UnitRecord) else record.state
            if state not in states:
                problems.append(Problem(f"不认识的状态「{state}」", key=key, line=lines.get(key)))
            elif isinstance(record, UnitRecord):
                ledger.units[record.name] = record
            else:
                assert isinstance(record, FindingRecord)
                ledger.findings[record.key] = record
    if problems:
        raise LoadError(path, problems)
    return ledger


def _record(cls: type[Any], entry: Any, key: str, line: int | None, problems: list[Problem]) -> Any:
    names = {f.name: f for f in fields(cls)}
    if not isinstance(entry, dict):
        problems.append(Problem("应是一个表", key=key, line=line))
        return None
    values: dict[str, Any] = {}
    for name, value in entry.items():
        if name not in names:
            problems.append(Problem(f"不认识这个键「{name}」", key=key, line=line))
            continue
        wants_date = name in ("received", "date")
        ok = (
            isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
            if wants_date
            else isinstance(value, str)
        )
        if not ok:
            kind = "日期（如 2026-01-26，不加引号）" if wants_date else "文字"
            problems.append(Problem(f"{name} 应为{kind}", key=f"{key}.{name}", line=line))
            continue
        values[name] = value
    required = [f.name for f in fields(cls) if f.default is MISSING]
    missing = [name for name in required if name not in values]
    if missing:
        problems.append(Problem(f"缺少 {'、'.join(missing)}", key=key, line=line))
        return None
    return cls(**values)


# --------------------------------------------------------------------------- writing

_HEADER = """\
# 收报台审核记录（govtui desk）：汇总单位对各单位报告的处理，不写入单位的报告文件。
# [[unit]]：received 收到日期；decision 为 approved（已通过）或 returned（已退回），
#   hash 是作出决定时报告文件内容的校验值（文件内容改变后决定不再适用）。
# [[finding]]：state 为 dismissed（已忽略）、confirmed（需整改）或 reopened（重新待处理），
#   按单位、规则（rule）和位置（place）对应一条问题；message 是作出决定时的问题说明。
"""


def dumps(ledger: Ledger) -> str:
    def entry(record: Any) -> dict[str, Any]:
        # vars(), not asdict(): the fields are plain values, and asdict deep-copies each one
        return {k: v for k, v in vars(record).items() if v not in ("", None)}

    units = [entry(r) for r in sorted(ledger.units.values(), key=lambda r: r.name)]
    found = [entry(r) for _, r in sorted(ledger.findings.items())]
    body = tomli_w.dumps({"unit": units, "finding": found} if found else {"unit": units})
    return _HEADER + "\n" + body


def update(path: Path, change: Callable[[Ledger], T]) -> T:
    """Apply ``change`` to the ledger at ``path`` under its lock, as read just now; write it
    atomically and return what ``change`` returned. :class:`SaveError` when it cannot be."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        lock = acquire(path)
        if lock is None:
            raise SaveError(f"无法在 {path.parent} 中加锁：文件夹不可写？")
        if not isinstance(lock, Holder):
            break
        if time.monotonic() > deadline:
            raise SaveError(
                f"审核记录 {path} 正由 {lock.describe()} 写入，请稍后再试"
                f"（确知该进程已不在时，可删除 {lock_path(path)}）"
            )
        time.sleep(0.05)
    try:
        ledger = load(path)
        result = change(ledger)
        atomic_write(path, dumps(ledger).encode("utf-8"))
        return result
    finally:
        lock.release()
