"""``govtui aggregate``: exact sums, refusals that are never silent, the roster overview."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govtui.aggregate import Seen, Sum
from govtui.batch import count_vector
from govtui.cli import main
from govtui.io import toml_file
from govtui.model import Report
from govtui.rules import check
from strategies import balanced_reports

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OFFICE = "云溪县人民政府办公室"


# ----------------------------------------------------------------------- the sums


def numbers(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Decimal]]:
    """Every count and the fee of a parsed report file, by dotted key: read without govtui."""
    for key, value in data.items():
        path = f"{prefix}{key}"
        if prefix == "" and key in {"schema", "form", "report", "accepted"}:
            continue
        if isinstance(value, dict):
            yield from numbers(value, path + ".")
        elif path == "proactive.fees" or isinstance(value, int):
            yield path, Decimal(value)


def recompute(paths: list[Path]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for path in paths:
        for key, value in numbers(tomllib.loads(path.read_text(encoding="utf-8"))):
            totals[key] = totals.get(key, Decimal(0)) + value
    return totals


def test_the_sum_of_the_samples_cell_by_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [SAMPLE / "muye-gongxin-2024.toml", SAMPLE / "yunxi-scjg-2024.toml"]
    out = tmp_path / "sum.toml"
    assert main(["aggregate", *map(str, inputs), "-o", str(out), "--agency", OFFICE]) == 0
    written = tomllib.loads(out.read_text(encoding="utf-8"))
    expected = recompute(inputs)
    assert len(expected) == 166  # 三: 24 rows × 6 columns; 四: 3 × 4; 二: 2 × 3, 3 counts, the fee
    assert dict(numbers(written)) == expected
    assert written["proactive"]["fees"] == "12.8650"  # an exact decimal, as a string
    total = toml_file.load(out)
    assert (total.agency, total.year) == (OFFICE, 2024)
    assert all(text == "" for text in total.prose.values())
    assert "已写出汇总报告" in capsys.readouterr().out


def test_fees_add_exactly(tmp_path: Path) -> None:
    paths = []
    for index, fee in enumerate(["0.1", "0.2", "24252.311082"]):
        report = Report.blank(f"单位{index}", 2024)
        report.fees = Decimal(fee)
        paths.append(tmp_path / f"{index}.toml")
        toml_file.save(report, paths[-1])
    main(["aggregate", *map(str, paths), "-o", str(tmp_path / "sum.toml"), "--agency", OFFICE])
    assert toml_file.load(tmp_path / "sum.toml").fees == Decimal("24252.611082")


@given(st.lists(balanced_reports(), min_size=1, max_size=6))
def test_balance_holds_for_the_sum_when_it_holds_for_every_input(inputs: list[Report]) -> None:
    total = Sum()
    for report in inputs:
        assert not [f for f in check(report) if f.rule == "balance"]
        total.add(count_vector(report), report.fees)
    summed = total.into(Report.blank(OFFICE, 2024))
    assert [f for f in check(summed) if f.rule == "balance"] == []
    assert summed.fees == sum((r.fees for r in inputs), Decimal(0))


def test_worker_processes_give_the_same_sum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(80):
        report = toml_file.load(
            SAMPLE / ("yunxi-scjg-2024.toml", "muye-gongxin-2024.toml")[index % 2]
        )
        report.agency = f"第{index}单位"
        report.requests["new"]["natural_person"] += index
        report.requests["granted"]["natural_person"] += index
        toml_file.save(report, folder / f"{index:02}.toml")
    for jobs in ("1", "2"):
        out = tmp_path / f"sum{jobs}.toml"
        assert main(["aggregate", str(folder), "-o", str(out), "--agency", OFFICE, "-j", jobs]) == 0
    assert (tmp_path / "sum1.toml").read_bytes() == (tmp_path / "sum2.toml").read_bytes()
    sums = dict(numbers(tomllib.loads((tmp_path / "sum2.toml").read_text(encoding="utf-8"))))
    assert sums == recompute(sorted(folder.iterdir()))
    capsys.readouterr()


# ----------------------------------------------------------------------- refusals


@pytest.mark.parametrize("spill", [Seen.SPILL, 0], ids=["in-memory", "on-disk"])
def test_another_year_a_duplicate_and_an_unreadable_file_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, spill: int
) -> None:
    monkeypatch.setattr(Seen, "SPILL", spill)  # where the agencies counted so far are kept
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nform = "2008"\n', encoding="utf-8")
    inputs = [
        SAMPLE / "yunxi-scjg-2024.toml",
        SAMPLE / "muye-gongxin-2024.toml",
        SAMPLE / "yunxi-scjg-2023.toml",
        SAMPLE / "yunxi-scjg-2024-broken.toml",
        bad,
    ]
    out = tmp_path / "sum.toml"
    code = main(["aggregate", *map(str, inputs), "-o", str(out), "--agency", OFFICE, "--json"])
    assert code == 2
    assert not out.exists()  # never a partial sum
    result = json.loads(capsys.readouterr().out)
    assert [(Path(i["path"]).name, i["status"]) for i in result["inputs"]] == [
        ("yunxi-scjg-2024.toml", "counted"),
        ("muye-gongxin-2024.toml", "counted"),
        ("yunxi-scjg-2023.toml", "refused"),
        ("yunxi-scjg-2024-broken.toml", "refused"),
        ("bad.toml", "unreadable"),
    ]
    assert result["inputs"][2]["reason"] == "是 2023 年的报告，本次汇总的是 2024 年"
    assert result["inputs"][3]["reason"] == (
        f"与 {SAMPLE / 'yunxi-scjg-2024.toml'} 是同一单位（云溪县市场监督管理局）的报告，只能计入一份"
    )
    assert "2021" in result["inputs"][4]["unreadable"]  # the form is named
    assert result["totals"] == {
        "inputs": 5,
        "counted": 2,
        "with_errors": 0,
        "refused": 2,
        "unreadable": 1,
    }
    assert result["written"] is False

    # The same in text: every refusal with its reason, and why no sum was written.
    assert main(["aggregate", *map(str, inputs), "-o", str(out), "--agency", OFFICE]) == 2
    text = capsys.readouterr().out
    assert "未计入：是 2023 年的报告" in text and "未写出汇总报告" in text


def test_the_year_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [SAMPLE / "yunxi-scjg-2024.toml", SAMPLE / "yunxi-scjg-2023.toml"]
    out = tmp_path / "sum.toml"
    assert (
        main(
            [
                "aggregate",
                *map(str, inputs[1:]),
                "-o",
                str(out),
                "--agency",
                OFFICE,
                "--year",
                "2023",
            ]
        )
        == 0
    )
    assert main(["aggregate", *map(str, inputs), "--year", "2023"]) == 2
    assert "未计入：是 2024 年的报告，本次汇总的是 2023 年" in capsys.readouterr().out


def test_errors_in_an_input_are_listed_and_still_summed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [SAMPLE / "muye-gongxin-2024.toml", SAMPLE / "yunxi-scjg-2024-broken.toml"]
    out = tmp_path / "sum.toml"
    assert main(["aggregate", *map(str, inputs), "-o", str(out), "--agency", OFFICE]) == 1
    text = capsys.readouterr().out
    assert "规则：narrative（3），balance（3）" in text and "（1 份有错误）" in text
    assert dict(numbers(tomllib.loads(out.read_text(encoding="utf-8")))) == recompute(inputs)


def test_a_rerun_keeps_the_offices_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sum.toml"
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", tmp_path / "a.toml")
    assert main(["aggregate", str(tmp_path / "a.toml"), "-o", str(out), "--agency", OFFICE]) == 0
    total = toml_file.load(out)
    total.prose["overview.lead"] = "汇总单位写的导语。"
    toml_file.save(total, out)
    shutil.copy(SAMPLE / "muye-gongxin-2024.toml", tmp_path / "b.toml")
    # The folder now holds the sum as well: it is not counted as one more unit.
    assert main(["aggregate", str(tmp_path), "-o", str(out), "--agency", OFFICE]) == 0
    again = toml_file.load(out)
    assert again.prose["overview.lead"] == "汇总单位写的导语。"
    assert dict(numbers(tomllib.loads(out.read_text(encoding="utf-8")))) == recompute(
        [tmp_path / "a.toml", tmp_path / "b.toml"]
    )
    out.write_text("这不是报告", encoding="utf-8")
    assert main(["aggregate", str(tmp_path / "a.toml"), "-o", str(out), "--agency", OFFICE]) == 2
    assert out.read_text(encoding="utf-8") == "这不是报告"
    assert "--force" in capsys.readouterr().err


def test_o_needs_an_agency(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["aggregate", str(SAMPLE), "-o", str(tmp_path / "s.toml")]) == 2
    assert "--agency" in capsys.readouterr().err


# ----------------------------------------------------------------------- the roster


def write_roster(folder: Path) -> Path:
    for name in ("yunxi-scjg-2024.toml", "muye-gongxin-2024.toml"):
        shutil.copy(SAMPLE / name, folder / name)
    copied = toml_file.load(FIXTURES / "yunxi-scjg-2025-copied.toml")
    copied.previous = "yunxi-scjg-2024.toml"
    copied.agency = "云溪县文化和旅游局"
    toml_file.save(copied, folder / "wlj-2025.toml")
    broken = toml_file.load(FIXTURES / "yunxi-scjg-2025-carry-over.toml")
    broken.previous = "yunxi-scjg-2024.toml"
    broken.agency = "云溪县市场监管局"  # an alias of the bureau on the roster
    toml_file.save(broken, folder / "scjg-2025.toml")
    clean = toml_file.load(SAMPLE / "muye-gongxin-2024.toml")
    clean.year = 2025
    clean.agency = "云溪县交通运输局"
    toml_file.save(clean, folder / "jtj-2025.toml")
    roster = folder / "units.toml"
    roster.write_text(
        '[[unit]]\nname = "云溪县市场监督管理局"\naliases = ["云溪县市场监管局"]\n\n'
        '[[unit]]\nname = "云溪县文化和旅游局"\nfile = "wlj-2025.toml"\n\n'
        '[[unit]]\nname = "云溪县统计局"\n',
        encoding="utf-8",
    )
    return roster


def test_the_roster_overview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = write_roster(tmp_path)
    inputs = [str(tmp_path / n) for n in ("scjg-2025.toml", "wlj-2025.toml", "jtj-2025.toml")]
    code = main(["aggregate", *inputs, "--roster", str(roster), "--json"])
    assert code == 1  # read and summed, but a unit has errors and one has not filed
    result = json.loads(capsys.readouterr().out)["roster"]
    assert result["missing"] == ["云溪县统计局"]
    assert result["failing"] == [{"unit": "云溪县市场监督管理局", "rules": ["carry_over"]}]
    assert result["copied"] == [
        {
            "unit": "云溪县文化和旅游局",
            "fields": [
                {"field": "（一）主动公开", "share": "100%"},
                {"field": "（一）存在问题", "share": "100%"},
            ],
        }
    ]
    assert result["unlisted"] == [inputs[2]]
    assert (result["units"], result["filed"]) == (3, 2)

    assert main(["aggregate", *inputs, "--roster", str(roster)]) == 1
    text = capsys.readouterr().out
    for expected in (
        "未报送（1）",
        "    云溪县统计局",
        "云溪县市场监督管理局：carry_over",
        "云溪县文化和旅游局：（一）主动公开 100%、（一）存在问题 100%",
        "不在名单上的报告（1）",
    ):
        assert expected in text


def test_without_inputs_the_roster_names_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path)
    assert main(["aggregate", "--roster", str(roster), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert [Path(i["path"]).name for i in result["inputs"]] == ["wlj-2025.toml"]


def test_a_roster_with_mistakes_is_refused_with_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "units.toml"
    roster.write_text(
        '[[unit]]\nname = "甲局"\n\n[[unit]]\nname = "乙局"\nfiles = "x.toml"\n\n[[unit]]\nname = "甲局"\n',
        encoding="utf-8",
    )
    assert main(["aggregate", str(SAMPLE), "--roster", str(roster)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{roster}:6：unit[2].files：不认识这个键（单位只有 name、file、aliases、due）",
        f"{roster}:8：unit[3]：「甲局」在名单中出现了两次（另见 unit[1]）",
    ]


def test_past_thousands_of_agencies_a_duplicate_is_still_found_and_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The table of agencies already counted moves to disk past ``Seen.SPILL`` entries; a
    duplicate on either side of that line is refused just the same."""
    monkeypatch.setattr(Seen, "SPILL", 3)
    seen = Seen()
    for number in range(8):
        seen.add(f"第{number}局", f"reports/{number}.toml")
    assert seen.get("第1局") == "reports/1.toml"  # kept in memory
    assert seen.get("第6局") == "reports/6.toml"  # kept on disk
    assert seen.get("第9局") is None
    seen.close()
