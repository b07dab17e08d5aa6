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
                rule="empty_section",
                severity="warning",
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
        rule="fee_statement",
        severity="warning",
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
    "review": re.compile(r"(?:未|没有|无)(?:发生|出现|涉及|收到)?[^。；;]{0,12}行政复议"),
    "litigation": re.compile(r"(?:未|没有|无)(?:发生|出现|涉及|收到)?[^。；;]{0,12}行政诉讼"),
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


@rule("narrative", "warning", "文字叙述不应与表格数字矛盾")
def narrative(context: Context) -> Iterator[Finding]:
    report = context.report
    new = report.value("requests", "new", "total")
    carried = report.value("requests", "carried_over", "total")
    text = report.prose[ON_REQUEST]
    field = form.PROSE_BY_KEY[ON_REQUEST]
    new_cell = CellRef("requests", "new", "total")
    if new and _NONE_RECEIVED.search(text):
        yield Finding(
            rule="narrative",
            severity="warning",
            section=field.section,
            row=field.label,
            expected=new,
            actual=0,
            message=(
                f"「{field.label}」说没有收到申请，但三、本年新收政府信息公开申请数量是 {new} 件。"
            ),
            cells=(new_cell,),
            field=ON_REQUEST,
        )
    else:
        match = _RECEIVED.search(text)
        stated = chinese_number(next(g for g in match.groups() if g)) if match else None
        if stated is not None and stated != new:
            hint = (
                f"叙述似乎把上年结转的 {carried} 件也算作了本年收到。"
                if carried and stated == new + carried
                else "请核对。"
            )
            yield Finding(
                rule="narrative",
                severity="warning",
                section=field.section,
                row=field.label,
                expected=new,
                actual=stated,
                message=(
                    f"「{field.label}」说收到申请 {stated} 件，"
                    f"但三、本年新收政府信息公开申请数量是 {new} 件；{hint}"
                ),
                cells=(new_cell,),
                field=ON_REQUEST,
            )

    groups = {"review": ("review",), "litigation": ("litigation_direct", "litigation_after_review")}
    names = {"review": "行政复议", "litigation": "行政诉讼"}
    for kind, rows in groups.items():
        count = sum(report.value("appeals", row, "total") for row in rows)
        if not count:
            continue
        for field in form.PROSE_FIELDS:
            if _NO_APPEAL[kind].search(report.prose[field.key]):
                yield Finding(
                    rule="narrative",
                    severity="warning",
                    section=field.section,
                    row=field.label,
                    expected=count,
                    actual=0,
                    message=(
                        f"「{field.label}」说没有{names[kind]}，"
                        f"但四、政府信息公开行政复议、行政诉讼情况 中{names[kind]}共 {count} 件。"
                    ),
                    cells=tuple(CellRef("appeals", row, "total") for row in rows),
                    field=field.key,
                )
                break
