"""``govtui desk``: statuses, filing dates, last year, the sum, the JSON, the cache, init."""

from __future__ import annotations

import datetime
import importlib.util
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from tests.desk_helpers import (
    board,
    desk,
    desk_json,
    private_cache_fixture,  # noqa: F401  (autouse fixture)
    sample_fixture,  # noqa: F401  (fixture)
    small_collection,
    units,
)

from govtui.desk import indicators
from govtui.desk.board import Board
from govtui.desk.cache import Cache
from govtui.errors import LoadError, SaveError
from govtui.finding import Finding
from govtui.io import roster as rosters
from govtui.io import toml_file
from govtui.places import CellRef

STATUSES = {
    "云溪县市场监督管理局": "approved",
    "云溪县城关镇人民政府": "missing",
    "云溪县统计局": "overdue",
    "云溪县教育局": "clean",
    "云溪县住房和城乡建设局": "returned",
    "云溪县卫生健康委员会": "clean",
    "云溪县交通运输局": "errors",
    "云溪县水利局": "unreadable",
    "云溪县农业农村局": "unreadable",
    "云溪县民政局": "warnings",
    "云溪县人力资源和社会保障局": "clean",
    "云溪县司法局": "clean",
}


def test_the_sample_shows_every_status(sample: Path) -> None:
    found = board(sample)
    assert {u.name: u.status for u in found.units} == STATUSES
    assert {u.status for u in found.units} >= {
        "missing",
        "overdue",
        "unreadable",
        "errors",
        "warnings",
        "clean",
        "returned",
        "approved",
    }


def test_unreadable_units_say_why(sample: Path) -> None:
    found = units(board(sample))
    assert "不是有效的 Word" in found["云溪县水利局"].reason
    two = found["云溪县农业农村局"].reason
    assert two.startswith("有多份报告：")
    assert "农业农村局2025.docx" in two and "农业农村局2025-定稿.md" in two


def test_a_roster_naming_one_of_two_files_uses_it(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8").replace(
        'name = "云溪县农业农村局"\n', 'name = "云溪县农业农村局"\nfile = "农业农村局2025.docx"\n'
    )
    sample.write_text(text, encoding="utf-8")
    unit = units(board(sample))["云溪县农业农村局"]
    assert unit.status == "clean"
    assert unit.read.path.name == "农业农村局2025.docx"
    assert any("农业农村局2025-定稿.md" in note for note in unit.notes)


def test_late_flag_whatever_the_status(sample: Path) -> None:
    found = units(board(sample))
    assert found["云溪县教育局"].late and found["云溪县教育局"].status == "clean"
    assert [name for name, u in found.items() if u.late] == ["云溪县教育局"]


def test_missing_becomes_overdue_when_its_own_due_date_passes(sample: Path) -> None:
    town = "云溪县城关镇人民政府"
    assert units(board(sample, datetime.date(2026, 2, 20)))[town].status == "missing"
    assert units(board(sample, datetime.date(2026, 2, 21)))[town].status == "overdue"


def test_looking_back_before_a_report_came_in(sample: Path) -> None:
    found = units(board(sample, datetime.date(2026, 1, 26), record_received=False))
    assert found["云溪县教育局"].status == "missing"  # received on 01-30
    assert found["云溪县统计局"].status == "missing"  # not yet due
    assert found["云溪县市场监督管理局"].status == "approved"


def test_other_years_and_reports_on_no_roster(sample: Path) -> None:
    found = board(sample)
    assert [r.path.name for r in found.other_years] == ["市场监督管理局2024.toml"]
    assert [(r.path.name, why) for r, why in found.not_on_roster] == [
        ("档案馆2025.toml", "机关「云溪县档案馆」不在名单上")
    ]
    # last year's report of an approved unit is never taken for this year's
    assert units(found)["云溪县市场监督管理局"].read.path.name == "市场监督管理局2025.toml"


