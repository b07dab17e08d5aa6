"""The desk in the terminal (``govtui 名单.toml``): an office reviews its units from one screen.

The app holds the :class:`~govtui.tui.desk.state.DeskState` and rebuilds the board in a
thread (reading reports is the slow part; the cache makes a rebuild with nothing changed
cheap), then tells the screens to redraw. Decisions are made by the screens through
:meth:`DeskApp.decide`, which writes the ledger, says what was done or why not, and rebuilds.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.screen import Screen

from govtui.desk.board import Board, UnitView
from govtui.errors import GovtuiError
from govtui.tui.collector import CollectingApp
from govtui.tui.desk.choose import ChooseRosterScreen, InitRosterScreen
from govtui.tui.desk.messages import BoardReady, Built, Progress
from govtui.tui.desk.screen import DeskScreen
from govtui.tui.desk.state import DeskState
from govtui.tui.desk.units import Row, row_of

__all__ = ["BoardReady", "DeskApp", "Progress"]


# While reports are read, the table is filled at most this often (seconds).
FILL_EVERY = 0.1


class Arrivals:
    """The units the build thread has read and the screen has not shown yet.

    One :class:`Progress` at a time is on its way to the app, which takes everything read
    until then: the screen is told as often as it can draw (three thousand units from the
    cache are a few messages, not three thousand sorts), and a unit read just before a slow
    file is never left waiting for the next one.
    """

    def __init__(self, post: Callable[[], object]) -> None:
        self._post = post
        self._lock = threading.Lock()
        self._rows: list[Row] = []
        self._posted = False
        self.done = self.total = 0

    def add(self, row: Row | None = None, *, done: int = 0, total: int | None = None) -> None:
        with self._lock:
            if row is not None:
                self._rows.append(row)
            self.done += done
            if total is not None:
                self.total = total
            post, self._posted = not self._posted, True
        if post:
            self._post()

    def take(self) -> Progress:
        with self._lock:
            rows, self._rows, self._posted = self._rows, [], False
            return Progress(self.done, self.total, rows)


class DeskApp(CollectingApp[int]):
    CSS_PATH = "desk.tcss"
    TITLE = "收报台"
    # Textual's palette speaks English and the desk's keys are all in the footer.
    ENABLE_COMMAND_PALETTE = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出"),
        Binding("f5", "reload", "重新读取"),
    ]

    def __init__(
        self,
        rosters: list[Path],
        *,
        folder: Path,
        as_of: datetime.date | None = None,
        theme: str | None = None,
    ) -> None:
        """``rosters``: the roster to open, or the choice (newest first); none: offer to write
        one from the reports in ``folder``."""
        super().__init__()
        self.rosters = rosters
        self.folder = folder
        self.as_of = as_of
        self._state: DeskState | None = None
        self._arrivals: Arrivals | None = None  # of the build under way
        self._filled = 0.0  # when the table was last filled during a build
        self.building = False
        if theme:
            self.theme = theme

    @property
    def state(self) -> DeskState:
        assert self._state is not None
        return self._state

    @property
    def board(self) -> Board | None:
        return self._state.board if self._state else None

    def get_default_screen(self) -> Screen[Any]:
        """With one roster, the desk screen is the first screen: not pushed over Textual's
        empty default one, which would be laid out and drawn for nothing first."""
        if len(self.rosters) == 1:
            self._state = DeskState(self.rosters[0], self.as_of)
            return DeskScreen()
        return super().get_default_screen()

    def on_mount(self) -> None:
        if len(self.rosters) == 1:
            return  # the desk screen is the default screen
        if self.rosters:
            self.push_screen(ChooseRosterScreen(self.rosters), self._chosen)
        else:
            self.push_screen(InitRosterScreen(self.folder), self._chosen)

    def _chosen(self, roster: Path | None) -> None:
        if roster is None:
            self.exit(0)
        else:
            self.open_roster(roster)

    def open_roster(self, roster: Path) -> None:
        self._state = DeskState(roster, self.as_of)
        self.push_screen(DeskScreen())  # it lists the roster's units, then asks to rebuild

    # ------------------------------------------------------------------ reading

    def rebuild(self) -> None:
        if not self.building:
            self.building = True
            self._build()

    @work(thread=True, exclusive=True, group="build")
    def _build(self) -> None:
        """Build the board in this thread; on the first build, list the roster's units at once
        and fill each one in as its report is read (:class:`Arrivals`; ``post_message`` is
        safe from a thread and, unlike ``call_from_thread``, does not wait for the screen)."""
        first = self._state is not None and self._state.board is None
        arrivals = self._arrivals = Arrivals(lambda: self.post_message(Progress()))

        def advance(step: int) -> None:
            if step < 0:
                arrivals.add(total=-step)
            else:
                arrivals.add(done=step)

        def arrived(view: UnitView) -> None:
            arrivals.add(row_of(view))

        try:
            self.state.build(advance, arrived=arrived if first else None)
        except GovtuiError as error:
            self.post_message(Built(str(error)))
            return
        self.post_message(Built())  # after the last Progress, through the same queue

    def on_progress(self, event: Progress) -> None:
        """Fill the table with what was read, at most every :data:`FILL_EVERY` seconds: each
        fill sorts every row and counts them again, and the build thread needs the time."""
        wait = self._filled + FILL_EVERY - time.monotonic()
        if wait > 0:
            self.set_timer(wait, self._fill)  # meanwhile the thread posts no more messages
        else:
            self._fill()

    def _fill(self) -> None:
        if self._arrivals is None:  # the board is there: it replaced every row
            return
        self._filled = time.monotonic()
        taken = self._arrivals.take()
        for screen in self.screen_stack:
            screen.post_message(Progress(taken.done, taken.total, taken.rows))

    def on_built(self, event: Built) -> None:
        self._arrivals = None
        if event.failure:
            self._failed(event.failure)
        else:
            self._built()

    def _built(self) -> None:
        self.building = False
        for screen in self.screen_stack:
            screen.post_message(BoardReady())

    def _failed(self, text: str) -> None:
        self.building = False
        self.notify(text, title="无法读取名单", severity="error", timeout=30)
        self.screen.post_message(BoardReady())

    def action_reload(self) -> None:
        self.rebuild()

    # ------------------------------------------------------------------ deciding

    def decide(self, decision: Callable[[], str], then: Callable[[str, bool], None]) -> None:
        """Make ``decision`` (a :class:`DeskState` call); ``then(text, failed)`` shows what was
        done or why it could not be; the board is rebuilt after a decision was written."""
        try:
            text = decision()
        except GovtuiError as error:
            then(str(error), True)
            return
        then(text, False)
        self.rebuild()

    # ------------------------------------------------------------------ reports

    def open_report(self, path: Path) -> str:
        """The unit's report in the editor, read-only (any format govtui reads), with the
        rules' findings marked as the editor marks them; the desk comes back as it was.
        What to say afterwards ("" when all went well)."""
        command = [sys.executable, "-m", "govtui", "edit", "--read-only", str(path)]
        try:
            with self.suspend():
                done = subprocess.run(command, check=False)
        except SuspendNotSupported:
            return "这个终端不能暂停收报台来打开报告；请另开一个终端运行：" + " ".join(command[2:])
        self.refresh()
        return "" if done.returncode == 0 else f"报告没能打开（退出码 {done.returncode}）"
