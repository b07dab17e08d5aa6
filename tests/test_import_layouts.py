"""Importing the layouts published reports come in (notes/real-layouts.md), numbers invented.

Every fixture under ``fixtures/import/`` is the same kind of report in another layout; each
test asserts every imported number (the whole grids), the notes that say what was assumed,
and every ``stated_total`` finding.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govtui.io import markdown
from govtui.io.importers import Imported, import_file, import_report
from govtui.model import Report
from govtui.rules import check

FIXTURES = Path(__file__).parent / "fixtures" / "import"
COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other")
APPEAL_COLUMNS = ("upheld", "corrected", "other", "pending")

# The invented report most fixtures print: 青禾县自然资源局, 2024.
BASE_REQUESTS = {
    "new": (12, 3, 0, 1, 2, 0),
    "carried_over": (1, 0, 0, 0, 0, 0),
    "granted": (4, 1, 0, 0, 1, 0),
    "partly_granted": (2, 0, 0, 0, 0, 0),
    "withheld.prohibited_by_law": (1, 0, 0, 0, 0, 0),
    "withheld.third_party": (1, 1, 0, 0, 0, 0),
    "withheld.process_info": (1, 0, 0, 0, 0, 0),
    "unavailable.not_held": (2, 0, 0, 1, 0, 0),
    "unavailable.needs_creation": (0, 1, 0, 0, 0, 0),
    "rejected.petition": (1, 0, 0, 0, 0, 0),
    "other.other": (0, 0, 0, 0, 1, 0),
    "carried_forward": (1, 0, 0, 0, 0, 0),
}
BASE_PROACTIVE = {
    "rules": {"issued": 0, "repealed": 0, "in_force": 0},
    "normative_documents": {"issued": 4, "repealed": 1, "in_force": 23},
    "licensing": {"decisions": 156},
    "penalties": {"decisions": 48},
    "coercion": {"decisions": 3},
}
BASE_APPEALS = {
    "review": (1, 0, 1, 0),
    "litigation_direct": (0, 1, 0, 1),
    "litigation_after_review": (0, 0, 0, 0),
}
BASE_PROSE = {
    "report.preface": "",
    "overview.lead": "2024年，青禾县自然资源局围绕自然资源管理重点工作，扎实推进政府信息公开。",
    "overview.proactive": "全年主动公开政府信息186条，其中政策文件23条。",
    "overview.on_request": "全年收到政府信息公开申请18件，上年结转1件。",
    "overview.management": "建立公开属性源头认定机制，全年审核拟公开信息186条。",
    "overview.platforms": "以县政府门户网站为第一平台，同步运用政务新媒体发布信息。",
    "overview.oversight": "将政务公开纳入年度考核，开展自查2次。",
    "closing.problems": "一是公开内容不够全面。\n二是政策解读形式单一。",
    "closing.improvements": "一是扩大公开范围。\n二是丰富解读形式。",
    "closing.other_matters": "本年度未收取信息处理费。",
}


def requests_grid(rows: dict[str, tuple[int, ...]]) -> dict[str, dict[str, int]]:
    """The full 三 grid: the rows given, every other input row 0."""
    blank = Report.blank("x", 2024).requests
    return {key: dict(zip(COLUMNS, rows.get(key, (0,) * 6), strict=True)) for key in blank}


def appeals_grid(rows: dict[str, tuple[int, ...]]) -> dict[str, dict[str, int]]:
    return {key: dict(zip(APPEAL_COLUMNS, values, strict=True)) for key, values in rows.items()}


def stated_totals(imported: Imported) -> set[tuple[str, str, int, int]]:
    findings = check(imported.report, printed=imported.printed)
    return {(f.row, f.column, f.actual, f.expected) for f in findings if f.rule == "stated_total"}  # type: ignore[misc]


def assert_base(imported: Imported, *, prose: dict[str, str] | None = None) -> None:
    report = imported.report
    assert (report.agency, report.year, report.title) == ("青禾县自然资源局", 2024, "")
    assert report.requests == requests_grid(BASE_REQUESTS)
    assert report.proactive == BASE_PROACTIVE
    assert report.fees == Decimal("2.5300") and str(report.fees) == "2.5300"
    assert report.appeals == appeals_grid(BASE_APPEALS)
    assert report.prose == (prose or BASE_PROSE)
    assert stated_totals(imported) == set()
    # Every printed total was read: 25 rows' 总计, the 7 cells of （七）总计 (one is both), 四's 3.
    assert len(imported.printed) == 25 + 6 + 3


def notes_of(imported: Imported) -> str:
    return "\n".join(imported.notes)


# --------------------------------------------------------------------------- 2.1


def test_pipe_rows_with_boilerplate_and_slashes() -> None:
    imported = import_file(FIXTURES / "pipe-rows.txt")
    assert_base(imported)
    notes = notes_of(imported)
    assert "略去了网页信息" in notes and "索引号" in notes and "发布日期" in notes
    assert "「/」按 0 读入：规章（本年制发件数、本年废止件数、现行有效件数）" in notes
    assert len(imported.notes) == 2


def test_gfm_tables_with_table_headings_and_spaced_year() -> None:
    imported = import_file(FIXTURES / "gfm-tables.md")
    prose = BASE_PROSE | {"report.preface": "本报告依据《中华人民共和国政府信息公开条例》编制。"}
    assert_base(imported, prose=prose)
    assert imported.notes == ()


# --------------------------------------------------------------------------- 2.2, 2.3


def test_one_cell_per_line_with_pipes() -> None:
    imported = import_file(FIXTURES / "cell-per-line.txt")
    assert_base(imported)
    notes = notes_of(imported)
    assert "空白格按 0 读入：规章（现行有效件数）" in notes
    assert (
        "空白格按 0 读入：二、上年结转政府信息公开申请数量"
        "（商业企业、科研机构、社会公益组织、法律服务机构、其他）" in notes
    )


def test_one_cell_per_line_separated_by_blank_lines() -> None:
    imported = import_file(FIXTURES / "blank-separated.txt")
    assert_base(imported)
    assert imported.notes == ()


# --------------------------------------------------------------------------- 2.4


def test_cells_run_together_are_split_by_the_row_sum_rule() -> None:
    imported = import_file(FIXTURES / "run-together.txt")
    assert_base(imported)
    notes = notes_of(imported)
    # 一 splits two ways under the row-sum rule; the 勾稽关系 decides, and says so.
    assert "数字连在一起（123012018），有多种拆法，按勾稽关系定为 12|3|0|1|2|0|18" in notes
    assert "数字连在一起（4100106），按行合计拆为 4|1|0|0|1|0|6" in notes
    # Section 二 has no row-sum rule: the reading is flagged, not silently guessed.
    assert (
        "数字连在一起（4123），有多种拆法，暂按 4|1|23 读入（另可为 4|12|3；41|2|3），请核对"
        in notes
    )
    assert "数字连在一起（101020101200000），按各组总计拆为 1|0|1|0|2 0|1|0|1|2 0|0|0|0|0" in notes


# --------------------------------------------------------------------------- 2.5, 2.6, 2.7


def test_pdf_text_with_wrapped_labels_and_page_footers() -> None:
    imported = import_file(FIXTURES / "pdf-text.txt")
    assert_base(imported)
    notes = notes_of(imported)
    assert "略去了表格中的页码行（- 4 -）" in notes
    assert "略去了表格中的页码行（- 5 -）" in notes
    # Labels cut by a wrap or run into the group's letters are near, not equal: said, with
    # what was printed.
    assert (
        "行名与表样不同，按相近的行名对应：三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，"
        "不计其他情形）（（二）部分公开（区分处理的，只计这一情）" in notes
    )
    assert "（办 不予 5.属于三类内部事务信息）" in notes
    assert len(imported.notes) == 3


def test_ocr_markdown_with_invented_headers_and_detached_labels() -> None:
    imported = import_file(FIXTURES / "ocr-markdown.md")
    assert_base(imported)
    # The stray page number after （二）部分公开 is left out, and said; so are the labels
    # matched by a near spelling.
    assert imported.notes == (
        "三、收到和处理政府信息公开申请情况：多出的数字未读入（12）："
        "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三、收到和处理政府信息公开申请情况：行名与表样不同，按相近的行名对应："
        "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）（(二) 部分公开）；"
        "三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息（5.属于三类内部事务信）；"
        "三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息（1.本机关不掌握相关政）",
    )


def test_two_years_side_by_side_reads_the_first() -> None:
    imported = import_file(FIXTURES / "side-by-side.txt")
    assert_base(imported)
    notes = notes_of(imported)
    assert "多出的数字未读入（9 1 0 0 0 0 10）：一、本年新收政府信息公开申请数量" in notes
    assert "多出的数字未读入（3 0 20）：行政规范性文件" in notes


def test_word_exported_web_page_in_gbk() -> None:
    imported = import_file(FIXTURES / "word-export-gbk.html")
    assert_base(imported)
    notes = notes_of(imported)
    assert "首页 > 政务公开" in notes and "【打印本页】【关闭窗口】" in notes
    assert len(imported.notes) == 1


# --------------------------------------------------------------------------- 2.8 and defects


def test_markers_traditional_characters_and_full_width_digits() -> None:
    imported = import_file(FIXTURES / "markers-traditional.txt")
    report = imported.report
    assert (report.agency, report.year) == ("青禾縣市場監督管理局", 2023)
    assert report.title == "青禾縣市場監督管理局2023年政府信息公開工作年度報告"
    assert report.requests == requests_grid(
        {
            "new": (9, 0, 0, 0, 0, 0),
            "carried_over": (1, 0, 0, 0, 0, 0),
            "granted": (6, 0, 0, 0, 0, 0),
            "partly_granted": (1, 0, 0, 0, 0, 0),
            "withheld.third_party": (1, 0, 0, 0, 0, 0),
            "unavailable.not_held": (1, 0, 0, 0, 0, 0),
            "carried_forward": (1, 0, 0, 0, 0, 0),
        }
    )
    assert report.proactive == {
        "rules": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 2, "repealed": 0, "in_force": 22},
        "licensing": {"decisions": 1205},
        "penalties": {"decisions": 1316},
        "coercion": {"decisions": 0},
    }
    assert str(report.fees) == "5210.337651"
    assert report.appeals == appeals_grid(
        {
            "review": (2, 1, 0, 0),
            "litigation_direct": (1, 0, 0, 0),
            "litigation_after_review": (0, 0, 0, 0),
        }
    )
    assert report.prose["closing.other_matters"] == "本年度未收取信息處理費。"
    # （七）总计 was printed as 8 while the rows add up to 9.
    assert stated_totals(imported) == {
        ("三、本年度办理结果 （七）总计", "自然人", 8, 9),
        ("三、本年度办理结果 （七）总计", "总计", 8, 9),
    }
    notes = notes_of(imported)
    for expected in (
        "「發布日期：2024-01-26」",
        "「/」按 0 读入：规章（本年制发件数、本年废止件数、现行有效件数）",
        "「-」按 0 读入：行政规范性文件（本年废止件数）",
        "只读入数字，略去说明「22（其中修订 3 件）」：行政规范性文件（现行有效件数）",
        "「—」按 0 读入：行政强制（本年处理决定数量）",
        "「/」按 0 读入：三、本年度办理结果 （一）予以公开（商业企业、科研机构、社会公益组织、法律服务机构、其他）",
        "三、本年度办理结果 （三）不予公开 1.属于国家秘密（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）",
    ):
        assert expected in notes


def test_defects_give_stated_total_findings() -> None:
    imported = import_file(FIXTURES / "defects.md")
    report = imported.report
    # The typo'd row (行政止公开), 规范性文件, （六）其他 and （七）合计 are all found.
    assert report.requests == requests_grid(BASE_REQUESTS)
    assert report.proactive == BASE_PROACTIVE
    assert report.appeals == appeals_grid(BASE_APPEALS)
    assert stated_totals(imported) == {
        ("三、本年度办理结果 （一）予以公开", "总计", 0, 6),  # an empty 总计 cell
        ("三、本年度办理结果 （七）总计", "商业企业", 4, 3),
        ("三、本年度办理结果 （七）总计", "总计", 19, 18),
        ("行政复议", "总计", 0, 2),  # 四's group totals printed as 0
        ("行政诉讼 未经复议直接起诉", "总计", 0, 2),
    }
    findings = check(report, printed=imported.printed)
    narrative = [f for f in findings if f.rule == "narrative"]
    assert len(narrative) == 1 and "上年结转的 1 件" in narrative[0].message
    # 五 without sub-headings is one text.
    assert report.prose["closing.problems"] == "一是公开内容不够全面。\n二是政策解读形式单一。"
    assert report.prose["closing.improvements"] == ""
    notes = notes_of(imported)
    assert "「（六）其他处理」只印了一行，已记入「3.其他」" in notes
    assert "空白格按 0 读入：三、本年度办理结果 （一）予以公开（总计）" in notes
    assert "没有找到这一行" not in notes


def test_report_on_the_2019_template() -> None:
    imported = import_file(FIXTURES / "old-template-2023.txt")
    report = imported.report
    assert (report.agency, report.year) == ("青禾县农业农村局", 2023)
    assert report.proactive == {
        "rules": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 3, "repealed": 0, "in_force": 20},
        "licensing": {"decisions": 120},
        "penalties": {"decisions": 40},
        "coercion": {"decisions": 2},
    }
    assert report.fees == 0
    assert report.requests == requests_grid(
        {"new": (2, 0, 0, 0, 0, 0), "granted": (2, 0, 0, 0, 0, 0)}
    )
    assert stated_totals(imported) == set()
    notes = notes_of(imported)
    assert "用的是 2019 年旧表格" in notes
    assert "有不属于表中任何一行的数字，未读入（0 0 0 3 12.5）" in notes
    assert "「（六）其他处理」只印了一行" in notes


def test_sections_renumbered_and_tables_numbered_again() -> None:
    imported = import_file(FIXTURES / "renumbered.txt")
    report = imported.report
    assert (report.agency, report.year) == ("青禾县水利局", 2024)
    assert report.requests == requests_grid(
        {
            "new": (3, 0, 0, 0, 0, 0),
            "granted": (2, 0, 0, 0, 0, 0),
            "unavailable.not_held": (1, 0, 0, 0, 0, 0),
        }
    )
    assert report.proactive["normative_documents"] == {"issued": 1, "repealed": 0, "in_force": 5}
    assert report.proactive["licensing"] == {"decisions": 12}
    assert report.proactive["penalties"] == {"decisions": 7}
    assert report.appeals == appeals_grid(
        {
            "review": (0, 0, 0, 0),
            "litigation_direct": (1, 0, 0, 0),
            "litigation_after_review": (0, 0, 0, 0),
        }
    )
    assert report.prose["overview.management"] == "完善公开审核流程。"
    assert report.prose["closing.problems"] == "信息更新不够及时。"
    assert report.prose["closing.improvements"] == "建立定期更新机制。"
    assert report.prose["closing.other_matters"] == "本年度未收取信息处理费。"
    assert stated_totals(imported) == set()


# scanned.pdf has no text at all: test_import_pdf.py shows it refused with a message.
@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.stem != "scanned"))
def test_every_fixture_imports_to_a_valid_report(name: str) -> None:
    imported = import_file(FIXTURES / name)
    assert Report.model_validate(imported.report.model_dump()) == imported.report


def test_prose_among_the_tables_is_kept_and_noted() -> None:

    text = (FIXTURES / "pipe-rows.txt").read_text(encoding="utf-8")
    note = "注：本表数据统计截至2024年12月31日。"
    imported = import_report(
        text.replace("四、政府信息公开行政复议", note + "\n四、政府信息公开行政复议"), suffix=".txt"
    )
    assert (
        imported.report.prose["overview.oversight"]
        == BASE_PROSE["overview.oversight"] + "\n" + note
    )
    assert any("已放入「（五）监督保障」的末尾" in n for n in imported.notes)
    assert imported.report.requests == requests_grid(BASE_REQUESTS)


# --------------------------------------------------------------------------- text that lost its shape


def test_whole_body_on_one_line_without_separators() -> None:
    imported = import_file(FIXTURES / "one-line.txt")
    assert_base(
        imported,
        prose=BASE_PROSE
        | {
            "closing.problems": "".join(BASE_PROSE["closing.problems"].split("\n")),
            "closing.improvements": "".join(BASE_PROSE["closing.improvements"].split("\n")),
        },
    )
    notes = notes_of(imported)
    assert "第 1 行含有几节的内容（原文的换行已丢失）" in notes
    assert "数字连在一起（101020101200000），按各组总计拆为 1|0|1|0|2 0|1|0|1|2 0|0|0|0|0" in notes
    # 二 has no row-sum rule and this prose does not state the numbers: flagged, not guessed.
    assert (
        "数字连在一起（4123），有多种拆法，暂按 4|1|23 读入（另可为 4|12|3；41|2|3），请核对"
        in notes
    )
    assert "没有找到" not in notes


def test_whole_body_on_one_line_with_blanks_between_cells() -> None:
    imported = import_file(FIXTURES / "one-line-spaced.txt")
    # The blank after a full stop is where a paragraph ended: the paragraphs come back.
    assert_base(imported)
    # （二） after a total is the next row's numbering, not a remark on the number.
    assert "略去说明" not in notes_of(imported)
    assert "第 1 行含有几节的内容" in notes_of(imported)


def test_cells_partly_glued_to_each_other_and_to_the_total() -> None:
    imported = import_file(FIXTURES / "glued-totals.txt")
    assert_base(imported)
    notes = notes_of(imported)
    for expected in (
        "数字部分连在一起（12 3 0 1 2 018），按行合计拆为 12|3|0|1|2|0|18：一、本年新收",
        "数字部分连在一起（100000 1），按行合计拆为 1|0|0|0|0|0|1：二、上年结转",
        "数字部分连在一起（11 0 0 0 02），按行合计拆为 1|1|0|0|0|0|2：三、本年度办理结果 （三）不予公开 4.",
        "数字部分连在一起（0 0 0 0 10 1），按行合计拆为 0|0|0|0|1|0|1：三、本年度办理结果 （六）其他处理 3.其他",
        # Two splits add up; the column sums decide, and the note says so.
        "数字连在一起（1230120 18），有多种拆法，按各项之和定为 12|3|0|1|2|0|18：三、本年度办理结果 （七）总计",
    ):
        assert expected in notes


def test_a_blank_never_splits_inside_a_number() -> None:
    # "5800000 58": 58 then five zeros, the total after a blank — never 5|80|….
    text = (FIXTURES / "glued-totals.txt").read_text(encoding="utf-8")
    text = text.replace("12 3 0 1 2 018", "1230120 18").replace(
        "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量 "
    )
    imported = import_report(text, suffix=".txt")
    assert imported.report.requests["new"] == dict(zip(COLUMNS, BASE_REQUESTS["new"], strict=True))


def test_fewer_numbers_than_cells_in_section_two_is_flagged() -> None:
    text = (FIXTURES / "glued-totals.txt").read_text(encoding="utf-8")
    imported = import_report(
        text.replace("行政规范性文件 4 1 23", "行政规范性文件 41 23"), suffix=".txt"
    )
    # No rule and no prose decides: read in order, and both readings named.
    assert imported.report.proactive["normative_documents"] == {
        "issued": 41,
        "repealed": 23,
        "in_force": 0,
    }
    assert (
        "只印出 2 个数字（41 23），按顺序读入；也可能是数字连在一起（可拆为 4|1|23；41|2|3），"
        "请核对：行政规范性文件" in notes_of(imported)
    )


def test_prose_and_table_in_one_paragraph() -> None:
    imported = import_file(FIXTURES / "prose-then-table.txt")
    intro = (
        "本机关主动公开政府信息情况见下表。\n"
        "本机关本年度收到和处理政府信息公开申请情况如下表。\n"
        "行政复议、行政诉讼情况如下。"
    )
    oversight = BASE_PROSE["overview.oversight"] + "\n" + intro
    assert_base(imported, prose=BASE_PROSE | {"overview.oversight": oversight})
    assert "表格各节中有 3 段文字，已放入「（五）监督保障」的末尾" in notes_of(imported)


def test_wrong_printed_totals_in_glued_digits_are_kept_and_flagged() -> None:
    imported = import_file(FIXTURES / "wrong-totals.txt")
    report = imported.report
    # Every cell is read as printed: the report's own totals are wrong, not the reading.
    assert report.requests == requests_grid(BASE_REQUESTS)
    assert report.appeals == appeals_grid(BASE_APPEALS)
    assert stated_totals(imported) == {
        ("三、本年度办理结果 （一）予以公开", "总计", 7, 6),
        ("行政复议", "总计", 3, 2),
    }
    notes = notes_of(imported)
    assert (
        "数字连在一起（101030101200000），各组总计不能都相符，按其余各组总计拆为 "
        "1|0|1|0|3 0|1|0|1|2 0|0|0|0|0" in notes
    )
    assert (
        "数字连在一起（4100107），按行合计拆不开，只有一种拆法 4|1|0|0|1|0|7"
        "（印出的总计与各项之和不符）：三、本年度办理结果 （一）予以公开" in notes
    )


def test_section_four_with_two_readings_names_the_cells() -> None:
    text = (FIXTURES / "run-together.txt").read_text(encoding="utf-8")
    # 行政诉讼/未经复议直接起诉 reads 1|0|10|0|11 or 10|1|0|0|11: every group adds up either way.
    imported = import_report(text.replace("101020101200000", "10102101001100000"), suffix=".txt")
    assert (
        "四、政府信息公开行政复议、行政诉讼情况：数字连在一起（10102101001100000），有多种拆法，"
        "暂按 1|0|1|0|2 1|0|10|0|11 0|0|0|0|0 读入（另可为 1|0|1|0|2 10|1|0|0|11 0|0|0|0|0），"
        "请核对：未经复议直接起诉/结果维持、未经复议直接起诉/结果纠正、未经复议直接起诉/其他结果"
        in notes_of(imported)
    )


def test_section_two_splits_decided_by_the_numbers_the_prose_states() -> None:
    imported = import_file(FIXTURES / "proactive-prose.txt")
    assert imported.report.proactive == BASE_PROACTIVE
    notes = notes_of(imported)
    assert "数字连在一起（4123），有多种拆法，按正文所述数字定为 4|1|23：行政规范性文件" in notes
    # The same with the numbers partly separated.
    text = (FIXTURES / "proactive-prose.txt").read_text(encoding="utf-8")
    imported = import_report(
        text.replace("行政规范性文件4123", "行政规范性文件 41 23"), suffix=".txt"
    )
    assert imported.report.proactive == BASE_PROACTIVE
    assert "数字部分连在一起（41 23），有多种拆法，按正文所述数字定为 4|1|23" in notes_of(imported)


def test_labels_and_numbers_in_separate_blocks_are_reattached_by_order() -> None:
    imported = import_file(FIXTURES / "detached-labels.md")
    assert_base(imported)
    notes = notes_of(imported)
    assert (
        "二、主动公开政府信息情况：行名与数字分开印出，已按顺序对应（规章、行政规范性文件）"
        in notes
    )
    assert "等 25 行），各行总计与各项之和相符" in notes


def test_detached_block_with_a_number_missing_is_not_guessed() -> None:
    text = (FIXTURES / "detached-labels.md").read_text(encoding="utf-8")
    text = text.replace("| 0 | 0 | 0 | 0 |\n第 3 页", "| 0 | 0 | 0 |\n第 3 页")
    imported = import_report(text, suffix=".md")
    notes = notes_of(imported)
    assert "行名与数字分开印出，但数字有 83 个，前面各行共应有 84 格，无法按顺序对应" in notes
    assert "没有找到这一行，按 0 读入" in notes


def test_detached_rows_that_do_not_add_up_are_named() -> None:
    text = (FIXTURES / "detached-labels.md").read_text(encoding="utf-8")
    text = text.replace(
        "| 12 | 3 | 0 | 1 | 2 | 0 | 18 | 1 |", "| 12 | 3 | 0 | 1 | 2 | 0 | 19 | 1 |"
    )
    imported = import_report(text, suffix=".md")
    assert imported.report.requests == requests_grid(BASE_REQUESTS)
    assert stated_totals(imported) == {("一、本年新收政府信息公开申请数量", "总计", 19, 18)}
    assert "也可能是对应错了，请核对：一、本年新收政府信息公开申请数量" in notes_of(imported)


# --------------------------------------------------------------------------- front matter


def test_title_printed_twice_is_not_the_preface() -> None:
    text = (FIXTURES / "pipe-rows.txt").read_text(encoding="utf-8")
    title = "青禾县自然资源局2024年政府信息公开工作年度报告"
    imported = import_report(
        text.replace("一、总体情况", f"{title}\n一、总体情况", 1), suffix=".txt"
    )
    assert imported.report.prose["report.preface"] == ""
    assert "标题又印了一次（第 7 行），已略去，未放入前言" in imported.notes


def test_preface_lines_like_page_furniture_survive_the_markdown_round_trip() -> None:

    report = Report.blank("青禾县自然资源局", 2024)
    report.prose["report.preface"] = "\n".join(
        [
            "索引号：11410000-2025-00012",
            "发布日期：2025-01-20",
            "首页 > 政务公开",
            "2025年1月20日",
            "【打印】【关闭】",
            "本报告依据条例编制。",
        ]
    )
    report.prose["overview.lead"] = "来源：本局统计。"
    imported = import_report(markdown.render(report))
    assert imported.report == report
    assert imported.notes == ()


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        (
            "one-line-spaced.txt",
            "索引号：11410000-2025-00012 发布机构：青禾县自然资源局 发布日期：2025-01-20 ",
        ),
        ("one-line-spaced.txt", "首页 > 政务公开 > 年度报告 "),
        ("one-line.txt", "索引号：11410000-2025-00012发布日期：2025-01-20"),
    ],
)
def test_page_furniture_on_the_same_line_as_the_body_is_left_out(name: str, furniture: str) -> None:
    text = furniture + (FIXTURES / name).read_text(encoding="utf-8")
    imported = import_report(text, suffix=".txt")
    report = imported.report
    assert (report.agency, report.year, report.title) == ("青禾县自然资源局", 2024, "")
    assert report.prose["report.preface"] == ""
    assert f"略去了网页信息（不是报告正文）：「{furniture.strip()[:20]}」" in imported.notes
    assert report.requests == requests_grid(BASE_REQUESTS)


def test_a_row_printed_without_its_total_is_not_split() -> None:
    # Six numbers apart and no total: not "12" glued as 1|2 with a wrong total.
    text = (FIXTURES / "glued-totals.txt").read_text(encoding="utf-8")
    imported = import_report(text.replace("12 3 0 1 2 018", "12 3 0 1 2 0"), suffix=".txt")
    assert imported.report.requests["new"] == dict(zip(COLUMNS, BASE_REQUESTS["new"], strict=True))
    assert "没有印总计：一、本年新收政府信息公开申请数量" in notes_of(imported)


def test_a_paragraph_that_names_a_section_is_not_cut() -> None:
    text = (FIXTURES / "pipe-rows.txt").read_text(encoding="utf-8")
    said = (
        "全年主动公开政府信息186条，其中政策文件23条，各类信息的数量按条例第二十条分列，"
        "详见二、主动公开政府信息情况。"
    )
    imported = import_report(
        text.replace("全年主动公开政府信息186条，其中政策文件23条。", said), suffix=".txt"
    )
    assert imported.report.prose["overview.proactive"] == said
    assert imported.report.proactive == BASE_PROACTIVE


def test_a_section_heading_run_into_its_table_starts_the_section() -> None:
    text = (FIXTURES / "run-together.txt").read_text(encoding="utf-8")
    imported = import_report(
        text.replace("三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况"),
        suffix=".txt",
    )
    assert imported.report.requests == requests_grid(BASE_REQUESTS)
