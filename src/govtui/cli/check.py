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
import json
import shutil
import sys
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, fail, paint

if TYPE_CHECKING:
    from govtui.batch import Outcome


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
    from govtui import parallel
    from govtui.batch import Options, examine
    from govtui.cli.progress import Progress
    from govtui.io.reading import Inputs
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
    status = EXIT_OK
    totals = {"files": 0, "with_errors": 0, "unreadable": 0}
    if args.json:
        out.write('{"files": [')
    outcomes = parallel.imap(
        partial(examine, options=options),
        paths,
        jobs=parallel.workers(args.jobs),
        expected=len(paths),
    )
    with Progress(len(paths), "校验") as progress:
        for index, outcome in enumerate(outcomes):
            progress.advance()
            totals["files"] += 1
            counts = count(outcome.findings)
            if not outcome.readable:
                totals["unreadable"] += 1
                status = EXIT_UNREADABLE
            elif counts.errors:
                totals["with_errors"] += 1
                status = max(status, EXIT_FINDINGS)
            if args.json:
                out.write(("," if index else "") + json.dumps(as_json(outcome), ensure_ascii=False))
            else:
                progress.clear()
                print_outcome(outcome)
    if args.json:
        out.write("]}\n")
    else:
        _print_summary(totals)
    return status


def as_json(outcome: Outcome) -> dict[str, Any]:
    """One file's entry of ``--json``: the spec's keys, then what is there only when it is."""
    from govtui.rules import count

    if not outcome.readable:
        return {
            "path": str(outcome.path),
            "ok": False,
            "errors": len(outcome.problems),
            "warnings": 0,
            "findings": [],
            "unreadable": "\n".join(outcome.problems),
        }
    counts = count(outcome.findings)
    entry: dict[str, Any] = {
        "path": str(outcome.path),
        "ok": counts.errors == 0,
        "errors": counts.errors,
        "warnings": counts.warnings,
        "findings": [f.as_json() for f in outcome.findings],
    }
    if counts.accepted:
        entry["accepted"] = counts.accepted
    if outcome.previous:
        entry["previous"] = str(outcome.previous)
    if outcome.profile:
        entry["profile"] = outcome.profile
    if outcome.notes:
        entry["notes"] = list(outcome.notes)
    return entry


def print_outcome(outcome: Outcome) -> None:
    """One file's findings, grouped by section. On a terminal, long lines fold to its width
    under their own indent (an 80-column SSH session would otherwise wrap them to column 0);
    piped, each finding stays on its own line for ``grep``."""
    from govtui.controls import visible
    from govtui.rules import count

    columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else 0

    def say(text: str, indent: str, hanging: str | None = None) -> None:
        if columns:
            from govtui.cli.layout import fold

            rest = indent if hanging is None else hanging
            for number, line in enumerate(text.splitlines() or [""]):
                margin = indent if number == 0 else rest
                print("\n".join(fold([(line, "")], max(40, columns - 1), margin, rest)))
        else:
            print(indent + text)

    path = outcome.path
    if not outcome.readable:
        print(paint(f"{visible(str(path))}  无法读取", "1;31"))
        for problem in outcome.problems:
            say(problem, "    ", "      ")
        return
    errors, warnings, accepted = count(outcome.findings)
    if errors:
        head = paint(f"{visible(str(path))}  ✗ {errors} 个错误，{warnings} 个警告", "1;31")
    else:
        head = paint(f"{visible(str(path))}  ✓ 没有错误", "1;32") + (
            f"，{warnings} 个警告" if warnings else ""
        )
    if accepted:
        head += f"（另有 {accepted} 个警告已接受）"
    print(head)
    if outcome.previous:
        say(f"对照上年报告：{visible(str(outcome.previous))}", "    ", "      ")
    if outcome.profile:
        say(f"规则配置：{visible(outcome.profile)}", "    ", "      ")
    for note in outcome.notes:
        say(f"注意：{note}", "    ", "          ")
    for heading, group in groupby(outcome.findings, key=lambda f: f.section_heading):
        print(f"  {heading}")
        for finding in group:
            if finding.is_error:
                label = paint("错误", "31")
            elif finding.accepted:
                label = paint("已接受", "2")
            else:
                label = paint("警告", "33")
            place = " / ".join(p for p in (finding.row, finding.column) if p)
            print(f"    {label} [{finding.rule}] {place}")
            say(finding.message, "         ")
            if finding.accepted:
                say(f"接受理由：{finding.accepted}", "         ")
            if finding.profile:
                say(f"（依据规则配置 {visible(finding.profile)}）", "         ")


def _print_summary(totals: dict[str, int]) -> None:
    if totals["files"] > 1:
        print(
            f"共 {totals['files']} 个文件：{totals['with_errors']} 个有错误，"
            f"{totals['unreadable']} 个无法读取。"
        )
