"""The editor's screens in the form's order, with their keys: one list for the section bar,
the app's bindings, the command palette and the help screen."""

from __future__ import annotations

from dataclasses import dataclass

from govtui import form


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the installed screen's name
    key: str  # the function key that shows it
    tab: str  # its name on the section bar
    heading: str  # the heading on top of the screen


def _heading(numeral: str) -> str:
    return form.section_of(numeral).heading


PLACES: tuple[Place, ...] = (
    Place("info", "f2", "基本信息", "基本信息：机关、年度、标题、前言"),
    Place("overview", "f3", "一", _heading("一")),
    Place("proactive", "f4", "二", _heading("二")),
    Place("requests", "f5", "三", _heading("三")),
    Place("appeals", "f6", "四", _heading("四")),
    Place("closing", "f7", "五六", f"{_heading('五')}；{_heading('六')}"),
    Place("findings", "f8", "校验", "校验：全部错误和警告（Enter 跳到所在位置）"),
    Place("preview", "f9", "预览", "预览：导出的 Markdown 报告"),
)
PLACE_BY_NAME: dict[str, Place] = {p.name: p for p in PLACES}

# Where each part of the report is edited.
SCREEN_OF_SECTION: dict[str, str] = {
    "": "info",
    "一": "overview",
    "二": "proactive",
    "三": "requests",
    "四": "appeals",
    "五": "closing",
    "六": "closing",
}


def screen_of_field(key: str) -> str:
    return SCREEN_OF_SECTION[form.PROSE_BY_KEY[key].section]


def screen_of_table(key: str) -> str:
    return SCREEN_OF_SECTION[form.TABLE_BY_KEY[key].section]
