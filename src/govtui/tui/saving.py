"""ctrl+s: save, unless the file changed on disk since it was read — then ask first.

A read-only report says why it cannot be saved and offers to save a copy to edit instead
(:class:`~govtui.tui.screens.save_as.SaveAsScreen`); a failed save says why and keeps every edit;
a file someone else saved in the meantime is never overwritten without the user's word
(:class:`~govtui.tui.screens.conflict.ConflictScreen`: compare, overwrite, cancel). What the
save had to do beside the report (a link where the backup goes, replaced) is said with it.

It needs of the app only what a Textual app offers (push a screen) and a way to ``say``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from govtui.controls import visible
from govtui.errors import LoadError, SaveError
from govtui.io import toml_file
from govtui.io.document import not_writable
from govtui.model import Report
from govtui.tui import lazy
from govtui.tui.session import ChangedOnDisk, ReadOnly, Session

if TYPE_CHECKING:
    from textual.app import App

    from govtui.tui.screens.conflict import Answer


class Say(Protocol):
    """The app's message line (``GovtuiApp.say``)."""

    def __call__(self, text: str, *, error: bool = False) -> None: ...


def save(
    app: App[Any],
    session: Session,
    say: Say,
    *,
    overwrite: bool = False,
    then: Callable[[], None] | None = None,
) -> bool:
    """Save and say so; ``False`` when not saved now. ``then`` runs after a save that had to
    wait for the user's answer (a changed file overwritten), e.g. leaving the editor."""
    try:
        path = session.save(overwrite=overwrite)
    except ReadOnly:
        _offer_copy(app, session, say)
        return False
    except ChangedOnDisk:
        _ask(app, session, say, then)
        return False
    except SaveError as error:
        say(f"保存失败，修改仍在编辑器里：{error}", error=True)
        return False
    # What happened beside the report first: a long path may be cut on a small screen.
    say("。".join([*session.document.take_notes(), f"已保存到 {path}"]))
    return True


def _ask(app: App[Any], session: Session, say: Say, then: Callable[[], None] | None) -> None:
    disk: Report | str
    try:
        disk = toml_file.load(session.path)
    except LoadError as error:
        disk = error.describe()

    def answered(answer: Answer | None) -> None:
        if answer == "overwrite" and save(app, session, say, overwrite=True) and then is not None:
            then()
        elif answer != "overwrite":
            say("没有保存：文件在打开之后被改过。修改仍在编辑器里。", error=True)

    name = visible(session.path.name)
    backup = visible(session.backup_path.name)
    app.push_screen(lazy.ConflictScreen(name, backup, disk, session.report), callback=answered)


def _offer_copy(app: App[Any], session: Session, say: Say) -> None:
    """Ask for a new file name, write the report there and edit that copy from now on (its
    lock taken first: the session's document does it)."""

    def answered(target: Path | None) -> None:
        if target is None:
            say(f"没有保存：「{visible(session.path.name)}」是只读打开的。", error=True)
            return
        try:
            session.save_as(target)
        except SaveError as error:
            say(f"另存失败：{error}", error=True)
            return
        say(f"已另存为 {visible(str(target))}，现在编辑的是这份副本。")

    writable = not not_writable(session.path.with_name(".govtui-probe"))
    suggestion = lazy.suggested_copy(session.path, writable)
    base = Path.cwd()
    shown = (
        Path(os.path.relpath(suggestion, base)) if suggestion.is_relative_to(base) else suggestion
    )
    screen = lazy.SaveAsScreen(visible(session.path.name), session.read_only or "", shown, base)
    app.push_screen(screen, callback=answered)
