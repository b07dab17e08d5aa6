"""Web pages (``.html``/``.htm``) as lines: paragraphs, headings and table rows.

Agency sites publish the report as a page built by a CMS or saved from Word: headings are
often ``<p><strong>``, cells carry ``&nbsp;`` and Word's ``<o:p></o:p>``, a label is split
over several ``<span>``\\ s, merged cells use ``rowspan``/``colspan``, and the whole page may
sit in layout tables. The page is parsed with the standard library's tolerant
:mod:`html.parser` into a small tree; a table that holds no other table is a grid whose
merged cells are expanded (the text at the first position, the rest empty, as
:mod:`.docx` does too), and every other element contributes its text as paragraphs.

govtui's own page (:mod:`govtui.io.html`) is read the same way, with two additions that make
it come back exactly: each ``<p>`` of a ``data-field`` block is one line of that prose field,
taken verbatim (its blanks are kept, as ``white-space: pre-wrap`` shows them, and
``<p><br></p>`` is an empty line), and the ``govtui-*`` ``<meta>`` say the agency, year and
title (:func:`identity`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from govtui import form
from govtui.errors import LoadError, Problem
from govtui.io.importers import limits
from govtui.io.importers.text import Identity, Line

_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "source", "param"}
)
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "select", "button"})
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote",
        "center", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset", "figure", "figcaption", "address",
        "tbody", "thead", "tfoot", "body", "html",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Starting one of these closes an open element of the listed kinds (HTML's implied end tags).
_CLOSES = {
    "p": {"p"},
    "li": {"li", "p"},
    "tr": {"tr", "td", "th", "p"},
    "td": {"td", "th", "p"},
    "th": {"td", "th", "p"},
    "tbody": {"tbody", "thead", "tfoot", "tr", "td", "th", "p"},
    "thead": {"tbody", "thead", "tfoot", "tr", "td", "th", "p"},
    "tfoot": {"tbody", "thead", "tfoot", "tr", "td", "th", "p"},
}
_BARRIERS = frozenset({"table", "body", "html"})
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0\u200b]+")
_WIDE = 0x2E80  # CJK and full-width forms start here
_MAX_SPAN = limits.MAX_SPAN  # a rowspan or colspan beyond this is junk, not a report table


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed ``<p>``/``<td>``/``<tr>`` close themselves, stray ends are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]
        self.skipping = 0
        self.too_deep = 0  # the source line where nesting first passed the limit

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in _SKIP:
                self.skipping += 1
            return
        if tag in _SKIP:
            self.skipping = 1
            return
        for name in _CLOSES.get(tag, ()):
            self._close(name, quietly=True)
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            if len(self.stack) >= limits.MAX_DEPTH and not self.too_deep:
                self.too_deep = self.getpos()[0]
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping:
            self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in _SKIP:
                self.skipping -= 1
            return
        self._close(tag, quietly=False)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.stack[-1].children.append(data)

    def _close(self, tag: str, *, quietly: bool) -> None:
        """Pop to the innermost open ``tag``, but never out of the enclosing table."""
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.stack[depth].tag
            if name == tag:
                del self.stack[depth:]
                return
            if name in _BARRIERS and (quietly or tag not in _BARRIERS):
                return


# Inline tags carry no structure, and Word's pages are mostly inline tags with long style
# attributes: removing them with one regular expression before parsing, and the styling
# attributes of the rest, makes the parser's work several times smaller.
_INLINE = re.compile(
    r"</?(?:span|font|o:p|b|strong|i|em|u|a|sup|sub|small|big|abbr|ins|del|st1:[a-z]+|w:[a-z]+)"
    r"(?:\s[^<>]*)?>",
    re.I,
)
# Only inside a tag (the lookahead finds its ``>`` before any ``<``): a paragraph that says
# ``width=3`` keeps it.
_STYLING = re.compile(
    r"""\s(?:style|class|lang|width|height|valign|align|border|cellspacing|cellpadding|bgcolor|"""
    r"""nowrap|face|size|color|id|x:[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>]+)(?=[^<>]*>)""",
    re.I,
)
_META = re.compile(r"""<meta\s+name="govtui-(agency|year|title)"\s+content="([^"]*)"\s*/?>""")
_FIELDS = frozenset(f.key for f in form.PROSE_FIELDS)


def identity(page: str) -> Identity | None:
    """The agency, year and title govtui's page states in its ``<meta>``; None on other pages."""
    stated = {name: html.unescape(value) for name, value in _META.findall(page)}
    year = stated.get("year", "")
    if not stated.get("agency") or not (year.isascii() and year.isdigit() and len(year) == 4):
        return None
    return Identity(stated["agency"], int(year), stated.get("title", ""))


