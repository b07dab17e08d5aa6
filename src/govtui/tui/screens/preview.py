"""预览: the Markdown report as ``export`` writes it, rendered.

Rich's Markdown renderer draws the whole report as one renderable in about a tenth of a
second; Textual's Markdown widget builds a widget per block and took seconds for a report.
Its modules (about 33 ms of imports) come with this one, which the editor loads when 预览 is
first shown (see ``tui/lazy.py``).
"""

from __future__ import annotations

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from govtui.tui.screens.base import SectionScreen


class PreviewScreen(SectionScreen):
    _source = ""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body", can_focus=True):
            yield Static(id="preview")

    @property
    def source(self) -> str:
        """The Markdown text on show."""
        return self._source

    def sync(self) -> None:
        text = self.session.markdown()
        if text != self._source:
            self._source = text
            self.query_one("#preview", Static).update(Markdown(text))
        super().sync()

    def context(self) -> tuple[str, bool]:
        return "上下键、PageUp/PageDown 滚动；ctrl+r 导出（Markdown、网页、Word 或 JSON）", False
