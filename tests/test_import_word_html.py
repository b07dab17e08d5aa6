"""Web pages and Word files: merged cells, headings, encodings, layout tables.

The Word fixtures are made here with python-docx, merged cells included, so that the test
needs no binary file in the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from govtui import form
from govtui.errors import LoadError
from govtui.io.importers import import_file
from govtui.io.importers.html import lines_of
from govtui.model import Report
from test_import_layouts import stated_totals

AGENCY = "云岭镇人民政府"
FIELDS = {
    "overview.lead": "2024年，云岭镇认真落实政务公开要求。",
    "overview.proactive": "全年主动公开信息64条。",
    "overview.on_request": "全年收到政府信息公开申请5件。",
    "overview.management": "规范信息发布流程。",
    "overview.platforms": "用好镇政府网站专栏。",
    "overview.oversight": "落实政务公开责任。",
    "closing.problems": "公开内容还不够丰富。",
    "closing.improvements": "进一步丰富公开内容。",
    "closing.other_matters": "本年度未收取信息处理费。",
}
# 三 as (row key, six inputs); every other row 0. 一 5 + 二 1 = （七）4 + 四 2.
REQUESTS = {
    "new": (3, 1, 0, 0, 1, 0),
    "carried_over": (1, 0, 0, 0, 0, 0),
    "granted": (2, 0, 0, 0, 1, 0),
    "withheld.third_party": (0, 1, 0, 0, 0, 0),
    "other.no_supplement": (1, 0, 0, 0, 0, 0),
    "carried_forward": (1, 0, 0, 0, 0, 0),
}


def expected_requests() -> dict[str, dict[str, int]]:
    columns = [c.key for c in form.REQUESTS.input_columns]
    blank = Report.blank("x", 2024).requests
    return {k: dict(zip(columns, REQUESTS.get(k, (0,) * 6), strict=True)) for k in blank}


def _paragraphs(document: Any, heading: Any) -> None:
    heading("一、总体情况")
    document.add_paragraph(FIELDS["overview.lead"])
    for field in form.PROSE_FIELDS:
        if field.section == "一" and field.heading:
            heading(field.heading)
            document.add_paragraph(FIELDS[field.key])


def make_docx(
    path: Path, *, styled_headings: bool, printed_total_row: tuple[int, ...] | None = None
) -> None:
    """A Word report: title, prose, and the three tables with merged cells like the form's."""
    document = docx.Document()

    def heading(text: str, level: int = 2) -> None:
        if styled_headings:
            document.add_heading(text, level=level)
        else:
            run = document.add_paragraph().add_run(text)
            run.bold = True

    if styled_headings:
        document.add_heading(f"{AGENCY}2024年政府信息公开工作年度报告", level=1)
    else:
        document.add_paragraph(f"{AGENCY}2024年政府信息公开工作年度报告")
    _paragraphs(document, heading)

    heading("二、主动公开政府信息情况")
    table = document.add_table(rows=0, cols=4)
    for block in form.PROACTIVE.blocks:
        row = table.add_row().cells
        row[0].merge(row[3]).text = block.label
        row = table.add_row().cells
        row[0].text = form.PROACTIVE.corner
        if len(block.columns) == 1:
            row[1].merge(row[3]).text = block.columns[0].label
        else:
            for cell, column in zip(row[1:], block.columns, strict=True):
                cell.text = column.label
        for key in block.rows:
            row = table.add_row().cells
            row[0].text = form.PROACTIVE.row(key).label
            values = {
                "rules": ("/", "/", "/"),
                "normative_documents": ("1", "0", "9"),
                "licensing": ("7",),
                "penalties": ("0",),
                "coercion": ("0",),
                "fees": ("0.35",),
            }[key]
            if len(values) == 1:
                row[1].merge(row[3]).text = values[0]
            else:
                for cell, value in zip(row[1:], values, strict=True):
                    cell.text = value

    heading("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3, cols=10)
    top = table.rows[0].cells
    top[0].merge(table.rows[2].cells[2]).text = form.MATRIX_NOTE
    top[3].merge(top[9]).text = form.APPLICANTS
    second = table.rows[1].cells
    second[3].merge(table.rows[2].cells[3]).text = "自然人"
    second[4].merge(second[8]).text = form.LEGAL_PERSONS
    second[9].merge(table.rows[2].cells[9]).text = "总计"
    for cell, column in zip(table.rows[2].cells[4:9], form.REQUESTS.input_columns[1:], strict=True):
        cell.text = column.label
    first_of_group: dict[str, Any] = {}
    for row_def in form.REQUESTS.rows:
        cells = table.add_row().cells
        if row_def.computed:
            values = printed_total_row or tuple(
                sum(REQUESTS.get(r, (0,) * 6)[i] for r in row_def.sum_of) for i in range(6)
            )
        else:
            values = REQUESTS.get(row_def.key, (0,) * 6)
        numbers = [str(v) for v in (*values, sum(values))]
        for cell, number in zip(cells[3:], numbers, strict=True):
            cell.text = number
        groups = row_def.path
        if not groups:
            cells[0].merge(cells[2]).text = row_def.label
            continue
        # The outermost group merges down the first column, the inner group down the second.
        outer = first_of_group.setdefault(groups[0], cells[0])
        if outer is not cells[0]:
            outer.merge(cells[0])
        else:
            cells[0].text = groups[0]
        if len(groups) == 1:
            cells[1].merge(cells[2]).text = row_def.label
        else:
            inner = first_of_group.setdefault(groups[1], cells[1])
            if inner is not cells[1]:
                inner.merge(cells[1])
            else:
                cells[1].text = groups[1]
            cells[2].text = row_def.label

    heading("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=15)
    head = table.rows[0].cells
    head[0].merge(head[4]).text = form.REVIEW
    head[5].merge(head[14]).text = form.LITIGATION
    second = table.rows[1].cells
    for i, column in enumerate(form.APPEALS.columns):
        second[i].merge(table.rows[2].cells[i]).text = column.label
    second[5].merge(second[9]).text = "未经复议直接起诉"
    second[10].merge(second[14]).text = "复议后起诉"
    for i, column in enumerate(form.APPEALS.columns * 2):
        table.rows[2].cells[5 + i].text = column.label
    for cell, value in zip(
        table.rows[3].cells, (1, 0, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0), strict=True
    ):
        cell.text = str(value)

    heading("五、存在的主要问题及改进情况")
    heading("（一）存在问题", 3)
    document.add_paragraph(FIELDS["closing.problems"])
    heading("（二）改进情况", 3)
    document.add_paragraph(FIELDS["closing.improvements"])
    heading("六、其他需要报告的事项")
    document.add_paragraph(FIELDS["closing.other_matters"])
    document.save(str(path))


@pytest.mark.parametrize("styled", [True, False], ids=["heading-styles", "bold-paragraphs"])
def test_word_file_with_merged_cells(tmp_path: Path, styled: bool) -> None:
    path = tmp_path / "年报.docx"
    make_docx(path, styled_headings=styled)
    imported = import_file(path)
    report = imported.report
    assert (report.agency, report.year, report.title) == (AGENCY, 2024, "")
    assert report.requests == expected_requests()
    assert report.proactive == {
        "rules": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 1, "repealed": 0, "in_force": 9},
        "licensing": {"decisions": 7},
        "penalties": {"decisions": 0},
        "coercion": {"decisions": 0},
    }
    assert str(report.fees) == "0.35"
    assert report.appeals == {
        "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1},
        "litigation_direct": {"upheld": 0, "corrected": 0, "other": 1, "pending": 0},
        "litigation_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0},
    }
    assert {k: v for k, v in report.prose.items() if k != "report.preface"} == FIELDS
    assert imported.notes == (
        "二、主动公开政府信息情况：「/」按 0 读入：规章（本年制发件数、本年废止件数、现行有效件数）",
    )


def test_word_file_with_a_wrong_printed_total(tmp_path: Path) -> None:
    path = tmp_path / "年报.docx"
    make_docx(path, styled_headings=False, printed_total_row=(4, 1, 0, 0, 1, 0))
    imported = import_file(path)
    findings = stated_totals(imported)
    # The rows add up to 自然人 3, 商业企业 1, 法律服务机构 1 (total 5); 4 and 6 were printed.
    assert findings == {
        ("三、本年度办理结果 （七）总计", "自然人", 4, 3),
        ("三、本年度办理结果 （七）总计", "总计", 6, 5),
    }


def test_damaged_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "坏的.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LoadError) as error:
        import_file(path)
    assert "不是有效的 Word（.docx）文件" in error.value.describe()


# --------------------------------------------------------------------------- HTML


def test_rowspan_and_colspan_are_read_once() -> None:
    lines = lines_of(
        "<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>4</td></tr>"
        "<tr><td>（二）部分公开</td><td>&nbsp;</td><td>2</td></tr></table>"
    )
    assert [line.cells for line in lines] == [
        ("三、本年度办理结果", "（一）予以公开", "", "4"),
        ("", "（二）部分公开", "", "2"),
    ]


def test_unclosed_cells_split_spans_and_word_markup() -> None:
    lines = lines_of(
        "<table><tr><td><p class=MsoNormal><span>一</span><span>、本年新收</span><o:p></o:p></p>"
        "<td><span lang=EN-US>3<o:p></o:p></span><td><o:p>&nbsp;</o:p></table>"
    )
    assert [line.cells for line in lines] == [("一、本年新收", "3", "")]


def test_layout_tables_are_read_as_paragraphs() -> None:
    lines = lines_of(
        "<table><tr><td><h1>标题</h1><p>第一段</p><table><tr><td>规章</td><td>0</td></tr></table>"
        "<p>第二<br>段</p></td></tr></table>"
    )
    assert [(line.text, line.cells, line.level) for line in lines] == [
        ("标题", None, 1),
        ("第一段", None, 0),
        ("规章\t0", ("规章", "0"), 0),
        ("第二", None, 0),
        ("段", None, 0),
    ]


def test_word_html_line_breaks_inside_chinese_vanish() -> None:
    lines = lines_of(
        "<p>全年主动公开\n政府信息 64 条。</p><script>var x = '<p>不是正文</p>';</script>"
    )
    assert [line.text for line in lines] == ["全年主动公开政府信息 64 条。"]


def test_utf8_page_with_meta_and_headings(tmp_path: Path) -> None:
    source = (
        (Path(__file__).parent / "fixtures" / "import" / "word-export-gbk.html")
        .read_bytes()
        .decode("gb18030")
    )
    page = tmp_path / "年报.htm"
    page.write_text(source.replace("charset=gb2312", "charset=utf-8"), encoding="utf-8")
    utf8 = import_file(page)
    gbk = import_file(Path(__file__).parent / "fixtures" / "import" / "word-export-gbk.html")
    assert utf8.report == gbk.report and utf8.notes == gbk.notes


def test_page_marking_only_some_headings_is_read_loosely() -> None:
    # <h2> for 一 only, <p><strong> for the rest: every plain line may still be a heading.
    imported = import_file(Path(__file__).parent / "fixtures" / "mixed-headings.html")
    report = imported.report
    assert (report.agency, report.year) == ("青禾县林业局", 2024)
    assert report.prose["overview.lead"] == "全年推进公开。"
    assert report.prose["overview.proactive"] == "公开50条。"
    assert report.prose["closing.problems"] == "问题。"
    assert report.prose["closing.other_matters"] == "未收取信息处理费。"
    assert report.proactive["licensing"] == {"decisions": 5}
    assert report.requests["new"]["natural_person"] == 1
    assert report.requests["granted"]["natural_person"] == 1
