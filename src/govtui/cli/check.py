"""``govtui check``: run the rules over report files and print the findings.

Exit status: 0 when no input has an error (warnings allowed), 1 when one has, 2 when an input
cannot be read. Files are read and printed one at a time, so memory stays flat however many
there are.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, paint


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="校验报告 / check reports against the form's rules",
        description=(
            "校验一个或多个报告文件（文件夹表示其中所有报告文件）。\n"
            "Check report files (a folder means every report file in it).\n"
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


def run(args: argparse.Namespace) -> int:
    from govtui.errors import LoadError
    from govtui.io.reading import expand, read_report
    from govtui.rules import check, has_errors

    out = sys.stdout
    status = EXIT_OK
    totals = {"files": 0, "with_errors": 0, "unreadable": 0}
    if args.json:
        out.write('{"files": [')
    for index, path in enumerate(expand(args.inputs)):
        totals["files"] += 1
        try:
            loaded = read_report(path)
        except LoadError as error:
            totals["unreadable"] += 1
            status = EXIT_UNREADABLE
            if args.json:
                entry = {
                    "path": str(path),
                    "ok": False,
                    "errors": len(error.problems),
                    "warnings": 0,
                    "findings": [],
                    "unreadable": error.describe(),
                }
                out.write(("," if index else "") + json.dumps(entry, ensure_ascii=False))
            else:
                out.write(paint(f"{path}  无法读取", "1;31") + "\n")
                for problem in error.problems:
                    out.write(f"    {problem.describe(path)}\n")
            continue
        findings = check(loaded.report, printed=loaded.printed)
        errors = sum(1 for f in findings if f.is_error)
        warnings = len(findings) - errors
        if has_errors(findings):
            totals["with_errors"] += 1
            status = max(status, EXIT_FINDINGS)
        if args.json:
            entry = {
                "path": str(path),
                "ok": errors == 0,
                "errors": errors,
                "warnings": warnings,
                "findings": [f.as_json() for f in findings],
            }
            out.write(("," if index else "") + json.dumps(entry, ensure_ascii=False))
        else:
            _print_human(path, findings, errors, warnings, loaded.notes)
    if args.json:
        out.write("]}\n")
    else:
        _print_summary(totals)
    return status


def _print_human(
    path: Path, findings: list[Any], errors: int, warnings: int, notes: tuple[str, ...]
) -> None:
    if errors:
        head = paint(f"{path}  ✗ {errors} 个错误，{warnings} 个警告", "1;31")
    else:
        head = paint(f"{path}  ✓ 没有错误", "1;32") + (f"，{warnings} 个警告" if warnings else "")
    print(head)
    for note in notes:
        print(f"    注意：{note}")
    for heading, group in groupby(findings, key=lambda f: f.section_heading):
        print(f"  {heading}")
        for finding in group:
            label = paint("错误", "31") if finding.is_error else paint("警告", "33")
            place = " / ".join(p for p in (finding.row, finding.column) if p)
            print(f"    {label} [{finding.rule}] {place}")
            print(f"         {finding.message}")


def _print_summary(totals: dict[str, int]) -> None:
    if totals["files"] > 1:
        print(
            f"共 {totals['files']} 个文件：{totals['with_errors']} 个有错误，"
            f"{totals['unreadable']} 个无法读取。"
        )
