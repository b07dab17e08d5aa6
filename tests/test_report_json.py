"""The JSON export: the report as typed, every computed total, the checker's findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from govtui import form
from govtui.cli import main
from govtui.io import report_json, toml_file
from govtui.model import Report
from govtui.rules import check
from strategies import reports

SAMPLES = Path(__file__).parent.parent / "sample"


@given(reports())
def test_the_report_part_reads_back_to_the_same_report(report: Report) -> None:
    data = json.loads(report_json.render(report))
    assert Report.model_validate(data["report"]) == report
    assert data["title"] == report.display_title
    assert (data["format"], data["form"], data["schema"]) == ("govtui-report", "2021", 1)


@given(reports())
def test_every_computed_total_is_given(report: Report) -> None:
    totals = json.loads(report_json.render(report))["totals"]
    expected = {
        (table.key, row.key, column.key): report.value(table.key, row.key, column.key)
        for table in form.TABLES
        for row in table.rows
        for column in table.columns
        if row.computed or column.computed
    }
    given_cells = {
        (table, row, column): value
        for table, rows in totals.items()
        for row, columns in rows.items()
        for column, value in columns.items()
    }
    assert given_cells == expected
    assert len(totals["requests"]) == 25 and len(totals["requests"]["total"]) == 7
    assert len(totals["appeals"]) == 3


def test_findings_are_those_of_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "yunxi-scjg-2024-broken.toml"
    data = json.loads(report_json.render(toml_file.load(path)))
    assert main(["check", "--json", str(path)]) == 1
    checked = json.loads(capsys.readouterr().out)["files"][0]
    assert data["findings"] == checked["findings"]
    assert (data["ok"], data["errors"], data["warnings"]) == (
        checked["ok"],
        checked["errors"],
        checked["warnings"],
    )
    assert data["errors"] == 3


def test_utf8_chinese_as_is_and_stable_key_order() -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    text = report_json.render(report)
    assert "云溪县" in text and "\\u" not in text
    data = json.loads(text)
    assert list(data) == [
        *("format", "form", "schema", "title", "report", "totals"),
        *("ok", "errors", "warnings", "accepted", "findings"),
    ]
    assert list(data["report"]["prose"]) == [f.key for f in form.PROSE_FIELDS]
    assert list(data["report"]["requests"]) == [r.key for r in form.REQUESTS.input_rows]
    assert data["report"]["fees"] == "12.8650"  # the digits as written, never a float
    assert report_json.render(report) == text


def test_an_accepted_warning_is_counted_as_check_counts_it() -> None:
    report = Report.blank("测试局", 2024)
    report.previous = "测试局-2023.toml"
    before = json.loads(report_json.render(report))
    warning = next(f for f in before["findings"] if f["severity"] == "warning")
    place = next(
        f.place
        for f in check(report)
        if (f.rule, f.message) == (warning["rule"], warning["message"])
    )
    report.accept(warning["rule"], place, "本年度确无此项工作")
    data = json.loads(report_json.render(report))
    assert (data["warnings"], data["accepted"]) == (before["warnings"] - 1, 1)
    assert Report.model_validate(data["report"]) == report  # acceptances and predecessor kept
