"""The ``govtui`` command: parse the arguments (:mod:`govtui.cli.arguments`), then import and
run the one module of the chosen sub-command.

The arguments of every sub-command are declared apart from the modules that run them, so the
parser loads nothing but argparse, and each module imports what it uses at its top: ``govtui
check`` over thousands of files never pays for the terminal UI.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from govtui.cli.arguments import Parser, build_parser, chinese_error

__all__ = ["COMMANDS", "Parser", "build_parser", "chinese_error", "is_roster", "main"]

# The module that runs each sub-command: govtui.cli.<module>, with ``run(args)``; its arguments
# are declared in govtui.cli.arguments. Only the chosen one is imported, after parsing:
# ``govtui check`` never loads the editor, ``govtui --help`` none of them.
RUNNERS = {
    "edit": "edit",
    "check": "check",
    "export": "export",
    "import": "import_",  # a Python keyword
    "new": "new",
    "diff": "diff",
    "aggregate": "aggregate",
    "accept": "accept",
    "desk": "desk",
    "profile": "profile",
}
COMMANDS = tuple(RUNNERS)
# The full-screen apps. Their start makes tens of thousands of objects that live as long as the
# app (modules, classes, the report); with the collector on, it walks them again and again while
# they are being made, about 50 ms of the editor's launch (bench/editor.py). So it is off from
# the import of their module until they run (GovtuiApp.run freezes what is there and turns it
# back on) and on again when they end.
APPS = frozenset({"edit", "desk_tui"})

SNIFF_BYTES = 64 * 1024


def is_roster(path: Path) -> bool:
    """Whether ``path`` is a roster: a regular ``.toml`` file with ``[[unit]]`` and no report."""
    if path.suffix.lower() != ".toml" or not path.is_file():
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    return b"[[unit]]" in head and b"[report]" not in head


def runner(args: argparse.Namespace) -> str:
    """The module that runs the parsed command: ``govtui 名单.toml`` and ``govtui 文件夹/``
    (``edit`` of a roster or a folder, not ``--read-only``) open the desk, the rest the
    command's own. Decided here, before either is imported, so that neither app loads the
    other's modules (the desk's would add 22 ms to the editor's start, the editor's 31 ms to
    the desk's: ``python -X importtime``)."""
    if args.command == "edit" and args.file and not args.read_only:
        path = Path(args.file)
        if path.is_dir() or is_roster(path):
            return "desk_tui"
    return RUNNERS[args.command]


def _names_a_report(word: str) -> bool:
    """A first argument that is a report file rather than a (mistyped) sub-command."""
    if word in COMMANDS or word.startswith("-"):
        return False
    return word.lower().endswith(".toml") or Path(word).exists()


def _tolerant(stream: TextIO) -> None:
    """On a terminal that is not UTF-8 (``LANG=zh_CN.GBK``), print what it can show and a ``?``
    for the rest (✓, ✗ are not in GBK) instead of stopping with a UnicodeEncodeError. Report
    files written to standard output (``export -o -``) go out as UTF-8 regardless."""
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()
            return 0
        args_list = ["edit"]
    elif _names_a_report(args_list[0]):
        # ``govtui 报告.toml`` opens the editor: the command a clerk will type most.
        args_list = ["edit", *args_list]
    _tolerant(sys.stdout)
    _tolerant(sys.stderr)
    args = parser.parse_args(args_list)
    name = runner(args)
    if name in APPS:
        gc.disable()
    try:
        module = importlib.import_module(f"govtui.cli.{name}")
        code: int = module.run(args)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if name in APPS:
            gc.enable()
    return code
