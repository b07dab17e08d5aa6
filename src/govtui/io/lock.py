"""A lock beside the report while one govtui edits it: ``.报告.toml.govtui-lock``.

Two editors on one file overwrite each other's work at every save. The lock says who holds
the file (process, host, user, since when), so a second ``govtui 报告.toml`` can say so and
offer to open it read-only. A lock whose process is gone — killed, crashed, a rebooted
server — is stale: on the same host that is checked (the process id no longer runs govtui)
and the lock is taken over. A lock from another host cannot be checked and is believed; the
message names the file to delete when that host is known to be down.

The lock is created whole with a hard link (atomic, and it fails if the lock exists), falling
back to an exclusive create on file systems without links. Its temporary file has an
unpredictable name and is created with ``O_EXCL``/``O_NOFOLLOW``, and
a lock is read only when it is a regular file: a symbolic link planted at either name is never
followed; one standing as the lock counts as no lock and is replaced.
"""

from __future__ import annotations

import contextlib
import datetime
import getpass
import os
import platform
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from govtui.controls import visible


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a lock, as written in it."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        who = visible(f"{self.user}@{self.host}" if self.user else self.host)
        return f"{who}，进程 {self.pid}，自 {visible(self.since)} 起"

    @property
    def here(self) -> bool:
        return self.host == host_name()


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.govtui-lock")


def host_name() -> str:
    """This machine's name, as ``hostname`` prints it, on every system (``os.uname`` is
    POSIX-only; ``platform`` is loaded anyway, by pydantic)."""
    return platform.node()


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no such user; Windows without USERNAME
        user = ""
    since = datetime.datetime.now().isoformat(sep=" ", timespec="seconds")
    return Holder(os.getpid(), host_name(), user, since)


def _text(holder: Holder) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return (
        "# govtui：此报告正在编辑。编辑器退出时自动删除。\n"
        f"pid = {holder.pid}\nhost = {quoted(holder.host)}\nuser = {quoted(holder.user)}\n"
        f"since = {quoted(holder.since)}\n"
    )


# A lock is a few lines; anything longer is not one.
_MAX_LOCK = 4096


def read_holder(path: Path) -> Holder | None:
    """The holder written in a lock file; ``None`` when it is gone or cannot be read, or is no
    regular file (a link, a FIFO: never followed, never waited on)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = tomllib.loads(os.read(fd, _MAX_LOCK).decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    finally:
        os.close(fd)


def _runs_govtui(pid: int) -> bool:
    """Whether process ``pid`` is alive and, where the system says, a govtui process (a pid
    is reused after a reboot: an unrelated daemon must not keep the report locked)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, another user's
    except OSError:
        return False
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: alive is all we know
    return b"govtui" in command


def is_stale(holder: Holder | None) -> bool:
    """A lock nobody holds any more: unreadable, ours, or a dead process on this host."""
    if holder is None:
        return True
    if not holder.here:
        return False
    return holder.pid == os.getpid() or not _runs_govtui(holder.pid)


class Lock:
    """A lock this process holds; :meth:`release` removes it if it is still ours."""

    def __init__(self, path: Path, holder: Holder) -> None:
        self.path = path
        self.holder = holder

    def release(self) -> None:
        current = read_holder(self.path)
        if current is not None and (current.pid, current.host) == (
            self.holder.pid,
            self.holder.host,
        ):
            with contextlib.suppress(OSError):
                self.path.unlink()


def _create(path: Path, text: str) -> bool:
    """Create ``path`` holding ``text``, all at once; ``False`` when it already exists (a link
    standing there included: neither ``link`` nor ``O_EXCL`` follows one)."""
    # The temporary file: a random name, created new, never through a link (``O_EXCL``, and
    # ``O_NOFOLLOW`` where there is one: not on Windows, where ``O_EXCL`` and the random name
    # remain), readable by all (another user's govtui must see who holds the file).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    temporary = path.with_name(f"{path.name}.{os.urandom(8).hex()}.tmp")
    fd = os.open(temporary, flags, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    except OSError:
        pass  # no hard links here
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    return True


def acquire(path: Path) -> Lock | Holder | None:
    """Lock the report ``path``: the :class:`Lock`, or the :class:`Holder` of a live lock, or
    ``None`` when no lock can be made here (a read-only folder: nothing can be saved there
    either, and the editor says so)."""
    target = lock_path(path)
    me = _me()
    for _ in range(3):
        try:
            if _create(target, _text(me)):
                return Lock(target, me)
        except OSError:
            return None
        holder = read_holder(target)
        if not is_stale(holder):
            assert holder is not None
            return holder
        # Take a stale lock over, unless someone else took it over in the meantime.
        if read_holder(target) == holder:
            with contextlib.suppress(OSError):
                target.unlink()
    return read_holder(target)
