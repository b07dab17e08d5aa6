"""The ``govtui`` command's arguments: argparse in Chinese, and every sub-command's options.

Only argparse and light modules are imported here, so that ``govtui --help`` and the parsing of
any command load none of what the commands run; :func:`govtui.cli.main` imports the chosen
sub-command's module after parsing.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from typing import Any

from govtui import __version__
from govtui.io.exporters import DEFAULT, EXPORTERS
from govtui.linebreak import width

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


class _Intermixed(Parser):
    """Options anywhere among the words (``desk 名单.toml --as-of D show 单位``): argparse
    alone stops the words at the first option. Parsed as ``parse_intermixed_args`` does.

    That method keeps the usage for its errors by cutting ``usage: `` off the front of
    :meth:`format_usage`; it is given argparse's own, or it would cut into the Chinese prefix
    (``用法 / usage: age: govtui desk``)."""

    _inside = False

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._inside:
            return super().parse_known_args(args, namespace)
        self._inside = True
        usage = self.usage
        if usage is None:
            self.usage = argparse.ArgumentParser.format_usage(self).removeprefix("usage: ")
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._inside = False
            self.usage = usage


# ------------------------------------------------------------ shared options


def add_profile_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="规则配置文件（默认在报告所在文件夹及其上级查找 govtui.toml）/ the rule profile "
        "(default: govtui.toml in the report's folder or a parent)",
    )
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help="不使用任何规则配置 / ignore every rule profile",
    )


def add_year_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--copied-threshold",
        metavar="SHARE",
        type=threshold,
        default=None,
        help="与上年雷同的阈值，如 0.5 或 50%% / share of reused text above which copied_text "
        "warns (default 0.5)",
    )


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=int,
        default=0,
        help="并行进程数（默认每个 CPU 一个）/ worker processes (default: one per CPU)",
    )


def threshold(text: str) -> float:
    """``0.5`` or ``50%``: a share of the text, as argparse reads it."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是比例，应写成 0.5 或 50%") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"「{text}」应在 0 和 1（100%）之间")
    return value


