"""One validator: every way a report is made is refused by the model for the same thing, with
the same place and the same Chinese message; and every number has one bound.

The doors: a TOML file, each importer (text/Markdown, web page, Word), aggregation, the JSON
document's ``report``, and an edit in the editor's session. Each is made to carry the same
count past the bound (10¹³ for 一、本年新收 / 自然人) or a fee that is no amount.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.tui_helpers import screen_text
from textual.widgets import Input

from govtui.aggregate import Sum
from govtui.batch import CELLS
from govtui.cli import main
from govtui.errors import LoadError, Problem
from govtui.io import report_json, toml_file
from govtui.io.importers import import_file, tables
from govtui.model import Report, validate
from govtui.numbers import MAX_COUNT, MAX_FEE, parse_count, parse_fee
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.new_report import NewReportScreen
from govtui.tui.session import Session

SAMPLE = Path(__file__).resolve().parent.parent / "sample"
REPORT = SAMPLE / "yunxi-scjg-2024.toml"
TEXT = REPORT.read_text(encoding="utf-8")
CELL = ("requests", "new", "natural_person")
KEY = "requests.new.natural_person"
LABEL = "一、本年新收政府信息公开申请数量 / 自然人"
TOO_MANY = 10**13
# What every door says about TOO_MANY in that cell.
REFUSAL = Problem(f"{LABEL}：「{TOO_MANY}」太大：件数不会超过1 万亿，请检查", key=KEY)


def refused(make: Callable[[], object]) -> list[Problem]:
    """The problems (without their line) of a door that must refuse what it was given."""
    with pytest.raises(LoadError) as caught:
        make()
    return [Problem(p.message, key=p.key) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --------------------------------------------------------------------------- the doors


def test_a_toml_file_is_refused_naming_its_line() -> None:
    text = TEXT.replace("natural_person = 38", f"natural_person = {TOO_MANY}", 1)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "r.toml")
    (problem,) = caught.value.problems
    assert problem == Problem(REFUSAL.message, key=KEY, line=line_of(text, str(TOO_MANY)))


@pytest.mark.parametrize(
    "name", ["yunxi-scjg-2024.md", "yunxi-scjg-2024.html", "yunxi-scjg-2024.docx"]
)
def test_each_importer_is_refused_by_the_model(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An importer that filled a cell past the bound (here made to, by wrapping how it reads
    section 三) has its report refused by the validator, not handed on."""
    read_requests = tables.read_requests

    def overfilling(lines: Any, report: Report, *args: Any, **kwargs: Any) -> Any:
        found = read_requests(lines, report, *args, **kwargs)
        report.requests["new"]["natural_person"] = TOO_MANY
        return found

    monkeypatch.setattr(tables, "read_requests", overfilling)
    source = tmp_path / name
    shutil.copyfile(SAMPLE / name, source)
    assert refused(lambda: import_file(source)) == [REFUSAL]


def test_the_importers_report_is_validated_as_it_is_read() -> None:
    """Without the wrapping, the same published files import to the very report of the TOML."""
    for name in ("yunxi-scjg-2024.md", "yunxi-scjg-2024.html", "yunxi-scjg-2024.docx"):
        assert import_file(SAMPLE / name).report == toml_file.load(REPORT)


