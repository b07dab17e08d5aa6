"""Checking many reports: one file's outcome, computed where it is cheap to send back.

``examine`` reads one report, finds last year's, runs the rules and returns a small, picklable
:class:`Outcome` — the findings, the notes, and for ``aggregate`` the counts as one flat tuple —
so that ``check`` and ``aggregate`` can run it in worker processes and keep nothing but a
running total in the parent. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from govtui import form
from govtui.errors import LoadError
from govtui.model import Report
from govtui.rules import Finding, check, unused_acceptances

# Every input count cell of the form, in reading order: the layout of ``Outcome.counts``.
CELLS: tuple[tuple[str, str, str], ...] = tuple(
    (table.key, row.key, column.key)
    for table in form.TABLES
    for row, column in table.cells()
    if row.kind == "count"
)


def count_vector(report: Report) -> tuple[int, ...]:
    """Every input count of ``report`` in the order of :data:`CELLS`."""
    return tuple(report.grid(table)[row][column] for table, row, column in CELLS)


@dataclass(frozen=True)
class Options:
    """What every file of a run is checked with."""

    previous: Path | None = None  # last year's report, given on the command line (one input)
    settings: Mapping[str, float] = field(default_factory=dict)  # the command line's
    counts: bool = False  # send the counts back (``aggregate``)
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
    profile: str = ""  # the rule profile in force, when there was one

    @property
    def readable(self) -> bool:
        return not self.problems


def examine(path: Path, options: Options) -> Outcome:
    """Read ``path``, find last year's report, run every rule; never raises for a bad file."""
    from govtui.io.previous import find_previous
    from govtui.io.reading import read_report
    from govtui.profile import for_report
    from govtui.rules.finding import place_label

    try:
        profile = for_report(path, options.profile, ignore=options.no_profile)
    except LoadError as error:  # a govtui.toml that cannot be used: said like a bad report
        return Outcome(path, problems=tuple(p.describe(error.path) for p in error.problems))
    profile = profile.with_options(options.settings)
    try:
        loaded = read_report(path)
    except LoadError as error:
        return Outcome(path, problems=tuple(p.describe(path) for p in error.problems))
    report = loaded.report
    previous = find_previous(path, report, options.previous)
    findings = check(
        report,
        previous=previous.report,
        printed=loaded.printed,
        published=loaded.layout,
        **profile.check_options(),
    )
    stale = [
        f"已接受的警告 [{a.rule}] {place_label(a.place)} 已不再出现，可以从文件中删除这条接受记录。"
        for a in unused_acceptances(findings, report.accepted, previous=previous.report is not None)
    ]
    return Outcome(
        path,
        agency=report.agency,
        year=report.year,
        findings=tuple(findings),
        notes=(*loaded.notes, *previous.notes, *stale),
        previous=previous.path if previous.report else None,
        counts=count_vector(report) if options.counts else (),
        fees=report.fees if options.counts else Decimal(0),
        profile=profile.name,
    )
