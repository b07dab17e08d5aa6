"""Accepted warnings: stored in the file, shown as accepted, not counted; errors never accepted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govtui.cli import main
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.model import Acceptance
from govtui.rules import Finding, apply_acceptances, check, count, unused_acceptances

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ACCEPTED = FIXTURES / "yunxi-scjg-2025-accepted.toml"


def test_a_file_with_previous_and_acceptances_saves_byte_for_byte() -> None:
    text = ACCEPTED.read_text(encoding="utf-8")
    report = toml_file.loads(text)
    assert report.previous == "../../sample/yunxi-scjg-2024.toml"
    assert report.accepted == [
        Acceptance(
            rule="in_force",
            place="proactive.normative_documents.in_force",
            reason="2 件行政规范性文件经清理后继续有效，上年末统计时漏计",
        )
    ]
    assert toml_file.dumps(report) == text


@pytest.mark.parametrize("name", ["muye-gongxin-2024.toml", "yunxi-scjg-2024.toml"])
def test_files_without_them_are_unchanged(name: str) -> None:
    text = (SAMPLE / name).read_text(encoding="utf-8")
    out = toml_file.dumps(toml_file.loads(text))
    assert out == text
    assert "previous" not in out and "accepted" not in out


def test_a_multiline_reason_round_trips() -> None:
    report = toml_file.load(ACCEPTED)
    report.accepted = [
        Acceptance(rule="copied_text", place="closing.problems", reason='第一行\n第二行 "引号"'),
        *report.accepted,
    ]
    again = toml_file.loads(toml_file.dumps(report))
    assert again == report


def _with_acceptance(rule: str, place: str, reason: str, extra: str = "") -> str:
    text = ACCEPTED.read_text(encoding="utf-8")
    return (
        text + f'\n[[accepted]]\nrule = "{rule}"\nplace = "{place}"\nreason = "{reason}"\n{extra}'
    )


def _problems(text: str) -> str:
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "r.toml")
    return caught.value.describe()


def _line_of(text: str, needle: str, occurrence: int = -1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence]


def test_an_error_cannot_be_accepted() -> None:
    text = _with_acceptance("balance", "requests.new.total", "数字以后再改")
    assert _problems(text) == (
        f"r.toml:{_line_of(text, 'rule = ')}：accepted[2].rule：「balance」是错误，错误不能接受，只能改正"
    )


def test_acceptance_problems_name_the_entry_and_its_line() -> None:
    text = _with_acceptance("in_forse", "proactive.nowhere.in_force", "  ", "colour = 1\n")
    problems = _problems(text).splitlines()  # in the order of the file's lines
    assert problems[0].startswith(
        f"r.toml:{_line_of(text, 'in_forse')}：accepted[2].rule：不认识的规则「in_forse」"
    )
    assert "copied_text" in problems[0] and "in_force" in problems[0]
    assert problems[1] == (
        f"r.toml:{_line_of(text, 'nowhere')}：accepted[2].place："
        "位置「proactive.nowhere.in_force」不是报告中的文字栏目或表格单元格"
    )
    assert (
        problems[2]
        == f"r.toml:{_line_of(text, 'reason = ')}：accepted[2].reason：接受警告必须写明理由"
    )
    assert problems[3].startswith(
        f"r.toml:{_line_of(text, 'colour')}：accepted[2].colour：不认识这个键"
    )


def test_the_same_warning_accepted_twice_is_refused() -> None:
    text = _with_acceptance("in_force", "proactive.normative_documents.in_force", "又一次")
    assert (
        "accepted[2]：同一条警告（in_force，proactive.normative_documents.in_force）接受了两次"
        in _problems(text)
    )


def test_check_marks_the_accepted_warning_and_does_not_count_it() -> None:
    report = toml_file.load(ACCEPTED)
    last = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    findings = check(report, previous=last)
    assert [(f.rule, f.accepted) for f in findings] == [
        ("in_force", "2 件行政规范性文件经清理后继续有效，上年末统计时漏计")
    ]
    assert count(findings) == (0, 0, 1)
    assert unused_acceptances(findings, report.accepted) == []
    # Fixed: the warning is gone, and the acceptance is reported as no longer needed.
    report.proactive["normative_documents"]["in_force"] = 11
    assert unused_acceptances(check(report, previous=last), report.accepted) == report.accepted
    # Without last year's report the cross-year rule did not run: its acceptance is not judged.
    assert unused_acceptances(check(report), report.accepted, previous=False) == []


def test_apply_acceptances_never_marks_an_error() -> None:
    error = Finding("balance", "error", "三", "不平衡", cells=())
    warning = Finding("fee_statement", "warning", "六", "没说", field="closing.other_matters")
    accepted = [
        # The model refuses to accept an error; one built around it is still not applied.
        Acceptance.model_construct(rule="balance", place=error.place, reason="以后再改"),
        Acceptance(rule="fee_statement", place="closing.other_matters", reason="另行公告"),
    ]
    marked = apply_acceptances([error, warning], accepted)
    assert [f.accepted for f in marked] == ["", "另行公告"]
    assert count(marked) == (1, 0, 1)


def test_check_cli_shows_the_reason_and_json_marks_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ACCEPTED)]) == 0
    out = capsys.readouterr().out
    assert "✓ 没有错误（另有 1 个警告已接受）" in out
    assert "已接受 [in_force] 行政规范性文件 / 现行有效件数" in out
    assert "接受理由：2 件行政规范性文件经清理后继续有效" in out
    assert main(["check", "--json", str(ACCEPTED)]) == 0
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert (entry["ok"], entry["errors"], entry["warnings"], entry["accepted"]) == (True, 0, 0, 1)
    finding = entry["findings"][0]
    assert finding["accepted"].startswith("2 件行政规范性文件")
    # The spec's keys, and the reason only because it was accepted.
    assert set(finding) == {
        "rule",
        "severity",
        "section",
        "row",
        "column",
        "expected",
        "actual",
        "message",
        "accepted",
    }


def test_accept_command_records_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "2025"
    folder.mkdir()
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", tmp_path)
    target = folder / "r.toml"
    report = toml_file.load(FIXTURES / "yunxi-scjg-2025-in-force.toml")
    report.previous = "../yunxi-scjg-2024.toml"
    toml_file.save(report, target)
    assert main(["accept", str(target)]) == 0
    assert "in_force proactive.normative_documents.in_force" in capsys.readouterr().out
    assert main(["accept", str(target), "in_force"]) == 2  # no reason
    assert main(["accept", str(target), "in_force", "-m", "两件文件有效期延长"]) == 0
    assert toml_file.load(target).accepted == [
        Acceptance(
            rule="in_force",
            place="proactive.normative_documents.in_force",
            reason="两件文件有效期延长",
        )
    ]
    capsys.readouterr()
    assert main(["check", str(target)]) == 0
    assert "接受理由：两件文件有效期延长" in capsys.readouterr().out


def test_accept_command_refuses_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "broken.toml"
    shutil.copy(SAMPLE / "yunxi-scjg-2024-broken.toml", target)
    before = target.read_bytes()
    assert main(["accept", str(target), "balance", "requests.new.total", "-m", "不改了"]) == 2
    assert "错误不能接受" in capsys.readouterr().err
    assert target.read_bytes() == before
    # Also when the report has no such error at the moment.
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", target)
    assert main(["accept", str(target), "carry_over", "-m", "以后再改"]) == 2
    assert "错误不能接受" in capsys.readouterr().err
    assert toml_file.load(target).accepted == []


def test_check_notes_an_acceptance_whose_warning_is_gone_but_not_without_last_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = toml_file.load(ACCEPTED)
    report.proactive["normative_documents"]["in_force"] = 11  # corrected
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", tmp_path / "last.toml")
    report.previous = "last.toml"
    path = tmp_path / "this.toml"
    toml_file.save(report, path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已接受的警告 [in_force] 行政规范性文件 / 现行有效件数 已不再出现" in out
    (tmp_path / "last.toml").unlink()  # without last year, in_force cannot be judged
    main(["check", str(path)])
    assert "已不再出现" not in capsys.readouterr().out