def test_a_sum_past_the_bound_is_refused_and_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two reports each at the bound are valid; their sum is not, and is not written."""
    paths = []
    for agency in ("甲局", "乙局"):
        report = Report.blank(agency, 2024)
        report.set_count(*CELL, MAX_COUNT)
        paths.append(tmp_path / f"{agency}.toml")
        toml_file.save(report, paths[-1])
    out = tmp_path / "sum.toml"
    assert main(["aggregate", *map(str, paths), "-o", str(out), "--agency", "汇总局"]) == 2
    shown = f"{LABEL}：「{2 * MAX_COUNT}」太大：件数不会超过1 万亿，请检查"
    assert f"{KEY}：{shown}" in capsys.readouterr().err
    assert not out.exists()


def test_every_sum_is_validated_where_it_is_made() -> None:
    """`Sum.into` is where aggregate and the desk turn sums into a report: past the bound it
    refuses, with the same words as a file would get."""
    total = Sum()
    vector = [0] * len(CELLS)
    vector[CELLS.index(CELL)] = MAX_COUNT // 2 + 1
    total.add(tuple(vector), Decimal(0))
    total.add(tuple(vector), Decimal(0))
    over = 2 * (MAX_COUNT // 2 + 1)
    message = f"{LABEL}：「{over}」太大：件数不会超过1 万亿，请检查"
    assert refused(lambda: total.into(Report.blank("汇总局", 2024))) == [Problem(message, key=KEY)]


def test_the_json_documents_report_is_refused_alike() -> None:
    data = json.loads(report_json.render(toml_file.load(REPORT)))["report"]
    assert validate(data) == toml_file.load(REPORT)  # the JSON gives the report back
    data["requests"]["new"]["natural_person"] = TOO_MANY
    assert refused(lambda: validate(data)) == [REFUSAL]


def test_an_edit_in_the_session_is_refused_with_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    session = Session(toml_file.load(REPORT), path)
    with pytest.raises(ValueError) as caught:
        session.write([(*CELL, TOO_MANY)])
    # The grid puts the row and column before it, as the file's message does.
    assert f"{LABEL}：{caught.value}" == REFUSAL.message
    assert session.report.requests["new"]["natural_person"] == 38
    with pytest.raises(ValueError, match="太大"):
        session.write([("proactive", "fees", "amount", Decimal("1e999999999"))])
    assert session.report.fees == Decimal("12.8650")
    # What a clerk types is read and bounded by the same check.
    with pytest.raises(ValueError) as typed:
        parse_count(str(TOO_MANY))
    assert str(typed.value) == str(caught.value)


@pytest.mark.parametrize("start", [["--year", "2024"], ["--from", str(REPORT)]])
def test_new_refuses_a_name_the_model_refuses_and_writes_nothing(
    start: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govtui new --agency` with an escape in the name: refused with the model's words (it
    used to write a file that could not be opened again)."""
    target = tmp_path / "r.toml"
    assert main(["new", str(target), "--agency", "云溪\x1b[2J局", *start]) == 2
    assert "report.agency：文字中有看不见的控制字符 U+001B（ESC）" in capsys.readouterr().err
    assert not target.exists()


async def test_the_editors_new_report_refuses_a_pasted_control_character(tmp_path: Path) -> None:
    """The prompt for a blank report builds it through the model: a name with an escape in it
    (pasted, say) is refused on the prompt, never a crash, and nothing is written."""
    app = GovtuiApp(None, path=tmp_path / "x.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#agency", Input).value = "云溪\x1b局"
        year = app.screen.query_one("#year", Input)
        year.value = "2024"
        year.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewReportScreen)
        assert "控制字符" in screen_text(app)
    assert not (tmp_path / "x.toml").exists()


def test_a_report_built_in_memory_is_refused_alike() -> None:
    report = toml_file.load(REPORT)
    report.requests["new"]["natural_person"] = TOO_MANY  # written past the setter
    assert refused(lambda: validate(report)) == [REFUSAL]


# --------------------------------------------------------------------------- the bounds


def fee_file(value: str) -> str:
    return TEXT.replace('fees = "12.8650"', f"fees = {value}")


def count_file(value: str) -> str:
    return TEXT.replace("licensing = 1864", f"licensing = {value}")


