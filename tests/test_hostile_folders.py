"""What in a folder is a report: govtui's other files beside the reports never fail a run.

The collecting office's folder holds, beside the bureaus' reports, the roster (``[[unit]]``),
the desk's ledgers (``*.review.toml``), the rule profile (``govtui.toml``), an editor's lock,
backup (``~``) and recovery copy, exports beside their reports, and whatever a shared drive
leaves: a named pipe, a dangling link, a folder named ``x.toml``. None is a report; each is
listed as skipped with what it is, in ``check``'s output and JSON and ``aggregate``'s listing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govtui.cli import main

SAMPLES = Path(__file__).parent.parent / "sample"
REPORTS = ("yunxi-scjg-2024.toml", "muye-gongxin-2024.toml")
SKIPPED = {
    "units.toml": "单位名单（[[unit]]）",
    "yunxi.review.toml": "审阅台账（.review.toml）",
    "govtui.toml": "规则配置（govtui.toml）",
    ".yunxi-scjg-2024.toml.govtui-lock": "锁文件（有人正在用 govtui 编辑旁边的报告）",
    ".yunxi-scjg-2024.toml.govtui-lock.4242.tmp": "锁文件（有人正在用 govtui 编辑旁边的报告）",
    "yunxi-scjg-2024.toml~": "备份（编辑器保存前的上一版）",
    ".yunxi-scjg-2024.toml.govtui-recover": "恢复副本（编辑器未保存的修改）",
    "pipe.toml": "不是普通文件（命名管道）",
    "gone.toml": "失效的链接（指向的文件不存在）",
    "old.toml": "文件夹（名字像报告文件，但不是文件）",
    "yunxi-scjg-2024.md": "导出文件（旁边同名 .toml 报告的导出，不另校验）",
}


def office_folder(folder: Path) -> Path:
    folder.mkdir()
    for name in REPORTS:
        shutil.copyfile(SAMPLES / name, folder / name)
    shutil.copyfile(SAMPLES / "roster" / "units-2024.toml", folder / "units.toml")
    (folder / "yunxi.review.toml").write_text('[[review]]\nunit = "云溪县"\n', encoding="utf-8")
    (folder / "govtui.toml").write_text("[rules]\ncopied_threshold = 0.6\n", encoding="utf-8")
    (folder / ".yunxi-scjg-2024.toml.govtui-lock").write_text("pid = 1\n", encoding="utf-8")
    (folder / ".yunxi-scjg-2024.toml.govtui-lock.4242.tmp").write_text("", encoding="utf-8")
    shutil.copyfile(SAMPLES / REPORTS[0], folder / f"{REPORTS[0]}~")
    shutil.copyfile(SAMPLES / REPORTS[0], folder / f".{REPORTS[0]}.govtui-recover")
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.md", folder / "yunxi-scjg-2024.md")
    os.mkfifo(folder / "pipe.toml")
    (folder / "gone.toml").symlink_to(folder / "nowhere.toml")
    (folder / "old.toml").mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")  # not report-like: not mentioned
    return folder


def test_check_lists_each_skipped_entry_with_what_it_is(tmp_path: Path) -> None:
    folder = office_folder(tmp_path / "reports")
    result = subprocess.run(
        [sys.executable, "-m", "govtui", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in REPORTS:
        assert f"{name}  ✓ 没有错误" in result.stdout
    for name, what in SKIPPED.items():
        if name.endswith(".md"):
            continue
        assert f"  {folder / name}  {what}" in result.stdout
    assert "另有 1 个导出文件与同名 .toml 报告并列，不另校验。" in result.stdout
    assert "共 2 个文件：0 个有错误，0 个无法读取；跳过 11 个不是报告的文件。" in result.stdout
    assert "photo.jpg" not in result.stdout


def test_check_json_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = office_folder(tmp_path / "reports")
    assert main(["check", "--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {Path(f["path"]).name for f in data["files"]} == set(REPORTS)
    assert {Path(s["path"]).name: s["skipped"] for s in data["skipped"]} == SKIPPED


def test_aggregate_sums_the_reports_and_lists_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = office_folder(tmp_path / "reports")
    out = tmp_path / "汇总.toml"
    args = ["aggregate", str(folder), "-o", str(out), "--agency", "汇总单位"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "跳过（不是报告，10 个）：" in text
    assert f"  {folder / 'units.toml'}  单位名单（[[unit]]）" in text
    assert "计入 2 份" in text and out.exists()
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {Path(s["path"]).name: s["skipped"] for s in data["skipped"]} == SKIPPED
    assert data["totals"]["counted"] == 2


def test_a_roster_named_on_the_command_line_is_skipped_not_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = SAMPLES / "roster" / "units-2024.toml"
    assert main(["check", str(roster), str(SAMPLES / REPORTS[0])]) == 0
    out = capsys.readouterr().out
    assert f"  {roster}  单位名单（[[unit]]）" in out


def test_a_broken_toml_that_is_no_roster_is_still_unreadable(tmp_path: Path) -> None:
    (tmp_path / "r.toml").write_text('[[unit]]\nname = "x"\n[report]\n', encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
