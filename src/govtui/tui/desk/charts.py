"""Bar charts in the terminal, for the desk's summary: text, so they work over SSH.

Only the full block and the left half block are used: the Linux console (TERM=linux) shows
them, where the eighth blocks and braille patterns that finer charts use are missing from its
font. A bar's length is rounded to half a cell; a value above 0 always shows at least half.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

from govtui.tui.widgets.grid_layout import fit_text

FULL, HALF = "█", "▌"


def bar(value: float, most: float, width: int) -> str:
    if most <= 0 or value <= 0:
        return ""
    halves = max(1, round(2 * width * value / most))
    return FULL * (halves // 2) + HALF * (halves % 2)


def bars(rows: Sequence[tuple[str, float, str, str]], width: int, label: int = 0) -> Content:
    """One line a row ``(label, value, value as text, style)``: the label, a bar, the text.
    ``label`` cells for the labels (0: the widest label, up to a third of ``width``)."""
    if not rows:
        return Content("没有可显示的数据。")
    label = label or min(max(cell_len(row[0]) for row in rows), max(8, width // 3))
    shown = max(cell_len(row[2]) for row in rows)
    room = max(4, width - label - shown - 3)
    most = max(row[1] for row in rows)
    lines = [
        Content.assemble(fit_text(name, label) + " ", (bar(value, most, room), style), " " + text)
        for name, value, text, style in rows
    ]
    return Content("\n").join(lines)


def stacked(
    rows: Sequence[tuple[str, Sequence[int]]],
    legend: Sequence[tuple[str, str]],
    width: int,
    label: int = 0,
) -> Content:
    """A bar a row split into parts (each part's share of the row's whole), then a legend of
    ``(name, style)``. Parts are rounded to whole cells; a part above 0 takes at least one."""
    if not rows:
        return Content("没有可显示的数据。")
    label = label or min(max(cell_len(name) for name, _ in rows), max(8, width // 3))
    room = max(len(legend), width - label - 8)
    lines = []
    for name, parts in rows:
        whole = sum(parts)
        pieces: list[str | tuple[str, str]] = [fit_text(name, label) + " "]
        if whole:
            cells = [max(1, round(room * p / whole)) if p else 0 for p in parts]
            for count, (_, style) in zip(cells, legend, strict=True):
                pieces.append((FULL * count, style))
        pieces.append(f" {whole}")
        lines.append(Content.assemble(*pieces))
    key = Content("  ").join(Content.assemble((FULL, style), " " + name) for name, style in legend)
    return Content("\n").join([*lines, key])
