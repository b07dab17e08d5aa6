"""Finding last year's report: the one a file names (``[report] previous``) or one given.

The cross-year rules need it; when it cannot be used, the reason becomes a note on the output
rather than an error, because the report itself may be perfectly fine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import LoadError
from govtui.model import Report


@dataclass(frozen=True)
class Previous:
    """Last year's report when it could be used, and what the reader should be told."""

    report: Report | None = None
    path: Path | None = None
    notes: tuple[str, ...] = ()


def find_previous(path: Path, report: Report, given: Path | None = None) -> Previous:
    """Last year's report for ``report`` (read from ``path``): ``given``, or the one it names."""
    from govtui.io.reading import read_report

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
