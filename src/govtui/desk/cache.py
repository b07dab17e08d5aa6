"""Results kept between desk runs, keyed by content, in the user's cache folder.

An office looks at its desk again and again while reports trickle in; re-reading three
thousand unchanged reports each time would be the slow part. What a worker found for a file
is stored under the hash of its bytes (and of last year's file it was compared with, and the
settings), so a run with nothing changed parses nothing — also after the folder was copied or
touched, since only the content counts. The store is one SQLite file in ``$XDG_CACHE_HOME/govtui``
(``~/.cache/govtui``); when it cannot be used (a read-only home) the desk simply reads every
file, and a damaged entry is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from govtui import __version__

# Bump when what is stored changes shape or meaning (a new rule, another Outcome).
SCHEMA = 3


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govtui"


def content_hash(data: bytes) -> str:
    """The hash of a file's bytes: what "changed" means for the desk."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def file_hash(path: Path) -> str | None:
    """The hash of the file's content; ``None`` when there is no readable file."""
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None


@functools.cache
def code_version() -> str:
    """A mark of govtui's own source as installed: a new rule or a changed reader makes every
    cached outcome stale, whatever the version number says.

    Each source file's name, size and modification time (to the nanosecond) rather than its
    content: an edited or reinstalled file gets a new time, and reading the 160-odd files
    cost every look 4 ms alone and far more on the build thread, each read giving up the
    interpreter to the screen being drawn (see the README's desk speed section).
    """
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    digest = hashlib.blake2b(digest_size=12)
    for folder, folders, files in os.walk(package):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                where = os.path.relpath(os.path.join(folder, name), package)
                digest.update(f"{where}\x1f{info.st_size}\x1f{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class Cache:
    """``get``/``put`` of picklable values by key; every failure is a miss, never an error."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or folder() / "desk.sqlite3"
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=10)
            self._db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB)")
        except (OSError, sqlite3.Error):
            self._db = None

    @staticmethod
    def key(*parts: object) -> str:
        return "\x1f".join(map(str, (SCHEMA, __version__, code_version(), *parts)))

    def get(self, key: str) -> Any | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
            return pickle.loads(row[0]) if row else None
        except Exception:  # a damaged or foreign entry: read the file again
            return None

    def put(self, key: str, value: Any) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "INSERT OR REPLACE INTO entry VALUES (?, ?)",
                (key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
            )

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.commit()
                self._db.close()
            self._db = None
