"""``govtui desk``: the collecting office's desk (收报台) — see :mod:`govtui.desk`.

    govtui desk 名单.toml [--json] [--as-of DATE] [--sum OUT.toml]
    govtui desk 名单.toml show UNIT
    govtui desk 名单.toml approve UNIT [-m 说明]
    govtui desk 名单.toml return UNIT -m 理由
    govtui desk 名单.toml dismiss UNIT RULE [PLACE] -m 理由
    govtui desk 名单.toml confirm UNIT RULE [PLACE] [-m 整改要求]
    govtui desk 名单.toml reopen UNIT [RULE [PLACE]]
    govtui desk 名单.toml received UNIT DATE
    govtui desk init FOLDER|NAMES.txt [-o 名单.toml]

Exit status: 0 when no unit is missing, overdue, unreadable, returned or has an open error;
1 otherwise; 2 when the roster (or the ledger) cannot be read, or the command was misused.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any

from govtui.cli import findings
from govtui.cli.arguments import iso_date
from govtui.cli.check import settings_of
from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, fail, paint
from govtui.cli.layout import ljust, rjust
from govtui.cli.progress import Progress
from govtui.controls import clean, visible
from govtui.desk import decisions, indicators, outputs
from govtui.desk.board import Board, UnitView, build
from govtui.desk.data import write_json
from govtui.desk.decisions import Who, login_name
from govtui.desk.init import from_folder, from_names
from govtui.desk.status import LATE_LABEL, REVIEW_LABEL, STATUS_LABEL
from govtui.desk.summing import sum_note, write_sum
from govtui.errors import GovtuiError, LoadError
from govtui.io import roster as rosters
from govtui.io.atomic import atomic_write
from govtui.linebreak import width
from govtui.rules.finding import place_label

ACTIONS = ("show", "approve", "return", "dismiss", "confirm", "reopen", "received", "notice")
_NAME_COLUMNS = 22


def run(args: argparse.Namespace) -> int:
    if args.roster == "init":
        return _init(args)
    words: list[str] = args.words
    action = words[0] if words else ""
    if action and action not in ACTIONS:
        return fail(f"不认识的操作「{action}」：可用 {'、'.join(ACTIONS)}")
    try:
        roster = rosters.load(Path(args.roster))
    except LoadError as error:
        return fail(error.describe())
    try:
        board = _build(roster, args)
        if action:
            return _act(board, action, words[1:], args)
    except LoadError as error:
        return fail(error.describe())
    except GovtuiError as error:
        return fail(str(error))
    if args.json:
        write_json(board, sys.stdout)
    else:
        _print_board(board)
    for option, write in (("xlsx", "write_workbook"), ("html", "write_dashboard")):
        target = getattr(args, option)
        if target:
            try:
                message = getattr(outputs, write)(board, Path(target))
            except ImportError:
                return fail("写出工作簿需要 openpyxl：pip install 'govtui[all]'")
            except GovtuiError as error:
                return fail(str(error))
            print(message, file=sys.stderr if args.json else sys.stdout)
    if args.sum:
        agency = roster.collection.agency
        if not agency:
            return fail("写出汇总报告需要名单 [collection] 中的 agency（汇总单位名称）")
        message = write_sum(board, Path(args.sum), agency, args.force)
        print(message, file=sys.stderr if args.json else sys.stdout)
    return EXIT_FINDINGS if any(u.needs_attention for u in board.units) else EXIT_OK


def _build(roster: Any, args: argparse.Namespace) -> Board:
    progress: list[Progress] = []

    def advance(step: int) -> None:
        if step < 0:
            progress.append(Progress(-step, "收报"))
        elif progress:
            progress[0].advance(step)

    try:
        return build(
            roster,
            as_of=args.as_of,
            settings=settings_of(args),
            profile=Path(args.profile) if args.profile else None,
            no_profile=args.no_profile,
            jobs=args.jobs,
            skip=(Path(args.sum),) if args.sum else (),
            # Looking back (--as-of before today) shows the past; it records nothing.
            record_received=args.as_of is None or args.as_of >= datetime.date.today(),
            advance=advance,
        )
    finally:
        for bar in progress:
            bar.clear()


def _notice(board: Board, rest: list[str], args: argparse.Namespace) -> int:
    """``notice UNIT`` or ``notice --all``: the letters, one file a unit, in ``-o`` (default:
    ``名单-通知`` beside the roster)."""
    if bool(rest) == args.all or len(rest) > 1:
        return fail("用法：govtui desk 名单.toml notice 单位|--all [--format md|docx]")
    units = None if args.all else [decisions.find_unit(board, rest[0]).name]
    folder = Path(args.output) if args.output else outputs.default_paths(board)["notices"]
    try:
        print(outputs.write_notices(board, folder, units=units, fmt=args.format, until=args.until))
    except ImportError:
        return fail("Word 格式的通知需要 python-docx：pip install 'govtui[all]'")
    except GovtuiError as error:
        return fail(str(error))
    return EXIT_OK


def _who(args: argparse.Namespace, board: Board) -> Who:
    by = clean(args.by).strip() if args.by else login_name()
    return Who(by, clean(args.message).strip(), board.as_of)


def _act(board: Board, action: str, rest: list[str], args: argparse.Namespace) -> int:
    usage = {
        "show": (1, 1, "show 单位"),
        "approve": (1, 1, "approve 单位 [-m 说明]"),
        "return": (1, 1, "return 单位 -m 理由"),
        "dismiss": (2, 3, "dismiss 单位 规则 [位置] -m 理由"),
        "confirm": (2, 3, "confirm 单位 规则 [位置] [-m 整改要求]"),
        "reopen": (1, 3, "reopen 单位 [规则 [位置]]"),
        "received": (2, 2, "received 单位 日期"),
    }
    if action == "notice":
        return _notice(board, rest, args)
    low, high, text = usage[action]
    if not low <= len(rest) <= high:
        return fail(f"用法：govtui desk 名单.toml {text}")
    who = _who(args, board)
    unit, *more = rest
    place = more[1] if len(more) > 1 else None
    if action == "show":
        _print_unit(decisions.find_unit(board, unit), detail=True)
        return EXIT_OK
    if action == "approve":
        message = decisions.approve(board, unit, who)
    elif action == "return":
        message = decisions.send_back(board, unit, who)
    elif action in ("dismiss", "confirm"):
        state = "dismissed" if action == "dismiss" else "confirmed"
        message = decisions.judge_finding(board, unit, more[0], place, state, who)
    elif action == "reopen":
        message = decisions.reopen(board, unit, more[0] if more else None, place, who)
    else:
        try:
            date = iso_date(more[0])
        except argparse.ArgumentTypeError as error:
            return fail(str(error))
        message = decisions.received(board, unit, date)
    print(message)
    return EXIT_OK


# --------------------------------------------------------------------------- text


def _status_style(status: str) -> str:
    return {
        "missing": "33",
        "overdue": "1;31",
        "unreadable": "1;31",
        "errors": "31",
        "warnings": "33",
        "clean": "32",
        "returned": "35",
        "approved": "1;32",
    }[status]


def _print_board(board: Board) -> None:
    collection = board.roster.collection
    head = f"收报台：{collection.agency or board.roster.path}"
    head += f"，{board.year} 年度" if board.year else ""
    head += f"，截止 {collection.due}" if collection.due else ""
    print(paint(f"{head}（{board.as_of}）", "1"))
    if board.profile is not None:
        print(f"  规则配置：{visible(str(board.profile))}（对每个单位适用）")
    for note in board.notes:
        print(f"  注意：{note}")
    print(
        f"  {ljust('单位', _NAME_COLUMNS)} {ljust('状态', 10)} {ljust('', 8)}"
        f" 错误 警告 本年新收 实质公开率 同比"
    )
    for view in board.units:
        name = view.name
        if width(name) > _NAME_COLUMNS:
            while width(name + "..") > _NAME_COLUMNS:
                name = name[:-1]
            name += ".."
        status = paint(ljust(STATUS_LABEL[view.status], 10), _status_style(view.status))
        late = paint(ljust(LATE_LABEL, 8), "31") if view.late else " " * 8
        numbers = (
            f"{view.errors:>4} {view.warnings:>4}"
            if view.read is not None and view.counted
            else " " * 9
        )
        received = (
            indicators.show("received", view.indicators.get("received")) if view.indicators else ""
        )
        rate = moved = ""
        if view.indicators:
            key = "disclosure_rate"
            now = view.indicators.get(key)
            rate = indicators.show(key, now)
            found = indicators.change(key, now, view.previous_indicators.get(key))
            moved = f"{found.difference:+.1f}" if found and found.difference is not None else ""
        row = (
            f"  {ljust(name, _NAME_COLUMNS)} {status} {late} {numbers} {rjust(received, 8)}"
            f" {rjust(rate, 10)} {rjust(moved, 5)}"
        )
        print(row.rstrip())
        _print_unit(view, detail=False)
    counted = board.counted
    print()
    lines = sum_note(board)
    state = paint("（暂定）", "33") if board.provisional else ""
    print(paint(f"汇总{state}：", "1") + lines[0])
    for line in lines[1:]:
        print(f"  {line}")
    if counted:
        values = indicators.of_counts(board.sum_counts())
        print(
            f"  本年新收 {indicators.show('received', values['received'])}，"
            f"实质公开率 {indicators.show('disclosure_rate', values['disclosure_rate'])}"
        )
    if board.office is not None:
        _print_office(board)
    if board.not_on_roster:
        print(paint(f"不在名单上的报告（{len(board.not_on_roster)}）", "33"))
        for read, why in board.not_on_roster:
            print(f"  {read.path}：{why}")
    if board.other_years:
        print(paint(f"其他年度（{len(board.other_years)}）", "33"))
        for read in board.other_years:
            print(f"  {read.path}：{read.outcome.agency}，{read.outcome.year} 年")


def _print_office(board: Board) -> None:
    """The office's own report: does it equal the sum of what it counts, and what else."""
    office = board.office
    assert office is not None
    name = visible(str(office.path))
    if office.problem:
        print(paint(f"本机关报告 {name}：无法读取", "1;31"))
        print(f"  {visible(office.problem)}")
        return
    off = [f for f in office.findings if f.rule == "parent_sum"]
    if off:
        print(paint(f"本机关报告 {name}：{len(off)} 处与所汇总单位之和不一致", "33"))
    else:
        print(f"本机关报告 {name}：各项数字与所汇总单位之和一致")
    findings.show(office.findings, findings.Printer())


