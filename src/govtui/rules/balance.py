"""``balance``: the 勾稽关系 of the matrix's corner, 一 + 二 = （七）总计 + 四, per column."""

from __future__ import annotations

from collections.abc import Iterator

from govtui import form
from govtui.places import CellRef
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule

ROW_LABEL = "勾稽关系：一＋二＝（七）总计＋四"


@rule("balance", "三：每一列的 一＋二 应等于 （七）总计＋四")
def balance(context: Context) -> Iterator[Finding]:
    report = context.report
    table = form.REQUESTS
    for column in table.columns:
        values = report.column_values(table.key, column.key)
        left = sum(values[k] for k in form.BALANCE_LEFT)
        right = sum(values[k] for k in form.BALANCE_RIGHT)
        if left == right:
            continue
        received, carried_in = (values[k] for k in form.BALANCE_LEFT)
        total, carried_out = (values[k] for k in form.BALANCE_RIGHT)
        difference = right - left
        message = (
            f"「{column.label}」列不平衡：一、本年新收 {received} ＋ 二、上年结转 {carried_in}"
            f" ＝ {left}，而（七）总计 {total} ＋ 四、结转下年度 {carried_out} ＝ {right}，"
            f"比一＋二{'多' if difference > 0 else '少'} {abs(difference)} 件。"
            "请核对各项办理结果和结转数。"
        )
        yield Finding(
            section=table.section,
            row=ROW_LABEL,
            column=column.label,
            expected=left,
            actual=right,
            message=message,
            cells=tuple(
                CellRef(table.key, row, column.key)
                for row in (*form.BALANCE_LEFT, *form.BALANCE_RIGHT)
            ),
        )
