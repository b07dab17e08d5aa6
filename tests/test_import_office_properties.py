"""Property test: any valid report laid out as offices make Word files, or as the official
form in an Excel sheet, imports back to the same numbers.

The layouts are those of ``tools/make_import_fixtures.py`` (the matrix split in two Word
tables with its header copied, labels merged down their rows, numbers in several runs; the
Excel sheet merged as the form), made here for random reports; no PDF is made in a test.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from tools.make_import_fixtures import form_xlsx, office_docx

from govtui.io.importers import import_file
from govtui.model import Report
from strategies import reports

_FEW = settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])


def numbers(report: Report) -> tuple[object, ...]:
    return (report.proactive, report.fees, report.requests, report.appeals, report.year)


@_FEW
@given(reports())
def test_any_report_as_an_office_word_file_reads_back(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "年报.docx"
    office_docx(report, path)
    imported = import_file(path)
    assert numbers(imported.report) == numbers(report)
    assert imported.report.agency == report.agency


@_FEW
@given(reports())
def test_any_report_as_the_form_in_an_excel_sheet_reads_back(
    tmp_path: Path, report: Report
) -> None:
    path = tmp_path / "年报.xlsx"
    form_xlsx(report, path)
    imported = import_file(path)
    assert numbers(imported.report) == numbers(report)
    assert imported.report.agency == report.agency
