"""What every section screen has: the top bar, the section bar, a heading, a message line,
the footer, and a "窗口太小" notice that replaces everything below 80 × 24."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from govtui.controls import visible
from govtui.tui.messages import Notice
from govtui.tui.sections import PLACE_BY_NAME, Place
from govtui.tui.session import Session
from govtui.tui.widgets.bars import KeyBar, NavBar, TopBar
from govtui.tui.widgets.status import StatusLine

MIN_WIDTH, MIN_HEIGHT = 80, 24
TOO_SMALL = f"窗口太小：请把终端调到至少 {MIN_WIDTH} 列 × {MIN_HEIGHT} 行。"


class SectionScreen(Screen[None]):
    """A screen of the editor; subclasses add their body in :meth:`compose_body`."""

    # Textual declares these as instance variables; a ClassVar annotation would not type-check.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (MIN_WIDTH, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-short"),
        (MIN_HEIGHT, "-tall"),
    ]

    def __init__(self, session: Session, name: str) -> None:
        """``name``: the screen's place in the table of screens (``sections.PLACES``)."""
        super().__init__(name=name)
        self.session = session
        self._notice: Notice | None = None
        self._last_focus: Widget | None = None
        self._read_only_shown = False

    @property
    def place(self) -> Place:
        return PLACE_BY_NAME[self.name or ""]

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield NavBar(self.name or "")
        yield Static(self.place.heading, classes="heading")
        yield from self.compose_body()
        yield StatusLine("", id="message")
        yield KeyBar()
        yield Static(TOO_SMALL, id="too-small")

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        if self.session.read_only:
            self._show_read_only(True)

    def _show_read_only(self, read_only: bool) -> None:
        """Nothing can be saved, so nothing may be typed (see tui/opening.py) — until the
        report is saved as a copy (另存为), which can be."""
        self.set_read_only(read_only)
        self._read_only_shown = read_only

    def set_read_only(self, read_only: bool) -> None:
        """Let the screen's fields take typing or not (screens with fields or a grid: each
        knows its own, so that a screen needs no other screen's widgets)."""

    def on_screen_resume(self) -> None:
        self.sync()

    # ------------------------------------------------------------------ too small and back

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._last_focus = event.widget

    def on_resize(self) -> None:
        """Back from "窗口太小": the hidden widgets lost the focus; give it back, so that the
        next key goes where it went before (and a number half typed into a cell is kept)."""
        last = self._last_focus
        if (
            self.focused is None
            and last is not None
            and last.is_attached
            and self.size.width >= MIN_WIDTH
            and self.size.height >= MIN_HEIGHT
        ):
            self.call_after_refresh(last.focus)

    def sync(self) -> None:
        """Show the session as it is now (called after every change and on resume)."""
        session = self.session
        if self._read_only_shown != bool(session.read_only):
            self._show_read_only(bool(session.read_only))
        name = visible(session.path.name) + ("（只读）" if session.read_only else "")
        self.query_one(TopBar).show(
            name,
            session.report.display_title,
            session.dirty,
            session.errors,
            session.warnings,
        )
        self.show_message()

    def show_texts(self) -> None:
        """Put the session's texts back into the fields (after an undo or redo): the fields
        are otherwise the source of their text, never overwritten while being typed in."""

    # ------------------------------------------------------------------ jumps

    def go_to(self, row: str, column: str) -> None:
        """Put the cursor on a cell (screens with a grid)."""

    def focus_field(self, key: str) -> None:
        """Put the cursor in a prose field (screens with prose)."""

    # ------------------------------------------------------------------ the message line

    def on_notice(self, notice: Notice) -> None:
        notice.stop()
        self.say(notice.text, error=notice.error)

    def say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the message line until the user moves on."""
        self._notice = Notice(visible(text, lines=True), error=error)
        self.show_message()

    def forget_notice(self) -> None:
        self._notice = None
        self.show_message()

    def context(self) -> tuple[str, bool]:
        """What the message line says when there is no notice: the findings here."""
        return "", False

    def show_message(self) -> None:
        text, error = (self._notice.text, self._notice.error) if self._notice else self.context()
        line = self.query_one("#message", StatusLine)
        line.set_class(error, "error")
        line.show(Content(text))
