"""A table section's lines as one stream of cells: numbers, labels and leftover text.

Whatever the layout — tab or pipe rows, one cell per line, PDF lines with numbers separated
by blanks, labels and digits run together — the table readers see the same thing: a
:class:`Cell` per printed cell, labels already matched to the form's rows (tolerantly, via
:mod:`labels`), numbers not yet read. Row boundaries are often lost in published reports,
so the stream is what the readers work from; it is kept line by line all the same.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from govtui import form
from govtui.io.importers import labels
from govtui.io.importers.labels import Target
from govtui.io.importers.text import Line

Kind = Literal["value", "label", "text", "run"]

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# What reports print for "nothing" besides 0 and an empty cell.
_MARKERS = frozenset({"/", "-", "—", "——", "–", "\\"})
# A number with words after it: "22（其中修订 3 件）", "40 件".
_ANNOTATED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(?:件|条|个|项|万元)?\s*(?:\((.*)\))?$")
_FOOTER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?)\s*$"
)
_RULE = re.compile(r"^:?-{2,}:?$")
_DIGITS_OR_NOT = re.compile(r"\d+(?:\.\d+)?|[^\d]+")


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed cell.

    ``kind`` is "value" (a number, a "nothing" marker or an empty cell), "label" (names a
    row or a group of rows of the form: ``target``), "run" (digits run together with a
    label, to be split by the row-sum rule) or "text" (anything else: headers, fragments).
    """

    kind: Kind
    text: str = ""  # as printed; the digits for a run
    target: Target | None = None
    score: int = 0  # how surely the label names its target (see labels.score)
    number: str = ""  # the number to read ("" for an empty cell or a marker)
    marker: str = ""  # "/", "-", "—": printed instead of 0
    annotation: str = ""  # words printed after the number
    first: bool = False  # the first filled cell of its source line
    blank: bool = False  # an empty cell (a value cell with neither number nor marker)


# --------------------------------------------------------------------------- targets


def _targets(table: form.Table) -> tuple[Target, ...]:
    """The table's rows (in reading order) and its group and block labels."""
    headers = frozenset(labels.split_numbering(labels.norm(c.label))[1] for c in table.columns)
    rows = [labels.target(r.key, r.label, i, headers) for i, r in enumerate(table.rows)]
    groups = dict.fromkeys(p for r in table.rows for p in r.path)
    groups.update(dict.fromkeys(b.label for b in table.blocks))
    return (*rows, *(labels.target(g, g) for g in groups))


TARGETS: dict[str, tuple[Target, ...]] = {t.key: _targets(t) for t in form.TABLES}


@lru_cache(maxsize=16384)
def match(normed: str, table: str) -> tuple[Target, int] | None:
    """The target a whole cell names best, with its score, or None."""
    best: Target | None = None
    best_score, best_ratio = 0, 0.0
    for wanted in TARGETS[table]:
        score = labels.score(normed, wanted)
        if score == 0 or score < best_score:
            continue
        ratio = labels.similar(labels.split_numbering(normed)[1], wanted.body)
        if score > best_score or ratio > best_ratio:
            best, best_score, best_ratio = wanted, score, ratio
    return (best, best_score) if best is not None else None


@lru_cache(maxsize=4096)
def glued(normed: str, table: str) -> tuple[tuple[str, str | Target], ...]:
    """Labels found inside a longer text, with the digits and words between them.

    For text dumps where cells ran together: ``一、本年新收…数量530020560二、上年结转…``.
    A label's own numbering (``6.`` before ``属于四类过程性信息``) is cut from the digits.
    """
    found: list[tuple[int, int, Target]] = []
    for wanted in TARGETS[table]:
        for needle, cut in _needles(wanted):
            start = normed.find(needle)
            while start >= 0:
                found.append((start + cut, start + len(needle), wanted))
                start = normed.find(needle, start + 1)
        wrapped = _wrapped_start(normed, wanted)
        if wrapped is not None:
            found.append(wrapped)
    if not found:
        return ()
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    pieces: list[tuple[str, str | Target]] = []
    position = 0
    for start, stop, wanted in found:
        if start < position:
            continue
        before = _cut_numbering(normed[position:start], wanted.number)
        pieces.extend(_loose(before))
        pieces.append(("label", wanted))
        position = stop
    pieces.extend(_loose(normed[position:]))
    return tuple(pieces)


