"""Small helpers the sub-commands share: printing problems, colours, exit codes."""

from __future__ import annotations

import os
import sys
from typing import TextIO

EXIT_OK = 0
EXIT_FINDINGS = 1  # the inputs were read and have errors
EXIT_UNREADABLE = 2  # an input could not be read, or the command was misused


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def paint(text: str, code: str, stream: TextIO | None = None) -> str:
    # ``sys.stdout`` is looked up on each call: it may have been replaced since import.
    return f"\x1b[{code}m{text}\x1b[0m" if use_colour(stream or sys.stdout) else text


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_UNREADABLE
