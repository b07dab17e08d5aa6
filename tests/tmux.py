"""Driving the installed ``govtui`` command in a real terminal: tmux on a private socket.

tmux runs on its own socket, so a user's tmux sessions are never touched. Without tmux the
end-to-end tests are skipped, unless ``GOVTUI_REQUIRE_TMUX`` is set (CI sets it): then a
missing tmux fails. Every wait polls the screen (or a file) with a deadline; nothing sleeps a
fixed time and then asserts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
REQUIRED = bool(os.environ.get("GOVTUI_REQUIRE_TMUX"))
needs_tmux = pytest.mark.skipif(
    TMUX is None and not REQUIRED, reason="tmux is not installed (set GOVTUI_REQUIRE_TMUX to fail)"
)
TIMEOUT = 20.0


def govtui_command() -> str:
    """The console script installed next to this Python (the venv's ``bin``), else on PATH."""
    here = shutil.which("govtui", path=str(Path(sys.executable).parent))
    found = here or shutil.which("govtui")
    assert found, "the govtui command is not installed (pip install -e .)"
    return found


def poll(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Wait until ``condition()`` holds; fail after ``timeout`` seconds saying ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc, no pgrep needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def runs_govtui(pid: int) -> bool:
    """Whether ``pid`` has become a govtui process (a child shows its parent's command line
    until it has exec'd)."""
    try:
        return b"govtui" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


class Terminal:
    """One tmux window on a private server, read with capture-pane."""

    def __init__(self, socket: str) -> None:
        assert TMUX, "tmux is required for this test (GOVTUI_REQUIRE_TMUX is set)"
        self.base = [TMUX, "-L", socket]

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], check=True, capture_output=True, text=True, timeout=TIMEOUT
        )
        return done.stdout

    def start(self, command: str, width: int = 80, height: int = 24) -> None:
        """Open the window running ``command``; a server still exiting (its last window was
        just closed) is waited for."""
        args = ("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), command)
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                self.run(*args)
                return
            except subprocess.CalledProcessError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def govtui(self, folder: Path, argument: str, term: str = "linux") -> None:
        """``govtui ARGUMENT`` in ``folder`` at 80 × 24; the exit status shows when it ends."""
        command = (
            f"cd {folder} && env TERM={term} LANG=C.UTF-8 {govtui_command()} {argument}; "
            'echo "govtui exited $?"; sleep 60'
        )
        self.start(command)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def screen(self, colours: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if colours else []), "-t", "e2e")

    def wait_for(self, *texts: str, gone: str = "", timeout: float = TIMEOUT) -> str:
        """Poll the screen until every text is on it (and ``gone`` is not); fail after
        ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(t in screen for t in texts) and not (gone and gone in screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited for {texts!r} (gone: {gone!r}); the screen:\n{screen}"
                )
            time.sleep(0.05)

    def govtui_pid(self) -> int:
        """The govtui process running in the window (a child of the window's shell)."""
        shell = int(self.run("display-message", "-p", "-t", "e2e", "#{pane_pid}"))
        for pid in children(shell):
            if runs_govtui(pid):
                return pid
        raise AssertionError("no govtui process in the window")

    def close_window(self) -> None:
        """What closing the terminal window (or a dropped SSH connection) does: tmux hangs
        the pane up, and its processes get SIGHUP."""
        self.run("kill-pane", "-t", "e2e")

    def kill(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=TIMEOUT)
