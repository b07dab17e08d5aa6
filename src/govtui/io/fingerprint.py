"""Has the file changed since the editor read it? Size and time first, the bytes to be sure.

A colleague's copy dropped into the shared folder, a sync tool, ``git pull``: any of them can
replace a report while it is open. Saving over it would silently drop their version, so the
editor remembers what it read and compares before it writes. A file merely touched (same
bytes, new time) has not changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The file's size and time, and its bytes themselves: a report is small, and comparing
    bytes is exact and cheaper to start than a hash library."""

    size: int
    mtime_ns: int
    content: bytes = field(repr=False)

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        """The file as it is now; ``None`` when there is no file (or it cannot be read)."""
        try:
            stat = path.stat()
            data = path.read_bytes()
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, data)


def changed(before: Fingerprint | None, path: Path) -> bool:
    """Whether ``path`` now holds other bytes than it did when ``before`` was taken.

    A file that has gone is no conflict (saving puts it back); a file that appeared where
    there was none is one.
    """
    try:
        stat = path.stat()
    except OSError:
        return False
    if before is None:
        return True
    if (stat.st_size, stat.st_mtime_ns) == (before.size, before.mtime_ns):
        return False
    now = Fingerprint.of(path)
    return now is not None and now.content != before.content
