"""``govtui edit FILE.toml`` (also ``govtui FILE.toml`` and plain ``govtui``): the editor.

The report is read before Textual is imported, so a file that cannot be read is reported on
the terminal like ``check`` does, and the editor opens only on a report it can show. A missing
file starts a new report (next year's draft from last year's, or a blank one) saved to that
name. A published report (``govtui 报告.docx``) is read the same way and the editor offers to
import it into a TOML file beside it, or to open the one already there; without a terminal the
command says how to import it.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtui.cli.check import add_profile_options
from govtui.cli.common import EXIT_OK, EXIT_UNREADABLE
from govtui.controls import visible

if TYPE_CHECKING:
    from govtui.model import Report
    from govtui.tui.app import GovtuiApp


def add_parser(sub: Any) -> None:
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
        type=_date,
        metavar="DATE",
        help="收报台：把这一天当作今天（判断逾期）/ the desk: take DATE as today",
    )
    add_profile_options(parser)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="只读查看任何格式的报告（收报台打开单位报告时使用）/ view any report read-only",
    )


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是日期，应写成 2026-01-26") from None


# The editor draws with box lines, CJK text and colours; the CLI needs none of them.
CLI_HINT = (
    "命令行工具不受影响：govtui check 报告.toml 校验，govtui export 报告.toml 导出，"
    "govtui diff 旧.toml 新.toml 比较。"
)


def run(args: argparse.Namespace) -> int:
    """Open the editor. Start-up makes tens of thousands of objects that live as long as the
    editor (modules, classes, the report); with the collector on, it walks them again and again
    while they are being made, about 60 ms of the launch (``bench/editor.py``). So it is off
    until the editor runs, which takes them out of its sight and turns it back on
    (:meth:`GovtuiApp.run`)."""
    gc.disable()
    try:
        return _open(args)
    finally:
        gc.enable()


def _open(args: argparse.Namespace) -> int:
    from govtui.errors import LoadError
    from govtui.io.reading import IMPORT_SUFFIXES

    path = Path(args.file) if args.file else None
    view = path is not None and getattr(args, "read_only", False)
    if path is not None and not view:
        from govtui.cli.desk_tui import is_roster, run_desk

        if path.is_dir() or is_roster(path):
            return run_desk(path, args.as_of)
    if path is not None and not view and path.suffix.lower() in IMPORT_SUFFIXES and path.exists():
        return _published(path)
    if path is not None and not path.exists() and path.suffix.lower() != ".toml":
        name, toml = visible(str(path)), visible(str(path.with_suffix(".toml")))
        print(
            f"{name} 不存在。新建报告请给出 .toml 文件名，如 {toml}\n"
            f"{name} does not exist; a new report needs a .toml name",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        found = _viewed(path) if view and path is not None else read_for_editing(path)
    except LoadError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_UNREADABLE
    from govtui.profile import Profile, load

    profile: Profile | None = Profile() if args.no_profile else None
    if args.profile and not args.no_profile:
        try:
            profile = load(Path(args.profile))
        except LoadError as error:
            print(error.describe(), file=sys.stderr)
            return EXIT_UNREADABLE
    refusal = editor_refusal()
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_UNREADABLE

    from govtui.tui.app import GovtuiApp
    from govtui.tui.session import Session

    session = None
    if found is not None and path is not None:
        session = Session(
            found[0],
            path,
            saved=found[1],
            read_only=VIEWING if view else None,
            profile=profile,
        )
    return _run(GovtuiApp(session, path=path, theme=theme_for_terminal()))


# ``--read-only``: why the report cannot be changed, as the editor says it.
VIEWING = "收报台查看，只读"


def _viewed(path: Path) -> tuple[Report, bool]:
    """Any report govtui reads, for ``--read-only``: the desk's view of a unit's report (a
    Word, HTML or PDF file shown as imported; nothing is written beside it)."""
    from govtui.io.reading import contained, read_report

    with contained(path):
        return read_report(path).report, True


def _run(app: GovtuiApp) -> int:
    app.run()
    if app.guard is not None and app.guard.farewell:
        print(app.guard.farewell, file=sys.stderr)
    return app.return_code or EXIT_OK


def editor_refusal() -> str:
    """Why the editor cannot start here (no terminal, or one it cannot draw on); empty when
    it can."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return "govtui edit 需要在终端里运行 / the editor needs a terminal"
    return terminal_refusal()


