"""The HTML page: self-contained, escaped, every prose line kept, identity readable back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from govtui import form
from govtui.io import html, toml_file
from govtui.model import Report
from html_reading import read
from strategies import reports

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"

ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "article"),
    *("h1", "h2", "h3", "div", "p", "br"),
    *("table", "colgroup", "col", "thead", "tbody", "tr", "th", "td"),
}
HOSTILE = [
    "<script>alert('x')</script>",
    "a & b &amp; c &lt;",
    "他说：\"引号\" 和 'single'",
    "| 一 | 二 |",
    "# 不是标题",
    "</p></div><h2>五、伪造的标题</h2>",
    "<!-- 注释 -->",
    "  前导空格与尾随空格  ",
    "\t制表符",
]


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def test_hostile_prose_comes_out_as_the_same_text_and_no_markup() -> None:
    report = toml_file.load(SAMPLE)
    report.agency = '云溪"><script>alert(1)</script>局'
    report.title = "<b>标题</b> & 年报"
    for index, field in enumerate(form.PROSE_FIELDS):
        report.prose[field.key] = "\n".join([*HOSTILE[index % len(HOSTILE) :], "", *HOSTILE])
    page = read(html.render(report))
    assert set(page.tags) <= ALLOWED_TAGS
    assert "script" not in page.tags
    for field in form.PROSE_FIELDS:
        assert page.prose[field.key] == _lines(report.prose[field.key])
    assert [h for h in page.headings if h[0] == "h2"] == [("h2", s.heading) for s in form.SECTIONS]
    assert page.meta["govtui-agency"] == report.agency
    assert page.meta["govtui-title"] == report.title
    assert page.headings[0] == ("h1", report.title)
    assert page.title == report.title


@given(reports())
def test_every_prose_line_and_the_identity_read_back_exactly(report: Report) -> None:
    page = read(html.render(report))
    assert {k: v for k, v in page.prose.items()} == {
        f.key: _lines(report.prose[f.key])
        for f in form.PROSE_FIELDS
        if report.prose[f.key] or f.key != "report.preface"
    }
    assert page.meta["govtui-agency"] == report.agency
    assert page.meta["govtui-year"] == str(report.year)
    assert page.meta["govtui-form"] == form.FORM_ID
    assert page.meta["govtui-schema"] == str(form.SCHEMA_VERSION)
    assert page.meta.get("govtui-title", "") == report.title
    assert page.headings[0] == ("h1", report.display_title)


def test_empty_lines_stay_distinct_from_an_empty_field() -> None:
    report = toml_file.load(SAMPLE)
    report.prose["closing.other_matters"] = ""
    report.prose["closing.problems"] = "\n"
    report.prose["closing.improvements"] = "第一行\n\n\n第四行\n"
    page = read(html.render(report))
    assert page.prose["closing.other_matters"] == []
    assert page.prose["closing.problems"] == ["", ""]
    assert page.prose["closing.improvements"] == ["第一行", "", "", "第四行", ""]


def test_the_page_needs_nothing_from_outside() -> None:
    text = html.render(toml_file.load(SAMPLE))
    page = read(text)
    names = {name for _tag, name, _value in page.attributes}
    assert not names & {"src", "href", "srcset", "action", "onload", "onclick"}
    assert "url(" not in text and "@import" not in text
    assert page.meta["viewport"].startswith("width=device-width")


def test_print_stylesheet_sets_a4_and_page_numbers() -> None:
    css = html.stylesheet()
    assert "size: A4" in css and "counter(page)" in css and "@media print" in css


@pytest.mark.parametrize("year", [2021, 2024])
def test_sections_and_tables_follow_the_form(year: int) -> None:
    report = Report.blank("某某局", year)
    text = html.render(report)
    page = read(text)
    assert page.headings[0] == ("h1", f"某某局{year}年政府信息公开工作年度报告")
    assert [text.count(f'data-table="{t.key}"') for t in form.TABLES] == [1, 1, 1]
    assert "govtui-title" not in page.meta
