"""Rules across the units of one collection, run by the office's desk: ``copied_from_unit``
(a unit's text found in another unit's report) and ``parent_sum`` (the office's own report
against the sum of its units).

Both need what only the desk has — every unit's prose, the sum of the counted units — so the
engine runs them only when it is given that (:class:`~govtui.rules.registry.Context`'s
``collection`` and ``unit_sum``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from govtui import form
from govtui.places import CellRef
from govtui.rules.copy_index import CopyIndex
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule
from govtui.rules.years import COPIED_THRESHOLD, THRESHOLD_SETTING


@rule("copied_from_unit", "文字部分不应与本次汇总中其他单位的报告雷同", "collection")
def copied_from_unit(context: Context) -> Iterator[Finding]:
    assert context.collection is not None
    return copied_findings(context.collection, context.unit, context.settings)


def copied_findings(
    index: CopyIndex, unit: str, settings: Mapping[str, float]
) -> Iterator[Finding]:
    """``unit``'s fields found in another unit's report (the desk runs this over its index)."""
    threshold = settings.get(THRESHOLD_SETTING, COPIED_THRESHOLD)
    for copied in index.copied(unit, threshold):
        field = form.PROSE_BY_KEY[copied.field]
        yield Finding(
            section=field.section,
            row=field.label,
            expected=f"≤{threshold:.0%}",
            actual=f"{copied.share:.0%}",
            message=(
                f"「{field.label}」有 {copied.share:.0%} 的文字与「{copied.other}」的报告相同"
                f"（超过 {threshold:.0%}，多数单位共用的模板文字不计），属于与其他单位雷同，"
                "请结合本单位工作重新撰写。"
            ),
            field=field.key,
        )


@rule(
    "parent_sum",
    "汇总单位本级报告的各项数字应等于所汇总单位报告之和",
    "unit_sum",
)
def parent_sum(context: Context) -> Iterator[Finding]:
    assert context.unit_sum is not None
    total, units = context.unit_sum.report, context.unit_sum.units
    counted = f"{len(units)} 个单位" if len(units) != 1 else units[0]
    for table in form.TABLES:
        for row, column in table.cells():
            if row.kind != "count":
                continue
            expected = total.value(table.key, row.key, column.key)
            actual = context.report.value(table.key, row.key, column.key)
            if expected == actual:
                continue
            yield Finding(
                section=table.section,
                row=row.full_label,
                column=column.label,
                expected=expected,
                actual=actual,
                message=(
                    f"「{row.full_label} / {column.label}」本级报告填 {actual}，"
                    f"而所汇总的 {counted}的报告之和是 {expected}，相差 {actual - expected:+d}。"
                    "请核对汇总数字，或说明不一致的原因。"
                ),
                cells=(CellRef(table.key, row.key, column.key),),
            )
    if total.fees != context.report.fees:
        row = form.PROACTIVE.row("fees")
        yield Finding(
            section=form.PROACTIVE.section,
            row=row.full_label,
            column=form.PROACTIVE.column("amount").label,
            expected=str(total.fees),
            actual=str(context.report.fees),
            message=(
                f"「{row.full_label}」本级报告填 {context.report.fees} 万元，"
                f"而所汇总的 {counted}的报告之和是 {total.fees} 万元。请核对汇总数字。"
            ),
            cells=(CellRef(form.PROACTIVE.key, "fees", "amount"),),
        )
