"""Finding last year's report: the one a file names (``[report] previous``) or one given.

The cross-year rules need it; when it cannot be used, the reason becomes a note on the output
rather than an error, because the report itself may be perfectly fine.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from govtui import controls
from govtui.errors import LoadError, Problem
from govtui.io.reading import read_report
from govtui.model import Report
from govtui.rollover import next_year


@dataclass(frozen=True)
class Previous:
    """Last year's report when it could be used, and what the reader should be told."""

    report: Report | None = None
    path: Path | None = None
    notes: tuple[str, ...] = ()


def find_previous(path: Path, report: Report, given: Path | None = None) -> Previous:
    """Last year's report for ``report`` (read from ``path``): ``given``, or the one it names."""
    if given is None:
        if not report.previous:
            return Previous()
        given = Path(os.path.normpath(path.parent / report.previous))
    try:
        last = read_report(given).report
    except LoadError as error:
        reason = error.problems[0].message if error.problems else "无法读取"
        return Previous(path=given, notes=(f"上年报告 {given} {reason}：未做跨年度校验。",))
    if last.year != report.year - 1:
        note = (
            f"上年报告 {given} 是 {last.year} 年的，不是 {report.year - 1} 年的：未做跨年度校验。"
        )
        return Previous(path=given, notes=(note,))
    notes: tuple[str, ...] = ()
    if last.agency != report.agency:
        notes = (f"上年报告 {given} 的机关是「{last.agency}」，与本报告「{report.agency}」不同。",)
    return Previous(last, given, notes)


def relative_path(target: Path, start_file: Path) -> str:
    """``target`` as written in ``start_file``: relative to its folder, with forward slashes."""
    folder = start_file.resolve().parent
    return Path(os.path.relpath(target.resolve(), folder)).as_posix()


def draft_from(last: Path, target: Path) -> Report:
    """Next year's draft from the report at ``last`` (a TOML file or a published report), to be
    saved as ``target``; :class:`LoadError` when ``last`` cannot be read."""
    name = relative_path(last, target)
    found = controls.first(name)
    if found is not None:
        # The draft names it (``previous``), and no report file may hold a control character:
        # the draft could not be opened again.
        raise LoadError(
            last,
            [
                Problem(
                    f"文件名中有看不见的控制字符 {controls.describe(found[1])}：本年草稿要记下"
                    "上年报告的文件名，请先给上年报告改名"
                )
            ],
        )
    return next_year(read_report(last).report, name)


_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def last_years_file(target: Path) -> Path | None:
    """Where last year's report probably is, for a new ``target``: the same path with its year
    written one lower (``scjg-2025.toml`` → ``scjg-2024.toml``, ``2025/scjg-2025.toml`` →
    ``2024/scjg-2024.toml`` or ``2025/scjg-2024.toml``), when that file exists."""
    text = str(target)
    found = list(_YEAR.finditer(text))
    if not found:
        return None
    last = found[-1]
    year = last.group()
    before = str(int(year) - 1)
    everywhere = _YEAR.sub(lambda m: before if m.group() == year else m.group(), text)
    only_last = f"{text[: last.start()]}{before}{text[last.end() :]}"
    return next((Path(c) for c in (everywhere, only_last) if Path(c).is_file()), None)
