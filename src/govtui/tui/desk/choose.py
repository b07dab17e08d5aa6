"""Before the desk opens: which roster (a folder with several), or a new one (none)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from govtui import controls
from govtui.desk.init import from_folder
from govtui.errors import GovtuiError
from govtui.io.atomic import atomic_write
from govtui.tui.screens.dialog import Dialog

NEW_ROSTER = "名单.toml"


class ChooseRosterScreen(Dialog[Path]):
    """Returns the chosen roster, or ``None`` (Esc: leave)."""

    def __init__(self, rosters: list[Path]) -> None:
        super().__init__()
        self.rosters = rosters

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("这个文件夹里有几份名单，打开哪一份？", classes="question")
            yield OptionList(*(Option(controls.visible(p.name)) for p in self.rosters))
            yield Static("上下键选择，Enter 打开，Esc 退出", classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.rosters[event.option_index])


class InitRosterScreen(Dialog[Path]):
    """No roster in the folder: offer to write one from its reports (``govtui desk init``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Dialog.BINDINGS,
        Binding("enter", "write", "生成名单"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        where = controls.visible(str(self.folder))
        with Vertical(classes="dialog"):
            yield Static(f"{where} 里没有名单（含 [[unit]] 的 .toml 文件）。", classes="question")
            yield Static(
                f"按 Enter 根据文件夹中的报告生成名单 {NEW_ROSTER}（与 govtui desk init 相同），"
                "然后打开收报台；生成后可编辑名单补上未报送的单位和报送期限。"
            )
            yield Static("", id="problem")
            yield Static("Enter 生成并打开    Esc 退出", classes="hint")

    def action_write(self) -> None:
        target = self.folder / NEW_ROSTER
        if target.exists() or target.is_symlink():
            self.query_one("#problem", Static).update(f"{NEW_ROSTER} 已经存在，没有覆盖。")
            return
        try:
            text, _notes = from_folder(self.folder, target)
            atomic_write(target, text.encode("utf-8"))
        except GovtuiError as error:
            self.query_one("#problem", Static).update(str(error))
            return
        self.dismiss(target)
