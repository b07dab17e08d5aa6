"""Small helpers the sub-commands share: printing problems, colours, exit codes."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from govtui.controls import json_safe, visible

EXIT_OK = 0
EXIT_FINDINGS = 1  # the inputs were read and have errors
EXIT_UNREADABLE = 2  # an input could not be read, or the command was misused


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def paint(text: str, code: str, stream: TextIO | None = None) -> str:
    """``text`` in an ANSI colour when ``stream`` (stdout by default) is a colour terminal."""
    return f"\x1b[{code}m{text}\x1b[0m" if use_colour(stream or sys.stdout) else text


def fail(message: str) -> int:
    """Print a refusal; a file name in it is shown with its control characters spelled out."""
    print(visible(message, lines=True), file=sys.stderr)
    return EXIT_UNREADABLE


def to_json(data: object) -> str:
    """``data`` as JSON text for standard output: UTF-8 Chinese as is, every invisible
    character (a file name's escape sequence) as a ``\\u`` escape, never raw."""
    return json_safe(json.dumps(data, ensure_ascii=False))


class JsonItems:
    """The items of a JSON array written one at a time as they come (a run over fifty thousand
    files holds none of them); the caller writes the brackets around them."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.written = 0

    def write(self, data: object) -> None:
        self.stream.write(("," if self.written else "") + to_json(data))
        self.written += 1
