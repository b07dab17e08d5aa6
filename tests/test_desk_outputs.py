"""What the desk hands on, read back: the workbook with openpyxl, the dashboard in Chromium,
the notices in Markdown and Word — each drawn from the desk's own JSON of the sample collection."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from tests.browser import chromium, headless, needs_browser
from tests.desk_helpers import (
    AS_OF,
    private_cache_fixture,  # noqa: F401  (autouse fixture)
    sample_fixture,  # noqa: F401  (fixture)
)

from govtui.desk import dashboard, notice, workbook
from govtui.desk.board import Board, build
from govtui.desk.indicators import INDICATORS
from govtui.desk.outputs import write_notices
from govtui.desk.summing import summed
from govtui.io import roster as rosters
from govtui.rules.finding import place_label


@pytest.fixture
def board(sample: Path) -> Board:
    return build(rosters.load(sample), as_of=AS_OF, record_received=False)


def confirmed(unit: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in unit["findings"] if (f.get("review") or {}).get("state") == "confirmed"]


# --------------------------------------------------------------------------- workbook


def test_the_workbook_has_its_four_sheets_a_row_per_unit_and_per_finding(board: Board) -> None:
    data = board.as_json()
    book = openpyxl.load_workbook(io.BytesIO(workbook.render(data, summed(board))))
    assert book.sheetnames == list(workbook.SHEETS)
    status = book["报送情况"]
    assert status.freeze_panes == "B2" and status.auto_filter.ref
    names = [row[0] for row in status.iter_rows(min_row=2, values_only=True)]
    assert names == [u["name"] for u in data["units"]]
    heads = [c.value for c in status[1]]
    rate = heads.index("实质公开率") + 1
    received = heads.index("本年新收") + 1
    for index, unit in enumerate(data["units"], start=2):
        value = unit["indicators"].get("disclosure_rate")
        cell = status.cell(index, rate)
        assert cell.value == value  # a number, not text
        if value is not None:
            assert cell.number_format == "0.0%"
        assert status.cell(index, received).value == unit["indicators"].get("received")

    problems = [row for row in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    findings = [(u["name"], f) for u in data["units"] for f in u["findings"]]
    assert len(problems) == len(findings)
    unit, finding = next((u, f) for u, f in findings if confirmed({"findings": [f]}))
    row = next(r for r in problems if r[0] == unit and r[6] == finding["message"])
    assert row[7] == "需整改" and row[8] == finding["review"]["comment"]


def test_the_workbooks_sum_is_the_official_table_with_the_jsons_totals(board: Board) -> None:
    data = board.as_json()
    book = openpyxl.load_workbook(io.BytesIO(workbook.render(data, summed(board))))
    sheet = book["汇总"]
    assert len(sheet.merged_cells.ranges) > 20  # the official headers span rows and columns
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    new = next(r for r in rows if "一、本年新收政府信息公开申请数量" in r)
    numbers = [v for v in new if isinstance(v, int)]
    assert numbers[-1] == data["sum"]["indicators"]["received"]  # the 总计 column
    assert any(f"计入 {len(data['sum']['units'])} 个单位" in str(r[0]) for r in rows)
    indicators = book["指标"]
    last = [c.value for c in indicators[indicators.max_row]]
    assert last[0] == "汇总"
    assert last[1] == data["sum"]["indicators"][INDICATORS[0].key]


# --------------------------------------------------------------------------- dashboard

PROBE = """
window.govtuiProbe = (() => ({
  charts: [...document.querySelectorAll('figure')].map(f => ({
    caption: f.querySelector('figcaption').textContent,
    bars: f.querySelectorAll('svg rect').length,
    width: f.querySelector('svg').getBoundingClientRect().width})),
  rows: document.querySelectorAll('table.units tbody tr').length,
  problems: document.querySelectorAll('table.findings tbody tr').length,
  resources: performance.getEntriesByType('resource').length,
  scripts: document.scripts.length,
}))();
"""


@needs_browser
def test_the_dashboard_draws_its_charts_and_tables_and_fetches_nothing(
    board: Board, tmp_path: Path
) -> None:
    data = board.as_json()
    page = dashboard.render(data)
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    found = headless.probe(chromium(), page, PROBE, 1280, 1000, tmp_path)
    captions = [c["caption"] for c in found["charts"]]
    assert captions == ["报送状态", "本年新收申请（件）", "办理结果构成", "实质公开率：本年与上年"]
    counted = len(data["sum"]["units"])
    bars = {c["caption"]: c["bars"] for c in found["charts"]}
    assert bars["本年新收申请（件）"] == counted
    assert bars["办理结果构成"] >= counted * 6  # six parts a unit, and the legend
    assert all(c["width"] > 300 for c in found["charts"])
    assert found["rows"] == len(data["units"])
    assert found["problems"] == sum(len(u["findings"]) for u in data["units"])
    assert found["resources"] == 0 and found["scripts"] == 1  # the probe's own


# --------------------------------------------------------------------------- notices


def test_a_notice_holds_exactly_that_units_confirmed_findings(board: Board) -> None:
    data = board.as_json()
    owed = [u for u in data["units"] if confirmed(u) or u["status"] == "returned"]
    assert owed, "the sample has a unit to send back"
    for unit in owed:
        letter = notice.letter(
            unit, office="云溪县人民政府办公室", year=2025, date=AS_OF, until=AS_OF
        )
        assert letter is not None
        assert [i[1].split("】", 1)[1] for i in letter.items] == [
            f["message"] for f in confirmed(unit)
        ]
        text = notice.markdown(letter)
        assert text.startswith(f"# {letter.title}") and f"{unit['name']}：" in text
        for finding in confirmed(unit):
            assert place_label(finding["place"]) in text
            assert finding["review"]["comment"] in text
        if unit["status"] == "returned":
            assert unit["decision"]["comment"] in text
        assert "2026年2月5日前重新报送" in text
    quiet = next(u for u in data["units"] if u["status"] == "clean")
    assert notice.letter(quiet, office="x", year=2025, date=AS_OF, until=AS_OF) is None


def test_notices_are_written_one_file_a_unit_in_word_too(board: Board, tmp_path: Path) -> None:

    folder = tmp_path / "通知"
    said = write_notices(board, folder, fmt="docx")
    data = board.as_json()
    owed = {u["name"]: u for u in data["units"] if confirmed(u) or u["status"] == "returned"}
    files = sorted(folder.glob("*.docx"))
    assert len(files) == len(owed) and f"已写出 {len(owed)} 份通知" in said
    for path in files:
        unit = owed[path.name.split("-")[0]]
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        assert f"{unit['name']}：" in text and "云溪县人民政府办公室" in text
        rows = len(document.tables[0].rows) - 1 if document.tables else 0  # less its heading
        assert rows == len(confirmed(unit))
