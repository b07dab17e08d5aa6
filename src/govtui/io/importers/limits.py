"""What an importer may spend on one file, checked before a library gets to the file.

Word and Excel files are zip archives of XML. A few KB of deflated zeros can stand for
gigabytes, and python-docx or openpyxl inflate and parse whole parts into memory; so the
sizes the archive declares are checked first (:mod:`zipfile`, which both libraries use,
never inflates an entry past the size it declares). Tables are checked for their spans
(a ``gridSpan`` of two thousand million makes python-docx build a list that long) and
web pages for their depth. Each refusal names what was too large.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govtui.errors import LoadError, Problem

MAX_UNZIPPED = 64 * 1024 * 1024  # all parts of a .docx / .xlsx, inflated
MAX_PART = 48 * 1024 * 1024  # one part (document.xml, a sheet)
MAX_ENTRIES = 2000
MAX_SPAN = 64  # cells one table cell may span, across or down (the form's widest row: 15)
MAX_TABLE_CELLS = 100_000  # grid positions of all tables of a file together
MAX_DEPTH = 400  # nesting of a web page's elements

_MB = 1024 * 1024


def check_zip(data: bytes, path: Path | None, kind: str, suffix: str) -> zipfile.ZipFile:
    """The archive, once its declared sizes are within the limits; :class:`LoadError` if not
    a zip archive or too large when unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError) as error:
        raise LoadError(path, [Problem(f"不是有效的 {kind}（{suffix}）文件：{error}")]) from None
    if len(entries) > MAX_ENTRIES:
        raise LoadError(
            path, [Problem(f"{kind} 文件内含 {len(entries)} 个部件，超过 {MAX_ENTRIES} 个的上限")]
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MAX_PART:
            raise LoadError(path, [Problem(_too_large(kind, entry.filename, entry.file_size))])
    if total > MAX_UNZIPPED:
        raise LoadError(
            path,
            [
                Problem(
                    f"{kind} 文件解压后有 {total // _MB} MB，超过 {MAX_UNZIPPED // _MB} MB 的上限"
                    "（可能是压缩炸弹），未读取"
                )
            ],
        )
    return archive


def _too_large(kind: str, name: str, size: int) -> str:
    return (
        f"{kind} 文件中的「{name}」解压后有 {size // _MB} MB，超过 {MAX_PART // _MB} MB 的上限"
        "（可能是压缩炸弹），未读取"
    )


def span_error(path: Path | None, what: str, value: int | str) -> LoadError:
    """A cell that claims to span more than any report table has."""
    return LoadError(
        path,
        [
            Problem(
                f"表格中有单元格{what}为 {value}，超过 {MAX_SPAN} 的上限，不像是年度报告的表格，未读取"
            )
        ],
    )


def cells_error(path: Path | None, count: int) -> LoadError:
    return LoadError(
        path,
        [
            Problem(
                f"表格共有 {count} 个单元格，超过 {MAX_TABLE_CELLS} 个的上限，不像是年度报告，未读取"
            )
        ],
    )
