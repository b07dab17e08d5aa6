"""?/F1: the keys of every screen, from ``help.md``.

The file is plain text with three kinds of line: ``# heading``, ``keys | what they do`` (the
keys of a section are padded by terminal cells to one width, so CJK keys line up too), and
anything else as it is. ``@screens`` stands for the list of screens with their keys, from
:mod:`govtui.tui.sections` (so the official headings are not written twice).
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

from govtui.tui.sections import PLACES


def help_text() -> str:
    text = files("govtui.tui").joinpath("help.md").read_text(encoding="utf-8")
    screens = "\n".join(f"{p.key.upper()} | {p.heading}" for p in PLACES)
    return text.replace("@screens", screens)


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
