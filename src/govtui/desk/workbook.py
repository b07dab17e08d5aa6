"""``govtui desk --xlsx``: the desk as a workbook an office forwards upward.

Four sheets, drawn from the desk's JSON (:func:`govtui.desk.data.board_json`, the same data
``--json`` prints, so the workbook never says something the command does not) and the summed
report:

* 报送情况 — a row per unit: status, late flag, dates, file, counts, indicators;
* 问题清单 — a row per finding, with the office's review;
* 汇总 — the sum in the official layout (:mod:`govtui.io.layout`, the geometry the HTML and
  Word exports print, merged header cells included) and the units it counts;
* 指标 — each unit's indicators, this year and last.

Numbers are numbers and rates are fractions with a percent format, so the office can sort and
sum them; header rows are frozen and filtered; column widths count a Chinese character as two;
every sheet prints on A4 landscape, one page wide. openpyxl (the ``xlsx`` extra) writes the file:
the format's styles, merges and print settings are far more than our own code should reproduce.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from govtui import form
from govtui.desk.indicators import INDICATORS
from govtui.desk.status import LATE_LABEL, REVIEW_LABEL, STATUS_LABEL
from govtui.io import layout
from govtui.model import Report
from govtui.rules.finding import SEVERITY_LABEL

SHEETS = ("报送情况", "问题清单", "汇总", "指标")

_FONT = "宋体"
_HEAD = Font(name=_FONT, bold=True)
_BODY = Font(name=_FONT)
_FILL = PatternFill("solid", fgColor="E8EEF7")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_PERCENT = "0.0%"
_MAX_WIDTH = 60  # characters; longer text wraps
_HEAD_WIDTH = 12  # a column heading wider than this wraps onto a second line
_CHARS = 2.4  # spreadsheet width units per character of the layout's widths (a CJK character)


def render(data: Mapping[str, Any], total: Report | None) -> bytes:
    """The workbook of the desk ``data`` (``govtui desk --json``) and the summed report."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    _status_sheet(book.create_sheet(SHEETS[0]), data)
    _findings_sheet(book.create_sheet(SHEETS[1]), data)
    _sum_sheet(book.create_sheet(SHEETS[2]), data, total)
    _indicator_sheet(book.create_sheet(SHEETS[3]), data)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- sheets

_RATES = {i.key for i in INDICATORS if i.kind == "rate"}


def _status_sheet(sheet: Worksheet, data: Mapping[str, Any]) -> None:
    heads = ["单位", "状态", LATE_LABEL, "收到日期", "报送期限", "文件", "错误", "警告"]
    heads += [i.label for i in INDICATORS]
    rows = []
    folder = Path(data.get("collection", {}).get("roster") or ".").parent
    for unit in data["units"]:
        values = unit.get("indicators") or {}
        rows.append(
            [
                unit["name"],
                STATUS_LABEL[unit["status"]],
                "是" if unit.get("late") else "",
                unit.get("received") or "",
                unit.get("due") or "",
                _relative(unit.get("file"), folder),
                unit["errors"],
                unit["warnings"],
                *[values.get(i.key) for i in INDICATORS],
            ]
        )
    rates = [heads.index(i.label) for i in INDICATORS if i.key in _RATES]
    _table(sheet, heads, rows, percent_columns=rates)


def _relative(file: str | None, folder: Path) -> str:
    """A unit's file as the office knows it: relative to the roster's folder where it is there."""
    if not file:
        return ""
    try:
        return Path(file).relative_to(folder).as_posix()
    except ValueError:
        return file


def _findings_sheet(sheet: Worksheet, data: Mapping[str, Any]) -> None:
    heads = [
        "单位",
        "部分",
        "行",
        "列",
        "规则",
        "严重程度",
        "说明",
        "处理状态",
        "意见",
        "处理人",
        "日期",
    ]
    rows = []
    for unit in data["units"]:
        for finding in unit.get("findings") or ():
            review = finding.get("review") or {}
            rows.append(
                [
                    unit["name"],
                    finding["section"],
                    finding["row"],
                    finding["column"],
                    finding["rule"],
                    SEVERITY_LABEL[finding["severity"]],
                    finding["message"],
                    REVIEW_LABEL.get(review.get("state") or "open", ""),
                    review.get("comment") or "",
                    review.get("by") or "",
                    review.get("date") or "",
                ]
            )
    _table(sheet, heads, rows, wide={heads.index("说明"): _MAX_WIDTH})


def _indicator_sheet(sheet: Worksheet, data: Mapping[str, Any]) -> None:
    heads = ["单位"]
    for indicator in INDICATORS:
        heads += [indicator.label, f"{indicator.label}（上年）"]
    rows = []
    for unit in data["units"]:
        now = unit.get("indicators") or {}
        before = unit.get("previous_indicators") or {}
        row: list[Any] = [unit["name"]]
        for indicator in INDICATORS:
            row += [now.get(indicator.key), before.get(indicator.key)]
        rows.append(row)
    summed = data.get("sum", {}).get("indicators") or {}
    if summed:
        row = ["汇总"]
        for indicator in INDICATORS:
            row += [summed.get(indicator.key), None]
        rows.append(row)
    rates = [
        heads.index(label)
        for i in INDICATORS
        if i.key in _RATES
        for label in (i.label, f"{i.label}（上年）")
    ]
    _table(sheet, heads, rows, percent_columns=rates)


