"""Grid layout from the form: every row in order, widths in terminal cells, CJK-safe cuts."""

from __future__ import annotations

from rich.cells import cell_len

from govtui import form
from govtui.tui.widgets.grid_layout import (
    ELLIPSIS,
    Caption,
    Header,
    RowLine,
    fit,
    fit_text,
    header_text,
    layout_table,
    wrap,
)


def test_the_matrix_has_every_row_of_the_form_in_order_under_its_groups() -> None:
    layout = layout_table(form.REQUESTS)
    assert [line.row for line in layout.rows] == list(form.REQUESTS.rows)
    captions = [line.text for line in layout.lines if isinstance(line, Caption)]
    assert captions == [
        "三、本年度办理结果",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ]
    assert layout.sticky is not None and layout.sticky.columns == form.REQUESTS.columns
    total = next(line for line in layout.rows if line.row.key == "total")
    assert total.editable_slots == ()
    new = layout.rows[0]
    assert [new.columns[s].label for s in new.editable_slots] == [
        c.label for c in form.REQUESTS.input_columns
    ]


def test_section_two_is_its_four_blocks_each_with_its_own_header() -> None:
    layout = layout_table(form.PROACTIVE)
    assert layout.sticky is None
    assert [line.text for line in layout.lines if isinstance(line, Caption)] == [
        b.label for b in form.PROACTIVE.blocks
    ]
    headers = [line for line in layout.lines if isinstance(line, Header)]
    assert [h.columns for h in headers] == [b.columns for b in form.PROACTIVE.blocks]
    fee = next(line for line in layout.rows if line.row.key == "fees")
    assert fee.row.kind == "decimal" and fee.editable_slots == (0,)


def test_at_80_columns_the_matrix_fits_without_scrolling_sideways() -> None:
    layout = layout_table(form.REQUESTS)
    geometry = fit(layout, 79)
    assert geometry.width == 79
    assert geometry.slot_width >= 8 and geometry.label_width >= 16
    wide = fit(layout, 119)
    assert wide.label_width > geometry.label_width


def test_slots_grow_for_numbers_that_would_not_fit() -> None:
    layout = layout_table(form.REQUESTS)
    assert fit(layout, 119, widest_value=12).slot_width >= 13


def test_cut_text_is_exactly_as_wide_as_asked_and_uses_an_ascii_ellipsis() -> None:
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    for width in range(4, 40):
        text = fit_text(label, width)
        assert cell_len(text) == width
        assert text.rstrip().endswith(ELLIPSIS)
        assert "…" not in text
    assert fit_text("3.危及“三安全一稳定”", 30).rstrip() == "3.危及“三安全一稳定”"


def test_header_labels_wrap_evenly_and_the_group_spans_its_columns() -> None:
    layout = layout_table(form.REQUESTS)
    geometry = fit(layout, 79)
    assert wrap("商业企业", 7) == ["商业", "企业"]
    assert layout.sticky is not None
    lines = header_text(layout.sticky, geometry)
    group = [c for c in lines[0].cells if c.span > 1]
    assert [(c.text, c.slot, c.span) for c in group] == [("法人或其他组织", 1, 5)]
    for line in lines:
        assert cell_len(line.corner) <= geometry.label_width - 1
    assert isinstance(layout.lines[0], RowLine)
