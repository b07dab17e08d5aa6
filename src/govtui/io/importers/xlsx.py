"""Excel workbooks (``.xlsx``) as lines: every sheet's rows, in order.

Offices keep the three tables in a workbook laid out as the official form — the labels in
the first columns, merged cells for the row groups and the two-level header, one sheet
or one per table — and the collecting office's own workbooks do the same. openpyxl (an
optional dependency: ``pip install 'govtui[xlsx]'``) reads the cells' values (the values
Excel last computed for formulas); a merged cell's value sits at its first position and the
others are empty, as the other readers hand merged cells on. A sheet named after a section
(``三、收到和处理政府信息公开申请情况``) starts that section.

Before openpyxl gets the file, the archive's declared sizes are checked
(:mod:`.limits`), and so are the merged ranges: openpyxl makes an object for every cell a
merged range covers.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from govtui.errors import LoadError, Problem
from govtui.io.importers import labels, limits
from govtui.io.importers.text import Line

MAX_SHEET_CELLS = 20_000  # used cells of one sheet (the form's three tables: about 250)
MAX_SHEET_BYTES = 8 * 1024 * 1024  # one sheet's XML (the form's three tables: about 60 KB)
_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"', re.I)
_TITLE = "年度报告"  # what a title row says
_PLACES = re.compile(r"^[#,]*0\.(0+)$")


def read(data: bytes, path: Path | None = None) -> list[Line]:
    """Every sheet's rows (cells as printed) and a heading line for a sheet named after a
    section; :class:`LoadError` when it is no readable workbook."""
    archive = limits.check_zip(data, path, "Excel", ".xlsx")
    for entry in archive.infolist():
        name = entry.filename
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            if entry.file_size > MAX_SHEET_BYTES:
                mb = MAX_SHEET_BYTES // 1024 // 1024
                raise LoadError(
                    path,
                    [Problem(f"Excel 文件中的工作表「{name}」超过 {mb} MB 的上限，不像是年度报告")],
                )
            try:
                sheet = archive.read(name)
            except (
                zipfile.BadZipFile,
                zlib.error,
                NotImplementedError,
                OSError,
                EOFError,
                ValueError,
            ) as error:
                raise LoadError(path, [Problem(f"Excel 文件已损坏，无法读取：{error}")]) from None
            _check_merges(sheet, path)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise LoadError(
            path, [Problem(f"Excel 文件已损坏，无法读取：{type(error).__name__}")]
        ) from None
    lines: list[Line] = []
    for sheet in workbook.worksheets:
        if sheet.max_row * sheet.max_column > MAX_SHEET_CELLS:
            raise LoadError(
                path,
                [
                    Problem(
                        f"工作表「{sheet.title}」有 {sheet.max_row} 行 {sheet.max_column} 列，"
                        f"超过 {MAX_SHEET_CELLS} 个单元格的上限，不像是年度报告"
                    )
                ],
            )
        heading = labels.section_of(sheet.title) != ""
        for row in sheet.iter_rows():
            cells = tuple(_text(cell.value, cell.number_format) for cell in row)
            if not any(cells):
                continue
            filled = [cell for cell in cells if cell]
            if heading and not (len(filled) == 1 and _TITLE in filled[0]):
                # A sheet named after its section starts it, under the report's title if
                # the sheet prints that first.
                lines.append(Line(sheet.title, None, 0, len(lines) + 1))
                heading = False
            if len(filled) == 1 and not labels.section_of(filled[0]) and "。" in filled[0]:
                lines.append(Line(filled[0], None, 0, len(lines) + 1))  # a paragraph of text
                continue
            lines.append(Line("\t".join(cells), cells, 0, len(lines) + 1))
        if heading:  # an empty sheet named after its section
            lines.append(Line(sheet.title, None, 0, len(lines) + 1))
    return lines


def _text(value: Any, shape: str = "General") -> str:
    """A cell's value as the sheet shows it: 12 not 12.0, a fee with the decimals its number
    format shows (12.8650 for ``0.0000``)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        places = _PLACES.match(shape or "")
        if places:
            return f"{value:.{len(places.group(1))}f}"
        if isinstance(value, int) or value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.date().isoformat()
    return " ".join(str(value).split())


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _check_merges(sheet: bytes, path: Path | None) -> None:
    for match in _MERGE.finditer(sheet):
        first, top, last, bottom = match.groups()
        across = _column(last) - _column(first) + 1
        down = int(bottom) - int(top) + 1
        if across > limits.MAX_SPAN or down > limits.MAX_SPAN:
            ref = match.group(1) + match.group(2) + b":" + match.group(3) + match.group(4)
            raise limits.span_error(path, "合并的范围", ref.decode("ascii"))
