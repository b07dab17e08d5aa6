"""A plain progress line on stderr for long runs, only when stderr is a terminal.

It appears after a second (a short run stays quiet), redraws at most ten times a second, and
erases itself at the end so that what remains on the screen is the command's output.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

_DELAY = 1.0
_INTERVAL = 0.1
_BAR = 24


class Progress:
    """``with Progress(total, "校验") as progress: … progress.advance()``."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self.enabled = self.stream.isatty() and total > 1
        self._start = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.clear()

    def advance(self, step: int = 1) -> None:
        self.done += step
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._start < _DELAY or now - self._drawn < _INTERVAL:
            return
        self._drawn = now
        share = self.done / self.total if self.total else 1.0
        filled = int(share * _BAR)
        rate = self.done / (now - self._start)
        # ASCII: block characters are "ambiguous width" and take two columns in some CJK setups.
        bar = "[" + "#" * filled + "-" * (_BAR - filled) + "]"
        self.stream.write(
            f"\r{self.label} {bar} {self.done}/{self.total} {share:4.0%}  {rate:,.0f} 份/秒\x1b[K"
        )
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
