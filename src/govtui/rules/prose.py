"""Rules on the report's prose: ``empty_section``, ``fee_statement`` and ``narrative``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govtui import form
from govtui.rules.finding import CellRef, Finding
from govtui.rules.registry import Context, rule


@rule("empty_section", "warning", "文字部分不应为空")
def empty_section(context: Context) -> Iterator[Finding]:
    prose = context.report.prose
    for field in form.PROSE_FIELDS:
        if field.required and not prose[field.key].strip():
            yield Finding(
                section=field.section,
                row=field.label,
                message=f"「{field.label}」还没有内容。",
                field=field.key,
            )


FEE_FIELD = "closing.other_matters"
_FEE_WORDS = re.compile(r"信息处理费|信息處理費")


@rule("fee_statement", "warning", "六、其他需要报告的事项 应说明是否收取信息处理费")
def fee_statement(context: Context) -> Iterator[Finding]:
    if _FEE_WORDS.search(context.report.prose[FEE_FIELD]):
        return
    field = form.PROSE_BY_KEY[FEE_FIELD]
    yield Finding(
        section=field.section,
        row=field.label,
        message="六、其他需要报告的事项 没有说明是否收取信息处理费（收了几件、多少钱，或未收取）。",
        field=FEE_FIELD,
    )


# ----------------------------------------------------------------------- narrative

ON_REQUEST = "overview.on_request"

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMBER = r"(\d+|[〇零一二两三四五六七八九十百]+)"
# "未收到…申请", "没有收到…申请", "无…申请", "申请…0件"
_NONE_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|接到|受理|新收)[^。；;]{0,20}申请"
    r"|(?:收到|受理|新收)[^。；;\d]{0,20}申请[^。；;\d]{0,6}(?:为|共)?\s*[0零]\s*件"
)
_RECEIVED = re.compile(
    r"(?:收到|接到|受理|新收)[^。；;\d〇零一二两三四五六七八九十百]{0,24}?申请[^。；;\d]{0,8}?"
    + _NUMBER
    + r"\s*(?:件|份|条|个)"
    + r"|(?:收到|接到|受理|新收)[^。；;\d]{0,8}?"
    + _NUMBER
    + r"\s*(?:件|份)[^。；;]{0,12}申请"
)
_NO_APPEAL = {
    name: re.compile(r"(?:未|没有|无)(?:发生|出现|涉及|收到)?[^。；;]{0,12}" + name)
    for name in (form.REVIEW, form.LITIGATION)
}


def chinese_number(text: str) -> int | None:
    """Arabic digits or a simple Chinese numeral below 1000 (三, 十二, 一百零五)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _contradiction(
    field: form.ProseField, expected: int, actual: int, message: str, cells: tuple[CellRef, ...]
) -> Finding:
    return Finding(
        section=field.section,
        row=field.label,
        expected=expected,
        actual=actual,
        message=message,
        cells=cells,
        field=field.key,
    )


_APPEAL_GROUPS = {
    form.REVIEW: tuple(r.key for r in form.APPEALS.rows if r.label == form.REVIEW),
    form.LITIGATION: tuple(r.key for r in form.APPEALS.rows if form.LITIGATION in r.path),
}


@rule("narrative", "warning", "文字叙述不应与表格数字矛盾")
def narrative(context: Context) -> Iterator[Finding]:
    report = context.report
    new = report.value("requests", "new", "total")
    carried = report.value("requests", "carried_over", "total")
    field = form.PROSE_BY_KEY[ON_REQUEST]
    text = report.prose[field.key]
    table_says = f"但{form.REQUESTS.section}「{form.REQUESTS.row('new').label}」是 {new} 件"
    new_cell = (CellRef("requests", "new", "total"),)
    if new and _NONE_RECEIVED.search(text):
        message = f"「{field.label}」说没有收到申请，{table_says}。"
        yield _contradiction(field, new, 0, message, new_cell)
    else:
        match = _RECEIVED.search(text)
        stated = chinese_number(next(g for g in match.groups() if g)) if match else None
        if stated is not None and stated != new:
            hint = (
                f"叙述似乎把上年结转的 {carried} 件也算作了本年收到。"
                if carried and stated == new + carried
                else "请核对。"
            )
            message = f"「{field.label}」说收到申请 {stated} 件，{table_says}；{hint}"
            yield _contradiction(field, new, stated, message, new_cell)

    appeals = form.section_of(form.APPEALS.section).heading
    for name, rows in _APPEAL_GROUPS.items():
        count = sum(report.value("appeals", row, "total") for row in rows)
        if not count:
            continue
        cells = tuple(CellRef("appeals", row, "total") for row in rows)
        for prose_field in form.PROSE_FIELDS:
            if _NO_APPEAL[name].search(report.prose[prose_field.key]):
                message = (
                    f"「{prose_field.label}」说没有{name}，但{appeals} 中{name}共 {count} 件。"
                )
                yield _contradiction(prose_field, count, 0, message, cells)
                break
