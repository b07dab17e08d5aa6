"""Has the file changed since the editor read it? Size and time first, the bytes to be sure.

A colleague's copy dropped into the shared folder, a sync tool, ``git pull``: any of them can
replace a report while it is open. Saving over it would silently drop their version, so the
editor remembers what it read and compares before it writes. A file merely touched (same
bytes, new time) has not changed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

# Past this size the bytes are not kept (no report is this large: the loader refuses it);
# size and time alone then tell a change.
_MAX_KEPT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The file's size and time, and its bytes themselves: a report is small, and comparing
    bytes is exact and cheaper to start than a hash library."""

    size: int
    mtime_ns: int
    content: bytes | None = field(repr=False)

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        """The file as it is now; ``None`` when there is no file, it cannot be read, or it is no
        regular file (a FIFO or a device is never read: it could block or never end)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                return None
            data = None
            if status.st_size <= _MAX_KEPT:
                with open(fd, "rb", closefd=False) as file:
                    data = file.read()
        except OSError:
            return None
        finally:
            os.close(fd)
        return cls(status.st_size, status.st_mtime_ns, data)


def changed(before: Fingerprint | None, path: Path) -> bool:
    """Whether ``path`` now holds other bytes than it did when ``before`` was taken.

    A file that has gone is no conflict (saving puts it back); a file that appeared where
    there was none is one.
    """
    try:
        now_stat = path.stat()
    except OSError:
        return False
    if before is None:
        return True
    if (now_stat.st_size, now_stat.st_mtime_ns) == (before.size, before.mtime_ns):
        return False
    now = Fingerprint.of(path)
    return now is not None and (now.content is None or now.content != before.content)
