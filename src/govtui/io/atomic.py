"""Atomic file writes: a reader sees the old file or the new one, never half of either.

The bytes go to a temporary file in the same folder (same file system, so the rename is
atomic), are flushed and fsynced, take over the old file's permissions, and replace it with
``os.replace``; the folder is fsynced so the rename itself survives a power cut. A symbolic
link is written through: the file it points to is replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from govtui.controls import visible
from govtui.errors import SaveError

_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统是只读的",
    errno.ENOENT: "文件夹不存在",
    errno.EISDIR: "这是一个文件夹",
}


def describe_os_error(error: OSError) -> str:
    """A short Chinese reason for an OS error, falling back to the system's own words."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically; raise :class:`SaveError` and leave it intact.

    The file keeps the permissions it had; ``mode`` sets them instead (a copy of a report —
    its backup, its recovery copy — is no more readable than the report itself).
    """
    import tempfile  # with ``random`` and ``hashlib``: not needed until the first save

    path = Path(path)
    if path.is_symlink():
        # Write through the link, as vim and Word do: replacing the link itself with a file
        # would leave the shared report it points to unchanged, the edit on a private copy.
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if mode is None:
            mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise SaveError(f"无法保存 {visible(str(path))}：{describe_os_error(error)}") from error
    if path.is_dir():
        raise SaveError(f"无法保存 {visible(str(path))}：这是一个文件夹")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise SaveError(f"无法保存 {visible(str(path))}：{describe_os_error(error)}") from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems refuse to fsync a folder, which is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
