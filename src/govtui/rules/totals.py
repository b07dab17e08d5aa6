"""``stated_total``: in a published report, a printed total that is not the sum of its parts.

govtui never stores totals; the importer hands over the totals it read, keyed by the computed
cell they stand in, and this rule compares each with the sum computed from the parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from govtui import form
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule


@rule("stated_total", "印出的总计应等于各项之和（只用于读入的已发布报告）", needs="printed")
def stated_total(context: Context) -> Iterator[Finding]:
    assert context.printed is not None
    report = context.report
    for ref, printed in context.printed.items():
        computed = report.value(*ref)
        if printed == computed:
            continue
        table = form.TABLE_BY_KEY[ref.table]
        row, column = ref.labels
        yield Finding(
            section=table.section,
            row=row,
            column=column,
            expected=computed,
            actual=printed,
            message=(
                f"「{row}」的「{column}」印的是 {printed}，但各项相加应为 {computed}"
                f"（相差 {printed - computed:+d}）。"
            ),
            cells=(ref,),
        )
