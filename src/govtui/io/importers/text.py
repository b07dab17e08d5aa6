"""Text and Markdown reports as a stream of :class:`Line`: what every reader hands on.

A line is a paragraph of prose or a row of a table. Text layouts mark table rows with tabs
(a copy from a Word or web table) or pipes (``a | b``, GFM tables, one cell per line ending
in `` |``); a line with neither is plain text, which the table reader may still split on
blanks (PDF extractions). ATX headings (``## 三、…``) keep their level so that a Markdown
report's headings, and only they, divide it.

Markdown written by govtui escapes its prose reversibly (see :mod:`govtui.io.markdown`):
:func:`unescape` undoes that, so that importing an export gives back the very same text.
govtui's HTML and Word exports keep each prose line whole (one ``<p>`` or Word paragraph per
line, blanks and all): their readers hand such lines on as ``verbatim`` and say the report's
:class:`Identity`, which the page's ``<meta>`` or the document's properties state.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_CHINESE_CODECS = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80"}


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph or table row, in reading order.

    ``text`` is the line as printed (cells joined by a tab); ``cells`` is set when the source
    marked cells; ``level`` is the heading level when the source marked a heading (``#``,
    ``<h2>``, Word's "Heading 2"); ``number`` is the line's place in the source, for notes.
    ``verbatim`` marks a line of a prose field exactly as typed, from a source that keeps
    every character (govtui's HTML and Word exports): it is taken whole, even when empty or
    edged with blanks, and is never page furniture.
    """

    text: str
    cells: tuple[str, ...] | None = None
    level: int = 0
    number: int = 0
    verbatim: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Identity:
    """What a govtui export states beside its text: the agency, the year and the title as
    written (the page may show the title with its blanks collapsed)."""

    agency: str
    year: int
    title: str = ""


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, declared: str = "") -> tuple[str, str]:
    """Bytes to text and a note ("" when nothing had to be guessed).

    A BOM decides; then a declared charset (HTML ``<meta>``); then UTF-8; then GB18030,
    which reads GBK and GB2312 files, the usual encodings of Chinese government pages.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), ""
    if declared.lower() in _CHINESE_CODECS:
        return data.decode("gb18030", errors="replace"), ""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3:  # UTF-8 cut off in the middle of its last character
            return data.decode("utf-8", errors="replace"), "文件末尾不完整（最后一个字被截断）"
    try:
        return data.decode("gb18030"), "文件不是 UTF-8 编码，已按 GBK（GB18030）读入"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return text, "文件中有无法识别的字节，已替换为 �"


def declared_charset(data: bytes) -> str:
    """The charset an HTML page declares in its first few KB, or ""."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else ""


# --------------------------------------------------------------------------- lines


def lines_of(text: str) -> list[Line]:
    """Split a text or Markdown report into lines with their cells and heading levels."""
    out: list[Line] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        heading = _ATX.match(raw)
        if heading:
            out.append(Line(heading.group(2) or "", None, len(heading.group(1)), number))
        else:
            out.append(Line(raw, cells_of(raw), 0, number))
    return out


def cells_of(raw: str) -> tuple[str, ...] | None:
    """The cells of a table line, or None for a line of plain text.

    Tabs separate cells as copied from Word or a web page. Pipes separate them as written by
    Markdown and by sites that flatten a table with " | "; a leading and a trailing pipe are
    borders, so ``7 |`` is one cell and a lone ``|`` an empty one.
    """
    if "\t" in raw.strip(" "):
        return tuple(cell.strip() for cell in raw.split("\t"))
    if "|" not in raw or not _UNESCAPED_PIPE.search(raw):
        return None
    body = raw.strip()
    parts = _UNESCAPED_PIPE.split(body)
    if body.startswith("|"):
        parts = parts[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        parts = parts[:-1]
    return tuple(part.strip().replace("\\|", "|") for part in parts) or ("",)


# --------------------------------------------------------------------------- Markdown prose

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_EDGE_ENTITY = re.compile(r"&#(\d{1,7});")
_TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|&#\d{1,7};|.", re.S)
EMPTY_LINE = "<br>"


def _blank(entity: str) -> str:
    code = int(entity[2:-1])
    return chr(code) if code <= 0x10FFFF else entity


def unescape(line: str) -> str:
    """The prose line a Markdown line shows: backslash escapes and edge blanks undone.

    References such as ``&#32;`` stand for blanks only at the two ends of the line (where
    Markdown would drop a real one); inside, ``&`` is always escaped, so they never occur there.
    """
    if "\\" not in line and "&#" not in line:
        return line
    tokens = _TOKEN.findall(line)
    start, end = 0, len(tokens)
    while start < end and _EDGE_ENTITY.fullmatch(tokens[start]):
        start += 1
    while end > start and _EDGE_ENTITY.fullmatch(tokens[end - 1]):
        end -= 1
    lead = "".join(_blank(t) for t in tokens[:start])
    trail = "".join(_blank(t) for t in tokens[end:])
    body = "".join(t[1] if len(t) == 2 and t[0] == "\\" else t for t in tokens[start:end])
    return lead + body + trail


def markdown_paragraphs(lines: list[Line]) -> list[str]:
    """A field's lines as Markdown paragraphs, one per line (the export's reversible layout).

    Each non-blank line is a paragraph; ``<br>`` is an empty line; a run of k+1 blank lines
    between two paragraphs stands for k empty lines of the field.
    """
    out: list[str] = []
    blanks = 0
    for line in lines:
        raw = line.text
        if not raw.strip(" \t"):
            blanks += 1
            continue
        if out and blanks > 1:
            out.extend([""] * (blanks - 1))
        blanks = 0
        stripped = raw.strip(" \t")
        out.append("" if stripped == EMPTY_LINE else unescape(stripped))
    return out


def plain_paragraphs(lines: list[Line]) -> list[str]:
    """A field's lines as paragraphs of pasted text: one per non-blank line, edges trimmed;
    a verbatim line is the field's line as it is, empty or not."""
    out = []
    for line in lines:
        if line.verbatim:
            out.append(line.text)
        elif line.blank:
            continue
        elif line.cells and len(line.cells) > 1:
            out.append(" ".join(cell.strip() for cell in line.cells if cell.strip()))
        else:
            out.append(line.text.strip())
    return out
