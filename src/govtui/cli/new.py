"""``govtui new``: a blank report, every count 0, or next year's draft from last year's report.

The file is written through :class:`govtui.io.document.Document`: never over an existing file
(a link that points nowhere counts as one) without ``--force``, never while another govtui
edits it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "new",
        help="新建报告（空白，或由上年报告生成） / create a blank report or next year's draft",
        description=(
            "新建空白报告文件；或用 --from 由上年报告生成本年草稿：机关不变，年度加一，"
            "上年结转取自上年的结转下年度，现行有效件数接续，文字保留为起草底稿"
            "（在重写之前会被标为与上年雷同）。\n"
            "Create a blank report file, or with --from next year's draft from last year's report."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE.toml", help="要创建的文件 / file to create")
    parser.add_argument(
        "--from",
        dest="last",
        metavar="LAST",
        help="上年报告，由它生成本年草稿 / last year's report to start from",
    )
    parser.add_argument("--agency", help="机关名称（用 --from 时可省略）/ agency name")
    parser.add_argument("--year", type=int, help="报告年度（用 --from 时为上年加一）/ report year")
    parser.add_argument(
        "--force", action="store_true", help="覆盖已有文件 / overwrite an existing file"
    )


def run(args: argparse.Namespace) -> int:
    from govtui.errors import GovtuiError, LoadError
    from govtui.io.document import Document
    from govtui.io.previous import draft_from
    from govtui.model import Report, validate

    target = Path(args.file)
    document = Document(target)
    if document.exists and not args.force:
        return fail(f"{target} 已存在；如要覆盖请加 --force / already exists (use --force)")
    if args.last is None and (args.agency is None or args.year is None):
        return fail(
            "请给出 --agency 和 --year，或用 --from 指定上年报告 / need --agency and --year, or --from"
        )
    agency = (args.agency or "").strip()
    if args.agency is not None and not agency:
        return fail("机关名称不能为空 / --agency must not be empty")
    if args.last is not None:
        if args.year is not None:
            return fail(
                "用 --from 时年度自动为上年加一，不能再给 --year / --year is implied by --from"
            )
        try:
            report = draft_from(Path(args.last), target)
            if agency:  # the agency was renamed (机构改革)
                report = validate(report.model_copy(update={"agency": agency}))
        except LoadError as error:
            return fail(error.describe())
    else:
        if not 1900 <= args.year <= 9999:
            return fail(f"年度 {args.year} 不合理 / implausible year")
        try:
            report = Report.blank(agency, args.year)
        except LoadError as error:  # the model refuses the name (control characters)
            return fail(error.describe())
    try:
        with document.held():
            document.save(report, overwrite=args.force, backup=False)
    except GovtuiError as error:
        return fail(str(error))
    for note in document.take_notes():
        print(note, file=sys.stderr)
    print(f"已创建 / created: {visible(str(target))}")
    if args.last is not None:
        print(
            f"  {report.year} 年草稿：上年结转和现行有效件数已从 {visible(args.last)} 接续，其他数字为 0；"
            "文字沿用上年，请逐节重写（govtui check 会标出仍与上年雷同的部分）。"
        )
    return EXIT_OK
