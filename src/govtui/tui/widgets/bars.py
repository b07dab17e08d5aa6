"""The two lines on top of every screen: the file with its state, and the section bar.

Plain ASCII and CJK only (no ``⭘``, ``…`` or ``·``): East-Asian-ambiguous characters shift a
line by a cell in terminals set to draw them wide.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from govtui.tui.sections import PLACES
from govtui.tui.widgets.grid_layout import fit_text

UNSAVED = "*未保存"


class TopBar(Static):
    """File name, unsaved mark, title, and the report's error and warning counts."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; color: $foreground; }
    """

    _shown: tuple[str, str, bool, int, int] | None = None

    def show(self, file: str, title: str, dirty: bool, errors: int, warnings: int) -> None:
        if self._shown == (file, title, dirty, errors, warnings):
            return
        self._shown = (file, title, dirty, errors, warnings)
        mark = Content.styled(f" {UNSAVED}", "$text-warning bold") if dirty else Content("")
        head = Content.assemble(" ", Content.styled(file, "bold"), mark, "  ")
        counts = Content.assemble(
            Content.styled(f"错误 {errors}", "$text-error bold" if errors else "$text-success"),
            "  ",
            Content.styled(f"警告 {warnings}", "$text-warning" if warnings else "$text-success"),
            " ",
        )
        room = self.size.width - cell_len(head.plain) - cell_len(counts.plain)
        middle = fit_text(title, room - 1) + " " if room > 8 else " " * max(1, room)
        self.update(
            Content.assemble(head, Content.styled(middle, "$text-muted"), counts), layout=False
        )

    def on_resize(self) -> None:
        if self._shown:
            shown, self._shown = self._shown, None
            self.show(*shown)


class NavBar(Static):
    """Every screen with its function key; the current one highlighted."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, current: str) -> None:
        parts = []
        for place in PLACES:
            text = f" {place.key.upper()} {place.tab} "
            parts.append(Content.styled(text, "reverse bold") if place.name == current else text)
        super().__init__(Content("").join(parts))


class KeyBar(Static):
    """The keys that matter on this screen, on one line.

    Textual's Footer builds a widget per key and rebuilds them all whenever the bindings change
    (every screen switch); one line of text does the same job for a fraction of the time.
    """

    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; color: $foreground; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        parts: list[Content] = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            parts.append(
                Content.assemble(Content.styled(key, "bold $text-accent"), " ", binding.description)
            )
        self.update(Content.assemble(" ", Content("  ").join(parts)), layout=False)
