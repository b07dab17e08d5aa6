"""Checking many reports: one file's outcome, computed where it is cheap to send back.

``examine`` reads one report, finds last year's, runs the rules and returns a small, picklable
:class:`Outcome` — the findings, the notes, and for ``aggregate`` the counts as one flat tuple —
so that ``check`` and ``aggregate`` can run it in worker processes and keep nothing but a
running total in the parent. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import partial
from pathlib import Path

from govtui import parallel
from govtui.errors import LoadError, Problem
from govtui.io.previous import find_previous
from govtui.io.reading import contained, read_report, what_else
from govtui.io.roster import normalize_name
from govtui.model import Report

# What one file's check comes to lives below the rules (the desk unpickles it without them);
# the commands still import it from here.
from govtui.outcome import CELLS, Options, Outcome
from govtui.profile import for_report
from govtui.rules import check, unused_acceptances
from govtui.rules.finding import place_label

__all__ = ["CELLS", "Options", "Outcome", "count_vector", "crashed", "examine", "examine_all"]


def count_vector(report: Report) -> tuple[int, ...]:
    """Every input count of ``report`` in the order of :data:`CELLS`."""
    return tuple(report.grid(table)[row][column] for table, row, column in CELLS)


def examine(path: Path, options: Options) -> Outcome:
    """Read ``path``, find last year's report, run every rule; never raises for a bad file.

    Whatever goes wrong with one input — a reader's or a rule's unforeseen exception, nesting
    deeper than the stack, memory — becomes that input's verdict (:func:`reading.contained`),
    so that the run goes on to the next file and its output stays whole.
    """
    try:
        with contained(path):
            return _examine(path, options)
    except LoadError as error:
        what = what_else(path)
        if what:
            return Outcome(path, skipped=what)
        return Outcome(path, problems=tuple(p.describe(path) for p in error.problems))


def examine_all(
    paths: Iterable[Path], options: Options, *, jobs: int, expected: int
) -> Iterator[Outcome]:
    """:func:`examine` over ``paths`` in input order, in ``jobs`` worker processes when there
    are enough; an input whose worker dies gets :func:`crashed` and the run goes on."""
    return parallel.imap(
        partial(examine, options=options),
        paths,
        jobs=parallel.workers(jobs),
        expected=expected,
        crashed=crashed,
    )


def crashed(path: Path) -> Outcome:
    """The verdict of an input whose worker process died while reading it (killed for its
    memory, or a crash inside a library): the run goes on without it."""
    message = "读这个文件时处理进程意外退出（可能是内存不足，或文件触发了程序缺陷）"
    return Outcome(path, problems=(Problem(message).describe(path),))


def _examine(path: Path, options: Options) -> Outcome:
    try:
        profile = for_report(path, options.profile, ignore=options.no_profile)
    except LoadError as error:  # a govtui.toml that cannot be used: said like a bad report
        return Outcome(path, problems=tuple(p.describe(error.path) for p in error.problems))
    profile = profile.with_options(options.settings)
    loaded = read_report(path)
    report = loaded.report
    fees = +report.fees  # raises for a fee no sum could hold (1e999999999): that file's verdict
    given = options.previous
    if given is None and options.previous_by_agency:
        given = options.previous_by_agency.get(normalize_name(report.agency))
    previous = find_previous(path, report, given)
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
        fees=fees if options.counts else Decimal(0),
        previous_counts=count_vector(previous.report)
        if options.previous_counts and previous.report
        else (),
        prose=tuple(report.prose.items()) if options.prose else (),
        profile=profile.name,
    )
