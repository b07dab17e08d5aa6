"""What the desk computes when its cache does not have it: the reports that changed, read in
worker processes as ``check`` reads them; last year's files identified; the units' prose
compared with each other; the office's own report checked against the sum.

:mod:`govtui.desk.collection` and :mod:`govtui.desk.board` look in the cache first and call
these only for what it lacks, so a desk with nothing changed since the last look runs none of
them, and loads none of this (:mod:`govtui.desk.readers` imports this module on first use).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path

from govtui import parallel
from govtui.aggregate import summed_into
from govtui.batch import Options, Outcome, crashed, examine
from govtui.errors import LoadError
from govtui.io.reading import read_report
from govtui.model import Report
from govtui.outcome import Totals
from govtui.rules import Finding, check
from govtui.rules.across_units import copied_findings
from govtui.rules.copy_index import CopyIndex
from govtui.rules.registry import UnitSum, rule_named


def examine_all(
    jobs: list[tuple[Path, Path | None]], options: Options, workers: int
) -> Iterator[Outcome]:
    """Each ``(file, last year's file or None)`` examined, in order, in ``workers`` processes
    when there are enough; a file whose worker dies gets :func:`govtui.batch.crashed`."""
    return parallel.imap(
        partial(_examine, options=options),
        jobs,
        jobs=parallel.workers(workers),
        expected=len(jobs),
        crashed=lambda job: crashed(job[0]),  # a worker that died: that file's verdict
    )


def _examine(job: tuple[Path, Path | None], options: Options) -> Outcome:
    path, given = job
    return examine(path, dataclasses.replace(options, previous=given) if given else options)


def identify_all(paths: list[Path], workers: int) -> Iterator[tuple[str, int] | None]:
    """The agency and year of each report (``None`` when it cannot be read), in order."""
    return parallel.imap(_identify, paths, jobs=parallel.workers(workers), expected=len(paths))


def _identify(path: Path) -> tuple[str, int] | None:
    try:
        report = read_report(path).report
    except LoadError:
        return None
    return report.agency, report.year


def copied_from_units(
    units: Iterable[tuple[str, dict[str, str], tuple[str, ...]]], settings: Mapping[str, float]
) -> dict[str, list[Finding]]:
    """``copied_from_unit`` for each ``(unit, its prose, its names)``: its prose against every
    other unit's (:mod:`govtui.rules.copy_index`)."""
    index = CopyIndex()
    for name, prose, names in units:
        if prose:
            index.add(name, prose, names)
    if len(index) < 2:
        return {}
    rule = rule_named("copied_from_unit")
    assert rule is not None
    return {
        name: list(rule.stamp(copied_findings(index, name, settings))) for name in index.units()
    }


def check_office(
    path: Path, summed: Callable[[str], Report], counted: tuple[str, ...]
) -> tuple[list[Finding], str]:
    """The office's report checked with every rule and ``parent_sum`` against ``summed(its
    agency)``, the sum of the ``counted`` units; or why it cannot be read."""
    try:
        loaded = read_report(path)
    except LoadError as error:
        return [], error.describe()
    unit_sum = UnitSum(summed(loaded.report.agency), counted)
    return check(loaded.report, printed=loaded.printed, unit_sum=unit_sum), ""


def sum_report(total: Totals, agency: str, year: int, base: Report | None = None) -> Report:
    """The summed report for ``agency``; ``base`` keeps an earlier sum's prose and title."""
    report = base.model_copy(deep=True) if base else Report.blank(agency, year)
    report.agency, report.year = agency, year
    return summed_into(total, report)
