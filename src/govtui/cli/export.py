"""``govtui export``: write the report for publication — Markdown, HTML, Word or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible
from govtui.io.exporters import BY_NAME, DEFAULT, EXPORTERS


def add_parser(sub: Any) -> None:
    formats = "\n".join(f"  {e.name:<5} {e.label}" for e in EXPORTERS)
    parser = sub.add_parser(
        "export",
        help="生成发布用报告 / write the report for publication",
        description=(
            "按官方格式生成报告。默认写在报告文件旁边，扩展名随格式而定。\n"
            "Write the report in the official layout, next to the report file by default.\n\n"
            f"格式 / formats:\n{formats}\n\n"
            "Word 格式需要可选组件 / Word needs the extra: pip install 'govtui[docx]'"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="报告文件 / report file (.toml)")
    parser.add_argument(
        "-f",
        "--format",
        choices=[e.name for e in EXPORTERS],
        default=DEFAULT,
        help=f"输出格式，默认 {DEFAULT} / output format (default {DEFAULT})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="输出文件，- 表示标准输出（文本格式）/ output file, - for stdout (text formats)",
    )


def run(args: argparse.Namespace) -> int:
    from govtui.errors import GovtuiError, LoadError
    from govtui.io.reading import read_report

    exporter = BY_NAME[args.format]
    source = Path(args.file)
    if args.output == "-" and not exporter.text:
        return fail(f"{exporter.label}是二进制文件，不能输出到终端：请用 -o 指定文件名。")
    try:
        report = read_report(source).report
    except LoadError as error:
        return fail(error.describe())
    target = None if args.output == "-" else Path(args.output or exporter.default_path(source))
    if target is not None and target.resolve() == source.resolve():
        return fail(f"输出文件 {target} 就是报告文件本身：请用 -o 指定另一个文件名。")
    try:
        if target is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(exporter.render(report))  # UTF-8, whatever the locale
            sys.stdout.buffer.flush()
            return EXIT_OK
        exporter.write(report, target, through_link=args.output is not None)
    except GovtuiError as error:
        return fail(str(error))
    print(f"已写出 / written: {visible(str(target))}")
    return EXIT_OK
