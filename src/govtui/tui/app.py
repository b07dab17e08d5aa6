"""The editor: one report, its screens in the form's order, and the keys that work everywhere.

The app holds the :class:`~govtui.tui.session.Session` (report, file, findings, undo history)
and repaints the current screen whenever the session changes. Widgets own their keys and
pastes (the grid commits what is being typed before a key of the app acts, see
``widgets/grid.py``); the app only cleans every paste of control characters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import BindingType
from textual.command import CommandPalette, Provider
from textual.screen import ModalScreen

from govtui import form
from govtui.controls import clean
from govtui.errors import GovtuiError
from govtui.io.exporters import BY_NAME
from govtui.tui import crash, lazy, saving
from govtui.tui.collector import CollectingApp
from govtui.tui.guard import Guard
from govtui.tui.history import AcceptEdit, Edit, Step
from govtui.tui.messages import JumpTo
from govtui.tui.opening import Opening
from govtui.tui.screens.base import SectionScreen
from govtui.tui.sections import PLACE_BY_NAME, bindings, screen_of_field, screen_of_table
from govtui.tui.session import Session
from govtui.tui.widgets.in_order import ESCAPED_DIGITS

if TYPE_CHECKING:
    from govtui.tui.screens.quit import Answer


def _commands() -> type[Provider]:
    """The palette's commands, loaded when the palette first opens (Textual calls this)."""
    return lazy.GovtuiCommands


