"""Export from the desk: the workbook, the dashboard, the notices, the summed report — each
a key away, written beside the roster, saying where (or why not)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from govtui import controls
from govtui.desk.outputs import default_paths, write_dashboard, write_notices, write_workbook
from govtui.desk.summing import write_sum
from govtui.errors import GovtuiError
from govtui.tui.screens.dialog import Dialog

if TYPE_CHECKING:
    from govtui.tui.desk.app import DeskApp

CHOICES = (
    ("1", "xlsx", "工作簿（.xlsx）：报送情况、问题清单、汇总、指标"),
    ("2", "html", "收报情况网页（.html）：图表、状态表、问题清单"),
    ("3", "notices", "退回/整改通知（.md）：每个需要通知的单位一份"),
    ("4", "sum", "汇总报告（.toml）：计入单位的数字之和"),
)


class ExportScreen(Dialog[str]):
    """Returns what was written (or why not), or ``None`` when the user goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *Dialog.BINDINGS,
        *(Binding(key, f"write('{what}')", show=False) for key, what, _ in CHOICES),
    ]

    def compose(self) -> ComposeResult:
        desk = cast("DeskApp", self.app)
        assert desk.board is not None
        paths = default_paths(desk.board)
        with Vertical(classes="dialog"):
            folder = controls.visible(paths["xlsx"].parent.name)
            yield Static(f"导出到名单旁的文件夹 {folder}", classes="question")
            for key, what, text in CHOICES:
                yield Static(f"{key}  {text}\n   {controls.visible(paths[what].name)}")
            yield Static("按数字键导出    Esc 取消", classes="hint")

    def action_write(self, what: str) -> None:
        desk = cast("DeskApp", self.app)
        board = desk.board
        assert board is not None
        path = default_paths(board)[what]
        try:
            if what == "xlsx":
                text = write_workbook(board, path)
            elif what == "html":
                text = write_dashboard(board, path)
            elif what == "notices":
                text = write_notices(board, path)
            else:
                agency = board.roster.collection.agency or "汇总单位"
                path.parent.mkdir(parents=True, exist_ok=True)
                text = write_sum(board, path, agency)
        except ImportError:
            text = "未能导出：缺少可选组件，请安装 pip install 'govtui[office]'"
        except (GovtuiError, OSError) as error:
            text = f"未能导出：{error}"
        self.dismiss(text)
