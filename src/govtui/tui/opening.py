"""Opening a report safely, before its first screen: permissions, the lock, a recovery copy.

1. A file (or folder) this user cannot write opens read-only, with a notice: nothing can be
   saved there, so nothing may be typed that would then be lost.
2. Another govtui holding the lock is named, with the choice to open read-only or leave.
3. A recovery copy left by an editor that did not get to save is offered back, showing what
   differs from the file: restore, discard, or leave both untouched.

Each step that needs an answer asks in a modal; with nothing to ask, the report opens at once.
The lock and the recovery copy are the session's :class:`~govtui.io.document.Document`'s; this
module only asks. It needs of the app no more than a Textual app offers (push a screen, exit):
what it found to tell the user is handed to ``then`` with the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io import lock, recovery
from govtui.io.document import not_writable
from govtui.io.reading import contained
from govtui.model import Report
from govtui.tui import lazy
from govtui.tui.guard import Guard

if TYPE_CHECKING:
    from textual.app import App

    from govtui.tui.screens.locked import Answer as LockAnswer
    from govtui.tui.screens.restore import Answer as RestoreAnswer
    from govtui.tui.session import Session


class Opening:
    """The steps above for the report ``guard`` keeps; ``then`` shows it once they are done,
    with what to tell the user (empty when nothing)."""

    def __init__(self, app: App[Any], guard: Guard, then: Callable[[Session, str], None]) -> None:
        self.app = app
        self.guard = guard
        self.session = guard.session
        self.document = guard.session.document
        self.then = then
        self.notice = ""

    @property
    def name(self) -> str:
        return visible(self.session.path.name)

    def start(self) -> None:
        if self.session.read_only:  # opened to look at (the desk's view): no lock, no copy
            self.notice = f"「{self.name}」只读打开：{self.session.read_only}。"
            self._finish()
            return
        reason = not_writable(self.session.path)
        if reason:
            self.session.read_only = reason
            self.notice = f"「{self.name}」只读打开：{reason}。要修改，按 ctrl+s 另存为副本。"
            if recovery.recovery_path(self.session.path).exists():
                self.notice += "旁边有一份恢复副本：能写入这个文件时再打开，即可恢复。"
            self._finish()
            return
        holder = self.document.acquire()
        if holder is not None:
            lock_file = visible(lock.lock_path(self.session.path).name)
            screen = lazy.LockedScreen(self.name, holder.describe(), lock_file)
            self.app.push_screen(screen, callback=self._locked_answer)
            return
        self._offer_recovery()

    def _locked_answer(self, answer: LockAnswer | None) -> None:
        if answer != "read_only":
            self.app.exit()
            return
        self.session.read_only = "另一个 govtui 正在编辑"
        self.notice = (
            f"「{self.name}」只读打开：另一个 govtui 正在编辑它。要修改，按 ctrl+s 另存为副本。"
        )
        self._finish()

    def _offer_recovery(self) -> None:
        path = self.session.path
        try:
            with contained(recovery.recovery_path(path)):
                recovered = self.document.read_recovery()
        except LoadError as error:
            aside = recovery.set_aside(path)
            where = f"已改名为 {visible(aside.name)} 留存" if aside else "已留在原处"
            self.notice = f"恢复副本读不出来（{error.problems[0].message}），{where}。"
            self._finish()
            return
        if recovered is None:
            self._finish()
            return
        if _same(recovered, self.session.report):
            self.document.remove_recovery()
            self._finish()
            return
        written = recovery.written_at(path)
        new = not path.exists()
        screen = lazy.RestoreScreen(self.name, written, self.session.report, recovered, new=new)
        self.app.push_screen(
            screen, callback=lambda answer: self._recovery_answer(answer, recovered)
        )

    def _recovery_answer(self, answer: RestoreAnswer | None, recovered: Report) -> None:
        if answer == "restore":
            self.session.restore(recovered)
            self.notice = "已恢复上次未保存的修改：检查无误后按 ctrl+s 保存。"
        elif answer == "discard":
            self.document.remove_recovery()
            self.notice = "已丢弃恢复副本。"
        else:
            # Leave everything as it was: the copy stays for next time; only the lock goes
            # (and with it the guard's charge of the copy).
            self.document.release()
            self.app.exit()
            return
        self._finish()

    def _finish(self) -> None:
        self.guard.attach()
        # What opening found, then what the session has to say (a draft, last year's report).
        notes = (self.notice, *self.document.take_notes(), *self.session.notes)
        self.then(self.session, "\n".join(n for n in notes if n))


def _same(a: Report, b: Report) -> bool:
    return a.model_dump() == b.model_dump()
