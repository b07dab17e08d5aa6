"""Where Chinese text may break into lines: anywhere between characters, except before
punctuation that closes (避头点), after punctuation that opens (避尾点) and inside a number or
an ASCII word. Widths count terminal cells (a Chinese character takes two).

Used by the command line (``cli/layout.py``) and the editor (headers of the grids, the list on
校验), so that both break text the same way.
"""

from __future__ import annotations

import unicodedata

# Punctuation that must not start a line: it stays at the end of the previous one.
NO_LINE_START = frozenset("，。、；：？！）》」』”’…%")
# Punctuation that must not end a line: it goes down with what it opens.
NO_LINE_END = frozenset("（《「『“‘")


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def width(text: str) -> int:
    """The cells ``text`` takes in a terminal."""
    return sum(char_width(c) for c in text)


def _word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "._,")


def units(text: str) -> list[str]:
    """``text`` cut into the pieces a line may not break inside."""
    out: list[str] = []
    for char in text:
        if out and (
            out[-1][-1] in NO_LINE_END
            or char in NO_LINE_START
            or (_word(char) and _word(out[-1][-1]))
        ):
            out[-1] += char
        else:
            out.append(char)
    return out


def fold(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` cells, broken only where it may be (a piece
    wider than a whole line is cut where the line is full). Blanks at a break are dropped."""
    if columns <= 0:
        return [text]
    lines: list[str] = []
    line = ""
    for unit in units(text):
        if line and width(line) + width(unit) > columns:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
        while width(line) > columns:
            cut, used = 0, 0
            for cut, char in enumerate(line):  # noqa: B007
                used += char_width(char)
                if used > columns:
                    break
            lines.append(line[: max(1, cut)])
            line = line[max(1, cut) :]
    if line or not lines:
        lines.append(line)
    return lines


def fold_evenly(text: str, columns: int) -> list[str]:
    """As :func:`fold`, with lines as even as the same number of lines allows (商业/企业, not
    商业企/业): for the narrow headers of a table."""
    lines = fold(text, columns)
    target = columns
    while target > 1:
        narrower = fold(text, target - 1)
        if len(narrower) > len(lines):
            break
        target -= 1
        lines = narrower
    return lines
