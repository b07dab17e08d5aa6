"""``govtui profile``: the rule profile in force for a report or folder, and where each
setting came from (the ``govtui.toml`` and its line, or the default)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from govtui.cli.common import EXIT_OK, fail


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "profile",
        help="显示生效的规则配置 / show the rule profile in force",
        description=(
            "显示对某个报告或文件夹生效的规则配置（govtui.toml），以及每项设置的来源。\n"
            "Show the rule profile (govtui.toml) in force for a report or folder, and where "
            "each setting came from.\n"
            "退出码 / exit status: 0 可以使用 usable, 2 配置有误 the profile is refused."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="PATH",
        help="报告文件或文件夹（默认当前文件夹）/ a report or folder (default: here)",
    )
    parser.add_argument("--profile", metavar="FILE", help="指定规则配置文件 / a profile file")


def run(args: argparse.Namespace) -> int:
    from govtui.controls import visible
    from govtui.errors import LoadError
    from govtui.profile import for_report

    try:
        profile = for_report(Path(args.path), Path(args.profile) if args.profile else None)
    except LoadError as error:
        return fail(error.describe())
    for line in profile.describe():
        print(visible(line))
    return EXIT_OK
