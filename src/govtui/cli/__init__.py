"""The ``govtui`` command: argument parsing and dispatch to one module per sub-command.

Sub-command modules import the model, rules and (for ``edit``) Textual only when they run,
so ``govtui check`` over thousands of files never pays for the terminal UI.
"""

from __future__ import annotations

import argparse
import importlib
import io
import keyword
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from govtui import __version__
from govtui.linebreak import width

# Each name is a module govtui.cli.<name> with ``add_parser(subparsers)`` and ``run(args)``
# (a name that is a Python keyword lives in <name>_: ``import`` in ``import_.py``).
COMMANDS = (
    "edit",
    "check",
    "export",
    "import",
    "new",
    "diff",
    "aggregate",
    "accept",
    "desk",
    "profile",
)

DESCRIPTION = """\
govtui — 政府信息公开工作年度报告编辑与校验工具（2021 年国家格式）
govtui — editor and checker for the annual report on government information disclosure
(政府信息公开工作年度报告, national form of 2021).

常用 / common:
  govtui 报告.toml                 在终端编辑报告 / edit a report (same as govtui edit)
  govtui check 报告.toml           校验报告（勾稽关系等）/ check a report
  govtui export 报告.toml [--format md|html|docx|json]
                                   生成发布用报告 / write the report for publication
  govtui new 报告.toml --agency 机关 --year 2024   新建空白报告 / new blank report
  govtui import 去年的报告.docx -o 报告.toml       导入已发布的报告 / import a published report
  govtui new 2025.toml --from 2024.toml   由上年报告生成本年草稿 / next year's draft
  govtui diff 2024.toml 2025.toml         比较两份报告 / what changed
  govtui aggregate 文件夹 -o 汇总.toml --agency 汇总单位   汇总 / sum many reports
  govtui accept 报告.toml in_force -m 理由   说明理由后接受警告 / accept a warning
  govtui desk 名单.toml            收报台：各单位报送与审核 / the collecting office's desk
  govtui profile [报告或文件夹]             生效的规则配置 / the rule profile in force
"""


# argparse's own words, in Chinese: its errors (Python 3.11-3.13 spell them so) and headings.
USAGE = "用法 / usage: "
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^argument (.+?): ", r"参数 \1："),
    (r"invalid choice: (.+?) \(choose from (.+)\)$", r"没有 \1 这一项（可选：\2）"),
    (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数：\1"),
    (r"expected one argument", "后面需要一个值"),
    (r"expected at least one argument", "后面需要至少一个值"),
    (r"expected (\d+) arguments?", r"后面需要 \1 个值"),
    (r"invalid int value: (.+)", r"\1 不是整数"),
    (r"invalid float value: (.+)", r"\1 不是数字"),
    (r"invalid (\w+) value: (.+)", r"\2 不是有效的值"),
    (r"not allowed with argument (.+)", r"不能与参数 \1 同时使用"),
    (r"ignored explicit argument (.+)", r"多余的值 \1"),
    (r"ambiguous option: (.+?) could match (.+)", r"选项 \1 有歧义，可能是 \2"),
    (r"one of the arguments (.+) is required", r"必须给出参数 \1 之一"),
)


def chinese_error(message: str) -> str:
    """argparse's error message in Chinese (what is not known stays as it is)."""
    for pattern, replacement in _ERRORS:
        message = re.sub(pattern, replacement, message)
    return message


class Parser(argparse.ArgumentParser):
    """argparse speaking Chinese (with English beside it where the help is bilingual): the
    headings of ``--help``, its own ``-h`` line and its errors. Sub-commands' parsers are
    made by ``add_parser`` of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数 / arguments"
        self._optionals.title = "选项 / options"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="显示本帮助并退出 / show this help and exit",
            )

    def format_usage(self) -> str:
        return _usage(super().format_usage())

    def format_help(self) -> str:
        return _usage(super().format_help())

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


def _usage(text: str) -> str:
    """argparse's usage under the Chinese prefix, its continuation lines moved along with it
    (the prefix is wider than ``usage: ``)."""
    if not text.startswith("usage: "):
        return text
    lines = text.removeprefix("usage: ").split("\n")
    shift = " " * (width(USAGE) - len("usage: "))
    end = lines.index("") if "" in lines else len(lines)
    moved = [lines[0], *(shift + line for line in lines[1:end]), *lines[end:]]
    return USAGE + "\n".join(moved)


def _command(name: str) -> Any:
    module = f"{name}_" if keyword.iskeyword(name) else name
    return importlib.import_module(f"govtui.cli.{module}")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="govtui",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"govtui {__version__}",
        help="显示版本 / show the version",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令 / command")
    for name in COMMANDS:
        _command(name).add_parser(sub)
    return parser


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
    module = _command(args.command)
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code
