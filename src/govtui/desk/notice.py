"""``govtui desk ROSTER notice``: the letter the office sends a unit back (退回/整改通知).

One letter a unit, in the office's name: why the report is returned (the office's reason),
each finding the office confirmed — its place in the form's words, what is wrong, what the
office requires — and the date by which the corrected report is due. Drawn from the desk's
JSON for that unit (:func:`govtui.desk.data.unit_json`), so the letter holds exactly the
decisions the ledger holds. Markdown for mail and for pasting into an OA system; Word for the
stamped paper copy.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from govtui.rules.finding import SEVERITY_LABEL, place_label

RETURNED = "returned"
CONFIRMED = "confirmed"


def chinese_date(date: datetime.date) -> str:
    """2025年2月3日, as letters are dated (no leading zeros)."""
    return f"{date.year}年{date.month}月{date.day}日"


@dataclass(frozen=True)
class Letter:
    """What a notice says, before it is laid out as Markdown or Word."""

    office: str
    unit: str
    year: int | None
    date: datetime.date
    until: datetime.date
    reason: str  # the return reason; "" when the unit was not returned
    items: tuple[tuple[str, str, str], ...]  # (place in the form's words, finding, requirement)

    @property
    def title(self) -> str:
        kind = "退回" if self.reason else "整改"
        return f"关于{self.year or ''}年度政府信息公开工作年度报告{kind}整改的通知"

    def paragraphs(self) -> list[str]:
        """The body, paragraph by paragraph, after the salutation."""
        year = f"{self.year}年度" if self.year else ""
        opening = f"你单位报送的{year}政府信息公开工作年度报告已收悉。"
        if self.reason:
            opening += f"经审核，现予退回，理由如下：{self.reason}"
            opening += "" if self.reason.endswith(("。", "！", "；")) else "。"
        else:
            opening += "经审核，报告存在以下问题，需要整改。"
        if self.items:
            opening += f"需要整改的问题共 {len(self.items)} 项，详见下表。"
        closing = (
            f"请对照《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）逐项核实整改，"
            f"于{chinese_date(self.until)}前重新报送。"
        )
        return [opening, closing]


def letter(
    unit: Mapping[str, Any],
    *,
    office: str,
    year: int | None,
    date: datetime.date,
    until: datetime.date,
) -> Letter | None:
    """The letter for ``unit`` (an entry of the desk's JSON ``units``), or None when there is
    nothing to send back: the unit is neither returned nor has a confirmed finding."""
    decision = unit.get("decision") or {}
    reason = (decision.get("comment") or "退回") if unit.get("status") == RETURNED else ""
    items = tuple(_item(f) for f in unit.get("findings") or () if _confirmed(f))
    if not reason and not items:
        return None
    return Letter(office, unit["name"], year, date, until, reason, items)


def _confirmed(finding: Mapping[str, Any]) -> bool:
    return bool((finding.get("review") or {}).get("state") == CONFIRMED)


def _item(finding: Mapping[str, Any]) -> tuple[str, str, str]:
    place = place_label(finding["place"]) if finding.get("place") else finding.get("row", "")
    where = f"{finding['section']}：{place}" if place else finding["section"]
    what = f"【{SEVERITY_LABEL[finding['severity']]}】{finding['message']}"
    requirement = (finding.get("review") or {}).get("comment") or "请核实并改正。"
    return where, what, requirement


# --------------------------------------------------------------------------- layouts

_HEADS = ("序号", "位置", "问题", "整改要求")


def markdown(found: Letter) -> str:
    lines = [f"# {found.title}", "", f"{found.unit}：", ""]
    paragraphs = found.paragraphs()
    lines += [paragraphs[0], ""]
    if found.items:
        lines += ["| " + " | ".join(_HEADS) + " |", "|" + "---|" * len(_HEADS)]
        for number, (where, what, requirement) in enumerate(found.items, 1):
            cells = (str(number), where, what, requirement)
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    lines += [paragraphs[1], "", found.office, "", chinese_date(found.date), ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: a pipe or a line break would end the cell."""
    return text.replace("|", "｜").replace("\r", " ").replace("\n", " ")


def docx(found: Letter) -> bytes:
    """The letter as a Word document (python-docx, the ``docx`` extra)."""
    # python-docx is optional (the `docx` extra): imported only when a Word notice is written
    import docx as python_docx  # noqa: PLC0415
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    document = python_docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "仿宋"
    normal.font.size = Pt(14)
    r_pr = normal.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(found.title)
    run.bold = True
    run.font.size = Pt(18)
    document.add_paragraph(f"{found.unit}：")
    paragraphs = found.paragraphs()
    document.add_paragraph(paragraphs[0]).paragraph_format.first_line_indent = Pt(28)
    if found.items:
        _docx_table(document, found.items, Pt)
    document.add_paragraph(paragraphs[1]).paragraph_format.first_line_indent = Pt(28)
    for text in (found.office, chinese_date(found.date)):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document: Any, items: Sequence[tuple[str, str, str]], pt: Any) -> None:
    """The findings' table; ``pt`` is python-docx's ``Pt`` (imported by :func:`docx`)."""
    table = document.add_table(rows=1, cols=len(_HEADS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, _HEADS, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for number, (where, what, requirement) in enumerate(items, 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(number), where, what, requirement), strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = pt(11)
