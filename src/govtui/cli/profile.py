"""``govtui profile``: the rule profile in force for a report or folder, and where each
setting came from (the ``govtui.toml`` and its line, or the default)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govtui.cli.common import EXIT_OK, fail
from govtui.controls import visible
from govtui.errors import LoadError
from govtui.profile import for_report


def run(args: argparse.Namespace) -> int:
    try:
        profile = for_report(Path(args.path), Path(args.profile) if args.profile else None)
    except LoadError as error:
        return fail(error.describe())
    for line in profile.describe():
        print(visible(line))
    return EXIT_OK
