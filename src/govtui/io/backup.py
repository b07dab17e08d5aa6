"""One backup generation: ``报告.toml~`` holds the file as it was before govtui last replaced it.

The editor makes it at the first save of each editing session, so it holds the report as it was
when the editor opened it — the version to go back to after a day of edits that turned out
wrong; ``govtui accept`` makes it before it rewrites the file. It is written atomically with
the report's own permissions. Its suffix (``.toml~``) keeps it out of ``check``'s folders.
A symbolic link standing at its name is replaced, never written through.
"""

from __future__ import annotations

import stat
from pathlib import Path

from govtui.controls import visible
from govtui.errors import SaveError
from govtui.io.atomic import atomic_write, describe_os_error


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + "~")


def keep_backup(path: Path) -> Path | None:
    """Copy ``path`` to its backup; ``None`` when there is no file yet. :class:`SaveError` when
    the copy cannot be made (the caller then does not replace the file either)."""
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SaveError(
            f"无法保留备份：读不了 {visible(str(path))}（{describe_os_error(error)}）"
        ) from error
    target = backup_path(path)
    atomic_write(target, data, mode=mode, through_link=False)
    return target
