"""``govtui import --json``: what an import was based on — where each table was found, how
each row was matched, every assumption — and ``check`` saying the same of a published file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govtui.cli import main
from govtui.io.importers import import_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _import_json(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    capsys.readouterr()
    assert main(["import", str(copy), "--json"]) == 0
    assert copy.with_suffix(".toml").exists()  # the file is written as without --json
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_json_says_where_each_table_is_and_how_each_row_was_matched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = _import_json(FIXTURES / "pdf-text.txt", tmp_path, capsys)
    assert [(t["section"], t["line"]) for t in entry["tables"]] == [
        ("二、主动公开政府信息情况", 16),
        ("三、收到和处理政府信息公开申请情况", 31),
        ("四、政府信息公开行政复议、行政诉讼情况", 71),
    ]
    requests = {row["row"]: row for row in entry["tables"][1]["rows"]}
    # A label cut by a wrap: found by a near spelling, on its line, as printed.
    wrapped = requests[
        "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    ]
    assert wrapped == {
        "row": "三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "line": 39,
        "printed": "（二）部分公开（区分处理的，只计这一情",
        "match": "行名相近",
    }
    assert requests["一、本年新收政府信息公开申请数量"]["match"] == "行名与表样相同"
    assert requests["一、本年新收政府信息公开申请数量"]["line"] == 36
    assert entry["tables"][1]["missing"] == []
    assert [r["match"] for r in entry["tables"][2]["rows"]] == ["按数字的顺序（每组五格）"] * 3
    assert entry["notes"] == list(import_file(FIXTURES / "pdf-text.txt").notes)
    # The fixture's 五 is two short lines each: closing_gap's finding, nothing about the tables.
    assert entry["ok"] is True and {f["rule"] for f in entry["findings"]} == {"closing_gap"}


def test_json_names_glued_rows_detached_blocks_and_the_report_s_wrong_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = _import_json(FIXTURES / "wrong-totals.txt", tmp_path, capsys)
    granted = next(
        r for r in entry["tables"][1]["rows"] if r["row"] == "三、本年度办理结果 （一）予以公开"
    )
    assert granted["match"] == "行名与表样相同；数字连在一起（4100107），已拆开"
    assert entry["errors"] == 2
    assert {f["rule"] for f in entry["findings"]} - {"closing_gap"} == {"stated_total"}
    detached = _import_json(FIXTURES / "detached-labels.md", tmp_path, capsys)
    assert {r["match"] for r in detached["tables"][1]["rows"]} == {"行名与数字分开印出，按顺序对应"}


def test_json_cannot_share_stdout_with_the_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FIXTURES / "one-line.txt"), "-o", "-", "--json"]) == 2
    assert "--json" in capsys.readouterr().err


def test_human_output_says_where_the_tables_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "one-line.txt"
    shutil.copy(FIXTURES / "one-line.txt", copy)
    assert main(["import", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "表格：三、收到和处理政府信息公开申请情况：第 1 行起；" in out


def test_check_on_a_published_file_reports_what_import_would(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = FIXTURES / "wrong-totals.txt"
    main(["check", str(source), "--json"])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    imported = import_file(source)
    assert entry["notes"] == list(imported.notes)
    assert entry["errors"] == 2
