"""What the desk hands on — the workbook, the dashboard, the notices — written to files.

One function each, used by ``govtui desk --xlsx/--html``, ``govtui desk … notice`` and the
desk screen's export, so that the command and the screen write the same files the same way
(atomically; a name that cannot be written says why). Each returns the sentence to show.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from govtui import controls
from govtui.desk import dashboard, notice
from govtui.desk.board import Board
from govtui.desk.summing import summed
from govtui.errors import GovtuiError
from govtui.io.atomic import atomic_write

NOTICE_FORMATS = ("md", "docx")
CORRECTION_DAYS = 7  # the default time a unit is given to file its corrected report


def default_paths(board: Board) -> dict[str, Path]:
    """Where the desk screen writes: a folder ``名单-输出`` beside the roster. Not the roster's
    own folder, where a workbook, a web page or a summed report would be taken for a unit's
    report the next time the desk looks (the desk reads the files directly in that folder)."""
    roster = board.roster.path
    folder = roster.with_name(f"{roster.stem}-输出")
    return {
        "xlsx": folder / "工作簿.xlsx",
        "html": folder / "收报情况.html",
        "notices": folder / "通知",
        "sum": folder / "汇总.toml",
    }


def write_workbook(board: Board, path: Path) -> str:
    # openpyxl, the optional `xlsx` extra (and ~100 ms): only when a workbook is written
    from govtui.desk import workbook  # noqa: PLC0415

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, workbook.render(board.as_json(), summed(board) if board.counted else None))
    return f"已写出工作簿 {controls.visible(str(path))}（{len(board.units)} 个单位）"


def write_dashboard(board: Board, path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, dashboard.render(board.as_json()).encode("utf-8"))
    return f"已写出收报情况网页 {controls.visible(str(path))}"


def write_notices(
    board: Board,
    folder: Path,
    *,
    units: Iterable[str] | None = None,
    fmt: str = "md",
    until: datetime.date | None = None,
) -> str:
    """One notice per unit that has something to send back (returned, or a confirmed
    finding), named after the unit, in ``folder``; ``units`` limits it to those units."""
    if fmt not in NOTICE_FORMATS:
        raise GovtuiError(f"通知的格式「{fmt}」不认识：可用 {'、'.join(NOTICE_FORMATS)}")
    data = board.as_json()
    wanted = set(units) if units is not None else None
    office = board.roster.collection.agency or "汇总单位"
    due = until or board.as_of + datetime.timedelta(days=CORRECTION_DAYS)
    written = []
    for unit in data["units"]:
        if wanted is not None and unit["name"] not in wanted:
            continue
        found = notice.letter(unit, office=office, year=board.year, date=board.as_of, until=due)
        if found is None:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        name = controls.visible(unit["name"]).replace("/", "／")
        path = folder / f"{name}-{'退回' if found.reason else '整改'}通知.{fmt}"
        body = notice.markdown(found).encode("utf-8") if fmt == "md" else notice.docx(found)
        atomic_write(path, body)
        written.append(path)
    if not written:
        return "没有需要发出通知的单位（没有退回的单位，也没有确认需整改的问题）"
    where = controls.visible(str(folder))
    return f"已写出 {len(written)} 份通知到 {where}：" + "、".join(p.name for p in written)
