"""``govtui new``: a blank report, every count 0, ready to edit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_OK, EXIT_UNREADABLE


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "new",
        help="新建空白报告 / create a blank report",
        description="新建空白报告文件。Create a blank report file.",
    )
    parser.add_argument("file", metavar="FILE.toml", help="要创建的文件 / file to create")
    parser.add_argument("--agency", required=True, help="机关名称 / agency name")
    parser.add_argument("--year", required=True, type=int, help="报告年度 / report year")
    parser.add_argument(
        "--force", action="store_true", help="覆盖已有文件 / overwrite an existing file"
    )


def run(args: argparse.Namespace) -> int:
    from govtui.errors import GovtuiError
    from govtui.io import toml_file
    from govtui.model import Report

    target = Path(args.file)
    if target.exists() and not args.force:
        print(
            f"{target} 已存在；如要覆盖请加 --force / already exists (use --force)", file=sys.stderr
        )
        return EXIT_UNREADABLE
    agency = args.agency.strip()
    if not agency:
        print("机关名称不能为空 / --agency must not be empty", file=sys.stderr)
        return EXIT_UNREADABLE
    if not 1900 <= args.year <= 9999:
        print(f"年度 {args.year} 不合理 / implausible year", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        toml_file.save(Report.blank(agency, args.year), target)
    except GovtuiError as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"已创建 / created: {target}")
    return EXIT_OK
