"""Rules on the report's prose: ``empty_section`` and ``fee_statement`` (``narrative`` has its
own module)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govtui import form
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule


@rule("empty_section", "文字部分不应为空")
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


@rule("fee_statement", "六、其他需要报告的事项 应说明是否收取信息处理费")
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
