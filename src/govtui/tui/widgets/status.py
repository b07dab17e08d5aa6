"""A status line that re-lays the screen out only when its height changes.

``Static.update`` asks for a layout of the whole screen every time; on every cell edit that
cost more than the edit itself. A line of fixed height never needs one; one of automatic
height is measured first.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    _lines = 0
    _content: Content | None = None

    def show(self, content: Content) -> None:
        if content == self._content:
            return
        self._content = content
        height = self.styles.height
        if height is not None and not height.is_auto:
            self.update(content, layout=False)
            return
        width = self.content_region.width
        lines = max(1, len(content.wrap(width))) if width > 0 else -1
        self.update(content, layout=lines != self._lines)
        self._lines = lines

    def on_resize(self) -> None:
        self._lines = -1
        if self._content is not None:
            content, self._content = self._content, None
            self.show(content)
