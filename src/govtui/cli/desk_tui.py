"""``govtui 名单.toml`` or ``govtui 文件夹/``: the desk in the terminal (see :mod:`govtui.tui.desk`).

A roster is recognised by its ``[[unit]]`` tables (:func:`govtui.cli.opens_desk`); a folder
opens the roster in it (with several — this year's and last year's — the desk asks which,
newest year first; with none it offers to write one from the reports there, as ``govtui desk
init`` does).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from govtui.cli import is_roster
from govtui.cli.common import EXIT_OK, EXIT_UNREADABLE
from govtui.cli.terminal import editor_refusal, theme_for_terminal
from govtui.errors import LoadError
from govtui.io import roster
from govtui.tui.desk.app import DeskApp


def run(args: argparse.Namespace) -> int:
    """``govtui edit`` of a roster or a folder."""
    return run_desk(Path(args.file), args.as_of)


def rosters_in(folder: Path) -> list[Path]:
    """The rosters directly inside ``folder``, newest collection year first."""
    found = []
    for path in sorted(folder.iterdir()):
        if is_roster(path) and not path.name.endswith(".review.toml"):
            try:
                year = roster.load(path).collection.year or 0
            except LoadError:
                year = 0
            found.append((year, path))
    found.sort(key=lambda item: (-item[0], str(item[1])))
    return [path for _, path in found]


def run_desk(path: Path, as_of: datetime.date | None = None) -> int:
    refusal = editor_refusal()
    if refusal:
        print(refusal.replace("govtui edit", "govtui 收报台"), file=sys.stderr)
        return EXIT_UNREADABLE
    candidates = rosters_in(path) if path.is_dir() else [path]
    folder = path if path.is_dir() else path.parent
    app = DeskApp(candidates, folder=folder, as_of=as_of, theme=theme_for_terminal())
    app.run()
    return app.return_code or EXIT_OK