def _published(source: Path) -> int:
    """A published report: import it beside itself and edit that (asked first), or open the
    TOML file an earlier import left there."""
    from govtui.errors import LoadError
    from govtui.io import toml_file
    from govtui.io.reading import contained, read_report

    target = source.with_suffix(".toml")
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        name, toml = visible(str(source)), visible(str(target))
        print(
            f"{name} 是已发布的报告，不是 govtui 的报告文件（.toml）。"
            f"请先导入：govtui import {name} -o {toml}，再用 govtui {toml} 编辑。\n"
            f"{name} is a published report; import it first: govtui import {name} -o {toml}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    refusal = terminal_refusal()
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        # A link that points nowhere counts as a file there: refused, never written through.
        with contained(target):
            existing = toml_file.load(target) if os.path.lexists(target) else None
        loaded = None if existing is not None else read_report(source)
    except LoadError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_UNREADABLE

    from textual.screen import ModalScreen

    from govtui.tui.app import GovtuiApp
    from govtui.tui.screens.import_prompt import ImportScreen, OpenImportedScreen
    from govtui.tui.session import Session

    if existing is not None:
        prompt: ModalScreen[Session | None] = OpenImportedScreen(source, Session(existing, target))
    else:
        assert loaded is not None
        prompt = ImportScreen(loaded, target)
    return _run(GovtuiApp(None, path=target, prompt=prompt, theme=theme_for_terminal()))


def read_for_editing(path: Path | None) -> tuple[Report, bool] | None:
    """The report to open and whether it is saved as it is; ``None`` to ask for a new one.

    A missing file with a recovery copy beside it is a new report that was never saved: it
    opens blank under the copy's agency and year, unsaved, and the editor offers the copy
    (rather than asking for the agency again). :class:`LoadError` when the file is unreadable.
    """
    from govtui.errors import LoadError
    from govtui.io import recovery, toml_file
    from govtui.io.reading import contained
    from govtui.model import Report

    if path is None:
        return None
    if path.exists():
        with contained(path):
            return toml_file.load(path), True
    try:
        with contained(recovery.recovery_path(path)):
            copy = recovery.read(path)
    except LoadError:
        return None  # the editor sets the copy aside and says so
    return (Report.blank(copy.agency, copy.year), False) if copy is not None else None


def terminal_refusal() -> str:
    """Why the editor cannot run in this terminal, in words; empty when it can.

    ``TERM=dumb`` (Emacs shell buffers, some CI consoles) cannot move the cursor. A terminal
    whose encoding is not UTF-8 (``LANG=zh_CN.GBK``) would show the editor's text garbled.
    A plain ``LANG=C`` is fine: Python reads it as UTF-8 (PEP 538).
    """
    if os.environ.get("TERM") == "dumb":
        return (
            "这个终端（TERM=dumb）不能显示全屏编辑器。请在普通终端里运行（如 TERM=xterm-256color"
            f" 或 TERM=linux）。{CLI_HINT}\nTERM=dumb cannot show the editor: use the commands."
        )
    encoding = (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "")
    if encoding not in ("utf8", "utf8sig"):
        return (
            f"编辑器需要 UTF-8 编码的终端，当前是 {sys.stdout.encoding}。请把终端的字符编码设为"
            " UTF-8，并设置 export LANG=zh_CN.UTF-8（或 C.UTF-8）后再运行。"
            f"{CLI_HINT}\nThe editor needs a UTF-8 terminal: set LANG=C.UTF-8 (or zh_CN.UTF-8)."
        )
    return ""


def theme_for_terminal() -> str | None:
    """The terminal's own 16-colour palette where that is all there is (TERM=linux, plain
    xterm): Textual's default theme rounds its light reds and greys all to white there."""
    from rich.console import Console

    if "TEXTUAL_THEME" in os.environ:
        return None
    colours = Console(file=sys.__stderr__).color_system
    return "ansi-dark" if colours == "standard" else None
