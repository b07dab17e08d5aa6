"""The Word document, reopened with python-docx: every number, every merged cell, the layout
offices use (fonts, A4 margins, page numbers), every prose line, and clear refusals."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from hypothesis import given, settings

from govtui import form
from govtui.errors import ExportError
from govtui.io import docx as word
from govtui.io import toml_file
from govtui.io.exporters import BY_NAME
from govtui.model import Report
from official import ASSERT_TABLE, Placed
from strategies import reports

SAMPLES = sorted((Path(__file__).parent.parent / "sample").glob("*.toml"))
TABLE_ORDER = ("proactive", "requests", "appeals")


def _open(report: Report) -> Any:
    return docx.Document(io.BytesIO(word.render(report)))


def _cells(table: Any) -> list[Placed]:
    """The table's cells as Word stores them: ``w:gridSpan`` across, ``w:vMerge`` down."""
    placed: dict[tuple[int, int], list[Any]] = {}
    opened: dict[int, tuple[int, int]] = {}  # grid column -> the cell a vMerge continues
    for r, tr in enumerate(table._tbl.findall(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            span_el = props.find(qn("w:gridSpan")) if props is not None else None
            merge_el = props.find(qn("w:vMerge")) if props is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            if merge_el is not None and merge_el.get(qn("w:val")) != "restart":
                placed[opened[col]][2] += 1
            else:
                placed[(r, col)] = [r, col, 1, span, _Cell(tc, table).text]
                opened[col] = (r, col)
            col += span
    return [Placed(*values) for values in placed.values()]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_number_and_merged_cell_is_the_official_form(path: Path) -> None:
    report = toml_file.load(path)
    document = _open(report)
    assert len(document.tables) == 3
    for key, table in zip(TABLE_ORDER, document.tables, strict=True):
        ASSERT_TABLE[key](_cells(table), report)


@settings(max_examples=15)
@given(reports())
def test_any_report_keeps_its_numbers_and_every_prose_line(report: Report) -> None:
    document = _open(report)
    for key, table in zip(TABLE_ORDER, document.tables, strict=True):
        ASSERT_TABLE[key](_cells(table), report)
    body = [p.text for p in document.paragraphs if p.style.name == "Normal"]
    lines = [
        line
        for f in form.PROSE_FIELDS
        if report.prose[f.key]
        for line in report.prose[f.key].split("\n")
    ]
    assert body == lines
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == report.display_title


def test_headings_use_heading_styles_in_order() -> None:
    report = toml_file.load(SAMPLES[-1])
    document = _open(report)
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    expected = [("Title", report.display_title)]
    for section in form.SECTIONS:
        expected.append(("Heading 1", section.heading))
        expected += [
            ("Heading 2", f.heading)
            for f in form.PROSE_FIELDS
            if f.section == section.numeral and f.heading
        ]
    assert styled == expected


def _east_asian(style: Any) -> str:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return str(fonts.get(qn("w:eastAsia")))


def test_layout_of_these_reports() -> None:
    document = _open(toml_file.load(SAMPLES[0]))
    styles = document.styles
    assert (_east_asian(styles["Title"]), styles["Title"].font.size) == ("方正小标宋简体", Pt(22))
    assert (_east_asian(styles["Normal"]), styles["Normal"].font.size) == ("仿宋_GB2312", Pt(16))
    assert styles["Normal"].paragraph_format.first_line_indent == Pt(32)  # two characters
    assert _east_asian(styles["Heading 1"]) == "黑体"
    assert _east_asian(styles["Heading 2"]) == "楷体_GB2312"
    section = document.sections[0]
    measured = (section.page_width, section.page_height, section.top_margin)
    measured += (section.bottom_margin, section.left_margin, section.right_margin)
    for length, millimetres in zip(measured, (210, 297, 37, 35, 28, 26), strict=True):
        assert length is not None and abs(length.mm - millimetres) < 0.1  # stored in twips
    footer = section.footer.paragraphs[0]._p
    assert [t.text for t in footer.iter(qn("w:instrText"))] == [" PAGE "]
    header_rows = [
        len(t._tbl.findall(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}"))
        for t in document.tables
    ]
    assert header_rows == [0, 3, 3]  # 三 and 四 repeat their headings on a new page
    # A table may split across pages, but never right under a row of headings.
    requests = document.tables[1]
    keeps = [
        {p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs}
        for row in requests.rows[:5]
    ]
    assert keeps == [{True}, {True}, {True}, {False}, {False}]


def test_identity_is_in_the_document_properties_without_dates() -> None:
    report = toml_file.load(SAMPLES[0])
    report.title = "自定的标题"
    properties = _open(report).core_properties
    assert properties.title == "自定的标题"
    assert properties.author == report.agency
    assert f"govtui-year={report.year}" in properties.keywords
    assert properties.created is None and properties.modified is None


def test_same_report_same_bytes() -> None:
    report = toml_file.load(SAMPLES[0])
    first = word.render(report)
    assert word.render(report) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_control_character_is_refused_with_its_place() -> None:
    report = toml_file.load(SAMPLES[0])
    report.prose["overview.platforms"] = "第一行\n第二行\x0c有换页符"
    with pytest.raises(ExportError, match=r"「（四）政府信息公开平台建设」第 2 行.*U\+000C"):
        word.render(report)


def test_without_python_docx_the_message_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # ``import docx`` now fails
    with pytest.raises(ExportError, match=r"pip install 'govtui\[docx\]'"):
        BY_NAME["docx"].render(toml_file.load(SAMPLES[0]))
