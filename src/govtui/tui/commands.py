"""The command palette (ctrl+p): every screen and every action of the editor.

Textual's palette as it is, but with a field whose keys take effect in the order typed (see
``widgets/in_order.py``: ``exp``, three Backspaces and 导出 gave ``e导``) and in Chinese.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.containers import Horizontal, Vertical
from textual.widgets import LoadingIndicator
from textual.widgets.option_list import Option

from govtui.io.exporters import EXPORTERS
from govtui.tui.screens.export import install_hint
from govtui.tui.sections import COMMANDS, PLACES, keys_shown
from govtui.tui.widgets.in_order import KeysInOrder

NO_MATCHES = "没有找到匹配的命令"


def exports() -> list[tuple[str, str, str]]:
    """One entry per export format, as ``govtui export`` offers them."""
    return [
        (
            f"导出{e.label}",
            f"export_as('{e.name}')",
            f"写在 TOML 文件旁边：*{e.suffix}" if e.available() else install_hint(e),
        )
        for e in EXPORTERS
    ]


def commands() -> list[tuple[str, str, str]]:
    """(name shown, action, help) for every screen and command (from the one table of
    ``sections.py``), and every export format."""
    places = [(f"转到 {p.heading}", f"show('{p.name}')", p.key.upper()) for p in PLACES]
    actions = [
        (c.title, c.action, f"{keys_shown(c.keys)}：{c.help}")
        for c in COMMANDS
        if c.action != "command_palette"
    ]
    return places + actions + exports()


class GovtuiCommands(Provider):
    async def discover(self) -> Hits:
        for name, action, help_text in commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, action),
                    help=help_text,
                )


class PaletteInput(CommandInput, KeysInOrder):
    """The palette's field, its keys in order."""


class PaletteList(CommandList):
    """The palette's list, saying "no matches" in Chinese."""

    def add_option(self, option: Any = None) -> Any:
        if isinstance(option, Option) and option.id == CommandPalette._NO_MATCHES:
            option = Option(
                Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=option.id
            )
        return super().add_option(option)


class Palette(CommandPalette):
    """Textual's palette with the field and the list above (its ``compose``, those swapped)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield PaletteInput(placeholder=self._placeholder, select_on_focus=False)
            with Vertical(id="--results"):
                yield PaletteList()
                yield LoadingIndicator()
