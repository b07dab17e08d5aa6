"""A table broken across pages: the header its next part repeats.

Word repeats a table's header rows on each page ("重复标题行"), offices split a long table
in two at a page break and copy the header above the second part, and a PDF prints the
header again at the top of each page. Read as rows, the repeated header sits in the middle
of the matrix, where its words (其他, 总计) would read as row labels. The readers drop the
leading rows of a continuation that repeat the header of the part before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMERIC = re.compile(r"^\s*[\d,.，]+\s*$")

Rows = Sequence[tuple[str, ...]]


def header(rows: Rows) -> list[tuple[str, ...]]:
    """A table's rows before its first row with a number: its header."""
    out = []
    for cells in rows:
        if any(numeric(cell) for cell in cells):
            break
        out.append(tuple(cells))
    return out


def repeated(before: Rows, rows: Rows) -> int:
    """How many leading rows of ``rows`` repeat a row of ``before``'s header.

    Rows are compared by their filled cells only: the two parts' grids may differ in
    columns (a part without sub-labels has fewer).
    """
    words = {filled(cells) for cells in header(before)}
    words.discard(())
    count = 0
    while count < len(rows) and filled(rows[count]) in words:
        count += 1
    return count


def filled(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(cell for cell in cells if cell)


def numeric(cell: str) -> bool:
    """A cell that holds a number (a count or a fee)."""
    return bool(_NUMERIC.match(cell))
