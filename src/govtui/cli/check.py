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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, fail, to_json
from govtui.controls import visible

if TYPE_CHECKING:
    from govtui.batch import Outcome
    from govtui.cli.findings import Printer
    from govtui.io.reading import Skipped


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="校验报告 / check reports against the form's rules",
        description=(
            "校验一个或多个报告文件（文件夹表示其中所有报告文件，也可用通配符）。\n"
            "文件中写明上年报告（previous）时自动做跨年度校验。\n"
            "Check report files (a folder means every report file in it; globs work too).\n"
            "Cross-year rules run when the file names last year's report, or with --previous.\n"
            "退出码 / exit status: 0 无错误 no errors (warnings allowed), "
            "1 有错误 errors found, 2 无法读取 an input could not be read."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|FOLDER",
        help="报告文件或文件夹 / report files or folders",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_year_options(parser)
    parser.add_argument(
        "--previous",
        metavar="LAST",
        help="上年报告（只校验一个文件时）/ last year's report (with a single input)",
    )
    add_profile_options(parser)
    add_jobs_option(parser)


def add_profile_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="规则配置文件（默认在报告所在文件夹及其上级查找 govtui.toml）/ the rule profile "
        "(default: govtui.toml in the report's folder or a parent)",
    )
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help="不使用任何规则配置 / ignore every rule profile",
    )


def add_year_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--copied-threshold",
        metavar="SHARE",
        type=threshold,
        default=None,
        help="与上年雷同的阈值，如 0.5 或 50%% / share of reused text above which copied_text "
        "warns (default 0.5)",
    )


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=int,
        default=0,
        help="并行进程数（默认每个 CPU 一个）/ worker processes (default: one per CPU)",
    )


def threshold(text: str) -> float:
    """``0.5`` or ``50%``: a share of the text, as argparse reads it."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是比例，应写成 0.5 或 50%") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"「{text}」应在 0 和 1（100%）之间")
    return value


def settings_of(args: argparse.Namespace) -> dict[str, float]:
    from govtui.rules.years import THRESHOLD_SETTING

    if args.copied_threshold is None:
        return {}
    return {THRESHOLD_SETTING: args.copied_threshold}


def run(args: argparse.Namespace) -> int:
    from govtui.batch import Options, examine_all
    from govtui.cli.findings import Printer
    from govtui.cli.progress import Progress
    from govtui.io.reading import Inputs, Skipped
    from govtui.rules import count

    paths = Inputs(args.inputs)
    previous = Path(args.previous) if args.previous else None
    if previous is not None and len(paths) != 1:
        return fail("--previous 只能用于校验一个文件 / --previous needs exactly one input")
    profile = Path(args.profile) if args.profile else None
    if profile is not None and not args.no_profile:
        from govtui.errors import LoadError
        from govtui.profile import load

        try:
            load(profile)
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
    with Progress(len(paths), "校验") as progress:
        written = 0
        for outcome in outcomes:
            progress.advance()
            if outcome.skipped:
                skipped.append(Skipped(outcome.path, outcome.skipped))
                continue
            totals["files"] += 1
            if not outcome.readable:
                totals["unreadable"] += 1
                status = EXIT_UNREADABLE
            elif count(outcome.findings).errors:
                totals["with_errors"] += 1
                status = max(status, EXIT_FINDINGS)
            if args.json:
                out.write(("," if written else "") + to_json(outcome.as_json()))
                written += 1
            else:
                progress.clear()
                print_outcome(outcome, printer)
    if args.json:
        out.write('], "skipped": ' + to_json([s.as_json() for s in skipped]) + "}\n")
    else:
        print_skipped(skipped, printer)
        _print_summary(totals, len(skipped))
    return status


def print_outcome(outcome: Outcome, printer: Printer) -> None:
    """One file's verdict, last year's report it was compared with, the notes, the findings."""
    from govtui.cli import findings

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
    from govtui.io.reading import EXPORT

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
