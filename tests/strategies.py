"""Hypothesis strategies for random valid reports, shared by every property test.

Prose deliberately contains what breaks naive writers: Markdown syntax (``|``, ``#``, ``*``,
``<``), leading and trailing spaces, blank lines, full-width punctuation and quotes.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from govtui import form
from govtui.model import Report

_CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信息申请依公开政府报告"
_PUNCT = "，。、；：？！“”‘’（）《》【】—…·"
_MARKDOWN = "|#*<>_[]`~&\\-+=!"
_ASCII = "abcXYZ0123456789 .,:()"

_char = st.sampled_from(_CJK + _PUNCT + _MARKDOWN + _ASCII + "　")
_line = st.text(_char, max_size=40) | st.sampled_from(
    [
        "# 不是标题",
        "- 不是列表",
        "1. 不是编号",
        "| a | b |",
        "<b>不是标签</b>",
        "  前导空格",
        "尾随空格  ",
        "---",
        "> 引用",
    ]
)


@st.composite
def prose(draw: st.DrawFn) -> str:
    """Zero or more lines, blank lines included, as a clerk might type them."""
    lines = draw(st.lists(_line | st.just(""), max_size=6))
    return "\n".join(lines)


agencies = st.text(st.sampled_from(_CJK), min_size=2, max_size=16).map(lambda s: s + "局")
counts = st.integers(min_value=0, max_value=3_000_000)
small_counts = st.integers(min_value=0, max_value=40)
# Up to six decimals, trailing zeros included ("0.50" must stay "0.50").
fees = st.integers(0, 10**6).map(Decimal) | st.builds(
    lambda whole, fraction: Decimal(f"{whole}.{fraction}"),
    st.integers(0, 999_999),
    st.text("0123456789", min_size=1, max_size=6),
)


@st.composite
def reports(draw: st.DrawFn, *, value: st.SearchStrategy[int] = counts) -> Report:
    """Any valid report: every count and text random, rules not necessarily satisfied."""
    report = Report.blank(draw(agencies), draw(st.integers(2021, 2035)))
    for field in form.PROSE_FIELDS:
        report.prose[field.key] = draw(prose())
    for table in form.TABLES:
        grid = report.grid(table.key)
        for cells in grid.values():
            for col_key in cells:
                cells[col_key] = draw(value)
    report.fees = draw(fees)
    if draw(st.booleans()):
        report.title = draw(st.text(st.sampled_from(_CJK + _PUNCT), min_size=1, max_size=30))
    return report


@st.composite
def balanced_reports(draw: st.DrawFn) -> Report:
    """A report whose matrix satisfies 勾稽关系 in every column (and so in 总计)."""
    report = draw(reports(value=small_counts))
    requests = report.requests
    outcome_keys = [r.key for r in form.OUTCOME_ROWS]
    for column in form.REQUESTS.input_columns:
        outcomes = sum(requests[k][column.key] for k in outcome_keys)
        right = outcomes + requests["carried_forward"][column.key]
        carried_in = min(requests["carried_over"][column.key], right)
        requests["carried_over"][column.key] = carried_in
        requests["new"][column.key] = right - carried_in
    return report