def lines_of(page: str, path: Path | None = None) -> list[Line]:
    """The page's paragraphs, headings and table rows, in reading order; :class:`LoadError`
    for a page nested deeper than any report (its text would be lost or cost too much)."""
    builder = _TreeBuilder()
    builder.feed(_STYLING.sub("", _INLINE.sub("", page)))
    builder.close()
    if builder.too_deep:
        raise LoadError(
            path,
            [
                Problem(
                    f"网页的元素嵌套超过 {limits.MAX_DEPTH} 层，不像是一份年度报告，未读取",
                    line=builder.too_deep,
                )
            ],
        )
    walker = _Walker()
    try:
        walker.walk(builder.root)
    except LoadError as error:
        raise LoadError(path, error.problems) from None
    walker.flush()
    return walker.lines


class _Walker:
    """Collects text into lines: a block element or ``<br>`` ends a line."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.level = 0

    def flush(self) -> None:
        text = collapse("".join(self.buffer))
        self.buffer = []
        if text:
            self.lines.append(Line(text, None, self.level, len(self.lines) + 1))

    def walk(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.buffer.append(child)
                continue
            if child.tag == "br":
                self.flush()
                continue
            if child.attrs.get("data-field") in _FIELDS:
                self.flush()
                for paragraph in _descendants(child, "p"):
                    number = len(self.lines) + 1
                    self.lines.append(Line(_verbatim(paragraph), number=number, verbatim=True))
                continue
            if child.tag == "table" and not _contains(child, "table"):
                self.flush()
                for cells in grid(child):
                    self.lines.append(Line("\t".join(cells), tuple(cells), 0, len(self.lines) + 1))
                continue
            block = child.tag in _BLOCK
            if block:
                self.flush()
            level = _HEADINGS.get(child.tag)
            if level:
                self.level = level
            self.walk(child)
            if block:
                self.flush()
            if level:
                self.level = 0


def _verbatim(paragraph: _Node) -> str:
    """A paragraph's text as written: blanks kept, ``<br>`` a line break (the one that ends
    the paragraph, or makes ``<p><br></p>`` an empty line, shows none)."""
    parts: list[str] = []

    def collect(node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            else:
                collect(child)

    collect(paragraph)
    text = "".join(parts)
    return text[:-1] if text.endswith("\n") else text


def _contains(node: _Node, tag: str) -> bool:
    return any(
        isinstance(child, _Node) and (child.tag == tag or _contains(child, tag))
        for child in node.children
    )


# --------------------------------------------------------------------------- tables


def grid(table: _Node) -> list[list[str]]:
    """A table's rows as a grid: a merged cell's text at its first position, the positions
    it also covers empty (so a value spanning three columns is not read three times)."""
    rows = [row for row in _descendants(table, "tr")]
    taken: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in (n for n in row.children if isinstance(n, _Node) and n.tag in ("td", "th")):
            while (r, c) in taken:
                c += 1
            text = cell_text(cell)
            down = _span(cell.attrs.get("rowspan"))
            across = _span(cell.attrs.get("colspan"))
            if len(taken) + down * across > limits.MAX_TABLE_CELLS:
                raise limits.cells_error(None, len(taken) + down * across)
            for dr in range(down):
                for dc in range(across):
                    taken.setdefault((r + dr, c + dc), "" if dr or dc else text)
            c += across
            width = max(width, c)
    return [
        [taken.get((r, c), "") for c in range(width)]
        for r in range(len(rows))
        if any((r, c) in taken for c in range(width))
    ]


def _descendants(node: _Node, tag: str) -> list[_Node]:
    """``tag`` elements under ``node`` (through tbody/thead), not inside a nested table."""
    found: list[_Node] = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                found.append(child)
            elif child.tag != "table":
                found.extend(_descendants(child, tag))
    return found


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int((value or "1").strip())))
    except ValueError:
        return 1


def cell_text(node: _Node) -> str:
    """A cell's text on one line: paragraphs and ``<br>`` inside it become spaces."""
    parts: list[str] = []

    def collect(current: _Node) -> None:
        for child in current.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br" or child.tag in _BLOCK:
                parts.append(" ")
                collect(child)
                parts.append(" ")
            else:
                collect(child)

    collect(node)
    return collapse("".join(parts))


def collapse(text: str) -> str:
    """HTML's white space: runs become one space, and a line break between two Chinese
    characters disappears (Word's HTML wraps long paragraphs in the middle of words)."""

    def one(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        inside = start > 0 and end < len(text) and "\n" in match.group()
        if inside and ord(text[start - 1]) >= _WIDE and ord(text[end]) >= _WIDE:
            return ""
        return " "

    return _SPACES.sub(one, text).strip()