def _sum_sheet(sheet: Worksheet, data: Mapping[str, Any], total: Report | None) -> None:
    summary = data.get("sum", {})
    collection = data.get("collection", {})
    title = f"{collection.get('agency') or ''}{data.get('collection', {}).get('year') or ''}"
    sheet.append([f"{title} 汇总（{data.get('as_of', '')}）".strip()])
    sheet["A1"].font = Font(name=_FONT, bold=True, size=14)
    counted = summary.get("units") or []
    sheet.append([f"计入 {len(counted)} 个单位：{'、'.join(counted) or '无'}"])
    if summary.get("provisional"):
        names = "、".join(summary.get("provisional_units") or [])
        sheet.append([f"暂定：汇总含有未解决问题的报告（{names}）"])
    widths: dict[int, float] = {}
    if total is not None:
        for section, grid in layout.grids(total).items():
            sheet.append([])
            sheet.append([form.section_of(section).heading])
            sheet.cell(sheet.max_row, 1).font = _HEAD
            _grid(sheet, grid, sheet.max_row + 1, widths)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet)


def _grid(sheet: Worksheet, grid: layout.Grid, top: int, widths: dict[int, float]) -> None:
    """One official table at row ``top``: its cells where the layout puts them, merged as it
    spans them, numbers as numbers; each row as tall as its longest label needs (spreadsheets
    do not grow a row for a merged cell's text)."""
    for index, width in enumerate(grid.widths):
        column = index + 1
        widths[column] = max(widths.get(column, 0), min(width * _CHARS, _MAX_WIDTH))
    for cells in grid.rows:
        lines = 1
        for cell in cells:
            if cell.header and cell.rowspan == 1 and not cell.vertical:
                room = sum(widths[1 + c] for c in range(cell.col, cell.col + cell.colspan))
                lines = max(lines, -(-display_width(cell.text) // max(int(room) - 1, 1)))
        sheet.row_dimensions[top + cells[0].row].height = 15 * lines if cells else None
        for cell in cells:
            row, col = top + cell.row, 1 + cell.col
            target = sheet.cell(row, col, _value(cell))
            target.border = _BORDER
            target.font = _HEAD if cell.header else _BODY
            target.alignment = _CENTRE if cell.header else Alignment(horizontal="right")
            if cell.header:
                target.fill = _FILL
            elif cell.row_key == "fees":
                target.number_format = "0.0000"
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row,
                    start_column=col,
                    end_row=row + cell.rowspan - 1,
                    end_column=col + cell.colspan - 1,
                )
                for r in range(row, row + cell.rowspan):
                    for c in range(col, col + cell.colspan):
                        sheet.cell(r, c).border = _BORDER


def _value(cell: layout.Cell) -> Any:
    if cell.header:
        return cell.text
    if cell.row_key == "fees":
        return float(Decimal(cell.text))
    return int(cell.text)


# --------------------------------------------------------------------------- tables


def _date(value: Any) -> Any:
    """An ISO date of the JSON as a date cell (sortable, filterable); anything else as is."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" == value[7]:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese (wide) character counts as two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _table(
    sheet: Worksheet,
    heads: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    percent_columns: Iterable[int] = (),
    wide: Mapping[int, int] | None = None,
) -> None:
    """A header row (bold, filled, frozen, filtered) and the rows, widths fitted to the text."""
    sheet.append(list(heads))
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment, cell.border = _HEAD, _FILL, _CENTRE, _BORDER
    widths = [min(display_width(h), _HEAD_WIDTH) for h in heads]
    sheet.row_dimensions[1].height = 30
    percent = set(percent_columns)
    dates: set[int] = set()
    row = 1  # counted here: the sheet's own max_row looks at every cell, each time
    for values in rows:
        row += 1
        for index, value in enumerate(values):
            shown_as = _date(value)
            if shown_as is not value:
                dates.add(index)
            cell = sheet.cell(row, index + 1, shown_as)
            cell.font, cell.border = _BODY, _BORDER
            if index in percent:
                cell.number_format = _PERCENT
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                cell.alignment = _WRAP
            shown = "100.0%" if index in percent else "2025-01-31" if index in dates else cell.value
            widths[index] = max(widths[index], display_width(str(shown or "")))
    for index, width in enumerate(widths):
        limit = (wide or {}).get(index, _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(width + 2, limit)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{row}"
    _print_setup(sheet)
    sheet.print_title_rows = "1:1"


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, as an office prints what it forwards."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
