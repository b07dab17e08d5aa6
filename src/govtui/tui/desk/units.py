"""The desk's table of units: one Line-API widget, like the matrix grid.

Thousands of units must move and sort without lag over SSH, so one widget draws only the rows
on screen (``render_line``) from a list of plain :class:`Row` tuples computed once per board;
sorting and filtering reorder that list, never widgets. The table owns its keys (moving,
sorting, filtering) and posts :class:`UnitsTable.Chosen` when Enter picks a unit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from govtui.desk import indicators
from govtui.desk.board import UnitView
from govtui.desk.status import STATUS_LABEL
from govtui.io.roster import Roster
from govtui.tui.widgets.grid_layout import fit_text

COPIED_RULES = ("copied_text", "copied_from_unit")
# Before the reports are read, the roster's units are listed as being read.
READING = "reading"
STATUS_TEXT = {**STATUS_LABEL, READING: "读取中"}


class Row(NamedTuple):
    """What the table shows of a unit, and the values it sorts by."""

    name: str
    status: str
    late: bool
    errors: int
    warnings: int
    copied: int | None  # the largest copied share in percent, from the copying findings
    received: int | None
    rate: float | None
    change: float | None  # percentage points
    due: str
    changed: bool  # the file changed since the table was drawn

    @property
    def problem(self) -> bool:
        return self.status not in ("clean", "approved", READING) or self.late


def waiting(name: str, due: str) -> Row:
    """A unit of the roster whose report is still being read."""
    return Row(name, READING, False, 0, 0, None, None, None, None, due, False)


def waiting_rows(roster: Roster) -> list[Row]:
    """The roster's units, each being read: the table before the reports are."""
    return [waiting(u.name, (d.isoformat() if (d := roster.due(u)) else "")) for u in roster.units]


def row_of(view: UnitView, changed: bool = False) -> Row:
    shares = [
        int(str(r.finding.actual).rstrip("%"))
        for r in view.findings
        if r.finding.rule in COPIED_RULES and str(r.finding.actual).rstrip("%").isdigit()
    ]
    rate = view.indicators.get("disclosure_rate")
    before = view.previous_indicators.get("disclosure_rate")
    found = indicators.change("disclosure_rate", rate, before)
    received = view.indicators.get("received")
    return Row(
        view.name,
        view.status,
        view.late,
        view.errors,
        view.warnings,
        max(shares) if shares else None,
        int(received) if received is not None else None,
        float(rate) if rate is not None else None,
        found.difference if found else None,
        view.due.isoformat() if view.due else "",
        changed,
    )


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    text: Callable[[Row], str]
    key: Callable[[Row], Any]
    right: bool = False


def _number(value: float | int | None, fmt: str = "{}") -> str:
    return "—" if value is None else fmt.format(value)


# Sorting puts unknown values (None) last in both directions.
COLUMNS: tuple[Column, ...] = (
    Column("单位", 24, lambda r: ("*" if r.changed else "") + r.name, lambda r: r.name),
    Column(
        "状态",
        12,
        lambda r: STATUS_TEXT[r.status] + ("!" if r.late else ""),
        lambda r: list(STATUS_TEXT).index(r.status),
    ),
    Column("错误", 4, lambda r: str(r.errors), lambda r: r.errors, right=True),
    Column("警告", 4, lambda r: str(r.warnings), lambda r: r.warnings, right=True),
    Column("雷同", 5, lambda r: _number(r.copied, "{}%"), lambda r: r.copied, right=True),
    Column("新收", 6, lambda r: _number(r.received), lambda r: r.received, right=True),
    Column(
        "公开率",
        7,
        lambda r: _number(None if r.rate is None else r.rate * 100, "{:.1f}%"),
        lambda r: r.rate,
        right=True,
    ),
    Column("同比", 7, lambda r: _number(r.change, "{:+.1f}"), lambda r: r.change, right=True),
    Column("报送期限", 10, lambda r: r.due, lambda r: r.due or None),
)

STATUS_STYLE = {
    "missing": "dim",
    "overdue": "bold magenta",
    "unreadable": "magenta",
    "errors": "bold red",
    "warnings": "yellow",
    "clean": "green",
    "returned": "bold yellow",
    "approved": "bold blue",
    READING: "dim italic",
}


