"""``govtui diff OLD NEW``: what changed between two reports, readable in an 80-column terminal.

Counts: only the cells that differ, under their section and row label, old → new and the
difference. Prose: each changed section with the share of its text kept from OLD, then the
paragraphs that changed; an edited paragraph is shown once with ``[-removed-]{+added+}``
marks (coloured on a terminal), a rewritten one as ``-`` and ``+``.

Exit status as diff(1): 0 no differences, 1 differences, 2 an input cannot be read.
"""

from __future__ import annotations

import argparse
import shutil
from itertools import groupby
from pathlib import Path
from typing import Any

from govtui import compare, form
from govtui.cli.common import EXIT_FINDINGS, EXIT_OK, fail, paint
from govtui.cli.layout import fold, ljust, rjust
from govtui.compare import CellChange, Paragraph, marked, show_number, signed
from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io.reading import read_report
from govtui.linebreak import width
from govtui.model import Report
from govtui.rules.similarity import reused_share

_RED, _GREEN, _BOLD = "31", "32", "1"


def run(args: argparse.Namespace) -> int:
    try:
        old = read_report(Path(args.old)).report
        new = read_report(Path(args.new)).report
    except LoadError as error:
        return fail(error.describe())
    columns = max(40, shutil.get_terminal_size().columns)
    for mark, name, report in (("旧", args.old, old), ("新", args.new, new)):
        for line in fold(
            [(f"{visible(name)}  {report.agency} {report.year} 年", "")],
            columns,
            f"{mark}：",
            "    ",
        ):
            print(line)
    cells = compare.changed_cells(old, new)
    fields = compare.changed_prose(old, new)
    # A standard title follows agency and year, shown above; only an override is news.
    retitled = (old.title or new.title) and old.display_title != new.display_title
    if retitled:
        print(f"\n标题：{old.display_title}\n   → {new.display_title}")
    if not cells and not fields and not retitled:
        print("\n两份报告的数字和文字都相同。")
        return EXIT_OK
    if cells:
        print(paint("\n== 数字：只列出不同的格（旧 → 新，差值）", _BOLD))
        _print_cells(cells, columns)
    else:
        print("\n数字：全部相同。")
    if fields:
        print(paint("\n== 文字：只列出改动的段落（[-删去-]{+新增+}）", _BOLD))
        _print_prose(old, new, fields, columns)
    else:
        print("\n文字：全部相同。")
    return EXIT_FINDINGS


def _print_cells(cells: list[CellChange], columns: int) -> None:
    label_w = max(width(c.column.label) for c in cells)
    old_w = max(len(show_number(c.old)) for c in cells)
    new_w = max(len(show_number(c.new)) for c in cells)
    delta_w = max(len(signed(c.delta)) for c in cells)
    for table, by_table in groupby(cells, key=lambda c: c.table):
        print("\n" + paint(form.section_of(table.section).heading, _BOLD))
        for row, by_row in groupby(by_table, key=lambda c: c.row):
            for line in fold([(row.full_label, "")], columns, "  ", "    "):
                print(line)
            for change in by_row:
                colour = _GREEN if change.delta > 0 else _RED
                print(
                    f"    {ljust(change.column.label, label_w)}"
                    f"  {rjust(show_number(change.old), old_w)}"
                    f" → {rjust(show_number(change.new), new_w)}  "
                    + paint(rjust(signed(change.delta), delta_w), colour)
                )


def _print_prose(old: Report, new: Report, fields: list[Any], columns: int) -> None:
    for numeral, by_section in groupby(fields, key=lambda f: f.section):
        heading = form.section_of(numeral).heading if numeral else "前言"
        print("\n" + paint(heading, _BOLD))
        for field in by_section:
            share = reused_share(new.prose[field.key], old.prose[field.key])
            kept = f"（{share:.0%} 的文字与旧报告相同）" if share is not None else ""
            label = "" if field.label == heading else field.label
            print(f"  {label}{kept}" if label or kept else "")
            for paragraph in compare.paragraphs(old.prose[field.key], new.prose[field.key]):
                for line in _paragraph_lines(paragraph, columns):
                    print(line)


def _paragraph_lines(paragraph: Paragraph, columns: int) -> list[str]:
    sign, runs = marked(paragraph)
    colours = {"": "", "-": _RED, "+": _GREEN}
    return fold([(text, colours[mark]) for text, mark in runs], columns, f"    {sign} ", "      ")
