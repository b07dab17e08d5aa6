"""Rules on how a published report was printed, run when ``check`` or ``import`` read one:
``heading_order`` (section headings missing, misnumbered or out of order) and ``blank_cell``
(a table cell printed blank, “/”, “-” or “—” where the form wants 0).

The importer finds each section by the words of its heading, whatever its number, so it can
read a report whose headings are wrong; these rules say what a reviewer would mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from govtui import form
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule

_NUMBER = re.compile(r"^\s*第?\s*([一二三四五六七八九十]+)\s*[、.．，,\s]")
_ORDER = {s.numeral: i for i, s in enumerate(form.SECTIONS)}


@rule("heading_order", "已发布报告的章节标题应齐全、编号正确、顺序正确", "published")
def heading_order(context: Context) -> Iterator[Finding]:
    assert context.published is not None
    headings = context.published.headings
    seen: set[str] = set()
    latest = -1
    for numeral, printed in headings:
        if numeral in seen:
            continue
        seen.add(numeral)
        heading = form.section_of(numeral).heading
        number = _NUMBER.match(printed)
        if number and number.group(1) != numeral:
            message = f"章节标题疑似有误：“{printed}”应为“{heading}”。"
        elif _ORDER[numeral] < latest:
            before = form.SECTIONS[latest].heading
            message = f"章节顺序有误：“{printed}”排在了“{before}”之后。"
        else:
            latest = max(latest, _ORDER[numeral])
            continue
        latest = max(latest, _ORDER[numeral])
        yield Finding(section=numeral, row=heading, actual=printed, message=message)
    for section in form.SECTIONS:
        if section.numeral not in seen:
            yield Finding(
                section=section.numeral,
                row=section.heading,
                message=f"没有找到章节标题“{section.heading}”：国家格式的六个部分缺一不可。",
            )


def _shown(printed: str) -> str:
    return f"“{printed}”" if printed else "空白"


@rule("blank_cell", "已发布报告的表格中没有数据应填 0，不应空白或填“/”", "published")
def blank_cell(context: Context) -> Iterator[Finding]:
    assert context.published is not None
    cells = context.published.blank
    for (table_key, row_key), group in groupby(cells, key=lambda c: (c[0].table, c[0].row)):
        found = list(group)
        table = form.TABLE_BY_KEY[table_key]
        row = table.row(row_key)
        columns = "、".join(
            f"{table.column(ref.column).label}（{_shown(printed)}）" for ref, printed in found
        )
        yield Finding(
            section=table.section,
            row=row.full_label,
            column=table.column(found[0][0].column).label if len(found) == 1 else "",
            actual=len(found),
            message=(
                f"「{row.full_label}」有 {len(found)} 格没有印数字：{columns}，已按 0 读入。"
                "国家格式要求没有数据的格填 0。"
            ),
            cells=tuple(ref for ref, _ in found),
        )
