"""What the desk can do with one unit, from the table or from the unit's findings: open its
report, approve it, send it back. One base for both screens, so the two ask and say the same."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from govtui.tui.desk.reason import ReasonScreen

if TYPE_CHECKING:
    from govtui.tui.desk.app import DeskApp


class UnitActions(Screen[None]):
    """A desk screen with a current unit (:meth:`current_unit`) and a ``#message`` line."""

    @property
    def desk(self) -> DeskApp:
        return cast("DeskApp", self.app)

    def current_unit(self) -> str | None:
        raise NotImplementedError

    def say(self, text: str, failed: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.set_class(failed, "error")
        message.update(Content(text))

    def action_open(self) -> None:
        name = self.current_unit()
        if name is None:
            return
        view = self.desk.state.unit(name)
        if view.status == "unreadable" and view.reason:
            self.say(f"「{name}」的报告无法读取：{view.reason}", True)
        elif view.read is None:
            self.say(f"「{name}」没有可以打开的报告。", True)
        else:
            said = self.desk.open_report(view.read.path)
            if said:
                self.say(said, True)

    def action_approve(self) -> None:
        name = self.current_unit()
        if name is not None:
            ask = ReasonScreen(f"通过「{name}」的报告？", "", "说明", required=False)
            self.app.push_screen(ask, lambda text: self._approve(name, text))

    def _approve(self, name: str, text: str | None) -> None:
        if text is not None:
            self.desk.decide(lambda: self.desk.state.approve(name, text), self.say)

    def action_send_back(self) -> None:
        name = self.current_unit()
        if name is not None:
            ask = ReasonScreen(
                f"退回「{name}」的报告？", "退回后单位需修改并重新报送。", "退回理由", required=True
            )
            self.app.push_screen(ask, lambda text: self._send_back(name, text))

    def _send_back(self, name: str, text: str | None) -> None:
        if text:
            self.desk.decide(lambda: self.desk.state.send_back(name, text), self.say)