COUNT_REFUSALS = [
    ("1e999999999", "「1e999999999」太大：件数不会超过1 万亿"),
    ("1e13", "「1e13」太大：件数不会超过1 万亿"),
    ("10000000000000", "「10000000000000」太大"),
    ("-0.0", "「-0.0」是负数：件数不能小于 0"),
    ("-1", "「-1」是负数"),
    ("inf", "「inf」不是数字"),
    ("-inf", "「-inf」不是数字"),
    ("nan", "「nan」不是数字"),
    ("1e-999999999", "有小数"),
    ('"1e999999999"', '应为整数（不加引号），而不是文字 "1e999999999"'),
    ('"inf"', '应为整数（不加引号），而不是文字 "inf"'),
    ('"nan"', '应为整数（不加引号），而不是文字 "nan"'),
    ('"-0.0"', '应为整数（不加引号），而不是文字 "-0.0"'),
    ('"1e13"', '应为整数（不加引号），而不是文字 "1e13"'),
    ("true", "应为整数（不加引号），而不是真假值 true"),
]
FEE_REFUSALS = [
    ("1e999999999", "「1e999999999」太大：金额不会超过1 万亿万元"),
    ("1e13", "「1e13」太大"),
    ("inf", "「inf」不是金额"),
    ("nan", "「nan」不是金额"),
    ("-0.0", "「-0.0」是负数"),
    ("-2.5", "「-2.5」是负数"),
    ("0.1234567", "「0.1234567」的小数太多：金额以万元为单位，最多 6 位小数"),
    ("1e-999999999", "的小数太多"),
    ('"1e999999999"', "「1e999999999」不是金额"),
    ('"inf"', "「inf」不是金额"),
    ('"nan"', "「nan」不是金额"),
    ('"-0.0"', "「-0.0」不是金额"),
    ('"10000000000000"', "「10000000000000」太大"),
    ('"0.1234567"', "的小数太多"),
    ("true", '应为金额（如 "12.5"），而不是真假值 true'),
]


@pytest.mark.parametrize(
    ("write", "key", "label", "value", "reason"),
    [
        *((count_file, "proactive.licensing", "行政许可", v, r) for v, r in COUNT_REFUSALS),
        *((fee_file, "proactive.fees", "行政事业性收费", v, r) for v, r in FEE_REFUSALS),
    ],
)
def test_a_number_past_the_bound_is_refused_with_key_and_line(
    write: Callable[[str], str], key: str, label: str, value: str, reason: str
) -> None:
    text = write(value)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "r.toml")
    (problem,) = caught.value.problems
    written = f"{key.rpartition('.')[2]} = {value}"
    assert (problem.key, problem.line) == (key, line_of(text, written))
    assert problem.message.startswith(f"{label}：")
    assert reason in problem.message


@pytest.mark.parametrize("value", ["0", "1e3", "3.0e2", "1000000000000"])
def test_whole_numbers_within_the_bound_load(value: str) -> None:
    assert toml_file.loads(count_file(value)).proactive["licensing"]["decisions"] == int(
        Decimal(value)
    )


@pytest.mark.parametrize("value", ['"0.000001"', '"1000000000000"', "0.5", "1e3", "0"])
def test_fees_within_the_bound_load_exactly(value: str) -> None:
    fee = toml_file.loads(fee_file(value)).fees
    assert fee == Decimal(value.strip('"'))
    assert 0 <= fee <= MAX_FEE


def test_check_refuses_an_unbounded_fee_and_export_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It used to pass `check` with ✓ and make `export` die of MemoryError."""
    path = tmp_path / "r.toml"
    text = fee_file("1e999999999")
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    where = f"{path}:{line_of(text, 'fees =')}：proactive.fees：行政事业性收费："
    assert where in captured.out + captured.err
    assert main(["export", str(path)]) == 2
    assert not path.with_suffix(".md").exists()


@pytest.mark.parametrize("value", ["inf", "nan", "-inf"])
def test_inf_and_nan_anywhere_are_refused_not_a_crash(value: str) -> None:
    text = TEXT.replace("upheld    = 2", f"upheld = {value}", 1).replace(
        'fees = "12.8650"', f"fees = {value}"
    )
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "r.toml")
    assert {p.key for p in caught.value.problems} == {"appeals.review.upheld", "proactive.fees"}


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("10000000000000", "太大"),
        ("1" + "0" * 5000, "太大"),
        ("-0", "是负数"),
        ("inf", "不是数字"),
        ("nan", "不是数字"),
        ("1e13", "不是数字"),
    ],
)
def test_what_a_clerk_types_in_a_count_meets_the_same_bound(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_count(typed)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1" + "0" * 13, "太大"),
        ("0.1234567", "小数太多"),
        ("inf", "不是金额"),
        ("nan", "不是金额"),
        ("-0.0", "是负数"),
        ("1e999999999", "不是金额"),
    ],
)
def test_what_a_clerk_types_as_the_fee_meets_the_same_bound(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_fee(typed)
