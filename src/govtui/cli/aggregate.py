"""``govtui aggregate``: the sum of many agencies' reports, and the collecting office's overview.

Every input is read and checked (in worker processes when there are many; memory stays flat)
and listed with its own findings. Inputs of another year, a second report of one agency and
unreadable files are refused and listed with the reason. The sum is written (``-o``) only
when every input was counted: a published sum must contain every report, so one refused
input means no sum file, and the listing says what to fix. Re-running onto an existing sum
file keeps the prose the office has written there and replaces the numbers.

With ``--roster`` the overview also lists the units that have not filed, those whose report
fails a rule, and those that copied last year's text.

Exit status: 0 every input counted, none with errors, every unit filed; 1 the sum was written
but some report has errors or some unit has not filed; 2 an input was refused or unreadable
(no sum written), or the command was misused.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from govtui.aggregate import Collection, Entry, Overview, existing_sum
from govtui.batch import Options, Outcome, examine_all
from govtui.cli import findings
from govtui.cli.check import print_skipped, reports_among, settings_of
from govtui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    JsonItems,
    fail,
    paint,
    to_json,
)
from govtui.cli.findings import Printer
from govtui.cli.layout import fold, ljust
from govtui.cli.progress import Progress
from govtui.controls import visible
from govtui.errors import GovtuiError, LoadError, Problem
from govtui.io import roster as rosters
from govtui.io.document import Document
from govtui.io.reading import Inputs, contained, unexpected
from govtui.linebreak import width
from govtui.model import Report
from govtui.rules import count

_NAME_COLUMNS = 26


def run(args: argparse.Namespace) -> int:
    if args.output and not (args.agency or "").strip():
        return fail("用 -o 写出汇总报告时请用 --agency 给出汇总单位名称 / -o needs --agency")
    roster = None
    if args.roster:
        try:
            with contained(Path(args.roster)):
                roster = rosters.load(Path(args.roster))
        except LoadError as error:
            return fail(error.describe())
    paths: Inputs | list[Path]
    if args.inputs:
        paths = Inputs(args.inputs)
    elif roster is not None and roster.files():
        paths = roster.files()
    else:
        return fail("请给出要汇总的报告（文件、文件夹或通配符）/ no inputs")
    output = Path(args.output) if args.output else None
    document = Document(output) if output else None
    base, problem = existing_sum(document, args.force)
    if problem:
        return fail(problem)

    collection = Collection(args.year, roster)
    options = Options(settings=settings_of(args), counts=True)
    outcomes = examine_all(_without(paths, output), options, jobs=args.jobs, expected=len(paths))
    out = sys.stdout
    printer = Printer(out)
    skipped = list(paths.skipped) if isinstance(paths, Inputs) else []
    if args.json:
        out.write('{"inputs": [')
    else:
        _print_head(collection, args)
    items = JsonItems(out)
    with Progress(len(paths), "汇总") as progress:
        for outcome in reports_among(outcomes, skipped, progress):
            try:
                entry = collection.add(outcome)
            except Exception as error:  # one input's numbers the sum cannot take: its verdict
                why = Problem(unexpected(error)).describe(outcome.path)
                entry = collection.add(Outcome(outcome.path, problems=(why,)))
            if args.json:
                items.write(_entry_json(entry))
            else:
                progress.clear()
                _print_entry(entry, printer)
    collection.seen.close()

    written = None
    if document is not None and collection.complete and collection.sum.reports:
        written = _write(collection, args.agency.strip(), document, base, args.force)
        if isinstance(written, str):
            return fail(written)
    overview = collection.overview
    if args.json:
        tail = _tail_json(collection, output, written)
        tail["skipped"] = [s.as_json() for s in skipped]
        out.write("], " + to_json(tail)[1:] + "\n")
    else:
        print_skipped(skipped, printer)
        if overview is not None:
            _print_overview(overview)
        _print_summary(collection, output, written, len(skipped))
    if not collection.complete or not collection.sum.reports:
        return EXIT_UNREADABLE
    if collection.with_errors or (overview is not None and overview.missing):
        return EXIT_FINDINGS
    return EXIT_OK


def _without(paths: Iterable[Path], output: Path | None) -> Iterator[Path]:
    """The inputs except the sum file itself: a folder summed twice must not count last run's sum."""
    if output is None:
        yield from paths
        return
    target = os.path.realpath(output)
    for path in paths:
        if path.name != output.name or os.path.realpath(path) != target:
            yield path


def _write(
    collection: Collection, agency: str, output: Document, base: Report | None, force: bool
) -> bool | str:
    """Write the sum as the editor saves (:class:`govtui.io.document.Document`): not while
    another govtui edits it, not over a version saved while this run read its inputs."""
    try:
        with output.held():
            output.save(collection.report(agency, base), overwrite=force, backup=False)
    except GovtuiError as error:
        return str(error)
    for note in output.take_notes():
        print(note, file=sys.stderr)
    return True


# ----------------------------------------------------------------------- text


def _print_head(collection: Collection, args: argparse.Namespace) -> None:
    year = f"{args.year} 年度" if args.year else "年度取自第一份报告（可用 --year 指定）"
    print(paint(f"汇总：{year}", "1"))
    print(f"  {ljust('单位', _NAME_COLUMNS)} 错误 警告  文件")


