"""``govtui import``: a published report (text, Markdown, web page, Word) becomes a govtui file.

The file is written next to the report with the suffix ``.toml`` unless ``-o`` says
otherwise (``-o -`` prints it). An existing file is never overwritten without ``--force``:
it may be the clerk's edited report. A link that points nowhere counts as an existing file
(``--force`` replaces the link, never writes where it points), and a file another govtui edits
is not written (:class:`govtui.io.document.Document`). The notes (what the importer assumed) and the checker's
findings, the printed totals that do not add up first among them, are printed after.

Exit status: 0 when the file was written (findings or not: ``govtui check`` judges the
report), 2 when the report could not be read or the file not written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from govtui.cli import findings
from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible
from govtui.errors import GovtuiError, LoadError
from govtui.io import toml_file
from govtui.io.document import Document
from govtui.io.reading import IMPORT_SUFFIXES, read_report
from govtui.rules import check, verdict_json


def run(args: argparse.Namespace) -> int:
    source = Path(args.report)
    if source.is_dir():
        return fail(
            f"{source}：这是一个文件夹；请给出一个报告文件（要校验整个文件夹请用 govtui check）"
        )
    if source.suffix.lower() not in IMPORT_SUFFIXES:
        kinds = "、".join(IMPORT_SUFFIXES)
        return fail(f"{source}：不认识的文件类型「{source.suffix or '无扩展名'}」：应为 {kinds}")
    target = None if args.output == "-" else Path(args.output or source.with_suffix(".toml"))
    if args.json and target is None:
        return fail("--json 输出到标准输出，不能与 -o - 同用 / --json cannot go with -o -")
    document = None if target is None else Document(target)
    if document is not None and document.exists and not args.force:
        return fail(f"{target} 已存在；如要覆盖请加 --force / already exists (use --force)")
    try:
        loaded = read_report(source)
    except LoadError as error:
        return fail(error.describe())
    text = toml_file.dumps(loaded.report)
    if document is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))  # a TOML file is UTF-8, whatever the locale
        sys.stdout.buffer.flush()
    else:
        try:
            with document.held():
                document.save(loaded.report, overwrite=args.force, backup=False)
        except GovtuiError as error:
            return fail(str(error))
        for note in document.take_notes():
            print(note, file=sys.stderr)
        if not args.json:
            print(f"已写出 / written: {visible(str(target))}")
    if args.json:
        _print_json(loaded, target)
    else:
        _print_report(loaded, sys.stderr if document is None else sys.stdout)
    return EXIT_OK


def _print_json(loaded: Any, target: Path | None) -> None:
    """``{"source", "output", "tables": [{"section", "line", "rows": [{"row", "line",
    "printed", "match"}], "missing"}], "notes", "ok", "errors", "warnings", "accepted",
    "findings"}`` — what the import was based on, and what ``check`` finds."""
    entry = {
        "source": str(loaded.path),
        "output": str(target) if target is not None else None,
        "tables": [table.as_json() for table in loaded.tables],
        "notes": list(loaded.notes),
    }
    entry |= verdict_json(check(loaded.report, printed=loaded.printed))
    print(json.dumps(entry, ensure_ascii=False, indent=2))


def _print_report(loaded: Any, out: Any) -> None:
    printer = findings.Printer(out)
    found = check(loaded.report, printed=loaded.printed, published=loaded.layout)
    for table in loaded.tables:
        printer.say(f"表格：{table.summary()}", "", "  ")
    if loaded.notes:
        printer.line(f"导入时的处理（{len(loaded.notes)} 条）：")
        for note in loaded.notes:
            printer.say(f"注意：{note}", "  ", "        ")
    printer.line(f"校验：{findings.verdict(found, printer)}")
    findings.show(found, printer)
