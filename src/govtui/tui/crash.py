"""A bug in govtui must not cost a clerk their edits, nor greet them with a traceback.

When the editor meets an exception it did not expect, the unsaved edits go to the recovery
copy first; the traceback goes to a file for the maintainers; the terminal gets a few lines of
Chinese saying what happened, where the edits are and where the details are.
"""

from __future__ import annotations

import datetime
import os
import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from govtui import __version__
from govtui.controls import visible

if TYPE_CHECKING:
    from govtui.tui.guard import Guard


def log_folder() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "govtui"


def write_log(error: BaseException) -> Path | None:
    """The traceback in a file of its own (readable by this user only); ``None`` if it fails.

    The name is unpredictable and the file created new (``mkstemp``: ``O_EXCL``, ``O_NOFOLLOW``
    where the system has it), so that a link planted in the shared temporary folder cannot
    make the log overwrite another file."""
    when = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = f"govtui {__version__}\n" + "".join(traceback.format_exception(error))
    for folder in (log_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(
                dir=folder, prefix=f"govtui-crash-{when}-{os.getpid()}-", suffix=".txt"
            )
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def rescue(guard: Guard | None, error: BaseException) -> Text:
    """Keep the edits (``guard`` keeps the open report's; ``None`` before one is open), log the
    details, and return what to print instead of the traceback."""
    saved = guard.rescue() if guard is not None else None
    session = guard.session if guard is not None else None  # None: no report open yet
    lines = ["govtui 遇到程序错误，已退出（这不是操作造成的）。"]
    if saved is not None:
        lines.append(
            f"未保存的修改已写入恢复副本 {visible(str(saved))}："
            f"再次运行 govtui {visible(str(session.path)) if session else ''} 即可恢复。"
        )
    elif session is not None and session.dirty:
        lines.append("未能写入恢复副本：未保存的修改可能丢失。")
    else:
        lines.append("没有未保存的修改。")
    log = write_log(error)
    if log is not None:
        lines.append(f"错误详情已写入 {visible(str(log))}，请把这个文件发给维护者。")
    else:
        lines.append(f"错误：{type(error).__name__}: {visible(str(error))}")
    return Text("\n".join(lines))


def console() -> Console:
    """Where the message goes: standard error, not folded at the terminal's width (a path cut
    in two cannot be copied)."""
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)
