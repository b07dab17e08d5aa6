"""The spreadsheet grid of sections 二, 三 and 四: one Line-API widget, laid out from the form.

One widget draws the whole table and owns the cursor, the edit buffer, its keys and its paste,
so that editing never moves focus and a burst of keys cannot be split between widgets. Its key
handler runs its own bindings and takes typed characters in one place, in the order typed
(Textual issue #6605 lets a character handled in ``on_key`` overtake a bound key; see
``in_order``). A key bound elsewhere (ctrl+s, F5, ctrl+q...) first commits what is being typed,
as leaving a cell in a spreadsheet does, and goes no further when the number is refused. (Losing
the focus does not: a window shrunk to "窗口太小" and back keeps a half-typed number.) The app
never looks into the grid.

The grid reads and writes cells through a :class:`CellStore` (the session) and never touches the
model: numbers are read with :func:`govtui.numbers.parse_count`/``parse_fee``, every committed
change goes to the store in one call, and the screen repaints the grid when the store says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, NamedTuple, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from govtui import form
from govtui.numbers import format_fee, parse_count, parse_fee
from govtui.tui import lazy
from govtui.tui.messages import Notice
from govtui.tui.widgets.grid_layout import (
    Caption,
    Header,
    HeaderText,
    RowLine,
    centre,
    fit,
    fit_text,
    header_text,
    layout_table,
)
from govtui.tui.widgets.in_order import run_own_binding

if TYPE_CHECKING:
    from govtui.tui.paste import Plan

Value = int | Decimal
MAX_BUFFER = 40
_MOVE = "移动（自动计算的格子跳过）"
_SELECT = "选中一块（像电子表格）"
_COPY = "复制当前格或选中的一块（制表符分隔，可粘贴到 Excel、WPS）"
READ_ONLY = "只读打开：不能修改。"


class CellStore(Protocol):
    """Where the grid's numbers live (the session)."""

    def cell(self, table: str, row: str, column: str) -> Value: ...

    def write(self, cells: Iterable[tuple[str, str, str, Value]]) -> object: ...


class _Styles(NamedTuple):
    base: Style
    header: Style
    caption: Style
    label: Style
    row: Style
    computed: Style
    cursor: Style
    editing: Style
    error: Style
    selected: Style


def show_value(value: Value) -> str:
    return format_fee(value) if isinstance(value, Decimal) else str(value)


def place(row: form.Row, column: form.Column) -> str:
    """How messages name a cell: the row's full label and the column label."""
    return f"{row.full_label} / {column.label}"


