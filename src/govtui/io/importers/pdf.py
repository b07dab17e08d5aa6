"""PDF files (``.pdf``) with a text layer as lines: paragraphs and table rows.

pypdfium2 (PDFium, the engine of Chromium's viewer; an optional dependency: ``pip install
'govtui[pdf]'``) gives every character with its box, and the page's drawn paths. A PDF has
no tables, only characters and lines drawn near them, so the tables are rebuilt here:

- thin drawn paths are the tables' ruling lines; rules that touch form one table;
- the rules' positions give a grid, and two neighbouring grid positions with no rule
  between them belong to one merged cell (the label of a row group spanning rows, the
  header 申请人情况 spanning columns); a cell's characters are read line by line, and its
  text goes to its first position, the others left empty, as :mod:`.html` and :mod:`.docx`
  hand merged cells on;
- each grid row becomes a :class:`~.text.Line` with cells, so rows are found by their
  labels exactly as in a web page or a Word file; a table broken across pages is simply
  more rows, its header repeated on the next page only more header words.

Characters outside tables are grouped into printed lines, and printed lines into
paragraphs (a line that fills the measure continues on the next one unless that one is
indented). Page numbers (``— 3 —``, ``第 3 页``), running headers and footers (a line
repeated at the same place on several pages) and a stamp's text (rotated or red
characters) are left out and listed in the notes. A PDF without any text (a scan) is
refused with a message that says so and what to do.

Work is capped before PDFium sees the file: its compressed streams are inflated once,
counting, against a budget (a few KB of deflated zeros can stand for gigabytes), and the
page count, the page size and the characters and drawings per page are limited.
"""

from __future__ import annotations

import base64
import bisect
import ctypes
import functools
import itertools
import math
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from govtui.errors import LoadError, Problem
from govtui.io.importers import continued
from govtui.io.importers.text import Line

MAX_PAGES = 100
MAX_PAGE_POINTS = 5000.0  # a side longer than 1.76 m (A4 is 842 pt) is no report's page
MAX_INFLATED = 128 * 1024 * 1024  # all compressed streams but images, inflated
MAX_CHARS_PER_PAGE = 40_000
MAX_PATHS_PER_PAGE = 40_000
MAX_RULES_PER_PAGE = 3_000  # ruling lines of one page (the matrix's page: about 250)
MAX_GRID = 20_000  # positions of one table's grid (the matrix: 10 × 40)

_MIN_UNMAPPED = 200  # ...though this many other characters were printed
_MIN_CHINESE = 20  # fewer Chinese characters than this: no text layer to speak of
_THIN = 2.6  # a path this thin (pt) is a ruling line
_NEAR = 2.5  # rules this close touch; positions this close are one
_CJK = 0x2E80
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~\s]*\d{1,4}[-—–－_~\s]*|第\s*\d{1,4}\s*页(?:\s*[/,，]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.I,
)
_ROW_END = re.compile(r"\s[\d,.]+$")
_STREAM = re.compile(rb"stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_FILTERS = {  # the abbreviations inline images use, which some writers use elsewhere too
    b"Fl": b"FlateDecode",
    b"AHx": b"ASCIIHexDecode",
    b"A85": b"ASCII85Decode",
    b"LZW": b"LZWDecode",
}
UNMAPPED = (
    "这个 PDF 的文字无法还原成汉字（字体没有附带字符对照表，复制出来也是乱码），无法读出其中的文字和数字。"
    "请改用报告的 Word（.docx）、网页或其他 PDF 版本；或先用 OCR 软件（如 WPS、Adobe Acrobat 的“文字识别”）"
    "转成可复制文字的文件再导入"
)
SCANNED = (
    "这个 PDF 没有文字层（是扫描件或图片），无法读出其中的文字和数字。"
    "请改用报告的 Word（.docx）、网页或可以复制文字的 PDF；"
    "或先用 OCR 软件（如 WPS、Adobe Acrobat 的“文字识别”）转成可复制文字的文件再导入"
)


