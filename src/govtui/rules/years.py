"""Rules across years, run when last year's report is known: ``carry_over``, ``in_force``,
``copied_text``.

A report runs on from the last one: the applications carried forward at the end of last year
are this year's 上年结转, the documents in force at the end of last year are this year's
starting point, and a section copied from last year is the 内容雷同 the 2021 notice condemns.
"""

from __future__ import annotations

from collections.abc import Iterator

from govtui import form
from govtui.rules.finding import CellRef, Finding
from govtui.rules.registry import Context, rule
from govtui.rules.similarity import reused_share

COPIED_THRESHOLD = 0.5  # assessments take off points when more than half a section is reused
THRESHOLD_SETTING = "copied_text_threshold"

_IN = "carried_over"
_OUT = "carried_forward"


@rule("carry_over", "error", "三、二、上年结转 应等于上年报告的 四、结转下年度继续办理", "previous")
def carry_over(context: Context) -> Iterator[Finding]:
    assert context.previous is not None
    table = form.REQUESTS
    this_in, last_out = table.row(_IN), table.row(_OUT)
    year = context.previous.year
    for column in table.columns:
        expected = context.previous.value(table.key, _OUT, column.key)
        actual = context.report.value(table.key, _IN, column.key)
        if expected == actual:
            continue
        yield Finding(
            section=table.section,
            row=this_in.label,
            column=column.label,
            expected=expected,
            actual=actual,
            message=(
                f"「{column.label}」列：{this_in.label} 是 {actual} 件，但 {year} 年报告的"
                f"{last_out.label} 是 {expected} 件，两者应相等。"
            ),
            cells=(CellRef(table.key, _IN, column.key),),
        )


@rule(
    "in_force",
    "warning",
    "二：上年现行有效件数＋本年制发－本年废止 应等于本年现行有效件数",
    "previous",
)
def in_force(context: Context) -> Iterator[Finding]:
    assert context.previous is not None
    table = form.PROACTIVE
    this, last = context.report.proactive, context.previous.proactive
    for row_key in ("rules", "normative_documents"):
        row = table.row(row_key)
        before = last[row_key]["in_force"]
        issued, repealed, now = (this[row_key][k] for k in ("issued", "repealed", "in_force"))
        expected = before + issued - repealed
        if now == expected:
            continue
        yield Finding(
            section=table.section,
            row=row.label,
            column=table.column("in_force").label,
            expected=expected,
            actual=now,
            message=(
                f"「{row.label}」现行有效 {now} 件，但按 {context.previous.year} 年末现行有效 "
                f"{before} 件＋本年制发 {issued} 件－本年废止 {repealed} 件，应为 {expected} 件。"
                "如因文件到期失效等原因不同，可说明理由后接受此警告。"
            ),
            cells=tuple(CellRef(table.key, row_key, k) for k in ("in_force", "issued", "repealed")),
        )


@rule("copied_text", "warning", "文字部分不应与上年报告雷同", "previous")
def copied_text(context: Context) -> Iterator[Finding]:
    assert context.previous is not None
    threshold = context.settings.get(THRESHOLD_SETTING, COPIED_THRESHOLD)
    for field in form.PROSE_FIELDS:
        share = reused_share(context.report.prose[field.key], context.previous.prose[field.key])
        # Judged in whole percent, as it is shown: "50%" is never "more than 50%".
        if share is None or round(share * 100) <= round(threshold * 100):
            continue
        yield Finding(
            section=field.section,
            row=field.label,
            expected=f"≤{threshold:.0%}",
            actual=f"{share:.0%}",
            message=(
                f"「{field.label}」有 {share:.0%} 的文字与 {context.previous.year} 年报告相同"
                f"（超过 {threshold:.0%}），属于内容雷同，请结合本年工作重新撰写。"
            ),
            field=field.key,
        )
