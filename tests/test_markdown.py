"""The Markdown report: official order and headings, tables with totals, prose that survives.

The exported text is parsed with a real CommonMark + GFM-tables parser (markdown-it-py, which
Textual already depends on), so "renders correctly" is checked, not assumed.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from markdown_it import MarkdownIt
from markdown_it.token import Token

from govtui import form
from govtui.io import markdown, toml_file
from govtui.model import Report
from strategies import reports

SAMPLES = Path(__file__).parent.parent / "sample"
PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type == "text")


def structure(text: str) -> list[tuple[str, object]]:
    """The document as (kind, content): headings, paragraphs, tables (as rows of cells)."""
    out: list[tuple[str, object]] = []
    tokens = PARSER.parse(text)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            out.append((token.tag, _inline_text(tokens[index + 1])))
        elif token.type == "paragraph_open":
            out.append(("p", _inline_text(tokens[index + 1])))
        elif token.type == "html_block":
            out.append(("html", token.content.strip()))
        elif token.type == "table_open":
            rows: list[list[str]] = []
            while tokens[index].type != "table_close":
                if tokens[index].type == "tr_open":
                    rows.append([])
                elif tokens[index].type == "inline":
                    rows[-1].append(_inline_text(tokens[index]))
                index += 1
            out.append(("table", rows))
        elif token.type not in {"inline", "paragraph_close", "heading_close"}:
            out.append((token.type, token.content))
        index += 1
    return out


def test_sections_come_in_the_official_order_with_official_headings() -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    doc = structure(markdown.render(report))
    assert doc[0] == ("h1", "云溪县市场监督管理局2024年政府信息公开工作年度报告")
    assert [c for kind, c in doc if kind == "h2"] == [s.heading for s in form.SECTIONS]
    assert [c for kind, c in doc if kind == "h3"] == [
        f.heading for f in form.PROSE_FIELDS if f.heading
    ]
    assert [kind for kind, _ in doc if kind not in {"h1", "h2", "h3", "p", "table"}] == []


def test_tables_carry_every_number_and_computed_total() -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    tables = [c for kind, c in structure(markdown.render(report)) if kind == "table"]
    assert len(tables) == 6  # four small tables of 二, the matrix, 四
    assert tables[0][2] == ["行政规范性文件", "3", "1", "12"]
    assert tables[3][1] == ["行政事业性收费", "12.8650"]
    matrix = {row[0]: row[1:] for row in tables[4]}
    assert matrix[form.MATRIX_NOTE] == [c.label for c in form.REQUESTS.columns]
    assert matrix["一、本年新收政府信息公开申请数量"] == ["38", "9", "0", "1", "3", "0", "51"]
    assert matrix["（七）总计"] == ["37", "9", "0", "1", "3", "0", "50"]
    assert matrix["（三）不予公开"] == [""] * 7  # a group label line
    appeals = {row[0]: row[1:] for row in tables[5]}
    assert appeals["行政复议"] == ["2", "1", "0", "1", "4"]
    assert appeals["行政诉讼 未经复议直接起诉"] == ["1", "0", "0", "1", "2"]


def test_every_sentence_and_number_of_the_seed_is_in_the_export() -> None:
    seed = (Path(__file__).parent / "fixtures" / "muye-gongxin-2024.md").read_text(encoding="utf-8")
    exported = markdown.render(toml_file.load(SAMPLES / "muye-gongxin-2024.toml"))
    doc = structure(exported)
    paragraphs = [p for kind, p in doc if kind == "p"]
    # The seed's prose: every line that is neither a heading nor a tab-separated table line.
    prose_lines = [
        line
        for line in seed.splitlines()
        if line.strip() and "\t" not in line and not line.startswith("#")
    ]
    assert len(prose_lines) == 11
    assert [line for line in prose_lines if line not in paragraphs] == []
    # The seed's tables are all zeros: every number cell of the export says 0.
    numbers = [
        cell for kind, rows in doc if kind == "table" for row in rows[1:] for cell in row[1:]
    ]
    assert set(numbers) == {"0", ""}
    assert len([n for n in numbers if n == "0"]) == 6 + 1 + 2 + 1 + 25 * 7 + 3 * 5


PROSE_WITH_SYNTAX = "\n".join(
    [
        "第一段 | 含管道 | 符号",
        "# 不是标题",
        "  前导空格和尾随空格  ",
        "1. 不是编号",
        "- 不是列表",
        "<script>alert(1)</script> & *强调* _下划线_ `代码` [链接](x)",
        "---",
        "> 不是引用",
        "反斜杠 \\ 结尾\\",
    ]
)


def test_prose_with_markdown_syntax_comes_out_as_the_same_text() -> None:
    report = Report.blank("测试局", 2024)
    report.prose["overview.lead"] = PROSE_WITH_SYNTAX
    doc = structure(markdown.render(report))
    start = doc.index(("h2", "一、总体情况"))
    assert [c for _, c in doc[start + 1 : start + 10]] == PROSE_WITH_SYNTAX.split("\n")
    assert [k for k, _ in doc].count("table") == 6
    assert "<script>" not in PARSER.render(markdown.render(report))


@given(reports())
def test_random_prose_never_breaks_the_structure(report: Report) -> None:
    doc = structure(markdown.render(report))
    assert [c for kind, c in doc if kind == "h2"] == [s.heading for s in form.SECTIONS]
    assert [kind for kind, _ in doc].count("table") == 6
    paragraphs = [c for kind, c in doc if kind == "p"]
    for key, text in report.prose.items():
        for line in text.split("\n"):
            if line.strip(" \t"):
                assert line in paragraphs, (key, line)


def test_a_custom_title_keeps_agency_and_year_in_a_comment() -> None:
    report = Report.blank("测试局", 2024)
    assert not markdown.needs_identity(report)
    report.title = "关于2024年度政务公开工作的报告"
    text = markdown.render(report)
    assert text.startswith("# 关于2024年度政务公开工作的报告\n")
    assert "<!-- govtui agency: 测试局 | year: 2024 -->" in text


def test_five_written_as_one_text_prints_no_sub_headings() -> None:
    report = Report.blank("测试局", 2024)
    report.prose["closing.problems"] = "问题与改进写在一起。"
    doc = structure(markdown.render(report))
    start = doc.index(("h2", "五、存在的主要问题及改进情况"))
    assert doc[start + 1] == ("p", "问题与改进写在一起。")