def iso_date(text: str) -> datetime.date:
    """``2026-01-26``, as argparse reads a date (``--as-of``, ``--until``)."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是日期，应写成 2026-01-26") from None


# ------------------------------------------------------------ the sub-commands
# One function per sub-command, named after it, declaring its parser on argparse's sub-parsers
# ``sub``; the module that runs it is named in :data:`govtui.cli.RUNNERS`.


def edit(sub: Any) -> None:
    parser = sub.add_parser(
        "edit",
        help="在终端编辑报告 / edit a report in the terminal",
        description=(
            "打开全屏编辑器。文件不存在时由上年报告生成本年草稿，或新建空白报告；"
            "给出已发布的报告（.docx .pdf .xlsx .html .md .txt）时提议导入为旁边的 .toml 文件后编辑。\n"
            "Open the full-screen editor; a missing FILE starts next year's draft from last "
            "year's report, or a blank report, saved to it; a published report is offered for "
            "import into a .toml file beside it."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE.toml",
        help="报告文件，或名单（收报台）/ report file, or a roster (the desk) (optional)",
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="收报台：把这一天当作今天（判断逾期）/ the desk: take DATE as today",
    )
    add_profile_options(parser)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="只读查看任何格式的报告（收报台打开单位报告时使用）/ view any report read-only",
    )


def check(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="校验报告 / check reports against the form's rules",
        description=(
            "校验一个或多个报告文件（文件夹表示其中所有报告文件，也可用通配符）。\n"
            "文件中写明上年报告（previous）时自动做跨年度校验。\n"
            "Check report files (a folder means every report file in it; globs work too).\n"
            "Cross-year rules run when the file names last year's report, or with --previous.\n"
            "退出码 / exit status: 0 无错误 no errors (warnings allowed), "
            "1 有错误 errors found, 2 无法读取 an input could not be read."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|FOLDER",
        help="报告文件或文件夹 / report files or folders",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    add_year_options(parser)
    parser.add_argument(
        "--previous",
        metavar="LAST",
        help="上年报告（只校验一个文件时）/ last year's report (with a single input)",
    )
    add_profile_options(parser)
    add_jobs_option(parser)


def export(sub: Any) -> None:
    formats = "\n".join(f"  {e.name:<5} {e.label}" for e in EXPORTERS)
    parser = sub.add_parser(
        "export",
        help="生成发布用报告 / write the report for publication",
        description=(
            "按官方格式生成报告。默认写在报告文件旁边，扩展名随格式而定。\n"
            "Write the report in the official layout, next to the report file by default.\n\n"
            f"格式 / formats:\n{formats}\n\n"
            "Word 格式需要可选组件 / Word needs the extra: pip install 'govtui[docx]'"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="报告文件 / report file (.toml)")
    parser.add_argument(
        "-f",
        "--format",
        choices=[e.name for e in EXPORTERS],
        default=DEFAULT,
        help=f"输出格式，默认 {DEFAULT} / output format (default {DEFAULT})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="输出文件，- 表示标准输出（文本格式）/ output file, - for stdout (text formats)",
    )


def import_(sub: Any) -> None:
    parser = sub.add_parser(
        "import",
        help="导入已发布的报告 / import a published report",
        description=(
            "把已发布的年度报告（.md、.txt、.html、.htm、.docx、.pdf、.xlsx）转为 govtui 报告文件。\n"
            "默认写在原文件旁边（同名 .toml）；已有同名文件时需加 --force 才覆盖。\n"
            "Turn a published report into a govtui file, next to it by default (same name, .toml).\n"
            "退出码 / exit status: 0 已写出 written, 2 无法读取或写入 unreadable or not written."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("report", metavar="REPORT", help="已发布的报告 / the published report")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.toml",
        help="输出文件，- 表示标准输出 / output file, - for stdout",
    )
    parser.add_argument(
        "--force", action="store_true", help="覆盖已有文件 / overwrite an existing file"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="以 JSON 输出导入依据（各表位置、各行如何对应、注意事项）和校验结果"
        " / print the evidence and findings as JSON",
    )


def new(sub: Any) -> None:
    parser = sub.add_parser(
        "new",
        help="新建报告（空白，或由上年报告生成） / create a blank report or next year's draft",
        description=(
            "新建空白报告文件；或用 --from 由上年报告生成本年草稿：机关不变，年度加一，"
            "上年结转取自上年的结转下年度，现行有效件数接续，文字保留为起草底稿"
            "（在重写之前会被标为与上年雷同）。\n"
            "Create a blank report file, or with --from next year's draft from last year's report."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE.toml", help="要创建的文件 / file to create")
    parser.add_argument(
        "--from",
        dest="last",
        metavar="LAST",
        help="上年报告，由它生成本年草稿 / last year's report to start from",
    )
    parser.add_argument("--agency", help="机关名称（用 --from 时可省略）/ agency name")
    parser.add_argument("--year", type=int, help="报告年度（用 --from 时为上年加一）/ report year")
    parser.add_argument(
        "--force", action="store_true", help="覆盖已有文件 / overwrite an existing file"
    )


def diff(sub: Any) -> None:
    parser = sub.add_parser(
        "diff",
        help="比较两份报告（两个版本或两个年度）/ what changed between two reports",
        description=(
            "比较两份报告：列出不同的数字（旧 → 新，差值）和改动过的文字段落。\n"
            "Compare two reports: the counts that differ and the prose that changed.\n"
            "退出码 / exit status: 0 相同 same, 1 有不同 different, 2 无法读取 unreadable."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="旧报告（如上年）/ the older report")
    parser.add_argument("new", metavar="NEW", help="新报告 / the newer report")


def aggregate(sub: Any) -> None:
    parser = sub.add_parser(
        "aggregate",
        help="汇总多个单位的报告 / sum many agencies' reports",
        description=(
            "汇总同一年度多个单位的报告：每个数字和收费金额精确相加，文字留给汇总单位撰写；"
            "列出每份报告自身的校验结果。年度不同、同一单位重复、无法读取的报告不计入，"
            "此时不写出汇总报告。\n"
            "Sum many agencies' reports of one year exactly (prose left empty), listing each "
            "input's findings. Reports of another year, duplicates of one agency and unreadable "
            "files are refused, and then no sum is written.\n"
            "退出码 / exit status: 0 全部计入且无错误 all counted, no errors; "
            "1 已写出但有错误或有单位未报送 written, with errors or missing units; "
            "2 有报告未计入 an input was refused (nothing written)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE|FOLDER|GLOB",
        help="报告文件、文件夹或通配符（有名单时可省略，用名单中的文件）/ reports",
    )
    parser.add_argument("-o", "--output", metavar="SUM.toml", help="汇总报告 / the sum report")
    parser.add_argument("--agency", help="汇总单位名称（用 -o 时必填）/ the collecting office")
    parser.add_argument("--roster", metavar="UNITS.toml", help="应报送单位名单 / the roster")
    parser.add_argument(
        "--year", type=int, help="汇总年度（默认取第一份报告的年度）/ the year summed"
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument(
        "--force",
        action="store_true",
        help="汇总报告文件无法读取时也覆盖 / overwrite an unreadable SUM.toml",
    )
    add_year_options(parser)
    add_jobs_option(parser)


def accept(sub: Any) -> None:
    parser = sub.add_parser(
        "accept",
        help="说明理由后接受一条警告 / accept a warning with a reason",
        description=(
            "说明理由后接受一条警告，记录在报告文件中；不给规则时列出可以接受的警告及其位置。"
            "错误不能接受。\n"
            "Accept a warning with a reason, stored in the report file; without RULE, list the "
            "warnings and their places. Errors cannot be accepted."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE.toml", help="报告文件 / report file")
    parser.add_argument("rule", nargs="?", metavar="RULE", help="规则，如 in_force / rule id")
    parser.add_argument(
        "place",
        nargs="?",
        metavar="PLACE",
        help="位置，如 proactive.normative_documents.in_force（该规则只有一条警告时可省略）"
        " / place key (may be left out when the rule has one warning)",
    )
    parser.add_argument("--reason", "-m", metavar="TEXT", help="接受的理由 / the reason")


def desk(sub: Any) -> None:
    parser = sub.add_parser(
        "desk",
        help="收报台：名单上各单位的报送、校验与审核 / the collecting office's desk",
        description=(
            "收报台：按名单（[[unit]]，可有 [collection]）收集各单位报告，显示每个单位的状态、"
            "错误和警告、指标及同比，记录汇总单位的审核决定（名单旁的 .review.toml）。\n"
            "The collecting office's desk: every unit of the roster with its status, findings "
            "and indicators; the office's decisions are kept in a ledger beside the roster.\n\n"
            "  govtui desk 名单.toml [--json] [--as-of 日期] [--sum 汇总.toml]\n"
            "  govtui desk 名单.toml show 单位            该单位的问题及位置\n"
            "  govtui desk 名单.toml approve 单位 [-m 说明]          通过\n"
            "  govtui desk 名单.toml return 单位 -m 理由             退回\n"
            "  govtui desk 名单.toml dismiss 单位 规则 [位置] -m 理由  忽略一条问题\n"
            "  govtui desk 名单.toml confirm 单位 规则 [位置] [-m 整改要求]  确认需整改\n"
            "  govtui desk 名单.toml reopen 单位 [规则 [位置]]        撤销决定\n"
            "  govtui desk 名单.toml received 单位 日期               更正收到日期\n"
            "  govtui desk 名单.toml notice 单位|--all [--format md|docx] [--until 日期] [-o 文件夹]\n"
            "                                          退回/整改通知，每个单位一份\n"
            "  govtui desk 名单.toml --xlsx 工作簿.xlsx --html 收报情况.html   工作簿与网页\n"
            "  govtui desk init 文件夹|名称.txt [-o 名单.toml]        生成名单\n"
            "退出码 / exit status: 0 全部已报送且无待处理错误 all filed, no open error; "
            "1 有单位未报送、逾期、无法读取、被退回或有错误 otherwise; "
            "2 名单无法读取 the roster cannot be read."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("roster", metavar="ROSTER.toml|init", help="名单文件 / the roster")
    parser.add_argument("words", nargs="*", metavar="ACTION", help="操作及其参数 / action")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="以此日期为今天 / take DATE as today"
    )
    parser.add_argument("--sum", metavar="OUT.toml", help="写出汇总报告 / write the sum")
    parser.add_argument(
        "--xlsx", metavar="OUT.xlsx", help="写出工作簿（报送情况、问题清单、汇总、指标）/ workbook"
    )
    parser.add_argument(
        "--html", metavar="OUT.html", help="写出收报情况网页（图表与清单）/ dashboard page"
    )
    parser.add_argument(
        "--all", action="store_true", help="notice：每个需要通知的单位 / every unit"
    )
    parser.add_argument(
        "--format", default="md", metavar="md|docx", help="notice：通知的格式 / format"
    )
    parser.add_argument(
        "--until", type=iso_date, metavar="DATE", help="notice：重新报送的期限 / correction due"
    )
    parser.add_argument("--force", action="store_true", help="覆盖 / overwrite (--sum, init -o)")
    parser.add_argument("-m", "--message", default="", metavar="TEXT", help="理由或说明 / reason")
    parser.add_argument("--by", metavar="NAME", help="经办人（默认登录名）/ who decides")
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="init：名单文件；notice：通知所在文件夹 / init: the roster; notice: the folder",
    )
    add_year_options(parser)
    add_profile_options(parser)
    add_jobs_option(parser)
    parser.__class__ = _Intermixed


def profile(sub: Any) -> None:
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


# In the order ``govtui --help`` lists them.
SUBCOMMANDS = (edit, check, export, import_, new, diff, aggregate, accept, desk, profile)


def build_parser() -> Parser:
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
    for declare in SUBCOMMANDS:
        declare(sub)
    return parser
