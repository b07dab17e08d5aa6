"""Atomic file writes: a reader sees the old file or the new one, never half of either.

The bytes go to a temporary file in the same folder (same file system, so the rename is
atomic), are flushed and fsynced, take over the old file's permissions, and replace it with
``os.replace``; the folder is fsynced so the rename itself survives a power cut.

Symbolic links. The report itself, opened through a link to a file, is written through it (the
file it points to is replaced, the link stays): the clerk chose that link. Anything else — a
link that points nowhere, and any link standing where govtui puts a file of its own beside the
report (backup, recovery copy, lock: ``through_link=False``) — is replaced by the new file,
never followed, so a link planted in a shared folder cannot make govtui write elsewhere.
The temporary file has an unpredictable name and is created with ``O_EXCL`` and, where the
system has it, ``O_NOFOLLOW`` (``tempfile.mkstemp``). Windows has no ``O_NOFOLLOW``: there the
temporary file rests on ``O_EXCL`` and its random name, and the rename replaces a link standing
at the target rather than following it (creating links there needs administrator rights or
developer mode; this is not tested on Windows).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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


def link_note(path: Path) -> str:
    """What to tell the user when a symbolic link stands at ``path``, where govtui is about to
    put a file of its own (it is replaced, never followed); empty when there is none."""
    try:
        points_to = os.readlink(path)
    except OSError:
        return ""
    return (
        f"「{visible(path.name)}」原是一个指向 {visible(points_to)} 的符号链接，"
        "已换成 govtui 自己的文件；链接指向的文件没有被改动。"
    )


def atomic_write(
    path: Path, data: bytes, *, mode: int | None = None, through_link: bool = True
) -> None:
    """Replace ``path`` with ``data`` atomically; raise :class:`SaveError` and leave it intact.

    The file keeps the permissions it had; ``mode`` sets them instead (a copy of a report —
    its backup, its recovery copy — is no more readable than the report itself). A link to a
    file is written through unless ``through_link`` is false; see above.
    """
    path = Path(path)
    if through_link and path.is_symlink() and path.exists():
        # Write through the link, as vim and Word do: replacing the link itself with a file
        # would leave the shared report it points to unchanged, the edit on a private copy.
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        before = None
    except OSError as error:
        raise SaveError(f"无法保存 {visible(str(path))}：{describe_os_error(error)}") from error
    if before is not None and stat.S_ISDIR(before.st_mode):
        raise SaveError(f"无法保存 {visible(str(path))}：这是一个文件夹")
    if mode is None and before is not None and stat.S_ISREG(before.st_mode):
        mode = stat.S_IMODE(before.st_mode)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
            if mode is None:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            # By descriptor, not by name: the name could be swapped for a link meanwhile.
            if hasattr(os, "fchmod"):
                os.fchmod(tmp.fileno(), mode)
            else:  # Windows: only the read-only bit exists there
                os.chmod(tmp_name, mode)
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
