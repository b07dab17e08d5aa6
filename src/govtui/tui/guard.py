"""Keeps the open report's unsaved edits safe: its lock, its recovery copy, and the signals
that end an editing session without asking.

While the report has unsaved edits, the recovery copy (:mod:`govtui.io.recovery`) is written a
few seconds after the last edit and at once on every screen change; when the terminal goes
away (SIGHUP: a dropped SSH connection, a closed window) or the process is asked to stop
(SIGTERM, SIGINT), it is written before the editor exits. A crash writes it too
(:mod:`.crash`). Saving or discarding the edits removes it. Only the holder of the lock keeps a
recovery copy: the copy belongs to the one editor that may save the file.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.controls import visible
from govtui.errors import GovtuiError

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

    from govtui.tui.session import Session

# Seconds after the last edit: long enough not to write on every keystroke, short enough that
# a dropped connection loses at most the last sentence.
DEBOUNCE = 2.0
# After SIGHUP the terminal is gone and Textual may wait for it; never linger longer than this.
HANGUP_GRACE = 3.0
# SIGINT too: in the editor ctrl+c is a key, so a SIGINT comes from ``kill -INT``, and Python's
# KeyboardInterrupt would leave without the copy and without the lock released. Named, not read
# from ``signal`` here: SIGHUP does not exist on Windows, and the module must import there.
_SIGNAL_NAMES = {
    "SIGHUP": "终端断开（SIGHUP）",
    "SIGTERM": "终止信号（SIGTERM）",
    "SIGINT": "中断信号（SIGINT）",
}


def _signals() -> tuple[signal.Signals, ...]:
    """The signals above that this system has (Windows: no SIGHUP)."""
    return tuple(getattr(signal, name) for name in _SIGNAL_NAMES if hasattr(signal, name))


class Guard:
    """One per open report, for the life of the editor."""

    def __init__(self, app: App[None], session: Session) -> None:
        self.app = app
        self.session = session
        self.farewell = ""  # what to print after the editor has left the screen
        self._timer: Timer | None = None
        self._edits = 0  # changes seen; the copy on disk holds up to _written
        self._written = 0
        self._discarded = False
        self._failed = False
        self._signals: tuple[signal.Signals, ...] = ()

    @property
    def path(self) -> Path:
        return self.session.path

    @property
    def keeping(self) -> bool:
        """Whether this editor keeps the recovery copy: it holds the lock and may save."""
        return self.session.document.lock is not None and self.session.read_only is None

    # ------------------------------------------------------------------ running

    def attach(self) -> None:
        """Start watching: edits, screen changes and (in a real terminal) the signals."""
        self.session.subscribe(self._session_changed)
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed)
        if not self.app.is_headless:
            loop = asyncio.get_running_loop()
            signals = _signals()
            try:
                for number in signals:
                    loop.add_signal_handler(number, self.on_signal, number)
            except NotImplementedError:  # Windows' event loops take no signal handlers
                signals = ()
            self._signals = signals
        if self.session.dirty:
            self._session_changed()

    def _session_changed(self) -> None:
        if not self.keeping:
            return
        if self.session.dirty:
            self._edits += 1
            self._discarded = False
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.app.set_timer(DEBOUNCE, self.flush, name="recovery copy")
        else:
            self._stop_timer()
            self._written = self._edits
            self.session.document.remove_recovery()

    def _screen_changed(self, _screen: Screen[object]) -> None:
        self.flush()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def flush(self) -> Path | None:
        """Write the recovery copy now if there are edits it does not hold yet."""
        self._stop_timer()
        if not (self.keeping and self.session.dirty and self._edits != self._written):
            return None
        edits = self._edits
        try:
            target = self.session.document.write_recovery(self.session.report)
        except GovtuiError as error:
            if not self._failed:
                self._failed = True
                self._say(f"无法写入恢复副本（修改仍在编辑器里，请尽快保存）：{error}")
            return None
        if self._failed:
            self._failed = False
            self._say(f"恢复副本已写入 {visible(target.name)}。", error=False)
        for note in self.session.document.take_notes():
            self._say(note, error=False)
        self._written = edits
        return target

    def _say(self, text: str, *, error: bool = True) -> None:
        say = getattr(self.app, "say", None)
        if say is not None:
            say(text, error=error)

    def discard(self) -> None:
        """The user leaves without saving: the edits are to be forgotten, copy included."""
        self._discarded = True
        self._stop_timer()
        if self.keeping:
            self.session.document.remove_recovery()

    def rescue(self) -> Path | None:
        """Write the recovery copy whatever it takes (a signal, a crash); never raises."""
        try:
            if self.keeping and self.session.dirty and not self._discarded:
                self._written = -1  # write even if nothing changed since the last copy
                return self.flush()
        except Exception:  # this runs while things are already going wrong
            return None
        return None

    def on_signal(self, number: int) -> None:
        """SIGHUP or SIGTERM: keep the edits, then leave cleanly."""
        saved = self.rescue()
        what = _SIGNAL_NAMES.get(signal.Signals(number).name, f"信号 {number}")
        self.farewell = f"govtui 收到{what}，已退出。" + (
            f"未保存的修改已写入恢复副本 {visible(str(saved))}，"
            f"再次打开 {visible(self.path.name)} 时可以恢复。"
            if saved
            else ""
        )
        if number == getattr(signal, "SIGHUP", None):
            timer = threading.Timer(HANGUP_GRACE, os._exit, (128 + number,))
            timer.daemon = True
            timer.start()
        self.app.exit(return_code=128 + number)

    def close(self) -> None:
        """The editor is leaving: a copy of unsaved edits stays, anything else goes."""
        self._stop_timer()
        if self.keeping:
            if self.session.dirty and not self._discarded:
                self.flush()
            else:
                self.session.document.remove_recovery()
        self.session.document.release()
        if self._signals:
            with contextlib.suppress(RuntimeError):
                loop = asyncio.get_running_loop()
                for number in self._signals:
                    loop.remove_signal_handler(number)
            self._signals = ()
