"""``govtui check``: run the rules over report files and print the findings.

Exit status: 0 when no input has an error (warnings allowed), 1 when one has, 2 when an input
cannot be read. Files are read, checked and printed one at a time (in worker processes when
there are many), so memory stays flat however many there are.

Last year's report comes from ``--previous`` or from the file's own ``[report] previous``; the
cross-year rules run when it is there, and a note says why when it cannot be used. Warnings
the file accepted are shown with their reason and not counted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from govtui.batch import Options, Outcome, examine_all
from govtui.cli import findings
from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, JsonItems, fail, to_json
from govtui.cli.findings import Printer
from govtui.cli.progress import Progress
from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io.reading import EXPORT, Inputs, Skipped
from govtui.policy import THRESHOLD_SETTING
from govtui.profile import load as load_profile
from govtui.rules import count


def settings_of(args: argparse.Namespace) -> dict[str, float]:
    """The rule settings given on the command line (``--copied-threshold``); they win over
    the profile's."""
    if args.copied_threshold is None:
        return {}
    return {THRESHOLD_SETTING: args.copied_threshold}


def run(args: argparse.Namespace) -> int:
    paths = Inputs(args.inputs)
    previous = Path(args.previous) if args.previous else None
    if previous is not None and len(paths) != 1:
        return fail("--previous 只能用于校验一个文件 / --previous needs exactly one input")
    profile = Path(args.profile) if args.profile else None
    if profile is not None and not args.no_profile:
        try:
            load_profile(profile)
        except LoadError as error:
            return fail(error.describe())
    options = Options(
        previous=previous,
        settings=settings_of(args),
        profile=profile,
        no_profile=args.no_profile,
    )
    out = sys.stdout
    printer = Printer(out)
    status = EXIT_OK
    totals = {"files": 0, "with_errors": 0, "unreadable": 0}
    skipped = list(paths.skipped)
    if args.json:
        out.write('{"files": [')
    outcomes = examine_all(paths, options, jobs=args.jobs, expected=len(paths))
    items = JsonItems(out)
    with Progress(len(paths), "校验") as progress:
        for outcome in reports_among(outcomes, skipped, progress):
            totals["files"] += 1
            if not outcome.readable:
                totals["unreadable"] += 1
                status = EXIT_UNREADABLE
            elif count(outcome.findings).errors:
                totals["with_errors"] += 1
                status = max(status, EXIT_FINDINGS)
            if args.json:
                items.write(outcome.as_json())
            else:
                progress.clear()
                print_outcome(outcome, printer)
    if args.json:
        out.write('], "skipped": ' + to_json([s.as_json() for s in skipped]) + "}\n")
    else:
        print_skipped(skipped, printer)
        _print_summary(totals, len(skipped))
    return status


def reports_among(
    outcomes: Iterable[Outcome], skipped: list[Skipped], progress: Progress
) -> Iterator[Outcome]:
    """The outcomes of the inputs that are reports, the progress line advanced for every
    input; those that turned out to be another file of govtui's (a roster) go to ``skipped``."""
    for outcome in outcomes:
        progress.advance()
        if outcome.skipped:
            skipped.append(Skipped(outcome.path, outcome.skipped))
        else:
            yield outcome


def print_outcome(outcome: Outcome, printer: Printer) -> None:
    """One file's verdict, last year's report it was compared with, the notes, the findings."""
    name = visible(str(outcome.path))
    if not outcome.readable:
        printer.line(printer.paint(f"{name}  无法读取", "1;31"))
        for problem in outcome.problems:
            printer.say(problem, "    ", "      ")
        return
    printer.line(f"{name}  {findings.verdict(outcome.findings, printer)}")
    if outcome.previous:
        printer.say(f"对照上年报告：{visible(str(outcome.previous))}", "    ", "      ")
    if outcome.profile:
        printer.say(f"规则配置：{visible(outcome.profile)}", "    ", "      ")
    for note in outcome.notes:
        printer.say(f"注意：{note}", "    ", "          ")
    findings.show(outcome.findings, printer)


def print_skipped(skipped: list[Skipped], printer: Printer) -> None:
    """The entries of a checked folder that are not reports, each with what it is (the exports
    beside their reports counted on one line)."""
    exports = [s for s in skipped if s.what == EXPORT]
    others = [s for s in skipped if s.what != EXPORT]
    if others:
        printer.line(f"跳过（不是报告，{len(others)} 个）：")
        for entry in others:
            printer.line(f"  {visible(str(entry.path))}  {entry.what}")
    if exports:
        printer.line(f"另有 {len(exports)} 个导出文件与同名 .toml 报告并列，不另校验。")


def _print_summary(totals: dict[str, int], skipped: int) -> None:
    if totals["files"] > 1 or skipped:
        print(
            f"共 {totals['files']} 个文件：{totals['with_errors']} 个有错误，"
            f"{totals['unreadable']} 个无法读取"
            + (f"；跳过 {skipped} 个不是报告的文件。" if skipped else "。")
        )