def _print_unit(view: UnitView, *, detail: bool) -> None:
    if detail:
        print(paint(f"{view.name}：{STATUS_LABEL[view.status]}", "1"))
        if view.read is not None:
            print(f"    文件：{visible(str(view.read.path))}")
        if view.received:
            print(f"    收到：{view.received}" + (f"（截止 {view.due}）" if view.due else ""))
        if view.previous:
            print(f"    对照上年报告：{visible(str(view.previous))}")
    if view.reason:
        print(f"    {visible(view.reason)}")
    decision = view.decision
    if decision is not None:
        label = STATUS_LABEL[decision.decision]
        by = f"，{decision.by}" if decision.by else ""
        said = f"：{decision.comment}" if decision.comment else ""
        print(f"    {label}（{decision.date}{by}）{said}")
    for note in view.notes:
        print(f"    {visible(note)}")
    for reviewed in view.findings:
        finding, review = reviewed.finding, reviewed.review
        if not detail and review.state not in ("confirmed", "resolved"):
            continue
        severity = "错误" if finding.is_error else "警告"
        print(f"    [{REVIEW_LABEL[review.state]}] {severity} [{finding.rule}] {finding.place}")
        if detail:
            print(f"        {place_label(finding.place)}")
            print(f"        {finding.message}")
        if review.comment:
            by = f"（{review.by}，{review.date}）" if review.by else ""
            print(f"        {REVIEW_LABEL[review.state]}：{review.comment}{by}")


def _init(args: argparse.Namespace) -> int:
    if len(args.words) != 1:
        return fail("用法：govtui desk init 文件夹|名称.txt [-o 名单.toml]")
    source = Path(args.words[0])
    if not source.exists():
        return fail(f"{source} 不存在")
    base = source if source.is_dir() else source.parent
    output = Path(args.output) if args.output else base / "名单.toml"
    if output.exists() and not args.force:
        return fail(f"{output} 已存在，未覆盖（确认要覆盖请加 --force）")
    try:
        text, notes = from_folder(source, output) if source.is_dir() else from_names(source)
        atomic_write(output, text.encode("utf-8"))
    except LoadError as error:
        return fail(error.describe())
    except GovtuiError as error:
        return fail(str(error))
    for note in notes:
        print(f"注意：{note}")
    print(f"已写出名单 {output}：请核对单位名称，填写 [collection] 中的汇总单位和截止日期。")
    return EXIT_OK
