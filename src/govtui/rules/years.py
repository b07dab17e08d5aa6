"""Rules across years, run when last year's report is known: ``carry_over``, ``in_force``,
``copied_text``.

A report runs on from the last one: the applications carried forward at the end of last year
are this year's 上年结转, the documents in force at the end of last year are this year's
starting point, and a section copied from last year is the 内容雷同 the 2021 notice condemns.
"""

from __future__ import annotations

from collections.abc import Iterator

from govtui import form
from govtui.places import CellRef

# The profile's settings live in the policy (the profile is read without the rules); the
# rules across units still import the copy threshold from here.
from govtui.policy import COPIED_THRESHOLD as COPIED_THRESHOLD
from govtui.policy import (
    FACTOR_SETTING,
    FEE_FLOOR_SETTING,
    FLOOR_SETTING,
    SWING_FACTOR,
    SWING_FEE_FLOOR,
    SWING_FLOOR,
)
from govtui.policy import THRESHOLD_SETTING as THRESHOLD_SETTING
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule
from govtui.rules.similarity import reused_share

_IN = "carried_over"
_OUT = "carried_forward"


@rule("carry_over", "三、二、上年结转 应等于上年报告的 四、结转下年度继续办理", "previous")
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


@rule("copied_text", "文字部分不应与上年报告雷同", "previous")
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


# ---------------------------------------------------------------------------------- swing
#
# Evaluators ask units to check figures that jumped against last year (年度变化过大): a cell
# whose larger year is at least the floor and whose value grew or shrank by the factor.

_LITIGATION = tuple(r.key for r in form.APPEALS.rows if form.LITIGATION in r.path)
_SWING_CELLS: tuple[tuple[str, tuple[CellRef, ...]], ...] = (
    (form.REQUESTS.row("new").label, (CellRef("requests", "new", "total"),)),
    *(
        (
            f"{form.PROACTIVE.row(row).label}（本年处理决定数量）",
            (CellRef("proactive", row, "decisions"),),
        )
        for row in ("licensing", "penalties", "coercion")
    ),
    *(
        (
            f"{form.PROACTIVE.row(row).label}（现行有效件数）",
            (CellRef("proactive", row, "in_force"),),
        )
        for row in ("rules", "normative_documents")
    ),
    (f"{form.REVIEW}（总计）", (CellRef("appeals", "review", "total"),)),
    (f"{form.LITIGATION}（总计）", tuple(CellRef("appeals", r, "total") for r in _LITIGATION)),
)
_FEE = CellRef("proactive", "fees", "amount")


def _swung(this: float, last: float, factor: float, floor: float) -> bool:
    if max(this, last) < floor:
        return False
    return this >= factor * last or this * factor <= last


@rule("swing", "与上年相比变化过大的数字应核对或说明", "previous")
def swing(context: Context) -> Iterator[Finding]:
    assert context.previous is not None
    factor = context.settings.get(FACTOR_SETTING, SWING_FACTOR)
    floor = context.settings.get(FLOOR_SETTING, SWING_FLOOR)
    fee_floor = context.settings.get(FEE_FLOOR_SETTING, SWING_FEE_FLOOR)
    this, last = context.report, context.previous
    measured: list[tuple[str, tuple[CellRef, ...], float, float, float, str]] = [
        (
            label,
            cells,
            float(sum(this.value(*c) for c in cells)),
            float(sum(last.value(*c) for c in cells)),
            floor,
            "件",
        )
        for label, cells in _SWING_CELLS
    ]
    fee_label = f"{form.PROACTIVE.row('fees').label}（万元）"
    measured.append((fee_label, (_FEE,), float(this.fees), float(last.fees), fee_floor, "万元"))
    for label, cells, now, before, minimum, unit in measured:
        if not _swung(now, before, factor, minimum):
            continue
        table = form.TABLE_BY_KEY[cells[0].table]
        shown_now, shown_before = (f"{v:g}" for v in (now, before))
        if now > before:
            ratio = (
                f"是 {last.year} 年的 {now / before:.1f} 倍" if before else f"{last.year} 年为 0"
            )
        else:
            ratio = f"不到 {last.year} 年的 1/{factor:g}"
        yield Finding(
            section=table.section,
            row=label,
            expected=shown_before,
            actual=shown_now,
            message=(
                f"「{label}」本年 {shown_now} {unit}，{last.year} 年 {shown_before} {unit}，"
                f"{ratio}，年度变化过大。请核对数字；确有原因的，请在文字中说明，"
                "或说明理由后接受此警告。"
            ),
            cells=cells,
        )
