"""?/F1: the keys of every screen, from ``help.md``."""

from __future__ import annotations

from importlib.resources import files
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


def help_text() -> str:
    return files("govtui.tui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "app.pop_screen", "关闭"),
    ]

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        with VerticalScroll(classes="dialog help", can_focus=True):
            yield Markdown(help_text())
