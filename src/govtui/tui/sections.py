"""The editor's one table of screens and keys: the screens in the form's order (their key,
their tab on the section bar, their heading, their class, the parts of the report edited there)
and the commands of the whole editor (keys, footer label, palette entry, help line).

The app's bindings, the section bar, the command palette and the help screen are all built
from these two tables (as harlequin builds its bindings and help from one table of actions),
so that a key or a screen is written once.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from govtui import form


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the installed screen's name
    key: str  # the function key that shows it
    tab: str  # its name on the section bar
    heading: str  # the heading on top of the screen
    screen: str  # its class's name, imported when first shown (see ``tui/lazy.py``)
    sections: tuple[str, ...] = ()  # the sections edited there ("": agency, year, title)


@dataclass(frozen=True, slots=True)
class Command:
    """A command of the whole editor: the app's ``action_<action>``."""

    action: str
    keys: str  # Textual's key names, comma-separated
    label: str  # on the footer
    title: str  # in the command palette
    help: str  # beside it in the palette and on the help screen
    show: bool = True  # on the footer
    key_display: str | None = None


def _heading(numeral: str) -> str:
    return form.section_of(numeral).heading


PLACES: tuple[Place, ...] = (
    Place("info", "f2", "基本信息", "基本信息：机关、年度、标题、前言", "InfoScreen", ("",)),
    Place("overview", "f3", "一", _heading("一"), "OverviewScreen", ("一",)),
    Place("proactive", "f4", "二", _heading("二"), "ProactiveScreen", ("二",)),
    Place("requests", "f5", "三", _heading("三"), "RequestsScreen", ("三",)),
    Place("appeals", "f6", "四", _heading("四"), "AppealsScreen", ("四",)),
    Place(
        "closing",
        "f7",
        "五六",
        f"{_heading('五')}；{_heading('六')}",
        "ClosingScreen",
        ("五", "六"),
    ),
    Place(
        "findings",
        "f8",
        "校验",
        "校验：全部错误和警告（Enter 跳到所在位置）",
        "FindingsScreen",
    ),
    Place("preview", "f9", "预览", "预览：导出的 Markdown 报告", "PreviewScreen"),
)
PLACE_BY_NAME: dict[str, Place] = {p.name: p for p in PLACES}

COMMANDS: tuple[Command, ...] = (
    Command(
        "save",
        "ctrl+s",
        "保存",
        "保存",
        "原子写入 TOML 文件，不会留下半个文件；只读打开时另存为副本",
    ),
    Command(
        "undo", "ctrl+z", "撤销", "撤销", "撤销上一步修改（表格、粘贴、文字、接受警告），在任何一页"
    ),
    Command("redo", "ctrl+y", "重做", "重做", "重做撤销的修改"),
    Command(
        "export",
        "ctrl+r",
        "导出",
        "导出报告（选择格式）",
        "选择 Markdown、网页、Word 或 JSON，写在 TOML 文件旁边",
        show=False,
    ),
    Command("help", "f1,question_mark", "帮助", "帮助：所有按键", "本页", key_display="F1"),
    # Not a priority binding (Textual's default is): a priority key overtakes the keys typed
    # before it, and ctrl+q right after a digit must see that digit committed.
    Command("quit", "ctrl+q", "退出", "退出", "有未保存的修改时询问：保存、不保存、取消"),
    Command("command_palette", "ctrl+p", "命令", "命令面板", "转到任何一页、执行任何操作"),
)

# Where each part of the report is edited.
SCREEN_OF_SECTION: dict[str, str] = {s: p.name for p in PLACES for s in p.sections}


def bindings() -> list[Binding]:
    """The app's bindings: a function key per screen, then the commands."""
    return [
        *(Binding(p.key, f"show('{p.name}')", p.tab, show=False) for p in PLACES),
        *(
            Binding(c.keys, c.action, c.label, show=c.show, key_display=c.key_display)
            for c in COMMANDS
        ),
    ]


def keys_shown(keys: str) -> str:
    """Keys as the help and the palette write them: ``ctrl+s`` → ``Ctrl+S``,
    ``f1,question_mark`` → ``F1 或 ?``."""
    names = {"question_mark": "?", "pageup": "PageUp", "pagedown": "PageDown", "escape": "Esc"}
    shown = []
    for key in keys.split(","):
        key = key.strip()
        parts = [names.get(part, part[:1].upper() + part[1:]) for part in key.split("+")]
        shown.append("+".join(parts))
    return " 或 ".join(shown)


def screen_of_field(key: str) -> str:
    return SCREEN_OF_SECTION[form.PROSE_BY_KEY[key].section]


def screen_of_table(key: str) -> str:
    return SCREEN_OF_SECTION[form.TABLE_BY_KEY[key].section]
