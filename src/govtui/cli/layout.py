"""Laying out text for a terminal: CJK characters take two columns, lines fold by columns.

The command-line output is read in 80-column SSH sessions; Python's ``len`` counts a Chinese
character as one, a terminal as two. Everything here counts terminal columns.
"""

from __future__ import annotations

from collections.abc import Iterable

from govtui.cli.common import paint
from govtui.linebreak import NO_LINE_END as _NO_LINE_END
from govtui.linebreak import NO_LINE_START as _NO_LINE_START
from govtui.linebreak import char_width, width

Segment = tuple[str, str]  # (text, ANSI style code or "")


def ljust(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def fold(
    segments: Iterable[Segment], columns: int, indent: str = "", hanging: str | None = None
) -> list[str]:
    """Styled text folded to ``columns``; each line starts with ``indent`` (then ``hanging``).

    Styles are applied per line, so a colour never bleeds into the next line or the margin.
    """
    hanging = indent if hanging is None else hanging
    chars = [(c, style) for text, style in segments for c in text]
    lines: list[list[Segment]] = []
    line: list[Segment] = []
    used = width(indent)
    for char, style in chars:
        w = char_width(char)
        if used + w > columns and line:
            cut = _break_before(line, char)
            carry = line[cut:]
            lines.append(line[:cut])
            line = carry
            used = width(hanging) + sum(char_width(c) for c, _ in carry)
        line.append((char, style))
        used += w
    if line or not lines:
        lines.append(line)
    out = []
    for number, chars_of_line in enumerate(lines):
        margin = indent if number == 0 else hanging
        out.append(margin + _render(chars_of_line))
    return out


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._")


def _break_before(line: list[Segment], char: str) -> int:
    """Where to end ``line`` when ``char`` no longer fits: not before punctuation that closes,
    not after punctuation that opens, not inside a number or an ASCII word. A line that could
    keep nothing by these rules is cut where it is full."""
    cut = len(line)
    if char in _NO_LINE_START:
        cut -= 1
    elif _is_word(char):
        while cut > 0 and _is_word(line[cut - 1][0]):
            cut -= 1
    while cut > 0 and line[cut - 1][0] in _NO_LINE_END:
        cut -= 1
    return cut if cut > 0 else len(line)


def _render(chars: list[Segment]) -> str:
    parts: list[str] = []
    run, style = "", ""
    for char, char_style in chars:
        if char_style != style and run:
            parts.append(paint(run, style) if style else run)
            run = ""
        style = char_style
        run += char
    if run:
        parts.append(paint(run, style) if style else run)
    return "".join(parts)
