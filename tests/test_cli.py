"""The ``govtui`` command as a user runs it: exit codes, output, files written."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govtui import __version__
from govtui.cli import main
from govtui.cli.layout import width
from govtui.io import toml_file

SAMPLES = Path(__file__).parent.parent / "sample"
CLEAN = SAMPLES / "yunxi-scjg-2024.toml"
BROKEN = SAMPLES / "yunxi-scjg-2024-broken.toml"
SEED = SAMPLES / "muye-gongxin-2024.toml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtui", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_clean_samples_pass_and_the_broken_one_fails() -> None:
    assert run("check", CLEAN, SEED).returncode == 0
    result = run("check", BROKEN)
    assert result.returncode == 1
    assert "勾稽关系：一＋二＝（七）总计＋四 / 自然人" in result.stdout
    assert "勾稽关系：一＋二＝（七）总计＋四 / 法律服务机构" in result.stdout
    assert "三、收到和处理政府信息公开申请情况" in result.stdout


def test_check_a_folder_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLES), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    files = {Path(f["path"]).name: f for f in data["files"]}
    # A folder means every report in it, once: an export beside its .toml is not another report.
    assert set(files) == {p.name for p in SAMPLES.glob("*.toml")}
    broken = files[BROKEN.name]
    assert (broken["ok"], broken["errors"], broken["warnings"]) == (False, 3, 3)
    first = next(f for f in broken["findings"] if f["rule"] == "balance")
    assert set(first) == {
        "rule",
        "severity",
        "section",
        "row",
        "column",
        "expected",
        "actual",
        "message",
    }
    assert (first["rule"], first["column"], first["expected"], first["actual"]) == (
        "balance",
        "自然人",
        40,
        41,
    )
    assert first["section"] == "三、收到和处理政府信息公开申请情况"
    assert files[CLEAN.name]["ok"] is True


def test_unreadable_input_exits_2_and_names_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        CLEAN.read_text(encoding="utf-8").replace("licensing = 1864", "licensing = -5"),
        encoding="utf-8",
    )
    result = run("check", CLEAN, bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        f"{bad}:" in result.stdout
        and "proactive.licensing" in result.stdout
        and "负数" in result.stdout
    )


def test_missing_input_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path / "none.toml")
    assert result.returncode == 2
    assert "文件不存在" in result.stdout


def test_check_does_not_import_textual() -> None:
    code = (
        "import sys; from govtui.cli import main; "
        f"main(['check', {str(CLEAN)!r}]); print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("False")


def test_export_writes_markdown_beside_the_file(tmp_path: Path) -> None:
    source = tmp_path / CLEAN.name
    shutil.copy(CLEAN, source)
    result = run("export", source)
    assert result.returncode == 0
    target = source.with_suffix(".md")
    assert target.read_text(encoding="utf-8") == (SAMPLES / "yunxi-scjg-2024.md").read_text(
        encoding="utf-8"
    )


def test_export_to_stdout_contains_the_seed_text() -> None:
    result = run("export", SEED, "-o", "-")
    assert result.returncode == 0
    assert "2024 年以来我局未收到信息公开申请。" in result.stdout
    assert "## 六、其他需要报告的事项" in result.stdout


def test_export_of_a_broken_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    result = run("export", bad)
    assert result.returncode == 2
    assert "缺少" in result.stderr
    assert not bad.with_suffix(".md").exists()


def test_new_creates_a_blank_report(tmp_path: Path) -> None:
    target = tmp_path / "draft.toml"
    result = run("new", target, "--agency", "青山镇人民政府", "--year", "2025")
    assert result.returncode == 0
    report = toml_file.load(target)
    assert (report.agency, report.year) == ("青山镇人民政府", 2025)
    assert all(
        v == 0
        for t in ("requests", "appeals", "proactive")
        for row in report.grid(t).values()
        for v in row.values()
    )
    text = target.read_text(encoding="utf-8")
    assert (
        "# 三、收到和处理政府信息公开申请情况" in text
    )  # the section headings guide the hand editor
    assert run("new", target, "--agency", "x", "--year", "2025").returncode == 2  # never overwrites


@pytest.mark.parametrize("year", ["1899", "10000"])
def test_new_refuses_a_year_the_report_could_not_hold(
    tmp_path: Path, year: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "draft.toml"
    assert main(["new", str(target), "--agency", "青山镇人民政府", "--year", year]) == 2
    assert f"年度 {year} 不合理" in capsys.readouterr().err
    assert not target.exists()


def test_version_and_bilingual_help() -> None:
    assert run("--version").stdout.strip() == f"govtui {__version__}"
    help_text = run("--help").stdout
    assert "校验报告" in help_text and "check reports" in help_text
    check_help = run("check", "--help").stdout
    assert "退出码" in check_help and "exit status" in check_help


def test_a_folder_checks_published_reports_without_their_toml(tmp_path: Path) -> None:
    for source in (CLEAN, CLEAN.with_suffix(".md"), BROKEN.with_suffix(".md")):
        shutil.copy(source, tmp_path / source.name)
    result = run("check", tmp_path)
    assert result.returncode == 1
    checked = [
        line.split()[0] for line in result.stdout.splitlines() if line.startswith(str(tmp_path))
    ]
    assert [Path(p).name for p in checked] == [BROKEN.with_suffix(".md").name, CLEAN.name]


def test_on_an_80_column_terminal_check_folds_messages_under_their_indent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["check", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(width(line) < 80 for line in lines)
    message = [line for line in lines if line.startswith("         ")]
    # Each balance message folds onto several lines that keep the message's indent.
    assert len(message) > 3
    assert "比一＋二多 1 件" in "".join(line.strip() for line in message)


def test_piped_check_keeps_each_message_on_one_line_for_grep() -> None:
    result = run("check", BROKEN)
    assert any(
        "「自然人」列不平衡" in line and "请核对各项办理结果和结转数" in line
        for line in result.stdout.splitlines()
    )