def test_last_year_for_every_format(sample: Path) -> None:
    found = units(board(sample))
    for name in ("云溪县教育局", "云溪县住房和城乡建设局", "云溪县交通运输局", "云溪县民政局"):
        unit = found[name]
        assert unit.read.path.suffix in (".docx", ".html", ".md")
        assert unit.previous is not None and unit.previous.parent.name == "2024"
        assert unit.previous_indicators["received"] is not None
    rules = {r.finding.rule for r in found["云溪县民政局"].findings}
    assert "copied_text" in rules  # a cross-year rule on an HTML report


def test_indicators_and_change(sample: Path) -> None:
    unit = units(board(sample))["云溪县市场监督管理局"]
    report = toml_file.load(sample.parent / "市场监督管理局2025.toml")
    last = toml_file.load(sample.parent.parent / "2024" / "市场监督管理局2024.toml")

    def rate(r: object) -> float:
        granted = r.value("requests", "granted", "total") + r.value(  # type: ignore[attr-defined]
            "requests", "partly_granted", "total"
        )
        return granted / r.value("requests", "total", "total")  # type: ignore[attr-defined]

    assert unit.indicators["received"] == report.value("requests", "new", "total")
    assert unit.indicators["disclosure_rate"] == pytest.approx(rate(report))
    assert unit.previous_indicators["disclosure_rate"] == pytest.approx(rate(last))
    moved = indicators.change("disclosure_rate", rate(report), rate(last))
    assert moved is not None
    assert moved.difference == round((rate(report) - rate(last)) * 100, 1)


def test_a_zero_denominator_is_unknown_never_zero() -> None:
    values = indicators.of_counts((0,) * len(indicators.CELLS))
    assert values["disclosure_rate"] is None
    assert values["review_corrected_rate"] is None
    assert indicators.show("disclosure_rate", None) == "—"
    assert values["received"] == 0


def test_the_sum_counts_every_read_unit_and_says_it_is_provisional(sample: Path) -> None:
    found = board(sample)
    counted = {u.name for u in found.counted}
    assert counted == {
        n for n, s in STATUSES.items() if s not in ("missing", "overdue", "unreadable")
    }
    assert [u.name for u in found.provisional] == ["云溪县住房和城乡建设局", "云溪县交通运输局"]


