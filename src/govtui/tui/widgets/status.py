"""A status line that re-lays the screen out only when its height changes, and cuts a text
longer than its lines with a mark.

``Static.update`` asks for a layout of the whole screen every time; on every cell edit that
cost more than the edit itself. A line of fixed height never needs one; one of automatic
height is measured first. A message that does not fit ends in ``...`` (ASCII: ``…`` is of
ambiguous width), so that nobody takes a cut message for the whole of it.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

MARK = "..."
# A path of three or more parts: when a message does not fit, its folders give way first, so
# that the reason after it stays ("无法保存 .../报告/x.md：文件夹不存在").
_LONG_PATH = re.compile(r"(?<![^\s「（(])(?:[A-Za-z]:)?[/\\](?:[^/\\\s]+[/\\]){2,}(?=[^/\\\s]+)")


def _short_paths(content: Content) -> Content:
    text = content.plain
    matches = list(_LONG_PATH.finditer(text))
    for match in reversed(matches):  # offsets stay right from the end backwards
        head = match.group(0).rstrip("/\\")
        parent = re.split(r"[/\\]", head)[-1]
        short = f"{MARK}/{parent}/"
        content = content[: match.start()] + Content(short) + content[match.end() :]
    return content


def cut(content: Content, width: int, lines: int) -> Content:
    """``content`` in at most ``lines`` lines of ``width`` cells: long paths shortened to their
    last folder first, then the last line ending in the mark when the rest does not fit."""
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return content
    content = _short_paths(content)
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return content
    kept = wrapped[:lines]
    kept[-1] = Content.assemble(kept[-1].rstrip().truncate(width - len(MARK)), MARK)
    return Content("\n").join(kept)


class StatusLine(Static):
    _lines = 0
    _content: Content | None = None

    def _room(self) -> int | None:
        """How many lines it may take: its fixed height, or its maximum."""
        height, most = self.styles.height, self.styles.max_height
        if height is not None and not height.is_auto:
            return int(height.value)
        return int(most.value) if most is not None and most.is_cells else None

    def show(self, content: Content) -> None:
        if content == self._content:
            return
        self._content = content
        width = self.content_region.width
        room = self._room()
        shown = cut(content, width, room) if room and width > 0 else content
        height = self.styles.height
        if height is not None and not height.is_auto:
            self.update(shown, layout=False)
            return
        lines = max(1, len(shown.wrap(width))) if width > 0 else -1
        self.update(shown, layout=lines != self._lines)
        self._lines = lines

    def on_resize(self) -> None:
        self._lines = -1
        if self._content is not None:
            content, self._content = self._content, None
            self.show(content)