def _print_entry(entry: Entry, printer: Printer) -> None:
    outcome = entry.outcome
    path = visible(str(outcome.path))
    if entry.status == "unreadable":
        printer.line(printer.paint(f"✕ 无法读取 {path}", "1;31"))
        for problem in outcome.problems:
            printer.say(problem, "    ", "      ")
        return
    name = visible(outcome.agency)
    if width(name) > _NAME_COLUMNS:  # ".." rather than "…", whose width terminals disagree on
        while width(name + "..") > _NAME_COLUMNS:
            name = name[:-1]
        name += ".."
    errors, warnings, accepted = count(outcome.findings)
    if entry.status == "refused":
        mark = printer.paint("✕", "1;31")
    else:
        mark = printer.paint("✗", "31") if errors else printer.paint("✓", "32")
    printer.line(f"{mark} {ljust(name, _NAME_COLUMNS)} {errors:>4} {warnings:>4}  {path}")
    if entry.status == "refused":
        printer.line(printer.paint(f"    未计入：{visible(entry.reason, lines=True)}", "31"))
    rules = findings.rules(outcome.findings)
    if rules:
        printer.line(f"    规则：{rules}")
    if accepted:
        printer.line(f"    另有 {accepted} 个警告已接受")
    for note in outcome.notes:
        printer.say(f"注意：{note}", "    ", "          ")


def _print_overview(overview: Overview) -> None:
    columns = max(40, shutil.get_terminal_size().columns)
    units = len(overview.roster.units)
    print(
        paint(
            f"\n名单：{visible(str(overview.roster.path))}，共 {units} 个单位，"
            f"已报送 {len(overview.filed)} 个",
            "1",
        )
    )

    def block(title: str, items: list[str], style: str = "") -> None:
        print(paint(f"  {title}（{len(items)}）", style) if items else f"  {title}：无")
        for item in items:
            for line in fold([(visible(item), "")], columns, "    ", "      "):
                print(line)

    block("未报送", [u.name for u in overview.missing], "1;31")
    block(
        "有错误",
        [f"{name}：{'、'.join(rules)}" for name, rules in overview.failing.items()],
        "1;31",
    )
    block(
        "有警告",
        [f"{name}：{'、'.join(rules)}" for name, rules in overview.warned.items()],
        "33",
    )
    block(
        "与上年雷同",
        [
            f"{name}：{'、'.join(f'{label} {share}' for label, share in fields)}"
            for name, fields in overview.copied.items()
        ],
        "33",
    )
    if overview.unchecked:
        block("未写明上年报告、未做雷同比对", overview.unchecked)
    if overview.unlisted:
        block("不在名单上的报告", [str(p) for p in overview.unlisted], "33")


def _print_summary(
    collection: Collection, output: Path | None, written: object, skipped: int
) -> None:
    tally = collection.tally
    total = sum(tally.values())
    print(
        f"\n共 {total} 份：计入 {tally['counted']} 份（{collection.with_errors} 份有错误），"
        f"未计入 {tally['refused']} 份，无法读取 {tally['unreadable']} 份"
        + (f"；跳过 {skipped} 个不是报告的文件。" if skipped else "。")
    )
    if output is None:
        return
    shown = visible(str(output))
    if written is True:
        print(
            f"已写出汇总报告 {shown}（{collection.year} 年，{collection.sum.reports} 份报告之和）；"
            "文字部分请汇总单位撰写，已有的文字保留。"
        )
    else:
        print(
            paint(
                f"未写出汇总报告 {shown}：汇总必须包含每一份报告，请处理上面未计入的报告后重新运行。",
                "1;31",
            )
        )


# ----------------------------------------------------------------------- JSON


def _entry_json(entry: Entry) -> dict[str, Any]:
    data = entry.outcome.as_json()
    data["status"] = entry.status
    data["agency"] = entry.outcome.agency
    if entry.reason:
        data["reason"] = entry.reason
    if entry.unit is not None:
        data["unit"] = entry.unit.name
    return data


def _tail_json(collection: Collection, output: Path | None, written: object) -> dict[str, Any]:
    tally = collection.tally
    data: dict[str, Any] = {
        "year": collection.year,
        "totals": {
            "inputs": sum(tally.values()),
            "counted": tally["counted"],
            "with_errors": collection.with_errors,
            "refused": tally["refused"],
            "unreadable": tally["unreadable"],
        },
        "output": str(output) if output else None,
        "written": written is True,
    }
    overview = collection.overview
    if overview is not None:
        data["roster"] = {
            "path": str(overview.roster.path),
            "units": len(overview.roster.units),
            "filed": len(overview.filed),
            "missing": [u.name for u in overview.missing],
            "failing": [{"unit": n, "rules": r} for n, r in overview.failing.items()],
            "warned": [{"unit": n, "rules": r} for n, r in overview.warned.items()],
            "copied": [
                {"unit": n, "fields": [{"field": f, "share": s} for f, s in fields]}
                for n, fields in overview.copied.items()
            ],
            "unchecked": overview.unchecked,
            "unlisted": [str(p) for p in overview.unlisted],
        }
    return data
