"""Summing many agencies' reports of one year: exact running totals and the office's overview.

Inputs arrive one :class:`~govtui.batch.Outcome` at a time and are either counted or refused,
never summed silently when they should not be:

* an unreadable file (including one of another form: the loader refuses it) is refused;
* a report of another year than the run's (``--year``, else the first readable report's) is
  refused;
* a second report of the same agency (or of the same roster unit) is refused, and the first
  one it duplicates is named.

Only a running total and one entry per agency are kept, the entries past the first few thousand
in a temporary SQLite file (:class:`Seen`), so memory does not grow with the number of inputs.
The sum is a :class:`~govtui.model.Report` with every count and the fee added exactly and the
prose left empty for the collecting office to write.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from govtui.batch import CELLS, Outcome
from govtui.errors import LoadError
from govtui.io.roster import Roster, Unit, normalize_name
from govtui.model import Report, validate
from govtui.outcome import Totals
from govtui.rules import count

if TYPE_CHECKING:
    from govtui.io.document import Document


class Sum(Totals):
    """Exact sums of every input count cell and of the fee (:class:`govtui.outcome.Totals`),
    written into a report."""

    def into(self, report: Report) -> Report:
        """``report`` with the sums as its counts and fee (its prose and title untouched)."""
        return summed_into(self, report)


def summed_into(total: Totals, report: Report) -> Report:
    """``report`` with ``total``'s sums as its counts and fee (its prose and title untouched)."""
    for (table, row, column), value in zip(CELLS, total.counts, strict=True):
        report.grid(table)[row][column] = value
    report.fees = total.fees
    return validate(report)  # a sum past the bounds is refused (LoadError), never written


Status = Literal["counted", "refused", "unreadable"]


@dataclass(frozen=True)
class Entry:
    """What became of one input: counted, refused (with the reason) or unreadable."""

    outcome: Outcome
    status: Status
    reason: str = ""
    unit: Unit | None = None


@dataclass
class Overview:
    """The collecting office's view over the roster, filled as reports come in."""

    roster: Roster
    filed: set[str] = field(default_factory=set)
    failing: dict[str, list[str]] = field(default_factory=dict)  # unit → error rules
    warned: dict[str, list[str]] = field(default_factory=dict)  # unit → warning rules
    copied: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # unit → (field, %)
    unchecked: list[str] = field(default_factory=list)  # units with no previous report known
    unlisted: list[Path] = field(default_factory=list)  # reports of no unit on the roster

    @property
    def missing(self) -> list[Unit]:
        return [u for u in self.roster.units if u.name not in self.filed]

    def note(self, entry: Entry) -> None:
        outcome, unit = entry.outcome, entry.unit
        if not outcome.readable:
            return
        if unit is None:
            self.unlisted.append(outcome.path)
            return
        if entry.status != "counted":
            return
        self.filed.add(unit.name)
        errors = _rules(f.rule for f in outcome.findings if f.is_error)
        warnings = _rules(
            f.rule
            for f in outcome.findings
            if not f.is_error and not f.accepted and f.rule != "copied_text"
        )
        copied = [
            (f.row, str(f.actual))
            for f in outcome.findings
            if f.rule == "copied_text" and not f.accepted
        ]
        if errors:
            self.failing[unit.name] = errors
        if warnings:
            self.warned[unit.name] = warnings
        if copied:
            self.copied[unit.name] = copied
        if outcome.previous is None:
            self.unchecked.append(unit.name)


class Seen:
    """Which report was counted for each agency, to refuse a second one and name the first.

    A county's thirty reports stay in a dict; past :attr:`SPILL` agencies the rest go to a
    private temporary SQLite database on disk (``sqlite3.connect("")``, removed when closed),
    whose page cache is bounded: a province's 50 000 inputs then cost the process no more
    memory than 10 000 do.
    """

    SPILL = 5000

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None

    def get(self, key: str) -> str | None:
        found = self._memory.get(key)
        if found is None and self._db is not None:
            row = self._db.execute("SELECT path FROM seen WHERE key = ?", (key,)).fetchone()
            found = row[0] if row else None
        return found

    def add(self, key: str, path: str) -> None:
        if self._db is None and len(self._memory) < self.SPILL:
            self._memory[key] = path
            return
        if self._db is None:
            self._db = sqlite3.connect("")
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, path TEXT NOT NULL)")
        self._db.execute("INSERT INTO seen VALUES (?, ?)", (key, path))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _rules(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


class Collection:
    """The state of an aggregation run: one year, one entry per agency, the running sum."""

    def __init__(self, year: int | None = None, roster: Roster | None = None) -> None:
        self.year = year
        self.year_given = year is not None
        self.sum = Sum()
        self.seen = Seen()  # agency (or roster unit) → the report counted for it
        self.overview = Overview(roster) if roster else None
        self.tally: Counter[Status] = Counter()
        self.with_errors = 0

    def add(self, outcome: Outcome) -> Entry:
        entry = self._judge(outcome)
        self.tally[entry.status] += 1
        if entry.status == "counted":
            self.sum.add(outcome.counts, outcome.fees)
            if count(outcome.findings).errors:
                self.with_errors += 1
        if self.overview is not None:
            self.overview.note(entry)
        return entry

    def _judge(self, outcome: Outcome) -> Entry:
        if not outcome.readable:
            return Entry(outcome, "unreadable", "无法读取")
        unit = self.overview.roster.match(outcome.path, outcome.agency) if self.overview else None
        if self.year is None:
            self.year = outcome.year
        if outcome.year != self.year:
            reason = f"是 {outcome.year} 年的报告，本次汇总的是 {self.year} 年"
            return Entry(outcome, "refused", reason, unit)
        key = unit.name if unit else normalize_name(outcome.agency)
        first = self.seen.get(key)
        if first is not None:
            reason = f"与 {first} 是同一单位（{key}）的报告，只能计入一份"
            return Entry(outcome, "refused", reason, unit)
        self.seen.add(key, str(outcome.path))
        return Entry(outcome, "counted", "", unit)

    @property
    def complete(self) -> bool:
        """Every input was counted: only then may the sum be written."""
        return self.tally["refused"] == 0 and self.tally["unreadable"] == 0

    def report(self, agency: str, base: Report | None = None) -> Report:
        """The summed report for ``agency``; ``base`` keeps the office's prose from a last run."""
        assert self.year is not None
        report = base.model_copy(deep=True) if base else Report.blank(agency, self.year)
        report.agency, report.year = agency, self.year
        return self.sum.into(report)


def existing_sum(output: Document | None, force: bool) -> tuple[Report | None, str]:
    """The sum file of a previous run, whose prose is kept; or why it must not be touched (a
    link that points nowhere is no readable report either)."""
    if output is None or not output.exists:
        return None, ""
    try:
        return output.load(), ""
    except LoadError as error:
        if force:
            return None, ""
        return None, (
            f"{output.path} 已存在但不是可读的报告文件，未覆盖（确认要覆盖请加 --force）：\n"
            f"{error.describe()}"
        )