class UnitsTable(ScrollView, can_focus=True):
    """Every unit of the collection, one line each, sortable, filterable, searchable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("enter", "choose", "查看问题"),
        Binding("s", "sort", "排序"),
        Binding("f", "filter", "只看有问题的"),
        Binding("slash", "search", "搜索", key_display="/"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"units--header", "units--cursor"}

    DEFAULT_CSS = """
    UnitsTable {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .units--header { text-style: bold; background: $boost; }
        & > .units--cursor { background: $accent 40%; text-style: bold; }
        &:focus > .units--cursor { background: $accent; color: $text; }
    }
    """

    class Chosen(Message):
        """Enter on a unit."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Moved(Message):
        """The cursor is on another unit (or the order changed): the status line follows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_rows: list[Row] = []
        self.rows: list[Row] = []
        self.cursor = 0
        self.sort_column = 0
        self.descending = False
        self.problems_only = False
        self.search = ""
        self.searching = False  # "/" pressed: typed characters go to the search

    # ------------------------------------------------------------------ data

    def show(self, rows: Sequence[Row]) -> None:
        """New rows (a rebuilt board); the cursor stays on the unit it was on."""
        current = self.current
        self.all_rows = list(rows)
        self._arrange(current.name if current else None)

    def fill(self, rows: Sequence[Row]) -> None:
        """Units whose reports were just read, each in place of its row (the cursor stays)."""
        new = {r.name: r for r in rows}
        self.all_rows = [new.get(r.name, r) for r in self.all_rows]
        self._arrange(self.current.name if self.current else None)

    def get_row(self, name: str) -> Row:
        """The row of unit ``name``, shown or not."""
        return next(r for r in self.all_rows if r.name == name)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows else None

    def _arrange(self, keep: str | None = None) -> None:
        column = COLUMNS[self.sort_column]
        rows = [r for r in self.all_rows if self._wanted(r)]
        known = [r for r in rows if column.key(r) is not None]
        unknown = [r for r in rows if column.key(r) is None]
        known.sort(key=column.key, reverse=self.descending)
        self.rows = known + unknown
        names = [r.name for r in self.rows]
        self.cursor = names.index(keep) if keep in names else min(self.cursor, len(names) - 1)
        self.cursor = max(self.cursor, 0)
        self.virtual_size = Size(self._width(), len(self.rows) + 1)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved())

    def _wanted(self, row: Row) -> bool:
        if self.problems_only and not row.problem:
            return False
        return not self.search or self.search in row.name

    def set_search(self, text: str) -> None:
        self.search = text.strip()
        self._arrange(self.current.name if self.current else None)

    def action_search(self) -> None:
        """Search by name as you type: no field takes the focus, so keys typed right after
        "/" (a burst over SSH) reach the search in order. Enter keeps it, Esc clears it."""
        self.searching = True
        self.search = ""
        self._arrange(self.current.name if self.current else None)

    async def _on_key(self, event: events.Key) -> None:
        if not self.searching and event.key == "slash":
            # Here, not through the binding (which only shows "/" in the footer): a binding is
            # resolved after the keys typed right after it (Textual issue #6605), which would
            # then miss the search, and an Enter among them would open the unit.
            event.stop()
            event.prevent_default()
            self.action_search()
            return
        if not self.searching:
            await super()._on_key(event)
            return
        if event.key in ("enter", "escape"):
            self.searching = False
            if event.key == "escape":
                self.search = ""
        elif event.key == "backspace":
            self.search = self.search[:-1]
        elif event.is_printable and event.character:
            self.search += event.character
        else:
            return  # arrows and the rest work as ever
        event.stop()
        event.prevent_default()
        self._arrange(self.current.name if self.current else None)

    def go_to(self, name: str) -> None:
        names = [r.name for r in self.rows]
        if name in names:
            self.cursor = names.index(name)
            self._scroll_to_cursor()
            self.refresh()
            self.post_message(self.Moved())

    # ------------------------------------------------------------------ keys

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))
            self._scroll_to_cursor()
            self.refresh()
            self.post_message(self.Moved())

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height - 2))

    def action_edge(self, direction: int) -> None:
        self.action_move(direction * len(self.rows))

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current.name))

    def action_sort(self) -> None:
        """Next column; after the last, the same columns the other way round."""
        self.sort_column += 1
        if self.sort_column == len(COLUMNS):
            self.sort_column = 0
            self.descending = not self.descending
        self._arrange(self.current.name if self.current else None)

    def action_filter(self) -> None:
        self.problems_only = not self.problems_only
        self._arrange(self.current.name if self.current else None)

    @property
    def order(self) -> str:
        """How the table is sorted and filtered, in words, for the status line."""
        column = COLUMNS[self.sort_column]
        words = f"按{column.title}{'降序' if self.descending else '升序'}"
        if self.problems_only:
            words += "，只看有问题的"
        if self.searching:
            words += f"，搜索：{self.search}_（Enter 确定，Esc 清除）"
        elif self.search:
            words += f"，名称含「{self.search}」"
        return words

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self._width(), len(self.rows) + 1)
        self._scroll_to_cursor()

    # ------------------------------------------------------------------ drawing

    def _width(self) -> int:
        return sum(c.width + 1 for c in COLUMNS)

    def _name_width(self) -> int:
        """The name column takes what the others leave (at least 12 cells)."""
        others = sum(c.width + 1 for c in COLUMNS[1:])
        return max(12, self.size.width - others - 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("units--header")
            return self._line([self._title(i) for i in range(len(COLUMNS))], header, width)
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        cells = [c.text(row) for c in COLUMNS]
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("units--cursor")
        status = Style.parse(STATUS_STYLE[row.status])
        return self._line(
            cells, style, width, status_style=None if index == self.cursor else status
        )

    def _title(self, index: int) -> str:
        column = COLUMNS[index]
        if index != self.sort_column:
            return column.title
        return column.title + ("v" if self.descending else "^")

    def _line(
        self, cells: Sequence[str], style: Style, width: int, status_style: Style | None = None
    ) -> Strip:
        segments = []
        for index, (column, text) in enumerate(zip(COLUMNS, cells, strict=True)):
            size = self._name_width() if index == 0 else column.width
            if cell_len(text) > size:
                shown = fit_text(text, size)
            else:
                pad = " " * (size - cell_len(text))
                shown = pad + text if column.right else text + pad
            cell_style = style + status_style if index == 1 and status_style else style
            segments.append(Segment(shown, cell_style))
            segments.append(Segment(" ", style))
        strip = Strip(segments)
        return strip.adjust_cell_length(width, style)