def test_sum_file(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.toml"
    code, text, _ = desk(str(sample), "--as-of", "2026-02-05", "--sum", str(out), capsys=capsys)
    assert code == 1
    assert "已写出汇总报告" in text and "暂定" in text
    summed = toml_file.load(out)
    found = board(sample)
    assert summed.agency == "云溪县人民政府办公室" and summed.year == 2025
    assert summed.value("requests", "new", "total") == sum(
        u.indicators["received"] for u in found.counted
    )
    head = out.read_text(encoding="utf-8").split("\n[report]")[0]
    assert "计入 8 个单位" in head and "云溪县统计局（逾期未报送）" in head
    assert "暂定：汇总含有未解决问题的报告（云溪县住房和城乡建设局、云溪县交通运输局）" in head
    # A sum written into the collection's folder is no unit's report on the next runs.
    out2 = sample.parent / "汇总.toml"
    desk(str(sample), "--as-of", "2026-02-05", "--sum", str(out2), capsys=capsys)
    again = board(sample)
    assert [r.path.name for r, _ in again.not_on_roster] == ["档案馆2025.toml"]
    assert {u.name: u.status for u in again.units} == STATUSES


def test_json_shape(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = desk_json(sample, capsys)
    assert list(data) == ["collection", "as_of", "units", "sum", "not_on_roster", "other_years"]
    assert data == board(sample).as_json()  # streamed by the command, whole for the API
    assert data["as_of"] == "2026-02-05"
    assert data["collection"]["agency"] == "云溪县人民政府办公室"
    assert data["collection"]["due"] == "2026-01-26"
    issue_keys = {
        "name",
        "file",
        "status",
        "late",
        "received",
        "errors",
        "warnings",
        "findings",
        "indicators",
        "previous_indicators",
    }
    for unit in data["units"]:
        assert issue_keys <= set(unit)
    by_name = {u["name"]: u for u in data["units"]}
    transport = by_name["云溪县交通运输局"]
    assert transport["received"] == "2026-01-23" and transport["late"] is False
    confirmed = next(f for f in transport["findings"] if f["review"]["state"] == "confirmed")
    assert {"rule", "severity", "section", "row", "column", "expected", "actual", "message"} <= set(
        confirmed
    )
    assert confirmed["review"] == {
        "state": "confirmed",
        "comment": "商业企业一栏多计 1 件，请改正",
        "by": "王芳",
        "date": "2026-01-29",
    }
    open_one = next(
        f for f in by_name["云溪县民政局"]["findings"] if f["review"]["state"] == "open"
    )
    assert open_one["review"] == {"state": "open", "comment": None, "by": None, "date": None}
    assert set(data["sum"]) >= {"units", "provisional", "indicators"}
    assert data["sum"]["provisional"] is True
    assert data["sum"]["indicators"]["received"] == sum(
        by_name[n]["indicators"]["received"] for n in data["sum"]["units"]
    )
    assert by_name["云溪县统计局"]["indicators"] == {}
    assert data["other_years"] == [
        {
            "path": str(sample.parent / "市场监督管理局2024.toml"),
            "agency": "云溪县市场监督管理局",
            "year": 2024,
        }
    ]


def test_text_output_and_exit_status(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = desk(str(sample), "--as-of", "2026-02-05", capsys=capsys)
    assert code == 1
    lines = out.splitlines()
    line = next(x for x in lines if x.strip().startswith("云溪县教育局"))
    assert "无问题" in line and "逾期报送" in line
    assert any("汇总（暂定）" in x for x in lines)
    assert "其他年度（1）" in out and "不在名单上的报告（1）" in out


def test_exit_0_when_all_is_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = small_collection(tmp_path, ["甲局", "乙局"])
    code, out, _ = desk(str(roster), "--as-of", "2026-01-20", capsys=capsys)
    assert code == 0, out
    assert out.count("无问题") == 2


def test_exit_2_when_the_roster_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "名单.toml"
    roster.write_text(
        '[collection]\ndue = "2026-01-26"\n[[unit]]\nname = "甲局"\n', encoding="utf-8"
    )
    code, _, err = desk(str(roster), capsys=capsys)
    assert code == 2
    assert "名单.toml:2：collection.due：日期应写成 TOML 日期" in err


def test_a_bad_unit_file_never_stops_the_run(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局", "乙局"])
    (roster.parent / "u0-2025.toml").write_bytes(b"\xff\xfe garbage [[[")
    result = board(roster, record_received=False)
    found = units(result)
    assert found["乙局"].status == "clean"
    # An unreadable file that no unit names belongs to no unit: listed with the reason.
    assert found["甲局"].status == "overdue"
    [(read, why)] = result.not_on_roster
    assert read.path.name == "u0-2025.toml" and why.startswith("无法读取：")


def test_old_rosters_keep_working() -> None:
    roster = rosters.load(Path(__file__).parent.parent / "sample" / "roster" / "units-2024.toml")
    assert roster.collection == rosters.Collection()
    assert [u.name for u in roster.units][-1] == "云溪县统计局"


def test_roster_collection_keys(tmp_path: Path) -> None:
    roster = tmp_path / "r.toml"
    roster.write_text(
        '[collection]\nagency = "办"\nyear = 2025\ndue = 2026-01-26\nprevious = "../a.toml"\n'
        'report = "own.toml"\n[[unit]]\nname = "甲"\ndue = 2026-02-01\n',
        encoding="utf-8",
    )
    loaded = rosters.load(roster)
    assert loaded.collection.due == datetime.date(2026, 1, 26)
    assert loaded.collection.previous == tmp_path.parent / "a.toml"
    assert loaded.due(loaded.units[0]) == datetime.date(2026, 2, 1)
    roster.write_text('[collection]\nyeer = 2025\n[[unit]]\nname = "甲"\n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"collection\.yeer"):
        rosters.load(roster)


@pytest.mark.parametrize(
    ("year", "said"),
    [("20250", "年度 20250 不合理：应为四位数的年份"), ('"2025"', "年度应为整数")],
)
def test_a_roster_year_is_checked_as_a_reports_year(tmp_path: Path, year: str, said: str) -> None:
    """The roster's year is refused with the words the report's own year gets, at its line."""
    roster = tmp_path / "r.toml"
    roster.write_text(f'[collection]\nyear = {year}\n[[unit]]\nname = "甲"\n', encoding="utf-8")
    with pytest.raises(LoadError) as raised:
        rosters.load(roster)
    assert f"r.toml:2：collection.year：{said}" in raised.value.describe()


def test_a_second_run_with_nothing_changed_parses_nothing(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = board(sample)
    assert first.parsed > 0

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a report was parsed")

    monkeypatch.setattr("govtui.io.reading.read_report", no_reading)
    second = board(sample)
    assert second.parsed == 0
    assert [u.status for u in second.units] == [u.status for u in first.units]


def test_a_changed_file_is_read_again_and_only_it(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局", "乙局", "丙局"])
    board(roster)
    path = roster.parent / "u1-2025.toml"
    report = toml_file.load(path)
    report.requests["granted"]["natural_person"] += 1
    toml_file.save(report, path)
    again = board(roster)
    assert again.parsed == 1
    assert units(again)["乙局"].status == "errors"


def test_copying_between_units_is_judged_again_when_one_units_prose_changes(
    sample: Path,
) -> None:
    """The comparison across units is cached with the units' files: from the cache it finds
    what it found; when the unit copied from rewrites its paragraph, the unit that copied it
    (whose file did not change) is no longer told."""

    def copied(found: Board) -> dict[str, set[str]]:
        return {
            u.name: {r.finding.field for r in u.findings if r.finding.rule == "copied_from_unit"}
            for u in found.units
            if any(r.finding.rule == "copied_from_unit" for r in u.findings)
        }

    first = copied(board(sample))
    assert first == {
        "云溪县交通运输局": {"overview.platforms"},
        "云溪县民政局": {"overview.platforms"},
    }
    assert copied(board(sample)) == first  # from the cache
    source = sample.parent / "交通运输局2025.md"
    text = source.read_text(encoding="utf-8")
    paragraph = next(
        line for line in text.splitlines() if line.startswith("交通运输局在县政府门户网站")
    )
    own = "本局依托县交通出行服务平台，逐月更新农村客运班次、公路养护里程和治超执法统计，全年答复网民留言43条。"
    source.write_text(text.replace(paragraph, own), encoding="utf-8")
    assert copied(board(sample)) == {}


def test_units_are_told_one_by_one_only_while_reports_are_still_read(tmp_path: Path) -> None:
    """``arrived`` (the desk screen filling its table) hears of every unit of a collection
    being read, and of none when everything came from the cache: the board follows at once."""
    roster = small_collection(tmp_path, ["甲局", "乙局", "丙局"])
    heard: list[object] = []
    first = board(roster, arrived=lambda view: heard.append(view.name))
    assert sorted(heard) == sorted(u.name for u in first.units)
    heard.clear()
    board(roster, arrived=lambda view: heard.append(view.name))
    assert heard == []
    path = roster.parent / "u1-2025.toml"
    report = toml_file.load(path)
    report.requests["granted"]["natural_person"] += 1
    toml_file.save(report, path)
    board(roster, arrived=lambda view: heard.append((view.name, view.status)))
    assert sorted(heard) == [("丙局", "clean"), ("乙局", "errors"), ("甲局", "clean")]


def test_last_years_file_changing_invalidates_the_cache(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局"])
    assert units(board(roster))["甲局"].status == "clean"
    last = tmp_path / "2024" / "u0-2024.toml"
    report = toml_file.load(last)
    report.requests["carried_forward"]["natural_person"] += 1
    toml_file.save(report, last)
    again = units(board(roster))["甲局"]
    assert again.status == "errors"
    assert {r.finding.rule for r in again.findings} == {"carry_over"}


def test_received_dates_are_recorded_once(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局"])
    board(roster, datetime.date(2026, 1, 10))
    board(roster, datetime.date(2026, 1, 30))
    ledger = tomllib.loads(roster.with_name("名单.review.toml").read_text(encoding="utf-8"))
    assert ledger["unit"] == [{"name": "甲局", "received": datetime.date(2026, 1, 10)}]
    assert units(board(roster, datetime.date(2026, 2, 1)))["甲局"].late is False


def test_unit_matched_by_alias(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局"])
    text = roster.read_text(encoding="utf-8").replace(
        'name = "甲局"', 'name = "甲县甲局"\naliases = ["甲局"]'
    )
    roster.write_text(text, encoding="utf-8")
    unit = units(board(roster))["甲县甲局"]
    assert unit.status == "clean"
    # renamed since last year: last year's unit is found under the alias
    assert unit.previous == tmp_path / "2024" / "u0-2024.toml"
    last = tmp_path / "2024" / "名单.toml"
    last.write_text(last.read_text(encoding="utf-8").replace("甲局", "别的局"), encoding="utf-8")
    unit = units(board(roster))["甲县甲局"]
    assert unit.previous is None
    assert any("上年名单中没有找到" in n for n in unit.notes)


# --------------------------------------------------------------------------- init


def test_init_from_a_folder(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sample.parent.parent / "2024"
    out = tmp_path / "新名单.toml"
    code, text, _ = desk("init", str(folder), "-o", str(out), capsys=capsys)
    assert code == 0, text
    made = rosters.load(out)
    assert made.collection.year == 2024
    assert len(made.units) == 12
    assert all(u.file is not None and u.file.is_file() for u in made.units)
    found = board(out, datetime.date(2025, 1, 10))
    assert {u.status for u in found.units} <= {"clean", "warnings"}
    code, _, err = desk("init", str(folder), "-o", str(out), capsys=capsys)
    assert code == 2 and "已存在" in err


def test_init_from_a_folder_lists_what_it_did_not_take(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sample.parent
    os.remove(sample)
    code, text, _ = desk("init", str(folder), capsys=capsys)
    assert code == 0
    made = rosters.load(folder / "名单.toml")
    names = {u.name: u for u in made.units}
    assert "云溪县农业农村局" in names and names["云溪县农业农村局"].file is None
    assert "有多份报告" in text and "水利局2025.docx 无法读取" in text
    assert "市场监督管理局2024.toml 是 2024 年的报告" in text


def test_init_from_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = tmp_path / "单位.txt"
    names.write_text("甲局\n\n乙局\n甲局\n", encoding="utf-8")
    code, _, _ = desk("init", str(names), capsys=capsys)
    assert code == 0
    made = rosters.load(tmp_path / "名单.toml")
    assert [(u.name, u.file) for u in made.units] == [("甲局", None), ("乙局", None)]


def test_sample_script_makes_the_committed_statuses(tmp_path: Path) -> None:

    spec = importlib.util.spec_from_file_location(
        "make_desk_sample", Path(__file__).parent.parent / "tools" / "make_desk_sample.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make(tmp_path / "made")
    found = board(tmp_path / "made" / "2025" / "名单.toml")
    assert {u.name: u.status for u in found.units} == STATUSES
    shutil.rmtree(tmp_path / "made")


def test_the_readme_shows_real_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's desk listings are what the command prints on the sample (looking back
    with --as-of records nothing, so the sample is left as it is)."""
    root = Path(__file__).parent.parent
    monkeypatch.chdir(root)
    readme = (root / "README.md").read_text(encoding="utf-8")
    ledger = (root / "sample/desk/2025/名单.review.toml").read_bytes()
    for command in (
        "govtui desk sample/desk/2025/名单.toml --as-of 2026-02-05",
        "govtui desk sample/desk/2025/名单.toml --as-of 2026-02-05 show 云溪县交通运输局",
    ):
        _, out, _ = desk(*command.split()[2:], capsys=capsys)
        assert f"$ {command}\n{out}```" in readme
    assert (root / "sample/desk/2025/名单.review.toml").read_bytes() == ledger


def test_a_collection_that_cannot_be_written_can_still_be_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    roster = small_collection(tmp_path, ["甲局"])

    def read_only(*args: object) -> None:
        raise SaveError("无法保存 名单.review.toml：文件系统是只读的")

    monkeypatch.setattr("govtui.desk.ledger.update", read_only)
    found = board(roster)
    assert units(found)["甲局"].status == "clean"
    assert found.notes == ["收到日期未能记入审核记录：无法保存 名单.review.toml：文件系统是只读的"]


def test_a_named_file_of_another_year_is_not_this_years_report(tmp_path: Path) -> None:
    roster = small_collection(tmp_path, ["甲局"])
    text = roster.read_text(encoding="utf-8").replace(
        'name = "甲局"\n', 'name = "甲局"\nfile = "../2024/u0-2024.toml"\n'
    )
    roster.write_text(text, encoding="utf-8")
    unit = units(board(roster))["甲局"]
    assert unit.status == "unreadable"
    assert unit.reason == "是 2024 年的报告，本次收的是 2025 年"


def test_another_roster_among_the_reports_is_nobodys_report(sample: Path) -> None:
    shutil.copy(sample.parent.parent / "2024" / "名单.toml", sample.parent / "上年名单.toml")
    found = board(sample)
    assert [r.path.name for r, _ in found.not_on_roster] == ["档案馆2025.toml"]
    assert {u.name: u.status for u in found.units} == STATUSES


def test_the_offices_own_report_against_the_sum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = small_collection(tmp_path, ["甲局", "乙局"])
    own = roster.parent / "本级.toml"
    found = board(roster)
    report = found.sum_report("某县政府办公室")
    report.prose = toml_file.load(roster.parent / "u0-2025.toml").prose
    toml_file.save(report, own)
    text = roster.read_text(encoding="utf-8").replace(
        "[collection]\n", '[collection]\nreport = "本级.toml"\n'
    )
    roster.write_text(text, encoding="utf-8")
    office = board(roster).office
    assert office is not None and office.path == own
    assert [f for f in office.findings if f.rule == "parent_sum"] == []
    report.proactive["licensing"]["decisions"] += 5
    toml_file.save(report, own)
    again = board(roster)
    assert again.office is not None
    [off] = [f for f in again.office.findings if f.rule == "parent_sum"]
    assert off.place == "proactive.licensing.decisions"
    assert off.actual == off.expected + 5
    assert "2 个单位" in off.message
    assert [u.name for u in again.counted] == ["甲局", "乙局"]  # its own report is no unit's
    data = desk_json(roster, capsys)
    office_json = data["sum"]["office"]
    assert office_json["file"] == str(own)
    assert [f["place"] for f in office_json["findings"] if f["rule"] == "parent_sum"] == [
        "proactive.licensing.decisions"
    ]
    _, out, _ = desk(str(roster), "--as-of", "2026-02-05", capsys=capsys)
    assert "本机关报告" in out and "1 处与所汇总单位之和不一致" in out


def test_other_code_reads_everything_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached outcome belongs to the code that found it: after an upgrade (a new rule)
    every report is read again."""
    roster = small_collection(tmp_path, ["甲局", "乙局"])
    board(roster)
    assert board(roster).parsed == 0
    monkeypatch.setattr("govtui.desk.cache.code_version", lambda: "another govtui")
    assert board(roster).parsed == 4  # two reports, and last year's two found by agency


def test_a_finding_comes_back_from_the_cache_whole(tmp_path: Path) -> None:
    """Every field of a cached finding — its place, what was expected, the reason a warning
    was accepted, the profile — is there when a later look takes it from the cache."""
    finding = Finding(
        rule="swing",
        severity="warning",
        section="三",
        message="与上年相比变化很大",
        row="本年新收政府信息公开申请数量",
        column="自然人",
        expected=12,
        actual="120",
        cells=(CellRef("requests", "new", "natural_person"),),
        field="",
        accepted="今年机构合并",
        profile="govtui.toml",
    )
    cache = Cache(tmp_path / "cache.sqlite3")
    cache.put("k", (finding,))
    cache.close()
    (back,) = Cache(tmp_path / "cache.sqlite3").get("k")
    assert back == finding and back.place == finding.place