def _needles(wanted: Target) -> list[tuple[str, int]]:
    """What to look for: the body, or for a short or weak body (规章, 其他, 总计) its numbered
    forms only (``3.其他``, ``(七)总计``), which a header cannot contain by accident."""
    if len(wanted.body) >= 4 or (len(wanted.body) >= 2 and not wanted.weak and not wanted.number):
        return [(wanted.body, 0)]
    if not wanted.number:
        return []
    return [(prefix + wanted.body, len(prefix)) for prefix in _numbered(wanted.number)]


def _numbered(number: str) -> tuple[str, ...]:
    return (f"({number})", f"{number}、", f"{number}.", f"{number},")


_WRAP_MIN = 6


def _wrapped_start(normed: str, wanted: Target) -> tuple[int, int, Target] | None:
    """A label cut off at the end of the text by a line wrap (``…行政机关不再处理其政``)."""
    body = wanted.body
    if len(body) < 2 * _WRAP_MIN:
        return None
    start = normed.find(body[:_WRAP_MIN])
    if start < 0:
        return None
    tail = normed[start:]
    if len(tail) >= len(body) or not body.startswith(tail):
        return None
    return start, len(normed), wanted


def _cut_numbering(text: str, number: str) -> str:
    if not number:
        return text
    for form_ in _numbered(number):
        if text.endswith(form_):
            return text[: -len(form_)]
    return text


def _loose(text: str) -> list[tuple[str, str | Target]]:
    return [
        ("run" if part[0].isdigit() else "text", part)
        for part in _DIGITS_OR_NOT.findall(text)
        if part.strip()
    ]


# --------------------------------------------------------------------------- the stream


Row = tuple[Cell, ...]


def stream(lines: list[Line], table: str) -> tuple[list[Row], list[Line], list[str], list[int]]:
    """The cells of a table section, line by line; its prose lines; the page furniture left
    out; and the source line of each row of cells."""
    rows: list[Row] = []
    prose: list[Line] = []
    furniture: list[str] = []
    numbers: list[int] = []
    for line in lines:
        row = _row_of(line, table, prose, furniture)
        if row is not None:
            rows.append(row)
            numbers.append(line.number)
    return rows, prose, furniture, numbers


def _row_of(line: Line, table: str, prose: list[Line], furniture: list[str]) -> Row | None:
    """A line's cells, or None when it is blank, page furniture or prose (added to those)."""
    if line.cells is None:
        text = line.text.strip()
        if not text:
            return None
        if _FOOTER.match(text):
            furniture.append(text)
            return None
        if "。" in text:
            head, tail = _prose_then_table(text, table)
            prose.append(line if not tail else Line(head, None, 0, line.number))
            return tail or None
        return _plain_line(text, table)
    filled = [c for c in line.cells if c.strip()]
    if filled and all(_RULE.match(c.strip()) for c in filled):
        return None  # a Markdown table's |---| line
    if len(filled) == 1 and "。" in filled[0]:
        prose.append(line)
        return None
    return _cells_line(line.cells, table)


def _prose_then_table(text: str, table: str) -> tuple[str, Row]:
    """A paragraph that runs from a sentence into the table (``…情况如下。一、本年新收…12 3…``):
    the sentences, and the table's cells when what follows the last full stop names a row
    (its numbers may follow on the next lines); else the whole text and no cells."""
    end = text.rfind("。") + 1
    tail = text[end:].strip()
    if not tail:
        return text, ()
    cells = _plain_line(tail, table)
    if any(c.kind == "label" and c.score >= 2 for c in cells):
        return text[:end].strip(), cells
    return text, ()


