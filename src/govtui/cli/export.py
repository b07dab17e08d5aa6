"""``govtui export``: write the report for publication (Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_OK, EXIT_UNREADABLE


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "export",
        help="生成发布用报告 / write the report for publication",
        description=(
            "按官方格式生成报告（Markdown）。默认写在 TOML 文件旁边。\n"
            "Write the report in the official layout (Markdown), next to the TOML file by default."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE.toml", help="报告文件 / report file")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="输出文件，- 表示标准输出 / output file, - for stdout"
    )


def run(args: argparse.Namespace) -> int:
    from govtui.errors import GovtuiError, LoadError
    from govtui.io import markdown, toml_file

    source = Path(args.file)
    try:
        report = toml_file.load(source)
    except LoadError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_UNREADABLE
    text = markdown.render(report)
    if args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output) if args.output else source.with_suffix(".md")
    try:
        markdown.export(report, target)
    except GovtuiError as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"已写出 / written: {target}")
    return EXIT_OK
