"""The office's decisions in the ledger: every decision and review state, files that change
(or are only copied), refusals, and two processes writing the ledger at once."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.desk_helpers import (
    board,
    desk,
    private_cache_fixture,  # noqa: F401  (autouse fixture)
    sample_fixture,  # noqa: F401  (fixture)
    small_collection,
    units,
)

from govtui.desk import ledger as ledgers
from govtui.errors import SaveError
from govtui.io import toml_file
from govtui.rules.wording import with_table_figures

DAY = "2026-01-20"


def ledger(roster: Path) -> dict[str, Any]:
    return tomllib.loads(roster.with_name("名单.review.toml").read_text(encoding="utf-8"))


def edit(path: Path, change: Any) -> None:
    """Change a unit's tables; its prose is brought to the new figures (as the clerk would),
    so that only the finding under test shows, not narrative's."""
    report = toml_file.load(path)
    change(report)
    report.prose = {k: with_table_figures(report, v) for k, v in report.prose.items()}
    toml_file.save(report, path)


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return small_collection(tmp_path, ["甲局", "乙局", "丙局"])


def run(roster: Path, capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    return desk(str(roster), *words, "--as-of", DAY, capsys=capsys)


def test_approve_and_return(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(three, capsys, "approve", "甲局", "-m", "核对无误", "--by", "李明")
    assert code == 0 and "已通过「甲局」" in out
    code, out, _ = run(three, capsys, "return", "乙局", "-m", "请补充说明", "--by", "王芳")
    assert code == 0
    entries = {u["name"]: u for u in ledger(three)["unit"]}
    assert entries["甲局"]["decision"] == "approved"
    assert entries["甲局"]["by"] == "李明" and entries["甲局"]["comment"] == "核对无误"
    assert entries["甲局"]["date"] == datetime.date(2026, 1, 20)
    assert entries["乙局"]["decision"] == "returned" and entries["乙局"]["by"] == "王芳"
    found = units(board(three, datetime.date(2026, 1, 20)))
    assert (found["甲局"].status, found["乙局"].status, found["丙局"].status) == (
        "approved",
        "returned",
        "clean",
    )


def test_by_defaults_to_the_login_name(
    three: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOGNAME", "zhangsan")
    assert run(three, capsys, "approve", "甲局")[0] == 0
    entries = {u["name"]: u for u in ledger(three)["unit"]}
    assert entries["甲局"]["by"] == "zhangsan"


def test_a_file_changed_after_approval_falls_back(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(three, capsys, "approve", "甲局")
    run(three, capsys, "return", "乙局", "-m", "请改正")
    edit(
        three.parent / "u0-2025.toml",
        lambda r: r.prose.update(
            {"closing.other_matters": "本年度未收取信息处理费，无其他需要报告的事项。"}
        ),
    )
    edit(
        three.parent / "u1-2025.toml",
        lambda r: r.prose.update(
            {"closing.other_matters": "本年度未收取信息处理费，无其他需要报告的事项。"}
        ),
    )
    found = units(board(three, datetime.date(2026, 1, 21)))
    assert found["甲局"].status == "clean" and found["甲局"].notes[0] == "通过后文件已修改"
    assert found["乙局"].status == "clean" and found["乙局"].notes[0] == "已退回后重新报送"


def test_a_folder_copied_without_change_keeps_the_decisions(
    three: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(three, capsys, "approve", "甲局")
    run(three, capsys, "return", "乙局", "-m", "请改正")
    copy = tmp_path / "U盘"
    shutil.copytree(tmp_path / "2024", copy / "2024")
    shutil.copytree(tmp_path / "2025", copy / "2025")
    later = time.time() + 86400
    for path in (copy / "2025").iterdir():
        os.utime(path, (later, later))  # new times, same bytes
    found = units(board(copy / "2025" / "名单.toml", datetime.date(2026, 1, 21)))
    assert found["甲局"].status == "approved"
    assert found["乙局"].status == "returned"


def test_reopen_takes_a_unit_decision_back(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(three, capsys, "approve", "甲局")
    code, out, _ = run(three, capsys, "reopen", "甲局")
    assert code == 0 and "已撤销" in out
    assert units(board(three, datetime.date(2026, 1, 20)))["甲局"].status == "clean"
    assert "decision" not in {u["name"]: u for u in ledger(three)["unit"]}["甲局"]
    code, _, err = run(three, capsys, "reopen", "甲局")
    assert code == 2 and "没有通过或退回的决定" in err


def _broken(roster: Path) -> None:
    """乙局: one application counted twice (a balance error in 自然人 and 总计)."""
    edit(
        roster.parent / "u1-2025.toml",
        lambda r: r.requests["granted"].__setitem__(
            "natural_person", r.requests["granted"]["natural_person"] + 1
        ),
    )


def states(roster: Path, unit: str) -> dict[tuple[str, str], str]:
    found = units(board(roster, datetime.date(2026, 1, 20)))[unit]
    return {(r.finding.rule, r.finding.place): r.review.state for r in found.findings}


def test_dismiss_an_error(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _broken(three)
    code, _, err = run(three, capsys, "dismiss", "乙局", "balance")
    assert code == 2 and "请给出位置" in err and "requests.new.natural_person" in err
    code, _, err = run(three, capsys, "dismiss", "乙局", "balance", "requests.new.total")
    assert code == 2 and "忽略请用 -m 写明理由" in err
    code, out, _ = run(
        three, capsys, "dismiss", "乙局", "balance", "requests.new.total", "-m", "已电话核实"
    )
    assert code == 0, out
    assert states(three, "乙局") == {
        ("balance", "requests.new.natural_person"): "open",
        ("balance", "requests.new.total"): "dismissed",
    }
    run(three, capsys, "dismiss", "乙局", "balance", "requests.new.natural_person", "-m", "核实")
    found = units(board(three, datetime.date(2026, 1, 20)))["乙局"]
    assert found.status == "clean" and found.errors == 0  # dismissed findings do not count
    entry = ledger(three)["finding"][0]
    assert entry["state"] == "dismissed" and entry["comment"] == "核实"
    assert entry["message"].startswith("「自然人」列不平衡")


def test_a_dismissed_finding_that_changes_is_open_again(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken(three)
    run(three, capsys, "dismiss", "乙局", "balance", "requests.new.total", "-m", "核实")
    _broken(three)  # another number: the difference is 2 now
    assert states(three, "乙局")[("balance", "requests.new.total")] == "open"


def test_confirm_then_resolved(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _broken(three)
    code, out, _ = run(
        three, capsys, "confirm", "乙局", "balance", "requests.new.total", "-m", "请改正总计"
    )
    assert code == 0 and "已确认需整改" in out
    assert states(three, "乙局")[("balance", "requests.new.total")] == "confirmed"
    assert units(board(three, datetime.date(2026, 1, 20)))["乙局"].status == "errors"
    edit(
        three.parent / "u1-2025.toml",
        lambda r: r.requests["granted"].__setitem__(
            "natural_person", r.requests["granted"]["natural_person"] - 1
        ),
    )
    found = units(board(three, datetime.date(2026, 1, 21)))["乙局"]
    assert found.status == "clean"
    [resolved] = found.findings
    assert resolved.review.state == "resolved" and resolved.review.comment == "请改正总计"
    assert resolved.finding.place == "requests.new.total"
    assert resolved.finding.is_error


def test_a_confirmed_finding_stays_confirmed_when_its_numbers_change(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken(three)
    run(three, capsys, "confirm", "乙局", "balance", "requests.new.total")
    _broken(three)
    assert states(three, "乙局")[("balance", "requests.new.total")] == "confirmed"


def test_accepted_by_the_unit_and_reopened_by_the_office(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place = "proactive.normative_documents.in_force"

    def accept(report: Any) -> None:
        report.proactive["normative_documents"]["in_force"] += 1
        report.accept("in_force", place, "1 件文件延期")

    edit(three.parent / "u2-2025.toml", accept)
    found = units(board(three, datetime.date(2026, 1, 20)))["丙局"]
    [accepted] = found.findings
    assert accepted.review.state == "accepted" and accepted.review.comment == "1 件文件延期"
    assert found.status == "clean"
    code, _, _ = run(three, capsys, "reopen", "丙局", "in_force", place)
    assert code == 0
    assert states(three, "丙局") == {("in_force", place): "open"}
    assert units(board(three, datetime.date(2026, 1, 20)))["丙局"].status == "warnings"


def test_received_corrects_the_date(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(three, capsys, "received", "甲局", "2026-01-28")
    assert code == 0 and "2026-01-28" in out
    found = units(board(three, datetime.date(2026, 2, 1)))["甲局"]
    assert found.received == datetime.date(2026, 1, 28) and found.late
    code, _, err = run(three, capsys, "received", "甲局", "1月28日")
    assert code == 2 and "不是日期" in err


def test_refusals_name_what_would_work(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(three, capsys, "approve", "丁局")
    assert code == 2 and "名单上没有「丁局」" in err and "甲局、乙局、丙局" in err
    code, _, err = run(three, capsys, "return", "甲局")
    assert code == 2 and "退回请用 -m 写明理由" in err
    code, _, err = run(three, capsys, "confirm", "甲局", "balance")
    assert code == 2 and "没有这条问题" in err
    code, _, err = run(three, capsys, "approve")
    assert code == 2 and "用法" in err
    code, _, err = run(three, capsys, "publish", "甲局")
    assert code == 2 and "不认识的操作" in err
    os.remove(three.parent / "u0-2025.toml")
    code, _, err = run(three, capsys, "approve", "甲局")
    assert code == 2 and "没有可通过的报告" in err


def test_a_hand_broken_ledger_is_named_with_its_line(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three.with_name("名单.review.toml").write_text(
        '[[unit]]\nname = "甲局"\ndecision = "maybe"\n', encoding="utf-8"
    )
    code, _, err = run(three, capsys)
    assert code == 2
    assert "名单.review.toml:1：unit[1]：不认识的状态「maybe」" in err


def test_two_processes_writing_the_ledger_at_once(three: Path) -> None:
    """Each process adds 40 decisions one by one, as fast as it can; every one of both is
    kept (without the lock and the re-read, most of them are lost)."""
    path = three.with_name("名单.review.toml")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent / "src")}
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from govtui.desk import ledger\n"
        "path, unit = Path(sys.argv[1]), sys.argv[2]\n"
        "for number in range(40):\n"
        "    def change(book, number=number):\n"
        "        book.findings[(unit, 'balance', f'p{number}')] = ledger.FindingRecord(\n"
        "            unit, 'balance', f'p{number}', 'confirmed', by=unit)\n"
        "    ledger.update(path, change)\n"
    )
    # "govtui" in the command line: the lock knows a live govtui process by it.
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path), unit, "govtui"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for unit in ("甲局", "乙局")
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    entries = ledger(three)["finding"]
    assert len(entries) == 80
    assert {(e["unit"], e["place"]) for e in entries} == {
        (unit, f"p{n}") for unit in ("甲局", "乙局") for n in range(40)
    }
    assert not list(three.parent.glob(".*govtui-lock"))


def test_decisions_of_two_commands_at_once(three: Path) -> None:
    board(three, datetime.date(2026, 1, 20))  # a warm cache: both spend their time deciding
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent / "src")}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "govtui", "desk", str(three), "approve", unit, "--by", by],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for unit, by in (("甲局", "李明"), ("乙局", "王芳"), ("丙局", "赵强"))
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    decided = {u["name"]: u.get("by") for u in ledger(three)["unit"]}
    assert decided == {"甲局": "李明", "乙局": "王芳", "丙局": "赵强"}


def test_the_sample_ledger_holds_every_review_state(sample: Path) -> None:
    found = board(sample)
    seen = {r.review.state for u in found.units for r in u.findings}
    assert seen == {"open", "accepted", "dismissed", "confirmed", "resolved"}


def test_a_ledger_held_elsewhere_is_waited_for_then_named(
    three: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    path = three.with_name("名单.review.toml")
    lock = three.with_name(".名单.review.toml.govtui-lock")
    lock.write_text(
        'pid = 1\nhost = "另一台服务器"\nuser = "wang"\nsince = "2026-01-20 09:00:00"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(ledgers, "LOCK_WAIT", 0.2)
    with pytest.raises(SaveError, match="正由 wang@另一台服务器") as raised:
        ledgers.update(path, lambda book: None)
    assert str(lock) in str(raised.value)
    assert not path.exists()  # nothing written while someone else holds it
