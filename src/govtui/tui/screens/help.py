"""?/F1: the keys of every screen, from ``help.md`` and the key tables themselves.

The file is plain text with three kinds of line: ``# heading``, ``keys | what they do`` (the
keys of a section are padded by terminal cells to one width, so CJK keys line up too), and
anything else as it is. A line ``@name`` stands for the keys of one table, so that no key is
written twice: ``@screens`` and ``@commands`` from :mod:`govtui.tui.sections`, ``@grid``,
``@prose`` and ``@findings`` from the bindings of the grid, the prose editor and 校验.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from govtui.tui.screens.findings import FindingsScreen
from govtui.tui.screens.prose import ProseScreen
from govtui.tui.sections import COMMANDS, PLACES, keys_shown
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.prose import ProseEditor


def binding_lines(bindings: list[BindingType]) -> str:
    """``keys | what they do`` for every described binding; bindings that do the same (the
    four arrows) on one line."""
    lines: dict[str, list[str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        what = binding.tooltip or binding.description
        keys = binding.key_display or keys_shown(binding.key)
        shown = lines.setdefault(what, [])
        if keys not in shown:
            shown.append(keys)
    return "\n".join(f"{' / '.join(keys)} | {what}" for what, keys in lines.items())


def help_text() -> str:
    text = files("govtui.tui").joinpath("help.md").read_text(encoding="utf-8")
    tables = {
        "@screens": "\n".join(f"{p.key.upper()} | {p.heading}" for p in PLACES),
        "@commands": "\n".join(f"{keys_shown(c.keys)} | {c.help}" for c in COMMANDS),
        "@grid": binding_lines(Grid.BINDINGS),
        "@prose": binding_lines([*ProseEditor.BINDINGS, *ProseScreen.BINDINGS]),
        "@findings": binding_lines(FindingsScreen.BINDINGS),
    }
    return "\n".join(tables.get(line, line) for line in text.splitlines())


def render_help(text: str) -> Content:
    lines: list[Content] = []
    for section in re.split(r"^(?=#)", text, flags=re.MULTILINE):
        keys = [line.partition(" | ")[0] for line in section.splitlines() if " | " in line]
        width = max((cell_len(k) for k in keys), default=0) + 2
        for line in section.splitlines():
            if line.startswith("#"):
                lines.append(Content.styled(line.lstrip("# "), "bold $text-accent"))
            elif " | " in line:
                key, _, what = line.partition(" | ")
                pad = " " * (width - cell_len(key))
                lines.append(Content.assemble("  ", Content.styled(key, "bold"), pad, what))
            else:
                lines.append(Content(line))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "app.pop_screen", "关闭"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help", can_focus=True):
            yield Static(render_help(help_text()))
