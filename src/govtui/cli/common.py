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
    """``text`` in an ANSI colour when ``stream`` (stdout by default) is a colour terminal."""
    return f"\x1b[{code}m{text}\x1b[0m" if use_colour(stream or sys.stdout) else text


def fail(message: str) -> int:
    """Print a refusal; a file name in it is shown with its control characters spelled out."""
    from govtui.controls import visible

    print(visible(message, lines=True), file=sys.stderr)
    return EXIT_UNREADABLE


def to_json(data: object) -> str:
    """``data`` as JSON text for standard output: UTF-8 Chinese as is, every invisible
    character (a file name's escape sequence) as a ``\\u`` escape, never raw."""
    import json

    from govtui.controls import json_safe

    return json_safe(json.dumps(data, ensure_ascii=False))
