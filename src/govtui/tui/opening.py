"""Opening a report safely, before its first screen: permissions, the lock, a recovery copy.

1. A file (or folder) this user cannot write opens read-only, with a notice: nothing can be
   saved there, so nothing may be typed that would then be lost.
2. Another govtui holding the lock is named, with the choice to open read-only or leave.
3. A recovery copy left by an editor that did not get to save is offered back, showing what
   differs from the file: restore, discard, or leave both untouched.

Each step that needs an answer asks in a modal; with nothing to ask, the report opens at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io import lock, recovery
from govtui.io.reading import contained
from govtui.model import Report
from govtui.tui.guard import Guard

if TYPE_CHECKING:
    from govtui.tui.app import GovtuiApp
    from govtui.tui.screens.locked import Answer as LockAnswer
    from govtui.tui.screens.restore import Answer as RestoreAnswer
    from govtui.tui.session import Session


def not_writable(path: Path) -> str:
    """Why a save cannot replace ``path`` (an atomic save writes a new file in its folder), in
    words; empty when it can."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return "文件夹不存在"
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK | os.X_OK):
        return "没有写入权限"
    return ""


class Opening:
    """The steps above for one report; ``then`` shows it once they are done."""

    def __init__(self, app: GovtuiApp, session: Session, then: Callable[[Session], None]) -> None:
        self.app = app
        self.session = session
        self.then = then
        self.guard = Guard(app, session)
        self.notice = ""

    @property
    def name(self) -> str:
        return visible(self.session.path.name)

    def start(self) -> None:
        self.app.guard = self.guard
        reason = not_writable(self.session.path)
        if reason:
            self.session.read_only = reason
            self.notice = f"「{self.name}」只读打开：{reason}。要修改，按 ctrl+s 另存为副本。"
            if recovery.recovery_path(self.session.path).exists():
                self.notice += "旁边有一份恢复副本：能写入这个文件时再打开，即可恢复。"
            self._finish()
            return
        holder = self.guard.acquire()
        if holder is not None:
            from govtui.tui.screens.locked import LockedScreen

            lock_file = visible(lock.lock_path(self.session.path).name)
            screen = LockedScreen(self.name, holder.describe(), lock_file)
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
                recovered = recovery.read(path)
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
            recovery.remove(path)
            self._finish()
            return
        from govtui.tui.screens.restore import RestoreScreen

        written = recovery.written_at(path)
        new = not path.exists()
        screen = RestoreScreen(self.name, written, self.session.report, recovered, new=new)
        self.app.push_screen(
            screen, callback=lambda answer: self._recovery_answer(answer, recovered)
        )

    def _recovery_answer(self, answer: RestoreAnswer | None, recovered: Report) -> None:
        if answer == "restore":
            self.session.restore(recovered)
            self.notice = "已恢复上次未保存的修改：检查无误后按 ctrl+s 保存。"
        elif answer == "discard":
            recovery.remove(self.session.path)
            self.notice = "已丢弃恢复副本。"
        else:
            # Leave everything as it was: the copy stays for next time; only the lock goes.
            self.app.guard = None
            if self.guard.lock is not None:
                self.guard.lock.release()
            self.app.exit()
            return
        self._finish()

    def _finish(self) -> None:
        self.guard.attach()
        self.then(self.session)
        # What opening found, then what the session has to say (a draft, last year's report).
        notice = "\n".join(n for n in (self.notice, *self.session.notes) if n)
        if notice:
            self.app.call_after_refresh(self.app.say, notice, error=False)


def _same(a: Report, b: Report) -> bool:
    return a.model_dump() == b.model_dump()
