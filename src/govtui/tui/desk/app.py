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
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.message import Message

from govtui.desk.board import Board
from govtui.errors import GovtuiError
from govtui.tui.desk.state import DeskState


class BoardReady(Message):
    """The board was (re)built: every desk screen redraws from it."""


class Progress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class DeskApp(App[int]):
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

    def on_mount(self) -> None:
        from govtui.tui.desk.choose import ChooseRosterScreen, InitRosterScreen

        if len(self.rosters) == 1:
            self.open_roster(self.rosters[0])
        elif self.rosters:
            self.push_screen(ChooseRosterScreen(self.rosters), self._chosen)
        else:
            self.push_screen(InitRosterScreen(self.folder), self._chosen)

    def _chosen(self, roster: Path | None) -> None:
        if roster is None:
            self.exit(0)
        else:
            self.open_roster(roster)

    def open_roster(self, roster: Path) -> None:
        from govtui.tui.desk.screen import DeskScreen

        self._state = DeskState(roster, self.as_of)
        self.push_screen(DeskScreen())
        self.rebuild()

    # ------------------------------------------------------------------ reading

    def rebuild(self) -> None:
        if not self.building:
            self.building = True
            self._build()

    @work(thread=True, exclusive=True, group="build")
    def _build(self) -> None:
        total = 0
        done = 0

        def advance(step: int) -> None:
            nonlocal total, done
            if step < 0:
                total = -step
            else:
                done += step
            self.call_from_thread(self._progress, done, total)

        try:
            self.state.build(advance)
        except GovtuiError as error:
            self.call_from_thread(self._failed, str(error))
            return
        self.call_from_thread(self._built)

    def _progress(self, done: int, total: int) -> None:
        self.screen.post_message(Progress(done, total))

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
