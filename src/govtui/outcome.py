"""What became of one input file (:class:`Outcome`) and what every file is checked with
(:class:`Options`): the small, picklable values :mod:`govtui.batch` sends back from its worker
processes and the desk keeps in its cache. They live below the rules and the model so that a
look at the desk with nothing changed unpickles them without loading either."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from govtui import form
from govtui.finding import Finding, verdict_json

# Every input count cell of the form, in reading order: the layout of ``Outcome.counts``.
CELLS: tuple[tuple[str, str, str], ...] = tuple(
    (table.key, row.key, column.key)
    for table in form.TABLES
    for row, column in table.cells()
    if row.kind == "count"
)


@dataclass(frozen=True)
class Options:
    """What every file of a run is checked with."""

    previous: Path | None = None  # last year's report, given on the command line (one input)
    settings: Mapping[str, float] = field(default_factory=dict)  # the command line's
    counts: bool = False  # send the counts back (``aggregate``)
    previous_counts: bool = False  # and last year's counts (the desk's year-on-year change)
    prose: bool = False  # and the prose (the desk compares the units' texts with each other)
    # Last year's report by agency name (blanks removed), when ``previous`` is not given:
    # the desk knows every unit's last report from last year's roster.
    previous_by_agency: Mapping[str, Path] = field(default_factory=dict)
    profile: Path | None = None  # ``--profile``: the rule profile for every file
    no_profile: bool = False  # ``--no-profile``: the defaults, whatever govtui.toml is found


@dataclass(frozen=True)
class Outcome:
    """What became of one input file."""

    path: Path
    problems: tuple[str, ...] = ()  # why it could not be read; empty when it was
    agency: str = ""
    year: int = 0
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    previous: Path | None = None  # last year's report, when one was used
    counts: tuple[int, ...] = ()
    fees: Decimal = Decimal(0)
    skipped: str = ""  # what the file is when it is govtui's but no report (a roster)
    previous_counts: tuple[int, ...] = ()  # last year's, when asked for and used
    prose: tuple[tuple[str, str], ...] = ()  # (field, text), when asked for
    profile: str = ""  # the rule profile in force, when there was one

    @property
    def readable(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        """The file's entry of ``check --json`` (and ``aggregate --json``, the desk): the
        findings' shape (:func:`verdict_json`), then what is there only when it is."""
        entry: dict[str, Any] = {"path": str(self.path)}
        if not self.readable:
            entry |= verdict_json(())
            entry |= {"ok": False, "errors": len(self.problems)}
            entry["unreadable"] = "\n".join(self.problems)
            return entry
        entry |= verdict_json(self.findings)
        if self.previous:
            entry["previous"] = str(self.previous)
        if self.profile:
            entry["profile"] = self.profile
        if self.notes:
            entry["notes"] = list(self.notes)
        return entry


class Totals:
    """Exact sums of every input count cell (:data:`CELLS` order) and of the fee: what the desk
    keys its office check on at every look, without the model (:class:`govtui.aggregate.Sum`
    writes them into a report)."""

    def __init__(self) -> None:
        self.counts = [0] * len(CELLS)
        self.fees = Decimal(0)
        self.reports = 0

    def add(self, counts: tuple[int, ...], fees: Decimal) -> None:
        totals = self.counts
        for index, value in enumerate(counts):
            totals[index] += value
        self.fees += fees
        self.reports += 1