@dataclass(frozen=True, slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    base: float  # the baseline (PDF y grows upwards)
    size: float  # the character's height, about its font size
    spaced: bool = False  # a blank was printed before it

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return self.base + 0.35 * self.size

    @property
    def y0(self) -> float:
        return self.base - 0.2 * self.size

    @property
    def y1(self) -> float:
        return self.base + 0.8 * self.size


@dataclass(frozen=True, slots=True)
class _Rule:
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 > self.y1 - self.y0


@dataclass
class _Row:
    """A printed line of text outside tables, on its page."""

    chars: list[_Char]
    page: int
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0


@dataclass
class _Table:
    top: float
    bottom: float
    rows: list[tuple[str, ...]]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    rows: list[_Row] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)


@dataclass
class Read:
    """The lines of a PDF and what was left out of them (for the notes)."""

    lines: list[Line]
    furniture: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    repeated: list[int] = field(default_factory=list)  # pages whose table header was a repeat


def read(data: bytes, path: Path | None = None) -> Read:
    """The document's paragraphs and table rows; :class:`LoadError` when it is no readable PDF."""
    if b"%PDF-" not in data[:1024]:
        raise LoadError(path, [Problem("不是有效的 PDF 文件（文件开头没有 %PDF 标记）")])
    _check_streams(data, path)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        text = str(error)
        if "password" in text.lower():
            raise LoadError(
                path, [Problem("PDF 文件有打开密码，无法读取：请先取消密码再导入")]
            ) from None
        raise LoadError(path, [Problem(f"PDF 文件已损坏，无法读取（{text}）")]) from None
    try:
        return _read(document, path)
    except pdfium.PdfiumError as error:
        raise LoadError(path, [Problem(f"PDF 文件已损坏，无法读取（{error}）")]) from None
    finally:
        document.close()


def _chinese(pages: list[_Page]) -> int:
    rows = sum(1 for p in pages for r in p.rows for c in r.chars if ord(c.text) >= _CJK)
    tables = sum(
        1 for p in pages for t in p.tables for cells in t.rows for cell in cells for c in cell
        if ord(c) >= _CJK
    )  # fmt: skip
    return rows + tables


def _read(document: Any, path: Path | None) -> Read:
    count = len(document)
    if count > MAX_PAGES:
        raise LoadError(
            path, [Problem(f"PDF 有 {count} 页，超过 {MAX_PAGES} 页的上限，不像是一份年度报告")]
        )
    pages: list[_Page] = []
    stamps: list[str] = []
    for index in range(count):
        page = document[index]
        try:
            pages.append(_page(page, index + 1, stamps, path))
        finally:
            page.close()
    if _chinese(pages) < _MIN_CHINESE:
        printed = sum(len(r.chars) for p in pages for r in p.rows)
        printed += sum(len(c) for p in pages for t in p.tables for row in t.rows for c in row)
        # Much text but no Chinese: fonts without a map back to characters (copying such
        # a PDF gives gibberish too); else a scan, perhaps with a page number stamped on.
        raise LoadError(path, [Problem(UNMAPPED if printed >= _MIN_UNMAPPED else SCANNED)])
    furniture = _furniture(pages)
    repeated = _repeated_headers(pages)
    lines = _lines(pages)
    return Read(lines, furniture, stamps, repeated)


# --------------------------------------------------------------------------- limits


