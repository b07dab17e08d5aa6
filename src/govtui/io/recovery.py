"""The recovery copy: ``.报告.toml.govtui-recover``, the unsaved edits of a report being edited.

The editor writes it (atomically, as a complete report file) a few seconds after the last edit,
on every screen change, and when the terminal goes away (SIGHUP), on SIGTERM and on a crash;
a SIGKILL leaves the last one. The next ``govtui 报告.toml`` offers it back. It is removed once
the report is saved or the edits are discarded. The leading dot and the suffix keep it out of
folder listings and of ``check``; ``.gitignore`` should list ``*.govtui-recover``.

A symbolic link standing at its name is never followed: writing replaces it, and reading
refuses it (:class:`LoadError`, so that the editor sets it aside and says so) — a link planted
in a shared folder must neither be offered back as someone's edits nor receive them.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import stat
from pathlib import Path

from govtui.controls import visible
from govtui.errors import LoadError, Problem
from govtui.io import toml_file
from govtui.io.atomic import atomic_write
from govtui.model import Report

SUFFIX = ".govtui-recover"


def recovery_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{SUFFIX}")


def write(report: Report, path: Path) -> Path:
    """Write the recovery copy of the report ``path``; :class:`SaveError` when it cannot be."""
    target = recovery_path(path)
    when = datetime.datetime.now().isoformat(sep=" ", timespec="seconds")
    header = (
        f"# govtui 恢复副本：{visible(path.name)} 未保存的修改（{when}，进程 {os.getpid()}）。\n"
        f"# 用 govtui {visible(path.name)} 打开时可以恢复；保存或丢弃后自动删除。\n"
    )
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o600  # a report not saved yet: readable by its writer only
    data = (header + toml_file.dumps(report)).encode("utf-8")
    atomic_write(target, data, mode=mode, through_link=False)
    return target


def read(path: Path) -> Report | None:
    """The recovery copy of ``path``, or ``None`` when there is none; :class:`LoadError` when it
    cannot be read (a newer govtui wrote it, someone edited it)."""
    target = recovery_path(path)
    if target.is_symlink():
        message = "这是一个符号链接，不是 govtui 写的恢复副本"
        raise LoadError(target, [Problem(message)])
    if not target.exists():
        return None
    return toml_file.load(target)


def written_at(path: Path) -> str:
    """When the recovery copy of ``path`` was written, for the prompt."""
    try:
        mtime = recovery_path(path).stat().st_mtime
    except OSError:
        return ""
    return datetime.datetime.fromtimestamp(mtime).strftime("%Y-%m-%d %H:%M:%S")


def remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        recovery_path(path).unlink()


def set_aside(path: Path) -> Path | None:
    """Rename an unreadable recovery copy out of the way (never deleted: it may be all there
    is of someone's work); the new name, or ``None`` when even that fails."""
    source = recovery_path(path)
    when = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}-{when}")
    try:
        source.rename(target)
    except OSError:
        return None
    return target