@lru_cache(maxsize=8192)
def _plain_line(text: str, table: str) -> Row:
    return _classified(_split_on_blanks(text), table)


@lru_cache(maxsize=8192)
def _cells_line(cells: tuple[str, ...], table: str) -> Row:
    """A table row's cells classified; the same row recurs across reports (a row of zeros,
    a header line), so rows are cached."""
    raw: list[str] = []
    for cell in cells:
        raw.extend(_split_on_blanks(cell) if _spaced_numbers(cell) else [cell])
    return _classified(raw, table)


def _classified(raw: list[str], table: str) -> Row:
    out: list[Cell] = []
    first = True
    for text in raw:
        found = classify(text, table, first)
        if first and any(not c.blank for c in found):
            first = False
        out.extend(found)
    return tuple(out)


def _value_token(token: str) -> bool:
    plain = unicodedata.normalize("NFKC", token)
    return bool(_NUMBER.match(plain) or _ANNOTATED.match(plain)) or plain in _MARKERS


# A number with its annotation is one token, blanks inside the brackets notwithstanding; a
# bracketed numeral after a number is the next label's numbering (``6 (二)部分公开``).
_TOKEN = re.compile(r"\d[\d,，.]*\s*[（(](?![一二三四五六七八九十]{1,2}[)）])[^（）()]*[)）]|\S+")


def _spaced_numbers(cell: str) -> bool:
    if len(cell.split(maxsplit=1)) < 2:
        return False
    tokens = _TOKEN.findall(cell)
    return len(tokens) > 1 and any(_value_token(t) for t in tokens)


def _split_on_blanks(text: str) -> list[str]:
    """A PDF line ``一、本年新收… 120 3 0 0 1 0 124``: words joined, each number a cell."""
    out: list[str] = []
    words: list[str] = []
    for token in _TOKEN.findall(text):
        if _value_token(token):
            if words:
                out.append(" ".join(words))
                words = []
            out.append(token)
        else:
            words.append(token)
    if words:
        out.append(" ".join(words))
    return out


def classify(text: str, table: str, first: bool = False) -> list[Cell]:
    """What one printed cell is: a value, a label, text, or labels glued to digits.

    ``first`` marks the first filled cell of its line (see :func:`rows.segments`).
    """
    stripped = text.strip()
    if stripped.isascii() and stripped.isdigit():  # the common case, fast
        return [Cell("value", stripped, number=stripped, first=first)]
    plain = unicodedata.normalize("NFKC", stripped).strip()
    if not plain:
        return [Cell("value", stripped, blank=True)]
    if plain in _MARKERS:
        return [Cell("value", stripped, marker=stripped, first=first)]
    if _NUMBER.match(plain):
        return [Cell("value", stripped, number=plain, first=first)]
    annotated = _ANNOTATED.match(plain)
    if annotated:
        note = stripped if annotated.group(2) else ""
        return [Cell("value", stripped, number=annotated.group(1), annotation=note, first=first)]
    return [replace_first(c, first and i == 0) for i, c in enumerate(_words(stripped, table))]


def replace_first(cell: Cell, first: bool) -> Cell:
    if not first:
        return cell
    return Cell(cell.kind, cell.text, cell.target, cell.score, cell.number, first=True)


def _words(stripped: str, table: str) -> list[Cell]:
    normed = labels.norm(stripped)
    whole = match(normed, table)
    if whole and whole[1] == 3:
        return [Cell("label", stripped, target=whole[0], score=3)]
    pieces = glued(normed, table)
    several = sum(1 for kind, _ in pieces if kind != "text") > 1
    if whole and not several:
        return [Cell("label", stripped, target=whole[0], score=whole[1])]
    if not pieces:
        return [Cell("text", stripped)]
    out = []
    for kind, item in pieces:
        if isinstance(item, Target):
            out.append(Cell("label", item.body, target=item, score=3))
        elif kind == "run":
            out.append(Cell("run", item, number=item))
        else:
            out.append(Cell("text", item))
    return out
