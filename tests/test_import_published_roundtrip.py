"""govtui's own published files read back to the identical report: HTML and Word exports
imported give the model they were made from, with nothing assumed (the Markdown round trip is
in test_import_properties.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from govtui import form
from govtui.io import toml_file
from govtui.io.exporters import EXPORTERS
from govtui.io.importers import Imported, import_file
from govtui.model import Report
from strategies import reports

SAMPLES = Path(__file__).parent.parent / "sample"
FORMATS = {e.name: e for e in EXPORTERS}

# Prose a reader that tidies text would change: empty lines (alone, at the edges, in runs),
# lines of blanks only, blanks of every kind at line edges, tabs, runs of spaces, and lines
# that look like page furniture, markup or a heading of the form.
TRICKY = {
    "report.preface": "索引号：000-2024-01\n【打印】【关闭】\n首页 > 政务公开",
    "overview.lead": "\n",
    "overview.proactive": "\n\n首尾空行\n",
    "overview.on_request": " \n\t\n\u3000",
    "overview.management": "\u3000\u3000全角缩进\n尾随全角\u3000\n  前导空格\n尾随空格  ",
    "overview.platforms": "制表\t符\n\t前导制表\n两  个  空格\n\xa0不换行空格\xa0",
    "overview.oversight": 'width=3 class="x" x:str=1\n<br>&amp;&#32;\n<!-- govtui agency: 局 | year: 2024 -->',
    "closing.problems": "二、主动公开政府信息情况\n（二）改进情况\n2024年1月1日",
    "closing.improvements": "| a | b |\n# 不是标题\n",
    "closing.other_matters": "\n",
}


def round_trip(report: Report, fmt: str, folder: Path) -> Imported:
    exporter = FORMATS[fmt]
    path = folder / f"report{exporter.suffix}"
    exporter.write(report, path)
    return import_file(path)


def _assert_reads_back(report: Report, fmt: str, folder: Path) -> None:
    imported = round_trip(report, fmt, folder)
    assert imported.report == report
    assert imported.notes == ()


# Bounded for CI (a Word file takes about half a second to write and read back); run with
# HYPOTHESIS_PROFILE=dev and a higher max_examples to search wider.
@given(report=reports())
@settings(max_examples=25)
def test_html_export_reads_back_to_the_same_report(
    report: Report, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _assert_reads_back(report, "html", tmp_path_factory.mktemp("html"))


@given(report=reports())
@settings(max_examples=15)
def test_word_export_reads_back_to_the_same_report(
    report: Report, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _assert_reads_back(report, "docx", tmp_path_factory.mktemp("docx"))


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_every_blank_and_lookalike_line_reads_back(fmt: str, tmp_path: Path) -> None:
    report = Report.blank('甲&乙"<局>', 2024)
    report.prose.update(TRICKY)
    report.title = "  自定  标题\u3000"
    report.fees = Decimal("1200.500")
    report.requests["new"]["natural_person"] = 2_999_999
    assert set(TRICKY) == {f.key for f in form.PROSE_FIELDS}
    _assert_reads_back(report, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("name", ["muye-gongxin-2024", "yunxi-scjg-2024"])
def test_sample_exports_import_to_their_toml(fmt: str, name: str) -> None:
    imported = import_file(SAMPLES / f"{name}{FORMATS[fmt].suffix}")
    assert imported.report == toml_file.load(SAMPLES / f"{name}.toml")
    assert imported.notes == ()
