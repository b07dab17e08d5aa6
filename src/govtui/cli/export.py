"""``govtui export``: write the report for publication — Markdown, HTML, Word or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible
from govtui.errors import GovtuiError, LoadError
from govtui.io.exporters import BY_NAME
from govtui.io.reading import read_report


def run(args: argparse.Namespace) -> int:
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
