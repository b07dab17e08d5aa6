"""One report file on disk, handled the same way by everything that writes one.

The editor and every command that writes a report (``accept``, ``new``, ``import``,
``aggregate -o``) go through a :class:`Document`, so that each honours what the others do:

- **The lock** beside the file (:mod:`govtui.io.lock`) says that a govtui edits it. The editor
  takes it on opening; a command takes it for the moment of its write (:meth:`Document.held`)
  and refuses with :class:`Locked`, naming the holder, when another govtui has it.
- **What was read** (a :class:`~govtui.io.fingerprint.Fingerprint`): a save over a file that
  someone else has saved since is refused (:class:`ChangedOnDisk`) unless the caller says so.
- **The backup** (``报告.toml~``) holds the file as it was before the first save of this
  document, and again before a changed file is overwritten.
- **The save** is atomic (:mod:`govtui.io.atomic`); so is the **recovery copy** of unsaved
  edits (:mod:`govtui.io.recovery`).

Auxiliary files — backup, recovery copy, lock — are never written through a symbolic link
standing at their names: the link is replaced, and :meth:`Document.take_notes` says so for the
caller to show. The report itself is written through a link that points to a file (the clerk
chose it), while a link that points nowhere counts as an existing file (:attr:`Document.exists`)
and is replaced, never followed.

Nothing here knows of Textual: the editor's session holds one document, each command makes one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from govtui.controls import visible
from govtui.errors import SaveError
from govtui.io import lock, recovery, toml_file
from govtui.io.atomic import link_note
from govtui.io.backup import backup_path, keep_backup
from govtui.io.fingerprint import Fingerprint, changed
from govtui.io.reading import contained
from govtui.model import Report


class Locked(SaveError):
    """Another govtui holds the file: nothing was written."""

    def __init__(self, path: Path, holder: lock.Holder) -> None:
        self.holder = holder
        super().__init__(
            f"「{visible(path.name)}」正在由另一个 govtui 编辑（{holder.describe()}），没有写入。"
            "请等那个编辑器退出后再试；确知它已不在运行时，删除锁文件 "
            f"{visible(lock.lock_path(path).name)}。"
        )


class ChangedOnDisk(SaveError):
    """The file is not what was read: someone else has saved it since."""


def not_writable(path: Path) -> str:
    """Why a save cannot replace ``path`` (an atomic save writes a new file in its folder), in
    words; empty when it can."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return "文件夹不存在"
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK | os.X_OK):
        return "没有写入权限"
    return ""


class Document:
    """The report file ``path`` as this process knows it: what it held when read, whether this
    process holds its lock, whether its backup has been kept."""

    def __init__(self, path: Path, *, backed_up: bool = False) -> None:
        self.path = path
        self.disk = Fingerprint.of(path)
        self.lock: lock.Lock | None = None
        self._backed_up = backed_up  # a new file has nothing to keep
        self._notes: list[str] = []

    @property
    def exists(self) -> bool:
        """Whether anything stands at the path, a link that points nowhere included."""
        return self.path.exists() or self.path.is_symlink()

    @property
    def backup_path(self) -> Path:
        return backup_path(self.path)

    def load(self) -> Report:
        """Read the report, remembering what the file held (taken first: a change in between
        then shows as a conflict, never the other way). :class:`LoadError` when unreadable."""
        self.disk = Fingerprint.of(self.path)
        with contained(self.path):
            return toml_file.load(self.path)

    def changed(self) -> bool:
        """Whether the file holds other bytes than when it was read (see :func:`changed`)."""
        return changed(self.disk, self.path)

    def take_notes(self) -> list[str]:
        """What the user should be told about the files beside the report (a link replaced),
        once."""
        notes, self._notes = self._notes, []
        return notes

    def _note(self, text: str) -> None:
        if text and text not in self._notes:
            self._notes.append(text)

    # ------------------------------------------------------------------ the lock

    def acquire(self) -> lock.Holder | None:
        """Take the file's lock: the :class:`~govtui.io.lock.Holder` when another live govtui
        has it; ``None`` when it is ours now, or when no lock can be made here (a read-only
        folder, where nothing can be saved either)."""
        if self.lock is not None:
            return None
        note = link_note(lock.lock_path(self.path))
        result = lock.acquire(self.path)
        if isinstance(result, lock.Lock):
            self.lock = result
            self._note(note)
            return None
        return result

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    @contextlib.contextmanager
    def held(self) -> Iterator[Document]:
        """The lock for the length of one command's write; :class:`Locked` when another govtui
        holds the file. A lock this document held before stays held."""
        had = self.lock is not None
        holder = self.acquire()
        if holder is not None:
            raise Locked(self.path, holder)
        try:
            yield self
        finally:
            if not had:
                self.release()

    # ------------------------------------------------------------------ saving

    def save(self, report: Report, *, overwrite: bool = False, backup: bool = True) -> Path:
        """Write ``report`` atomically; :class:`SaveError` leaves the file as it was.

        :class:`ChangedOnDisk` when the file changed since it was read, unless ``overwrite``.
        With ``backup``, the file as it was is kept as ``报告.toml~`` at the first save, and
        again before a changed file is overwritten, so that no one's version is simply lost.
        """
        conflict = self.changed()
        if conflict and not overwrite:
            raise ChangedOnDisk(f"「{visible(self.path.name)}」在读取之后被别的程序改过，没有覆盖")
        if backup and (conflict or not self._backed_up):
            note = link_note(self.backup_path)
            if keep_backup(self.path) is not None:
                self._note(note)
            self._backed_up = True
        if self.path.is_symlink() and not self.path.exists():
            self._note(link_note(self.path))
        toml_file.save(report, self.path)
        self.disk = Fingerprint.of(self.path)
        return self.path

    def save_as(self, report: Report, target: Path) -> Document:
        """Write ``report`` to the new file ``target``, locked for this process first, and
        return its document. :class:`SaveError` when ``target`` exists (nothing is written),
        :class:`Locked` when another govtui holds it."""
        copy = Document(target, backed_up=True)
        if copy.exists:
            raise SaveError(f"「{visible(target.name)}」已经存在，没有另存")
        holder = copy.acquire()
        if holder is not None:
            raise Locked(target, holder)
        try:
            copy.save(report, backup=False)
        except SaveError:
            copy.release()
            raise
        return copy

    # ------------------------------------------------------------------ the recovery copy

    def write_recovery(self, report: Report) -> Path:
        """Keep unsaved edits beside the file; :class:`SaveError` when that cannot be done."""
        note = link_note(recovery.recovery_path(self.path))
        target = recovery.write(report, self.path)
        self._note(note)
        return target

    def read_recovery(self) -> Report | None:
        """The recovery copy, ``None`` when there is none; :class:`LoadError` when it cannot
        be read (or is a link)."""
        return recovery.read(self.path)

    def remove_recovery(self) -> None:
        recovery.remove(self.path)