def _check_streams(data: bytes, path: Path | None) -> None:
    """Decode every compressed stream but images, counting, and refuse past the budget.

    PDFium inflates content streams, fonts and object streams into memory: a stream of 1 MB
    of deflated blanks took it 18 s and 2.1 GB, and the file may be 32 MB. So each stream is
    inflated here first, a chunk at a time, its output counted and dropped; a text encoding
    in front (``[/ASCII85Decode /FlateDecode]``) is undone first. LZW, whose output PDFium
    does not bound either, is refused outside images (no office program writes it today).
    Images are left alone: reading text never decodes them.
    """
    budget = [MAX_INFLATED]
    for number, match in enumerate(_STREAM.finditer(data), 1):
        head = data[max(0, match.start() - 400) : match.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        found = _FILTER.search(head)
        if found is None or b"/Image" in head:
            continue
        filters = [_FILTERS.get(f, f) for f in re.findall(rb"/([A-Za-z0-9]+)", found.group(1))]
        if b"LZWDecode" in filters:
            raise LoadError(
                path,
                [
                    Problem(
                        "PDF 用了旧式的 LZW 压缩，无法安全读取：请用 PDF 软件另存为新版 PDF 后再导入"
                    )
                ],
            )
        if b"FlateDecode" not in filters:
            continue
        end = data.find(b"endstream", match.end())
        body = data[match.end() : end if end >= 0 else len(data)]
        try:
            for name in filters[: filters.index(b"FlateDecode")]:
                body = _undo_text(name, body)
            after = filters[filters.index(b"FlateDecode") + 1 :]
            _inflate(body, budget, keep=bool(after))
        except (zlib.error, ValueError):
            continue  # a damaged stream: PDFium decides what it makes of it
        if budget[0] < 0:
            mb = MAX_INFLATED // 1024 // 1024
            raise LoadError(
                path,
                [
                    Problem(
                        f"PDF 中的压缩数据解压后超过 {mb} MB（第 {number} 个数据流），"
                        "不像是一份年度报告，未读取"
                    )
                ],
            )


def _undo_text(name: bytes, body: bytes) -> bytes:
    """A text encoding of binary data (it only ever shrinks it)."""
    if name == b"ASCIIHexDecode":
        digits = re.sub(rb"[^0-9A-Fa-f]", b"", body.split(b">", 1)[0])
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    if name == b"ASCII85Decode":
        text = body.strip()
        text = text[2:] if text.startswith(b"<~") else text
        return base64.a85decode(text.split(b"~>", 1)[0])
    raise ValueError(name)


def _inflate(body: bytes, budget: list[int], keep: bool) -> bytes:
    """Inflate ``body`` a megabyte at a time, taking what comes out from ``budget``; keep
    the output only when another filter follows (it is then within the budget)."""
    inflater = zlib.decompressobj()
    kept: list[bytes] = []
    pending = body
    while not inflater.eof and budget[0] >= 0:
        out = inflater.decompress(pending, 1 << 20)
        pending = inflater.unconsumed_tail
        budget[0] -= len(out)
        if keep:
            kept.append(out)
        if not out and not pending:
            break
    return b"".join(kept)


def _too_big(path: Path | None, page: int, what: str) -> LoadError:
    return LoadError(path, [Problem(f"PDF 第 {page} 页{what}，不像是一份年度报告，未读取")])


# --------------------------------------------------------------------------- one page


def _page(page: Any, number: int, stamps: list[str], path: Path | None) -> _Page:
    width, height = page.get_size()
    if max(width, height) > MAX_PAGE_POINTS:
        size = f"{width / 72 * 25.4:.0f}×{height / 72 * 25.4:.0f} 毫米"
        raise _too_big(
            path, number, f"的页面太大（{size}，上限 {MAX_PAGE_POINTS / 72 * 25.4:.0f} 毫米）"
        )
    rules = _rules(page, number, path)
    if len(rules) > MAX_RULES_PER_PAGE:  # matching them up is quadratic
        raise _too_big(path, number, f"的表格线超过 {MAX_RULES_PER_PAGE} 条")
    textpage = page.get_textpage()
    try:
        chars, turned, red = _chars(textpage, number, path)
    finally:
        textpage.close()
    result = _Page(number, width, height)
    used: set[int] = set()
    for table, inside in _tables(rules, chars + turned, functools.partial(_too_big, path, number)):
        result.tables.append(table)
        used |= inside
    # Turned characters inside a table are a cell's text written sideways; elsewhere a stamp's.
    stamp = red + "".join(c.text for c in turned if id(c) not in used)
    if stamp:
        stamps.append(f"第 {number} 页：{stamp[:30]}")
    result.rows = _text_rows([c for c in chars if id(c) not in used], number)
    return result


def _rules(page: Any, number: int, path: Path | None) -> list[_Rule]:
    """The page's thin drawn paths (and those of the forms it draws, a few levels deep)."""
    edges = [ctypes.c_float() for _ in range(4)]
    at = [ctypes.byref(edge) for edge in edges]
    rules: list[_Rule] = []
    seen = 0

    def walk(count: int, get: Any, depth: int) -> None:
        nonlocal seen
        for index in range(count):
            obj = get(index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                walk(
                    raw.FPDFFormObj_CountObjects(obj),
                    lambda i, form=obj: raw.FPDFFormObj_GetObject(form, i),
                    depth + 1,
                )
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            seen += 1
            if seen > MAX_PATHS_PER_PAGE:
                raise _too_big(path, number, f"的图形超过 {MAX_PATHS_PER_PAGE} 个")
            if not raw.FPDFPageObj_GetBounds(obj, *at):
                continue
            left, bottom, right, top = (edge.value for edge in edges)
            if min(right - left, top - bottom) <= _THIN and max(right - left, top - bottom) > 3:
                rules.append(_Rule(left, right, bottom, top))
            else:
                rules.extend(_strokes(obj))

    handle = page.raw
    walk(raw.FPDFPage_CountObjects(handle), lambda i: raw.FPDFPage_GetObject(handle, i), 0)
    return rules


def _strokes(obj: Any) -> list[_Rule]:
    """The straight lines across or down of a stroked path: a cell drawn as a rectangle
    (``re S``), or a whole grid drawn as one path."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return []
    if not stroke.value:
        return []
    count = raw.FPDFPath_CountSegments(obj)
    if not 0 < count <= 4 * MAX_PATHS_PER_PAGE:
        return []
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[_Rule] = []
    start = last = None
    for index in range(count):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            out.extend(_straight(last, point))
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            out.extend(_straight(point, start))
        last = point
    return out


def _straight(a: tuple[float, float], b: tuple[float, float]) -> list[_Rule]:
    left, right = sorted((a[0], b[0]))
    bottom, top = sorted((a[1], b[1]))
    if min(right - left, top - bottom) <= _THIN / 2 and max(right - left, top - bottom) > 3:
        return [_Rule(left, right, bottom, top)]
    return []


def _chars(textpage: Any, page: int, path: Path | None) -> tuple[list[_Char], list[_Char], str]:
    """The page's printed characters: upright ones, turned ones, and the text printed in red
    (a stamp's)."""
    count = raw.FPDFText_CountChars(textpage.raw)
    if count > MAX_CHARS_PER_PAGE:
        raise _too_big(path, page, f"的文字超过 {MAX_CHARS_PER_PAGE} 个")
    handle = textpage.raw
    text_of = _texts(textpage, count)
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    colour = (ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a))
    loose_box, origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    angle_of, fill = raw.FPDFText_GetCharAngle, raw.FPDFText_GetFillColor
    out: list[_Char] = []
    turned_chars: list[_Char] = []
    stamp: list[str] = []
    spaced = False
    for index in range(count):
        text = text_of(index)
        if not text:
            continue
        if text.isspace():  # a printed blank, not one PDFium put in for a gap
            spaced = spaced or raw.FPDFText_IsGenerated(handle, index) != 1
            continue
        if not loose_box(handle, index, box):
            continue
        origin(handle, index, at_x, at_y)
        angle = angle_of(handle, index)
        turned = angle > 0 and min(angle, 2 * math.pi - angle) > 0.05
        red = fill(handle, index, *colour) and r.value > 160 and g.value < 100 and b.value < 100
        if red:
            stamp.append(text)
            continue
        size = box.top - box.bottom
        if ord(text) >= _CJK:  # a full-width character is one em wide, whatever its ink
            size = max(size, box.right - box.left)
        char = _Char(text, box.left, box.right, y.value, size, spaced)
        (turned_chars if turned else out).append(char)
        spaced = False
    return out, turned_chars, "".join(stamp)


def _texts(textpage: Any, count: int) -> Any:
    """The page's characters by index: read at once when each is one UTF-16 unit (any
    character outside the BMP shifts the units, then each is asked for)."""
    whole = textpage.get_text_range(0, count) if count else ""
    if len(whole) == count:
        return whole.__getitem__

    def one(index: int) -> str:
        code = raw.FPDFText_GetUnicode(textpage.raw, index)
        return chr(code) if 0 < code <= 0x10FFFF else ""

    return one


# --------------------------------------------------------------------------- tables


def _tables(
    rules: list[_Rule], chars: list[_Char], too_big: Callable[[str], LoadError]
) -> list[tuple[_Table, set[int]]]:
    """Tables from groups of touching ruling lines, with the ids of the characters inside."""
    out = []
    for group in _touching(rules):
        across = [r for r in group if r.horizontal]
        down = [r for r in group if not r.horizontal]
        ys = _positions([(r.y0 + r.y1) / 2 for r in across])
        xs = _positions([(r.x0 + r.x1) / 2 for r in down])
        if len(xs) < 2 or len(ys) < 2:
            continue
        ys.reverse()  # top first
        if (len(xs) - 1) * (len(ys) - 1) > MAX_GRID:
            raise too_big(f"的表格有 {len(ys) - 1} 行 {len(xs) - 1} 列，超过 {MAX_GRID} 格的上限")
        inside = [c for c in chars if xs[0] <= c.cx <= xs[-1] and ys[-1] <= c.cy <= ys[0]]
        rows = _grid(xs, ys, across, down, inside)
        if rows:
            out.append((_Table(ys[0], ys[-1], rows), {id(c) for c in inside}))
    return out


def _touching(rules: list[_Rule]) -> list[list[_Rule]]:
    """Rules in groups that touch (union-find on overlapping boxes grown by a little)."""
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: rules[i].x0)
    for position, i in enumerate(order):
        a = rules[i]
        for j in order[position + 1 :]:
            b = rules[j]
            if b.x0 > a.x1 + _NEAR:
                break
            if b.y0 <= a.y1 + _NEAR and a.y0 <= b.y1 + _NEAR:
                parent[root(i)] = root(j)
    groups: dict[int, list[_Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


def _positions(values: list[float]) -> list[float]:
    """Distinct positions, those closer than ``_NEAR`` taken as one."""
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= _NEAR:
            continue
        out.append(value)
    return out


def _spans_at(
    positions: list[float], rules: Sequence[_Rule], horizontal: bool
) -> list[list[tuple[float, float]]]:
    """For each grid line, the stretches the rules drawn on it cover."""
    out: list[list[tuple[float, float]]] = [[] for _ in positions]
    for rule in rules:
        at = (rule.y0 + rule.y1) / 2 if horizontal else (rule.x0 + rule.x1) / 2
        stretch = (rule.x0, rule.x1) if horizontal else (rule.y0, rule.y1)
        index = bisect.bisect_left(positions, at - _NEAR)
        while index < len(positions) and positions[index] <= at + _NEAR:
            out[index].append(stretch)
            index += 1
    return out


def _covers(stretches: list[tuple[float, float]], middle: float) -> bool:
    return any(low - _NEAR <= middle <= high + _NEAR for low, high in stretches)


def _grid(
    xs: list[float], ys: list[float], across: list[_Rule], down: list[_Rule], chars: list[_Char]
) -> list[tuple[str, ...]]:
    """The table's rows: each merged cell's text at its first position, the rest empty."""
    height, width = len(ys) - 1, len(xs) - 1
    parent = list(range(height * width))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    verticals = _spans_at(xs, down, horizontal=False)
    rising = ys[::-1]  # bisect wants them ascending
    horizontals = _spans_at(rising, across, horizontal=True)[::-1]
    for r in range(height):
        middle_y = (ys[r] + ys[r + 1]) / 2
        for c in range(width):
            middle_x = (xs[c] + xs[c + 1]) / 2
            if c + 1 < width and not _covers(verticals[c + 1], middle_y):
                parent[root(r * width + c + 1)] = root(r * width + c)
            if r + 1 < height and not _covers(horizontals[r + 1], middle_x):
                parent[root((r + 1) * width + c)] = root(r * width + c)
    first: dict[int, int] = {}
    for position in range(height * width):
        first.setdefault(root(position), position)
    texts: dict[int, list[_Char]] = {}
    for char in chars:
        r = _slot([-y for y in ys], -char.cy)
        c = _slot(xs, char.cx)
        texts.setdefault(first[root(r * width + c)], []).append(char)
    rows = []
    for r in range(height):
        cells = tuple(_cell_text(texts.get(r * width + c, [])) for c in range(width))
        if any(cells):
            rows.append(cells)
    return rows


def _slot(edges: list[float], value: float) -> int:
    """The interval of ascending ``edges`` that holds ``value`` (the outer ones stretched)."""
    return min(max(bisect.bisect_right(edges, value) - 1, 0), len(edges) - 2)


def _cell_text(chars: list[_Char]) -> str:
    """A cell's characters line by line; a line break between Chinese characters is no space."""
    if not chars:
        return ""
    return _join([_line_text(line) for line in _group_lines(chars)])


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and not (ord(out[-1]) >= _CJK or ord(part[0]) >= _CJK):
            out += " "
        out += part
    return out


# --------------------------------------------------------------------------- text lines


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters in printed lines, top to bottom, each left to right.

    A character belongs to a line when its baseline is the line's, give or take a third of
    its height (punctuation's ink sits low, a superscript high: the baseline does not move).
    """
    lines: list[list[_Char]] = []
    bases: list[float] = []
    for char in sorted(chars, key=lambda c: -c.base):
        for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            if abs(bases[index] - char.base) <= 0.35 * char.size:
                lines[index].append(char)
                break
        else:
            lines.append([char])
            bases.append(char.base)
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def _line_text(line: list[_Char]) -> str:
    """The line's characters; a gap of half a character or more is a blank."""
    parts = [line[0].text]
    for before, char in itertools.pairwise(line):
        gap = char.x0 - before.x1
        if (char.spaced and gap > 0) or gap > 0.5 * max(before.size, char.size, 1.0) * (
            0.6 if _narrow(before, char) else 1
        ):
            parts.append(" ")
        parts.append(char.text)
    return "".join(parts)


def _narrow(a: _Char, b: _Char) -> bool:
    return ord(a.text) < _CJK and ord(b.text) < _CJK


def _text_rows(chars: list[_Char], page: int) -> list[_Row]:
    out = []
    for line in _group_lines(chars):
        sizes = [c.size for c in line]
        out.append(
            _Row(
                line,
                page,
                _line_text(line),
                line[0].x0,
                line[-1].x1,
                max(c.y1 for c in line),
                min(c.y0 for c in line),
                statistics.median(sizes),
            )
        )
    return out


def _repeated_headers(pages: list[_Page]) -> list[int]:
    """Join a table broken across pages: drop the header it repeats at the top of each next
    page, and put a row broken by the page back together.

    The header's words (其他, 总计) would otherwise read as row labels in the middle of the
    table, and the rest of a broken row (the end of a long label, without numbers) as a row
    of its own. A table that opens a page, with no text above it, continues the last table of
    the page before when that one ends the page.
    """
    dropped = []
    header: list[tuple[str, ...]] = []  # rows of the last table that had a header
    before: _Table | None = None  # the last table of the page before, if it ended that page
    for page in pages:
        tables = sorted(page.tables, key=lambda t: -t.top)
        if tables and before is not None and not _text_above(page, tables[0]):
            first = tables[0]
            count = continued.repeated(header, first.rows)
            if count:
                del first.rows[:count]
                dropped.append(page.number)
            if (
                first.rows
                and before.rows
                and _numbers(before.rows[-1])
                and not _numbers(first.rows[0])
            ):
                before.rows[-1] = _joined(before.rows[-1], first.rows.pop(0))
        for table in tables:
            if continued.header(table.rows):
                header = table.rows
        before = tables[-1] if tables and not _text_below(page, tables[-1]) else None
    return dropped


def _numbers(cells: tuple[str, ...]) -> bool:
    return any(continued.numeric(cell) for cell in cells)


def _joined(row: tuple[str, ...], rest: tuple[str, ...]) -> tuple[str, ...]:
    """A row and the part of it printed on the next page, cell by cell when the two grids
    agree, else the rest's words after the row's last words."""
    if len(row) == len(rest):
        return tuple(_join([a, b]) if a and b else a or b for a, b in zip(row, rest, strict=True))
    words = [i for i, cell in enumerate(row) if cell and not continued.numeric(cell)]
    if not words:
        return row
    at = words[-1]
    extra = [cell for cell in rest if cell]
    return (*row[:at], _join([row[at], *extra]), *row[at + 1 :])


def _text_below(page: _Page, table: _Table) -> bool:
    return any(row.top < table.bottom for row in page.rows)


def _text_above(page: _Page, table: _Table) -> bool:
    return any(row.bottom > table.top for row in page.rows)


# --------------------------------------------------------------------------- furniture


def _furniture(pages: list[_Page]) -> list[str]:
    """Take page numbers and running headers or footers out of the pages' rows; list them."""
    dropped: list[str] = []
    repeated = Counter(
        (_shape(row.text), round(row.top / 4))
        for page in pages
        for row in page.rows
        if _margin(row, page)
    )
    for page in pages:
        kept = []
        for row in page.rows:
            text = row.text.strip()
            margin = _margin(row, page)
            if margin and (
                _PAGE_NUMBER.match(text)
                or (len(pages) > 1 and repeated[(_shape(row.text), round(row.top / 4))] > 1)
            ):
                if text not in dropped:
                    dropped.append(text)
                continue
            kept.append(row)
        page.rows = kept
    return dropped


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _margin(row: _Row, page: _Page) -> bool:
    """In the top or bottom eighth of the page, above or below every table."""
    tops = [t.top for t in page.tables]
    if row.bottom > page.height * 7 / 8:
        return not tops or row.bottom > max(tops)
    return row.top < page.height / 8


# --------------------------------------------------------------------------- paragraphs


def _lines(pages: list[_Page]) -> list[Line]:
    """Every page's paragraphs and table rows in reading order, as lines."""
    rows = [row for page in pages for row in page.rows]
    if not rows and not any(page.tables for page in pages):
        return []
    # The body's type: the size most Chinese characters are printed in (prose outweighs the
    # tables' labels in any report).
    weights = Counter(
        round(r.size) for r in rows for c in r.chars if ord(c.text) >= _CJK
    ) or Counter(round(r.size) for r in rows)
    body = weights.most_common(1)[0][0] if weights else 0
    left = _common([r.x0 for r in rows if round(r.size) == body])
    right = _common([r.x1 for r in rows if round(r.size) == body], high=True)
    out: list[Line] = []
    paragraph: list[_Row] = []

    def flush() -> None:
        if paragraph:
            text = _join([r.text for r in paragraph])
            out.append(Line(text, None, 0, len(out) + 1))
            paragraph.clear()

    for page in pages:
        items: list[tuple[float, _Row | _Table]] = [(r.top, r) for r in page.rows]
        items += [(t.top, t) for t in page.tables]
        items.sort(key=lambda item: -item[0])
        for _, item in items:
            if isinstance(item, _Table):
                flush()
                for cells in item.rows:
                    out.append(Line("\t".join(cells), cells, 0, len(out) + 1))
                continue
            if paragraph and not _continues(paragraph[-1], item, body, left, right):
                flush()
            paragraph.append(item)
    flush()
    return out


def _common(values: list[float], high: bool = False) -> float:
    """The left edge (or right edge) of body lines: the outermost that several lines share
    (a report of short paragraphs has more indented first lines than full ones)."""
    if not values:
        return 0.0
    rounded = Counter(round(v / 3) * 3 for v in values)
    usual = [v for v, n in rounded.items() if n >= max(2, len(values) // 10)] or list(rounded)
    return max(usual) if high else min(usual)


def _continues(before: _Row, row: _Row, body: float, left: float, right: float) -> bool:
    """Whether a printed line goes on with the paragraph of the line before it."""
    if abs(before.size - row.size) > 0.6:
        return False
    size = row.size
    if round(size) > body:  # a title over two lines: both in the same large type
        return row.page == before.page and before.bottom - row.top < size
    if row.page == before.page and before.bottom - row.top > size:
        return False
    if _ROW_END.search(before.text):  # a table row's numbers, not words that run on
        return False
    return before.x1 >= right - 2.5 * size and row.x0 <= left + 0.5 * size
