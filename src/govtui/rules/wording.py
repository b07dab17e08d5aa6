"""The standard sentences that state the tables' figures, so that the prose cannot disagree.

Clerks retype the matrix into 一（二） and get it wrong; these sentences are built from the
tables in the wording reports use (制发…件，废止…件，现行有效…件；收到…申请…件，上年结转…件；办结…件，其中予以公开…件 …；
结转下年度继续办理…件。行政复议…件，其中结果维持…件 …), and ``narrative`` reads every figure
in them back as agreeing (the tests hold the two together). The editor inserts them on a key;
``govtui new --from`` writes them into next year's draft.
"""

from __future__ import annotations

from govtui import form
from govtui.model import Report
from govtui.numbers import format_fee
from govtui.rules.narrative import KINDS, accepted_values, statements, table_value

ON_REQUEST = "overview.on_request"
PROACTIVE = "overview.proactive"
APPEALS_FIELDS = (ON_REQUEST, "overview.oversight")  # where reports speak of 四


def _requests(report: Report, row: str) -> int:
    return report.value("requests", row, "total")


def _group(report: Report, prefix: str) -> int:
    rows = [r.key for r in form.OUTCOME_ROWS if r.key.split(".")[0] == prefix]
    return sum(_requests(report, r) for r in rows)


def requests_sentence(report: Report) -> str:
    """一（二）'s figures: received, carried over, concluded with each outcome, carried forward."""
    new, carried = _requests(report, "new"), _requests(report, "carried_over")
    if not new and not carried:
        return f"{report.year}年，本机关未收到政府信息公开申请。"
    outcomes = (
        ("予以公开", _requests(report, "granted")),
        ("部分公开", _requests(report, "partly_granted")),
        ("不予公开", _group(report, "withheld")),
        ("无法提供", _group(report, "unavailable")),
        ("不予处理", _group(report, "rejected")),
        ("其他处理", _group(report, "other")),
    )
    listed = "，".join(f"{name}{value}件" for name, value in outcomes)
    return (
        f"{report.year}年，本机关共收到政府信息公开申请{new}件，上年结转政府信息公开申请{carried}件。"
        f"已办结{_requests(report, 'total')}件，其中{listed}；"
        f"结转下年度继续办理{_requests(report, 'carried_forward')}件。"
    )


def appeals_sentence(report: Report) -> str:
    """四's figures: 行政复议 and 行政诉讼 with their results."""
    columns = [c for c in form.APPEALS.columns if not c.computed]
    parts = []
    for name, verb, rows in (
        (form.REVIEW, "被申请", ("review",)),
        (form.LITIGATION, "被提起", ("litigation_direct", "litigation_after_review")),
    ):
        total = sum(report.value("appeals", r, "total") for r in rows)
        if not total:
            parts.append(f"未发生政府信息公开{name}案件")
            continue
        results = "、".join(
            f"{column.label}{value}件"
            for column in columns
            if (value := sum(report.value("appeals", r, column.key) for r in rows))
        )
        parts.append(f"因政府信息公开{verb}{name}{total}件，其中{results}")
    return "本年度" + "；".join(parts) + "。"


def proactive_sentence(report: Report) -> str:
    """二's figures for 一（一）: documents issued, repealed and in force (规章 only when there
    are any), the decisions of 行政许可, 行政处罚, 行政强制, and the 行政事业性收费."""
    parts = []
    for row in ("rules", "normative_documents"):
        cells = report.proactive[row]
        if row == "rules" and not any(cells.values()):
            continue
        label = form.PROACTIVE.row(row).label
        parts.append(
            f"本年制发{label}{cells['issued']}件，废止{cells['repealed']}件，"
            f"现行有效{cells['in_force']}件"
        )
    decisions = "、".join(
        f"{form.PROACTIVE.row(row).label}决定{report.proactive[row]['decisions']}件"
        for row in ("licensing", "penalties", "coercion")
    )
    fee = format_fee(report.fees)
    return "；".join((*parts, f"全年作出{decisions}；收取行政事业性收费{fee}万元。"))


def with_table_figures(report: Report, text: str) -> str:
    """``text`` with every figure ``narrative`` reads in it and finds contradicted replaced by
    the tables' figure, in the same unit, the words around it untouched: for a text reused
    with other tables (a sample built from another, a paragraph kept from last year)."""
    edits = []
    for statement in statements(text, report.year):
        kind = KINDS.get(statement.kind)
        figure = statement.figure
        if (
            kind is None
            or figure.unit == "元"
            or figure.value in accepted_values(report, statement)
        ):
            continue
        value = table_value(report, kind)
        shown = format_fee(value) if kind.amount else str(int(value))
        edits.append(
            (statement.offset + figure.start, statement.offset + figure.end, shown + figure.unit)
        )
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def standard_text(report: Report, key: str) -> str | None:
    """The standard sentences for the prose field ``key``, or ``None`` when it has none."""
    if key == PROACTIVE:
        return proactive_sentence(report)
    if key == ON_REQUEST:
        return requests_sentence(report) + "\n" + appeals_sentence(report)
    if key in APPEALS_FIELDS:
        return appeals_sentence(report)
    return None