class GovtuiApp(CollectingApp[None]):
    """Edits one report file; ``session`` is ``None`` when the report is still to be created."""

    CSS_PATH = "app.tcss"
    TITLE = "govtui"
    COMMANDS: ClassVar = {_commands}
    # The screens' keys and the commands: from the one table in ``sections.py``.
    BINDINGS: ClassVar[list[BindingType]] = bindings()  # type: ignore[assignment]

    def __init__(
        self,
        session: Session | None,
        *,
        path: Path | None = None,
        start: str = "info",
        theme: str | None = None,
        prompt: ModalScreen[Session | None] | None = None,
    ) -> None:
        """Without a ``session``, ``prompt`` (by default: a new report at ``path``) makes one."""
        super().__init__()
        self._session = session
        self._path = path
        self._prompt = prompt
        self.start = start
        self.guard: Guard | None = None  # set when a report opens (see tui/opening.py)
        if theme:
            self.theme = theme

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("no report is open yet")
        return self._session

    def on_mount(self) -> None:
        if self._session is not None:
            self._open(self._session)
        elif self._prompt is not None:
            self.push_screen(self._prompt, callback=self._created)
        else:
            self.push_screen(lazy.NewReportScreen(self._path), callback=self._created)

    def _created(self, session: Session | None) -> None:
        if session is None:
            self.exit()
        else:
            self._open(session)

    def _open(self, session: Session) -> None:
        self.guard = Guard(self, session)
        Opening(self, self.guard, then=self._show).start()

    def _show(self, session: Session, notice: str) -> None:
        self._session = session
        session.subscribe(self._session_changed)
        self.push_screen(self._section(self.start))
        if notice:
            self.call_after_refresh(self.say, notice, error=False)

    def on_unmount(self) -> None:
        if self.guard is not None:
            self.guard.close()

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: keep the edits and say so in words (see tui/crash.py)."""
        message = crash.rescue(self.guard, error)
        super()._handle_exception(error)
        self._exit_renderables[:] = [message]
        self.error_console = crash.console()

    def _section(self, name: str) -> str:
        """The installed section screen ``name``, created on first use."""
        if not self.is_screen_installed(name):
            # Each screen's module is imported the first time it is shown: start-up pays
            # for one.
            screen_type = getattr(lazy, PLACE_BY_NAME[name].screen)
            self.install_screen(screen_type(self.session, name), name)
        return name

    def _session_changed(self) -> None:
        screen = self.screen
        if isinstance(screen, SectionScreen) and screen.is_mounted:
            screen.sync()

    def say(self, text: str, *, error: bool = False) -> None:
        screen = self.screen
        if isinstance(screen, SectionScreen):
            screen.say(text, error=error)
        else:
            self.notify(text, severity="error" if error else "information")

    # ------------------------------------------------------------------ what arrives

    async def on_event(self, event: events.Event) -> None:
        # Every paste, wherever it goes, without control characters (see govtui.controls).
        if isinstance(event, events.Paste):
            event.text = clean(event.text)
        elif isinstance(event, events.Key) and event.character in ESCAPED_DIGITS:
            # Esc and a digit typed at once (see in_order.ESCAPED_DIGITS): both, in order.
            digit = ESCAPED_DIGITS[event.character]
            await super().on_event(events.Key("escape", "\x1b"))
            await super().on_event(events.Key(digit, digit))
            return
        await super().on_event(event)

    def copy_to_clipboard(self, text: str) -> None:
        """Copy through the terminal (OSC 52), and say so: the terminal gives no sign."""
        super().copy_to_clipboard(text)
        self.say(f"已复制 {len(text)} 个字符到剪贴板。")

    def action_help_quit(self) -> None:
        """ctrl+c with nothing to copy: Textual would say "Do you want to quit?" in English."""
        self.say(
            "ctrl+c 复制选中的内容（表格里是当前格或 shift+方向键选中的一块）；退出请按 ctrl+q。"
        )

    # ------------------------------------------------------------------ actions

    async def action_show(self, name: str) -> None:
        """Show a section screen; edits are in the session, so nothing is lost on the way."""
        if self.screen.name != name:
            await self.switch_screen(self._section(name))

    def action_save(self) -> bool:
        return saving.save(self, self.session, self.say)

    def action_export(self) -> None:
        """Ask for a format (those of ``govtui export``), then write it next to the file."""

        def chosen(name: str | None) -> None:
            if name is not None:
                self.action_export_as(name)

        self.push_screen(lazy.ExportScreen(self.session.path), callback=chosen)

    def action_export_as(self, name: str) -> None:
        label = BY_NAME[name].label
        try:
            path = self.session.export(name)
        except GovtuiError as error:
            self.say(f"导出{label}失败：{error}", error=True)
            return
        self.say(f"已导出{label}：{path}")

    async def action_undo(self) -> None:
        await self._show_edit(self.session.undo(), "撤销")

    async def action_redo(self) -> None:
        await self._show_edit(self.session.redo(), "重做")

    async def _show_edit(self, step: Step | None, verb: str) -> None:
        """Go to where the step undone or redone was made, and say what it was."""
        if step is None:
            self.say(f"没有可{verb}的修改。")
            return
        if isinstance(step, Edit):
            first = step.changes[0]
            await self.action_show(screen_of_table(first.table))
            self._on_section(lambda s: s.go_to(first.row, first.column))
            self.say(f"已{verb} {len(step.changes)} 格。")
        elif isinstance(step, AcceptEdit):
            await self.action_show("findings")
            self.say(f"已{verb}对警告的接受或取消（理由随报告保存）。")
        elif step.key in form.PROSE_BY_KEY:
            await self.action_show(screen_of_field(step.key))
            key = step.key

            def show(screen: SectionScreen) -> None:
                screen.show_texts()
                screen.focus_field(key)

            self._on_section(show)
            self.say(f"已{verb}「{form.PROSE_BY_KEY[step.key].label}」的文字修改。")
        else:
            await self.action_show("info")
            self._on_section(lambda s: s.show_texts())
            label = {"agency": "机关名称", "year": "报告年度", "title": "标题"}[step.key]
            self.say(f"已{verb}{label}的修改。")

    def _on_section(self, do: Callable[[SectionScreen], None]) -> None:
        screen = self.screen
        if isinstance(screen, SectionScreen):
            do(screen)

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            placeholder = "输入要做的事或要去的页，如：保存、三、预览"
            self.push_screen(lazy.Palette(placeholder=placeholder, id="--command-palette"))

    def action_help(self) -> None:
        self.push_screen(lazy.HelpScreen())

    async def action_quit(self) -> None:
        if self._session is None or not self.session.dirty:
            self.exit()
            return
        self.push_screen(lazy.QuitScreen(self.session.path.name), callback=self._quit_answer)

    def _quit_answer(self, answer: Answer | None) -> None:
        if answer == "discard":
            if self.guard is not None:
                self.guard.discard()
            self.exit()
        elif answer == "save" and saving.save(self, self.session, self.say, then=self.exit):
            self.exit()

    async def on_jump_to(self, message: JumpTo) -> None:
        finding = message.finding
        if finding.cells:
            cell = finding.cells[0]
            await self.action_show(screen_of_table(cell.table))
            screen = self.screen
            if isinstance(screen, SectionScreen):
                screen.go_to(cell.row, cell.column)
        elif finding.field:
            await self.action_show(screen_of_field(finding.field))
            screen = self.screen
            if isinstance(screen, SectionScreen):
                screen.focus_field(finding.field)
