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

from govtui.errors import LoadError, Problem
from govtui.io.importers.text import Identity, Line

_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_GOVTUI_YEAR = re.compile(r"(?:^|;)\s*govtui-year=(\d{4})\s*(?:;|$)")


def read(data: bytes, path: Path | None = None) -> tuple[list[Line], Identity | None]:
    """The document's paragraphs and table rows, and the identity govtui's document states;
    :class:`LoadError` if it is no Word file."""
    try:
        import docx
    except ImportError:
        raise LoadError(
            path,
            [
                Problem(
                    "读取 Word 文件需要 python-docx：请运行 pip install 'govtui[docx]'（或 pip install python-docx）"
                )
            ],
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LoadError(path, [Problem(f"不是有效的 Word（.docx）文件：{error}")]) from None
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise LoadError(
            path, [Problem(f"Word 文件已损坏，无法读取：{type(error).__name__}")]
        ) from None
    stated = identity(document.core_properties)
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block, len(lines)))
        else:
            level = _level(block)
            verbatim = stated is not None and not level
            lines.append(Line(block.text, None, level, len(lines) + 1, verbatim))
    return lines, stated


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


def _table_lines(table: Any, before: int) -> list[Line]:
    """Rows of the table's grid; a merged cell's text only at its first position.

    python-docx repeats a merged cell at every position it covers (the same ``<w:tc>``
    across a row, the restarting one down a column): repeats are left empty, so that a
    number spanning three columns is read once.
    """
    out: list[Line] = []
    above: list[Any] = []
    for row in table.rows:
        seen: list[Any] = []
        texts = []
        for index, cell in enumerate(row.cells):
            element = cell._tc
            repeat = (seen and seen[-1] is element) or (
                index < len(above) and above[index] is element
            )
            texts.append("" if repeat else " ".join(cell.text.split()))
            seen.append(element)
        above = seen
        cells = tuple(texts)
        out.append(Line("\t".join(cells), cells, 0, before + len(out) + 1))
    return out