class Grid(ScrollView, can_focus=True):
    """A table of the form, edited like a spreadsheet."""

    # Described for the help screen (F1), which lists them in this order; the footer shows
    # only Enter.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", _MOVE, show=False, key_display="方向键"),
        Binding("down", "move(1, 0)", _MOVE, show=False, key_display="方向键"),
        Binding("left", "move(0, -1)", _MOVE, show=False, key_display="方向键"),
        Binding("right", "move(0, 1)", _MOVE, show=False, key_display="方向键"),
        Binding("enter", "commit", "确认", key_display="Enter", tooltip="确认并下移"),
        Binding("tab", "advance(1)", "确认并右移，到行尾换到下一行", show=False),
        Binding("shift+tab", "advance(-1)", "确认并左移", show=False),
        # ctrl+z first takes back what is being typed, as in a spreadsheet; with nothing typed
        # it goes on to the app's undo (see check_action).
        Binding("escape", "cancel", "放弃正在输入的内容", show=False),
        Binding("ctrl+z", "cancel", "放弃正在输入的内容", show=False),
        Binding("backspace", "erase(False)", "删去最后一个字；未输入时把当前格清为 0", show=False),
        Binding("delete", "erase(True)", "把当前格清为 0", show=False),
        Binding("home", "edge(-1)", "本行第一格", show=False),
        Binding("end", "edge(1)", "本行最后一格", show=False),
        Binding("ctrl+home", "corner(-1)", "表格第一格", show=False),
        Binding("ctrl+end", "corner(1)", "表格最后一格", show=False),
        Binding("pageup", "page(-1)", "上一屏", show=False),
        Binding("pagedown", "page(1)", "下一屏", show=False),
        # A block is selected as in a spreadsheet, and copied as one (tab-separated).
        Binding("shift+up", "select(-1, 0)", _SELECT, show=False, key_display="Shift+方向键"),
        Binding("shift+down", "select(1, 0)", _SELECT, show=False, key_display="Shift+方向键"),
        Binding("shift+left", "select(0, -1)", _SELECT, show=False, key_display="Shift+方向键"),
        Binding("shift+right", "select(0, 1)", _SELECT, show=False, key_display="Shift+方向键"),
        Binding("ctrl+c", "copy", _COPY, show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--caption",
        "grid--label",
        "grid--row",
        "grid--computed",
        "grid--cursor",
        "grid--editing",
        "grid--error",
        "grid--selected",
    }

    DEFAULT_CSS = """
    Grid {
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .grid--header { text-style: bold; color: $text-primary; }
        & > .grid--caption { text-style: bold; }
        & > .grid--label { color: $text; }
        & > .grid--row { background: $boost; text-style: bold; }
        & > .grid--computed { color: $text-secondary; background: $surface-lighten-1; }
        & > .grid--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: bold;
        }
        & > .grid--editing { color: $text; background: $warning-muted; text-style: bold underline; }
        & > .grid--error { color: $text-error; text-style: bold; }
        & > .grid--selected { background: $accent-muted; text-style: bold; }
    }
    """

    class Moved(Message):
        """The cursor is on another cell: the screen shows its full label.

        ``by_key`` is false when the program moved it (a jump, an undo).
        """

        def __init__(self, grid: Grid, row: form.Row, column: form.Column, by_key: bool) -> None:
            super().__init__()
            self.grid = grid
            self.row = row
            self.column = column
            self.by_key = by_key

    def __init__(self, table: form.Table, store: CellStore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table
        self.store = store
        self.grid_layout = layout_table(table)
        self.rows: tuple[RowLine, ...] = self.grid_layout.rows
        self.cursor_row = self._input_rows()[0]
        self.cursor_slot = self.rows[self.cursor_row].editable_slots[0]
        self._want_slot = self.cursor_slot
        self.buffer: str | None = None
        self.select_from: tuple[int, int] | None = None  # the other corner of a selected block
        self.read_only = False  # a report opened read-only: every change is refused
        self.marked: frozenset[tuple[str, str]] = frozenset()
        self.bad_columns: frozenset[str] = frozenset()
        self.geometry = fit(self.grid_layout, 80)
        self._sticky: tuple[HeaderText, ...] = ()
        self._body: list[tuple[str, object]] = []
        self._row_y: list[int] = []
        self._styles: _Styles | None = None
        self._shown: dict[tuple[str, str], str] | None = None

    # ------------------------------------------------------------------ layout

    @property
    def current(self) -> tuple[form.Row, form.Column]:
        line = self.rows[self.cursor_row]
        return line.row, line.columns[self.cursor_slot]

    @property
    def header_height(self) -> int:
        return len(self._sticky)

    def on_resize(self) -> None:
        self.reflow()

    def reflow(self) -> None:
        """Recompute column widths and the line list for the current width."""
        # The scrollbar's column is always left free, so the columns never shift when it
        # comes and goes (and the balance line under the grid can share the geometry).
        width = max(1, self.size.width - self.styles.scrollbar_size_vertical)
        widest = max(map(cell_len, self._texts().values()), default=0)
        self.geometry = fit(self.grid_layout, width, widest)
        geometry = self.geometry
        self._sticky = (
            header_text(self.grid_layout.sticky, geometry) if self.grid_layout.sticky else ()
        )
        body: list[tuple[str, object]] = []
        row_y: list[int] = []
        for line in self.grid_layout.lines:
            if isinstance(line, Header):
                body.extend(("header", text) for text in header_text(line, geometry))
            elif isinstance(line, Caption):
                body.append(("caption", line))
            else:
                row_y.append(len(body))
                body.append(("row", len(row_y) - 1))
        self._body, self._row_y = body, row_y
        self.virtual_size = Size(geometry.width, self.header_height + len(body))
        self._scroll_to_cursor()
        self.refresh()

    def _texts(self) -> dict[tuple[str, str], str]:
        """Every cell as shown, read from the store once per change rather than once a frame."""
        if self._shown is None:
            key = self.table.key
            self._shown = {
                (line.row.key, column.key): show_value(
                    self.store.cell(key, line.row.key, column.key)
                )
                for line in self.rows
                for column in line.columns
            }
        return self._shown

    def refresh_values(self) -> None:
        """The store changed: repaint the rows that show another number (all of them when a
        number no longer fits and the slots widen)."""
        old, self._shown = self._shown, None
        shown = self._texts()
        widest = max(map(cell_len, shown.values()), default=0)
        if widest + 1 > self.geometry.slot_width:
            self.reflow()
        elif old is None:
            self.refresh()
        else:
            changed = {
                row for (row, column), text in shown.items() if old.get((row, column)) != text
            }
            for index, line in enumerate(self.rows):
                if line.row.key in changed:
                    self._refresh_row(index)

    def set_marks(self, cells: Iterable[tuple[str, str]], columns: Iterable[str]) -> None:
        """Cells of a finding, and columns that do not balance, are drawn as errors."""
        marked, bad = frozenset(cells), frozenset(columns)
        rows = {row for row, _ in marked ^ self.marked}
        headers = bad != self.bad_columns
        self.marked, self.bad_columns = marked, bad
        if headers and self.grid_layout.sticky is None:
            self.refresh()  # the headers of 二's blocks are scattered through the lines
            return
        if headers:
            self.refresh_lines(int(self.scroll_y), self.header_height)
        for index, line in enumerate(self.rows):
            if line.row.key in rows:
                self._refresh_row(index)

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None

    def _get_styles(self) -> _Styles:
        # Looked up once per theme, not per cell: rich_style walks the DOM.
        if self._styles is None:
            base = self.rich_style
            get = self.get_component_rich_style
            self._styles = _Styles(
                base,
                base + get("grid--header"),
                base + get("grid--caption"),
                base + get("grid--label"),
                base + get("grid--row"),
                base + get("grid--computed"),
                base + get("grid--cursor"),
                base + get("grid--editing"),
                get("grid--error"),
                base + get("grid--selected"),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        styles = self._get_styles()
        width = self.scrollable_content_region.width
        if y < self.header_height:
            strip = self._render_header(self._sticky[y], styles)
        else:
            index = y - self.header_height + int(self.scroll_y)
            if index >= len(self._body):
                return Strip.blank(width, styles.base)
            kind, item = self._body[index]
            if kind == "row":
                assert isinstance(item, int)
                strip = self._render_row(item, styles)
                if item == self.cursor_row and self.has_focus:
                    # The terminal's cursor sits at the end of the cell: an input method
                    # (for full-width digits) opens its window there.
                    x = self.geometry.slot_x(self.cursor_slot + 1) - 1
                    self.app.cursor_position = self.content_region.offset + Offset(x, y)
            elif kind == "header":
                assert isinstance(item, HeaderText)
                strip = self._render_header(item, styles)
            else:
                assert isinstance(item, Caption)
                strip = self._render_caption(item, styles)
        return strip.adjust_cell_length(width, styles.base)

    def _render_caption(self, caption: Caption, styles: _Styles) -> Strip:
        indent = " " * (self.geometry.indent * caption.depth)
        return Strip(
            [Segment(fit_text(indent + caption.text, self.geometry.width), styles.caption)]
        )

    def _render_header(self, line: HeaderText, styles: _Styles) -> Strip:
        geometry = self.geometry
        segments = [Segment(fit_text(line.corner, geometry.label_width), styles.header)]
        x = 0
        for cell in line.cells:
            if cell.slot > x:
                segments.append(
                    Segment(" " * (geometry.slot_width * (cell.slot - x)), styles.header)
                )
            style = styles.header
            if cell.column is not None and cell.column.key in self.bad_columns:
                style = style + styles.error
            width = geometry.slot_width * cell.span
            segments.append(Segment(centre(cell.text, width - 1) + " ", style))
            x = cell.slot + cell.span
        return Strip(segments)

    def _render_row(self, index: int, styles: _Styles) -> Strip:
        geometry = self.geometry
        line = self.rows[index]
        here = index == self.cursor_row
        indent = " " * (geometry.indent * line.depth)
        label = fit_text(indent + line.row.label, geometry.label_width - 1) + " "
        segments = [Segment(label, styles.row if here else styles.label)]
        inner = geometry.slot_width - 1
        texts = self._texts()
        selection = self.selection
        for slot, column in enumerate(line.columns):
            style = styles.base if line.editable(slot) else styles.computed
            if (line.row.key, column.key) in self.marked:
                style = style + styles.error
            if selection is not None and _inside(selection, index, slot):
                style = style + styles.selected
            if here and slot == self.cursor_slot:
                if self.buffer is not None:
                    text = self.buffer
                    style = styles.editing
                else:
                    text = texts[line.row.key, column.key]
                    style = style + styles.cursor
            else:
                text = texts[line.row.key, column.key]
            segments.append(Segment(_right(text, inner) + " ", style))
        return Strip(segments)

    # ------------------------------------------------------------------ cursor

    def _input_rows(self) -> list[int]:
        return [i for i, line in enumerate(self.rows) if line.editable_slots]

    def _set_cursor(
        self, row: int, slot: int, *, by_key: bool = True, selecting: bool = False
    ) -> None:
        old = self.cursor_row
        had = self.selection
        if not selecting:
            self.select_from = None
        self.cursor_row, self.cursor_slot = row, slot
        self.buffer = None
        if had is not None or self.select_from is not None:
            self.refresh()  # the selected block's rows
        self._refresh_row(old)
        self._refresh_row(row)
        self._scroll_to_cursor()
        line = self.rows[row]
        self.post_message(self.Moved(self, line.row, line.columns[slot], by_key))

    def _refresh_row(self, index: int) -> None:
        if self._row_y:
            self.refresh_line(self.header_height + self._row_y[index])

    def _scroll_to_cursor(self) -> None:
        if not self._row_y:
            return
        y = self.header_height + self._row_y[self.cursor_row]
        # Bring the row into view, and the caption lines just above it when there is room.
        top = y
        while top > self.header_height and self._body[top - 1 - self.header_height][0] != "row":
            top -= 1
        region = Region(0, top, self.geometry.width, y - top + 1)
        self.scroll_to_region(
            region,
            spacing=Spacing(top=self.header_height),
            animate=False,
            force=True,
            immediate=True,
        )

    def go_to(self, row_key: str, column_key: str) -> None:
        """Put the cursor on a cell, or the nearest input cell when it is a computed one."""
        self.cancel()
        index = next(i for i, line in enumerate(self.rows) if line.row.key == row_key)
        inputs = self._input_rows()
        if index not in inputs:
            index = next((i for i in inputs if i > index), inputs[-1])
        line = self.rows[index]
        slots = line.editable_slots
        keys = [c.key for c in line.columns]
        slot = keys.index(column_key) if column_key in keys else slots[0]
        if slot not in slots:
            slot = slots[0]
        self._want_slot = slot
        self._set_cursor(index, slot, by_key=False)

    def _nearest_slot(self, index: int, want: int) -> int:
        return min(self.rows[index].editable_slots, key=lambda s: (abs(s - want), s))

    def action_move(self, rows: int, slots: int, selecting: bool = False) -> None:
        if not self.commit():
            return
        if slots:
            editable = self.rows[self.cursor_row].editable_slots
            ahead = [s for s in editable if (s - self.cursor_slot) * slots > 0]
            if ahead:
                target = min(ahead, key=lambda s: abs(s - self.cursor_slot))
                self._want_slot = target
                self._set_cursor(self.cursor_row, target, selecting=selecting)
            return
        inputs = self._input_rows()
        position = inputs.index(self.cursor_row)
        target_row = inputs[max(0, min(len(inputs) - 1, position + rows))]
        if target_row != self.cursor_row:
            slot = self._nearest_slot(target_row, self._want_slot)
            self._set_cursor(target_row, slot, selecting=selecting)

    # ------------------------------------------------------------------ selecting, copying

    @property
    def selection(self) -> tuple[int, int, int, int] | None:
        """The selected block as (first row, last row, first slot, last slot), or ``None``."""
        if self.select_from is None:
            return None
        (row, slot), (here, there) = self.select_from, (self.cursor_row, self.cursor_slot)
        return min(row, here), max(row, here), min(slot, there), max(slot, there)

    def action_select(self, rows: int, slots: int) -> None:
        """shift+arrows: grow or shrink the selected block from where it began."""
        if self.select_from is None:
            self.select_from = (self.cursor_row, self.cursor_slot)
        self.action_move(rows, slots, selecting=True)

    def copied_text(self) -> tuple[str, str]:
        """The selected block, or the current cell, as tab-separated rows (the way spreadsheets
        paste it), and what the message line calls it."""
        texts = self._texts()
        first, last, left, right = self.selection or (
            self.cursor_row,
            self.cursor_row,
            self.cursor_slot,
            self.cursor_slot,
        )
        lines = []
        for line in self.rows[first : last + 1]:
            cells = [
                texts[line.row.key, line.columns[slot].key] if slot < len(line.columns) else ""
                for slot in range(left, right + 1)
            ]
            lines.append("\t".join(cells))
        if first == last and left == right:
            row, column = self.rows[first].row, self.rows[first].columns[left]
            return lines[0], f"「{place(row, column)}」的 {lines[0]}"
        return "\r\n".join(lines) + "\r\n", f" {last - first + 1} 行 × {right - left + 1} 列"

    def action_copy(self) -> None:
        """ctrl+c: to the system clipboard through the terminal (OSC 52: over SSH and in tmux
        with set-clipboard too)."""
        if not self.commit():
            return
        text, what = self.copied_text()
        self.app.copy_to_clipboard(text)
        self._notice(f"已复制{what} 到剪贴板（制表符分隔，可粘贴到 Excel、WPS）。", error=False)

    def action_advance(self, step: int) -> None:
        """Tab and shift+Tab: the next input cell in reading order, across rows."""
        if not self.commit():
            return
        order = [(r, s) for r in self._input_rows() for s in self.rows[r].editable_slots]
        position = order.index((self.cursor_row, self.cursor_slot))
        row, slot = order[max(0, min(len(order) - 1, position + step))]
        self._want_slot = slot
        self._set_cursor(row, slot)

    def action_edge(self, direction: int) -> None:
        """Home and End: the first or last input cell of the row."""
        if not self.commit():
            return
        slots = self.rows[self.cursor_row].editable_slots
        slot = slots[0] if direction < 0 else slots[-1]
        self._want_slot = slot
        self._set_cursor(self.cursor_row, slot)

    def action_corner(self, direction: int) -> None:
        """ctrl+Home and ctrl+End: the first or last input cell of the table."""
        if not self.commit():
            return
        inputs = self._input_rows()
        row = inputs[0] if direction < 0 else inputs[-1]
        slots = self.rows[row].editable_slots
        slot = slots[0] if direction < 0 else slots[-1]
        self._want_slot = slot
        self._set_cursor(row, slot)

    def action_page(self, direction: int) -> None:
        """PageUp and PageDown: a screenful of lines up or down."""
        if not self.commit():
            return
        page = max(1, self.scrollable_content_region.height - self.header_height - 1)
        target_y = self._row_y[self.cursor_row] + direction * page
        inputs = self._input_rows()
        if direction > 0:
            row = next((i for i in inputs if self._row_y[i] >= target_y), inputs[-1])
        else:
            row = next((i for i in reversed(inputs) if self._row_y[i] <= target_y), inputs[0])
        if row != self.cursor_row:
            # The view moves with the cursor, which keeps its place on the screen.
            on_screen = self._row_y[self.cursor_row] - int(self.scroll_y)
            self.scroll_to(y=max(0, self._row_y[row] - on_screen), animate=False, force=True)
            self._set_cursor(row, self._nearest_slot(row, self._want_slot))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        index = offset.y - self.header_height + int(self.scroll_y)
        if index >= len(self._body) or self._body[index][0] != "row":
            return
        row = self._body[index][1]
        assert isinstance(row, int)
        slot = (offset.x - self.geometry.label_width) // self.geometry.slot_width
        line = self.rows[row]
        if offset.x < self.geometry.label_width or slot not in line.editable_slots:
            slot = self._nearest_slot(row, self.cursor_slot) if line.editable_slots else -1
        if slot >= 0 and self.commit():
            self._want_slot = slot
            self._set_cursor(row, slot)

    # ------------------------------------------------------------------ editing

    async def _on_key(self, event: events.Key) -> None:
        if await run_own_binding(self, event):
            return
        # A printable key bound above (? for help) is that binding's, not a character.
        if event.is_printable and event.character and event.key not in self.app.active_bindings:
            event.stop()
            event.prevent_default()
            self.type_character(event.character)
        elif not self.commit():
            event.stop()  # a key of the screen or the app: not while the cell holds a non-number
            event.prevent_default()

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.paste_text(event.text)

    def _refuse_if_read_only(self) -> bool:
        if self.read_only:
            self._notice(READ_ONLY, error=True)
        return self.read_only

    def type_character(self, character: str) -> None:
        """A printable key: the first one starts overwriting the cell, the next ones append."""
        if self._refuse_if_read_only():
            return
        buffer = (self.buffer or "") + character
        self.buffer = buffer[:MAX_BUFFER]
        self._refresh_row(self.cursor_row)

    def cancel(self) -> None:
        if self.buffer is not None:
            self.buffer = None
            self._refresh_row(self.cursor_row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc with nothing typed is not ours: let it reach the screen or the app.
        if action == "cancel":
            return self.buffer is not None
        return True

    def action_cancel(self) -> None:
        self.cancel()

    def commit(self) -> bool:
        """Write what was typed; ``False`` (and the old value kept) when it is not a number."""
        if self.buffer is None:
            return True
        text, self.buffer = self.buffer, None
        row, column = self.current
        try:
            value: Value = parse_fee(text) if row.kind == "decimal" else parse_count(text)
        except ValueError as error:
            old = show_value(self.store.cell(self.table.key, row.key, column.key))
            # The row's own label: its groups are on the place line just above.
            self._notice(f"{row.label} / {column.label}：{error}。已保留原值 {old}。", error=True)
            self._refresh_row(self.cursor_row)
            return False
        self.store.write([(self.table.key, row.key, column.key, value)])
        self._refresh_row(self.cursor_row)
        return True

    def action_commit(self) -> None:
        """Enter: write the cell and go down, as in a spreadsheet."""
        if self.commit():
            self.action_move(1, 0)

    def action_erase(self, everything: bool) -> None:
        """Backspace deletes the last typed character; with nothing typed it clears the cell to 0,
        as Delete always does."""
        if self.buffer is not None:
            self.buffer = "" if everything else self.buffer[:-1]
            self._refresh_row(self.cursor_row)
            return
        if self._refuse_if_read_only():
            return
        row, column = self.current
        zero: Value = Decimal(0) if row.kind == "decimal" else 0
        self.store.write([(self.table.key, row.key, column.key, zero)])

    def paste_text(self, text: str) -> None:
        """A block copied from a spreadsheet or the official table fills the input cells as one
        step (where it goes: :mod:`govtui.tui.paste`); the totals it carries are compared with
        the computed ones. A block that does not fit, or holds anything that is not a number,
        is refused whole. The planner is loaded on the first paste (see ``tui/lazy.py``)."""
        if self._refuse_if_read_only():
            return
        block = lazy.rows_of(text)
        if len(block) == 1 and len(block[0]) == 1:
            self.type_character(block[0][0])
            return
        self.cancel()
        lines = [(line.row, line.columns) for line in self.rows]
        try:
            found = lazy.plan(self.table, lines, (self.cursor_row, self.cursor_slot), text)
        except lazy.Refused as error:
            self._notice(f"粘贴未执行：{error}。", error=True)
            return
        if found is None:
            return
        values: list[tuple[str, str, str, Value]] = []
        for row, column, raw in found.cells:
            try:
                values.append((self.table.key, row.key, column.key, _parse(row, raw)))
            except ValueError as error:
                self._notice(f"粘贴未执行：{place(row, column)}：{error}", error=True)
                return
        self.store.write(values)
        self._notice(self._pasted(found), error=False)

    def _pasted(self, found: Plan) -> str:
        """What the message line says: the pasted totals that differ from the computed ones
        first (that is what needs a look), then what was pasted."""
        differ = []
        for row, column, raw in found.totals:
            computed = self.store.cell(self.table.key, row.key, column.key)
            try:
                same = _parse(row, raw) == computed
            except ValueError:
                same = False
            if not same:
                differ.append(
                    f"{row.label} / {column.label} 粘贴 {raw}、计算得 {show_value(computed)}"
                )
        how = ["按标签对行"] if found.labelled else []
        if found.totals:
            how.append(f"{len(found.totals)} 格总计只核对、不写入")
        how.append("ctrl+z 可撤销")
        text = f"已粘贴 {found.rows} 行 × {found.width} 列（{'，'.join(how)}）。"
        if differ:
            more = f"等 {len(differ)} 处" if len(differ) > 2 else ""
            text = f"粘贴的总计与计算不符：{'；'.join(differ[:2])}{more}。" + text
        return text

    def _notice(self, text: str, *, error: bool) -> None:
        self.post_message(Notice(text, error=error))


def _inside(selection: tuple[int, int, int, int], row: int, slot: int) -> bool:
    first, last, left, right = selection
    return first <= row <= last and left <= slot <= right


def _parse(row: form.Row, raw: str) -> Value:
    return parse_fee(raw) if row.kind == "decimal" else parse_count(raw)


def _right(text: str, width: int) -> str:
    """A number right-aligned in ``width`` cells; what is being typed keeps its last cells."""
    length = cell_len(text)
    if length <= width:
        return " " * (width - length) + text
    while cell_len(text) > width:
        text = text[1:]
    return " " * (width - cell_len(text)) + text
