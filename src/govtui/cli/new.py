"""``govtui new``: a blank report, every count 0, or next year's draft from last year's report.

The file is written through :class:`govtui.io.document.Document`: never over an existing file
(a link that points nowhere counts as one) without ``--force``, never while another govtui
edits it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible
from govtui.errors import GovtuiError, LoadError
from govtui.io.document import Document
from govtui.io.previous import draft_from
from govtui.model import Report, validate


def run(args: argparse.Namespace) -> int:
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
        try:
            report = Report.blank(agency, args.year)
        except LoadError as error:  # the model refuses the name or the year (1900-9999)
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
