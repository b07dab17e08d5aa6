"""``govtui check`` with last year's report: named in the file, given, missing or wrong."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from govtui.cli import main
from govtui.io import toml_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code = main(["check", "--json", *args])
    return code, json.loads(capsys.readouterr().out)["files"]


def test_the_predecessor_named_in_the_file_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    code, files = run_json(capsys, str(FIXTURES / "yunxi-scjg-2025-carry-over.toml"))
    assert code == 1
    assert Path(files[0]["previous"]).resolve() == SAMPLE / "yunxi-scjg-2024.toml"
    assert [f["rule"] for f in files[0]["findings"]] == ["carry_over", "carry_over"]


def test_previous_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    this = str(SAMPLE / "yunxi-scjg-2024.toml")
    code, files = run_json(capsys, this, "--previous", str(SAMPLE / "yunxi-scjg-2023.toml"))
    assert (code, files[0]["findings"]) == (0, [])
    assert files[0]["previous"].endswith("yunxi-scjg-2023.toml")
    # Given the wrong year's report, the cross-year rules are not run and a note says why.
    code, files = run_json(capsys, this, "--previous", str(SAMPLE / "yunxi-scjg-2025.toml"))
    assert code == 0 and "previous" not in files[0]
    assert files[0]["notes"] == [
        f"上年报告 {SAMPLE / 'yunxi-scjg-2025.toml'} 是 2025 年的，不是 2023 年的：未做跨年度校验。"
    ]
    assert main(["check", this, this, "--previous", this]) == 2
    assert "--previous" in capsys.readouterr().err


def test_a_missing_predecessor_is_a_note_not_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = toml_file.load(FIXTURES / "yunxi-scjg-2025-carry-over.toml")
    report.previous = "../2024/gone.toml"
    toml_file.save(report, tmp_path / "r.toml")
    code, files = run_json(capsys, str(tmp_path / "r.toml"))
    assert code == 0  # the carry-over error cannot be seen without last year's report
    assert files[0]["notes"] == [
        f"上年报告 {tmp_path.parent / '2024' / 'gone.toml'} 文件不存在：未做跨年度校验。"
    ]
    assert main(["check", str(tmp_path / "r.toml")]) == 0
    assert "注意：上年报告" in capsys.readouterr().out


def test_copied_threshold_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    this = str(SAMPLE / "yunxi-scjg-2025.toml")
    _, files = run_json(capsys, this)
    assert files[0]["findings"] == []
    _, files = run_json(capsys, this, "--copied-threshold", "30%")
    shares = [(f["row"], f["actual"]) for f in files[0]["findings"]]
    assert shares and all(int(share.rstrip("%")) > 30 for _, share in shares)
    _, again = run_json(capsys, this, "--copied-threshold", "0.3")
    assert again == files
    with pytest.raises(SystemExit):
        main(["check", this, "--copied-threshold", "1.5"])
    assert "应在 0 和 1" in capsys.readouterr().err


def test_many_files_in_worker_processes_give_the_same_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(70):
        source = ("yunxi-scjg-2024-broken.toml", "yunxi-scjg-2024.toml", "muye-gongxin-2024.toml")[
            index % 3
        ]
        shutil.copy(SAMPLE / source, tmp_path / f"{index:03}.toml")
    (tmp_path / "050.toml").write_text("schema = 1\n", encoding="utf-8")
    assert main(["check", "--json", "-j", "1", str(tmp_path)]) == 2
    alone = capsys.readouterr().out
    assert main(["check", "--json", "-j", "2", str(tmp_path)]) == 2
    assert capsys.readouterr().out == alone
    files = json.loads(alone)["files"]
    assert [Path(f["path"]).name for f in files] == [f"{i:03}.toml" for i in range(70)]
    assert files[50]["ok"] is False and "unreadable" in files[50]
