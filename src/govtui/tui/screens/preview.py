"""预览: the Markdown report as ``export`` writes it, rendered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from govtui.tui.screens.base import SectionScreen


class PreviewScreen(SectionScreen):
    NAME = "preview"

    def compose_body(self) -> ComposeResult:
        # Imported here: the Markdown widget is the heaviest import and only this screen needs it.
        from textual.widgets import Markdown

        with VerticalScroll(id="body", can_focus=True):
            yield Markdown(self.session.markdown(), id="preview")

    def sync(self) -> None:
        from textual.widgets import Markdown

        self.query_one(Markdown).update(self.session.markdown())
        super().sync()

    def context(self) -> tuple[str, bool]:
        return f"ctrl+r 导出到 {self.session.export_path.name}", False
