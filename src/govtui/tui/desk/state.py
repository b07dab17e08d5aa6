"""The desk's state behind its screens: the roster, the board as last built, the office's
decisions. Knows nothing of Textual, so every step here is tested without a terminal and
the screens only draw and ask.

Each decision goes to the ledger at once (:mod:`govtui.desk.decisions`: under its lock,
re-read before the write), and the board is built again from the files and the ledger —
cheap, since the cache holds every report whose content did not change — so the screen always
shows what is on disk, another office worker's decisions included.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govtui.desk import board as boards
from govtui.desk import decisions
from govtui.desk.board import Board, UnitView
from govtui.io import roster as rosters


@dataclass
class DeskState:
    """One collection open at the desk."""

    roster_path: Path
    as_of: datetime.date | None = None
    by: str = field(default_factory=decisions.login_name)
    board: Board | None = None
    # Each unit's file hash when the table was last drawn, to mark files changed since.
    seen: dict[str, str | None] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    listed_roster: rosters.Roster | None = None  # read by :meth:`listed`, for the first build

    def roster(self) -> rosters.Roster:
        """The roster as it is on disk now (:class:`LoadError` when it cannot be read)."""
        return rosters.load(self.roster_path)

    def listed(self) -> rosters.Roster:
        """The roster read to list its units before the reports are read; the first build
        uses it rather than reading it again."""
        self.listed_roster = self.roster()
        return self.listed_roster

    def build(
        self,
        advance: Callable[[int], None] | None = None,
        *,
        arrived: Callable[[UnitView], None] | None = None,
    ) -> Board:
        """Read the collection (from the cache where nothing changed) and judge every unit;
        ``arrived`` is given each unit as soon as its report is read (see
        :func:`govtui.desk.board.build`). The first build uses the roster :meth:`listed`."""
        roster, self.listed_roster = self.listed_roster or self.roster(), None
        built = boards.build(roster, as_of=self.as_of, advance=advance, arrived=arrived)
        hashes = {u.name: (u.read.hash if u.read else None) for u in built.units}
        if self.seen:
            self.changed |= {n for n, h in hashes.items() if self.seen.get(n, h) != h}
        self.seen = hashes
        self.board = built
        return built

    def unit(self, name: str) -> UnitView:
        assert self.board is not None
        return decisions.find_unit(self.board, name)

    @property
    def today(self) -> datetime.date:
        """The day the desk takes as today (``--as-of``)."""
        return self.as_of or datetime.date.today()

    def _who(self, comment: str = "") -> decisions.Who:
        return decisions.Who(self.by, comment, self.today)

    # ------------------------------------------------------------------ decisions
    # Each returns the sentence to show; a decision that cannot be made raises DeskError.

    def approve(self, name: str, comment: str = "") -> str:
        assert self.board is not None
        return decisions.approve(self.board, name, self._who(comment))

    def send_back(self, name: str, reason: str) -> str:
        assert self.board is not None
        return decisions.send_back(self.board, name, self._who(reason))

    def dismiss(self, name: str, rule: str, place: str, reason: str) -> str:
        assert self.board is not None
        return decisions.judge_finding(
            self.board, name, rule, place, "dismissed", self._who(reason)
        )

    def confirm(self, name: str, rule: str, place: str, requirement: str) -> str:
        assert self.board is not None
        return decisions.judge_finding(
            self.board, name, rule, place, "confirmed", self._who(requirement)
        )

    def reopen(self, name: str, rule: str | None = None, place: str | None = None) -> str:
        assert self.board is not None
        return decisions.reopen(self.board, name, rule, place, self._who())

    def seen_now(self, name: str) -> None:
        """The office has looked at a changed unit: it is no longer marked."""
        self.changed.discard(name)
