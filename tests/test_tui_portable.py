"""Every module of govtui imports on a system without the POSIX-only names (Windows, where
Windows Terminal runs Textual well): nothing POSIX-only is read at import time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# What Windows' Python lacks of what a POSIX one has, as far as govtui could touch it. The
# libraries are imported first, with the names there: on Windows they choose their Windows code
# by ``sys.platform`` (platformdirs, Textual's driver), which hiding names cannot imitate.
HIDE = textwrap.dedent(
    """
    import os, signal, sys
    import textual.app, textual.widgets, textual.command, pydantic, rich.console
    for name in ("SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
                 "SIGTSTP", "SIGCONT", "SIGWINCH", "SIGKILL", "SIGSTOP"):
        if hasattr(signal, name):
            delattr(signal, name)
    for name in ("uname", "getuid", "geteuid", "getgid", "fork", "getpgid", "killpg", "setsid",
                 "O_NOFOLLOW", "O_DIRECTORY", "sync", "getloadavg"):
        if hasattr(os, name):
            delattr(os, name)
    for name in ("fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "syslog"):
        sys.modules[name] = None  # "import fcntl" now raises ImportError
    """
)

IMPORT_ALL = """
import importlib, pkgutil, govtui
names = [m.name for m in pkgutil.walk_packages(govtui.__path__, "govtui.")]
for name in names:
    if name == "govtui.__main__":  # runs the command when imported
        continue
    try:
        importlib.import_module(name)
    except Exception as error:
        print(f"FAILED {name}: {type(error).__name__}: {error}")
print("modules:", len(names))
"""


def test_every_module_imports_without_posix_only_names() -> None:
    result = subprocess.run(
        [sys.executable, "-c", HIDE + IMPORT_ALL], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    failed = [line for line in lines if line.startswith("FAILED")]
    assert failed == [], "\n".join(failed)
    assert int(lines[-1].split()[1]) > 50  # the walk found the package, not an empty list


def test_the_guard_knows_only_the_signals_there_are() -> None:
    """The guard's signals come from the system at run time: without SIGHUP, the others."""
    script = HIDE + textwrap.dedent(
        """
        from govtui.tui import guard
        print(sorted(s.name for s in guard._signals()))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['SIGINT', 'SIGTERM']"
