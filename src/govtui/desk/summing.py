"""``govtui desk --sum OUT.toml``: the summed report of the units the spec counts.

The numbers are added as ``aggregate`` adds them (:class:`govtui.aggregate.Sum`); a sum file
written before keeps its prose, title and acceptances, as with ``aggregate -o``. At its top a
comment names the units counted, those not counted, and whether the sum is provisional
(汇总含有未解决问题的报告) — a comment, so the file stays an ordinary report. It is written under
the file's lock (:mod:`govtui.io.document`): not while another govtui edits it.
"""

from __future__ import annotations

from pathlib import Path

from govtui.aggregate import existing_sum
from govtui.desk.board import Board
from govtui.desk.status import STATUS_LABEL
from govtui.errors import GovtuiError
from govtui.io import toml_file
from govtui.io.atomic import atomic_write
from govtui.io.document import Document
from govtui.model import Report

PROVISIONAL = "汇总含有未解决问题的报告"


def sum_note(board: Board) -> list[str]:
    """The lines that say what the sum is made of (shown by the command and written in the file)."""
    counted = board.counted
    lines = [f"计入 {len(counted)} 个单位：{'、'.join(u.name for u in counted) or '无'}"]
    left = [u for u in board.units if not u.counted]
    if left:
        lines.append(
            f"未计入 {len(left)} 个单位："
            + "、".join(f"{u.name}（{STATUS_LABEL[u.status]}）" for u in left)
        )
    provisional = board.provisional
    if provisional:
        lines.append(f"暂定：{PROVISIONAL}（{'、'.join(u.name for u in provisional)}）")
    return lines


def summed(board: Board, agency: str = "") -> Report:
    """The sum of the counted units as a report (prose empty): what ``--sum`` writes."""
    return board.sum_report(agency or board.roster.collection.agency or "汇总")


def write_sum(board: Board, output: Path, agency: str, force: bool = False) -> str:
    """Write the sum to ``output``; the message to print. :class:`GovtuiError` when it cannot."""
    if not board.counted or board.year is None:
        raise GovtuiError("没有可以汇总的报告：没有写出汇总报告")
    document = Document(output)
    base, problem = existing_sum(document, force)
    if problem:
        raise GovtuiError(problem)
    report = board.sum_report(agency, base)
    head = "".join(f"# {line}\n" for line in (f"收报台汇总（{board.as_of}）", *sum_note(board)))
    # Under the file's lock, as every govtui write of a report; the text itself is written here
    # because of the comment at its top, which a report saved as a document would not keep.
    with document.held():
        atomic_write(output, (head + toml_file.dumps(report)).encode("utf-8"))
    state = f"，暂定：{PROVISIONAL}" if board.provisional else ""
    return f"已写出汇总报告 {output}（{board.year} 年，{len(board.counted)} 个单位之和{state}）"
