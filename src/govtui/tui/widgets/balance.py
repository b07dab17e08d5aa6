"""The balance line under the matrix: per column, 一＋二 against （七）总计＋四, and the verdict.

The figures are the model's (``Report.column_values`` through the session) and the verdict is
the rule engine's: a column shows its difference exactly when the ``balance`` rule reported it,
and ✓ otherwise. Nothing here decides whether a column balances.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from govtui import form
from govtui.tui.session import ColumnBalance
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.grid_layout import fit_text

OK = "✓"  # U+2713 has East Asian width N: one cell everywhere


def side_labels() -> tuple[str, str, str]:
    """「一＋二」「（七）总计＋四」「差额」, spelled from the form's own row labels."""
    table = form.REQUESTS
    left = "＋".join(table.row(k).label.partition("、")[0] for k in form.BALANCE_LEFT)
    total, carried = (table.row(k) for k in form.BALANCE_RIGHT)
    right = f"{total.label}＋{carried.label.partition('、')[0]}"
    return left, right, "差额"


def verdict(entry: ColumnBalance) -> str:
    return OK if entry.difference is None else f"{entry.difference:+d}"


class Balance(Widget):
    """Three lines aligned with the grid's columns above it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"balance--label", "balance--ok", "balance--bad"}

    DEFAULT_CSS = """
    Balance {
        height: 3;
        & > .balance--label { text-style: bold; }
        & > .balance--ok { color: $text-success; }
        & > .balance--bad { color: $text-error; text-style: bold reverse; }
    }
    """

    def __init__(self, grid: Grid, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid = grid
        self.entries: Sequence[ColumnBalance] = ()

    def show(self, entries: Sequence[ColumnBalance]) -> None:
        self.entries = entries
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y > 2 or not self.entries:
            return Strip.blank(width, base)
        geometry = self.grid.geometry
        label_style = base + self.get_component_rich_style("balance--label")
        good = base + self.get_component_rich_style("balance--ok")
        bad = base + self.get_component_rich_style("balance--bad")
        label = side_labels()[y]
        segments = [Segment(fit_text(label, geometry.label_width - 1) + " ", label_style)]
        inner = geometry.slot_width - 1
        for entry in self.entries:
            text = (entry.left, entry.right, verdict(entry))[y]
            style = base if entry.difference is None else bad
            if y == 2:
                style = good if entry.difference is None else bad
            segments.append(Segment(f"{text:>{inner}} ", style))
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        self.refresh()
