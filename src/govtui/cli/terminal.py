"""Whether a full-screen app (the editor, the desk) can run in this terminal, and in which theme.

The editor and the desk draw with box lines, CJK text and colours; the commands need none of
them, so a terminal that cannot show the apps is told to use the commands instead.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

CLI_HINT = (
    "命令行工具不受影响：govtui check 报告.toml 校验，govtui export 报告.toml 导出，"
    "govtui diff 旧.toml 新.toml 比较。"
)


def editor_refusal() -> str:
    """Why the editor cannot start here (no terminal, or one it cannot draw on); empty when
    it can."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        return "govtui edit 需要在终端里运行 / the editor needs a terminal"
    return terminal_refusal()


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
    if "TEXTUAL_THEME" in os.environ:
        return None
    colours = Console(file=sys.__stderr__).color_system
    return "ansi-dark" if colours == "standard" else None
