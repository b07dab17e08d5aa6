"""Word files (``.docx``) as lines: paragraphs with their heading level, and table rows.

python-docx (an optional dependency: ``pip install 'govtui[docx]'``) reads the file; the
body is walked in document order so that tables stay between the paragraphs they sit
among. A merged cell is repeated at every grid position it covers, as python-docx reports
it, which is what the table readers expect (the same as :mod:`.html`'s grids).

A document govtui wrote says so in its properties (``keywords`` ``govtui-form=…;
govtui-year=…``, ``author`` the agency, ``title`` the title): its body paragraphs are then
lines of prose fields taken verbatim, an empty paragraph an empty line, and the properties
give the report's :class:`~.text.Identity`.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from govtui.errors import LoadError, Problem
from govtui.io.importers import continued, limits
from govtui.io.importers.text import Identity, Line

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_LAYOUT_DEPTH = 4  # layout tables inside layout tables, at most this deep
_WIDE = 0x2E80  # CJK and full-width forms start here
_GOVTUI_YEAR = re.compile(r"(?:^|;)\s*govtui-year=(\d{4})\s*(?:;|$)")


def read(data: bytes, path: Path | None = None) -> tuple[list[Line], Identity | None]:
    """The document's paragraphs and table rows, and the identity govtui's document states;
    :class:`LoadError` if it is no Word file."""
    limits.check_zip(data, path, "Word", ".docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LoadError(path, [Problem(f"不是有效的 Word（.docx）文件：{error}")]) from None
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise LoadError(
            path, [Problem(f"Word 文件已损坏，无法读取：{type(error).__name__}")]
        ) from None
    _check_tables(document.element, path)
    stated = identity(document.core_properties)
    try:
        return _lines(document, stated), stated
    except (ValueError, IndexError) as error:  # python-docx on a malformed merge
        raise LoadError(
            path, [Problem(f"Word 文件中的表格结构有误（合并单元格不完整），无法读取：{error}")]
        ) from None


def _lines(document: Any, stated: Identity | None) -> list[Line]:
    lines: list[Line] = []
    before: list[tuple[str, ...]] = []  # the last table's rows, while only blanks follow it

    def walk(blocks: Any, depth: int) -> None:
        nonlocal before
        for block in blocks:
            if hasattr(block, "rows"):
                if depth < _LAYOUT_DEPTH and _holds_tables(block):
                    # A layout table (the whole report in one cell, as some offices and
                    # site templates lay it out): its cells' contents, in order.
                    for cell in _distinct(block):
                        walk(cell.iter_inner_content(), depth + 1)
                    continue
                rows = _table_rows(block)
                if before:
                    del rows[: continued.repeated(before, rows)]
                lines.extend(
                    Line("\t".join(cells), cells, 0, len(lines) + index)
                    for index, cells in enumerate(rows, 1)
                )
                before = rows if continued.header(rows) else before
            else:
                level = _level(block)
                verbatim = stated is not None and not level
                lines.append(Line(block.text, None, level, len(lines) + 1, verbatim))
                if block.text.strip():
                    before = []

    walk(document.iter_inner_content(), 0)
    return lines


def _holds_tables(table: Any) -> bool:
    return any(True for _ in table._tbl.iter(qn("w:tbl")) if _ is not table._tbl)


def _distinct(table: Any) -> list[Any]:
    """A table's cells in reading order, a merged one once (python-docx repeats it at every
    position it covers)."""
    held: list[Any] = []  # the elements, kept alive so that their ids stay theirs
    seen: set[int] = set()
    out = []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                held.append(cell._tc)
                seen.add(id(cell._tc))
                out.append(cell)
    return out


def _check_tables(root: Any, path: Path | None) -> None:
    """Refuse spans and grids no report table has, before python-docx expands them."""
    for span in root.iter(qn("w:gridSpan")):
        value = span.get(qn("w:val"), "1")
        if not value.isdigit() or int(value) > limits.MAX_SPAN:
            raise limits.span_error(path, "横向合并的列数", value[:20])
    cells = 0
    for table in root.iter(qn("w:tbl")):
        columns = sum(1 for _ in table.iter(qn("w:gridCol")))
        rows = sum(1 for _ in table.iter(qn("w:tr")))
        cells += max(columns, 1) * rows
        if columns > limits.MAX_SPAN * 4 or cells > limits.MAX_TABLE_CELLS:
            raise limits.cells_error(path, max(cells, columns))


def identity(properties: Any) -> Identity | None:
    """Agency, year and title from the properties of a document govtui wrote, else None."""
    keywords = properties.keywords or ""
    year = _GOVTUI_YEAR.search(keywords)
    if "govtui-form=" not in keywords or not year or not properties.author:
        return None
    return Identity(properties.author, int(year.group(1)), properties.title or "")


def _level(paragraph: Any) -> int:
    """A paragraph's heading level from its style ("Heading 2", "标题 2", "Title" = 1)."""
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return 0
    if name == "Title":
        return 1
    match = _HEADING_STYLE.match(name or "")
    return int(match.group(1)) if match else 0


def _table_rows(table: Any) -> list[tuple[str, ...]]:
    """Rows of the table's grid; a merged cell's text only at its first position.

    python-docx repeats a merged cell at every position it covers (the same ``<w:tc>``
    across a row, the restarting one down a column): repeats are left empty, so that a
    number spanning three columns is read once.
    """
    out: list[tuple[str, ...]] = []
    above: list[Any] = []
    for row in table.rows:
        seen: list[Any] = []
        texts = []
        for index, cell in enumerate(row.cells):
            element = cell._tc
            repeat = (seen and seen[-1] is element) or (
                index < len(above) and above[index] is element
            )
            texts.append("" if repeat else _cell_text(cell))
            seen.append(element)
        above = seen
        out.append(tuple(texts))
    return out


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs on one line: a header wrapped by hand (自然 / 人) or a label
    written one character per paragraph reads as one word; a blank only between two
    Latin words or numbers."""
    text = ""
    for paragraph in cell.paragraphs:
        part = " ".join(paragraph.text.split())
        if not part:
            continue
        if text and not (ord(text[-1]) >= _WIDE or ord(part[0]) >= _WIDE):
            text += " "
        text += part
    return text
