"""One bad file never stops a batch: every input of `check` and `aggregate` gets its own verdict.

A folder received from thirty bureaus holds good reports and, sometimes, a file that makes a
reader fail in a way nobody foresaw (`inf` where a count belongs, a thousand nested `[`, a web
page of just `<![ `), a named pipe, a link to `/dev/zero`. Each test runs the command on such a
folder as the collecting office would, and asserts that every good file's result is there,
every bad one has its reason, `--json` stays valid JSON, and the exit status is 2.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, copy_sample, wait_for

from govtui.cli import main
from govtui.cli.edit import read_for_editing
from govtui.io import reading, recovery
from govtui.tui.app import GovtuiApp
from govtui.tui.session import Session

SAMPLES = Path(__file__).parent.parent / "sample"
GOOD = ("yunxi-scjg-2024.toml", "muye-gongxin-2024.toml")
TIMEOUT = 120  # only catches a hang (a FIFO read would block forever)


def hostile_folder(folder: Path) -> dict[str, str]:
    """Good reports and one of each hostile kind; the hostile names with what they hold."""
    folder.mkdir(exist_ok=True)
    for name in GOOD:
        shutil.copyfile(SAMPLES / name, folder / name)
    text = (SAMPLES / GOOD[0]).read_text(encoding="utf-8")
    hostile = {
        "inf.toml": text.replace("licensing = 1864", "licensing = inf"),
        "nan.toml": text.replace('fees = "12.8650"', "fees = nan"),
        # A fee no sum can hold: aggregate's running total overflowed in the parent before.
        "huge.toml": text.replace('fees = "12.8650"', "fees = 1e999999999"),
        "deep.toml": "x = " + "[" * 1000 + "\n",
        "marked.html": "<![ ",
    }
    for name, content in hostile.items():
        (folder / name).write_text(content, encoding="utf-8")
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    return hostile


def govtui(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govtui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_check_gives_every_input_its_verdict(tmp_path: Path) -> None:
    hostile = hostile_folder(tmp_path / "收到的报告")
    result = govtui("check", tmp_path / "收到的报告")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for name in GOOD:
        assert f"{name}  ✓ 没有错误" in result.stdout
    for name in hostile:
        assert f"{name}  无法读取" in result.stdout
    # Found in a folder, a pipe or a device is not a report: skipped with a word, never opened.
    assert "pipe.toml  不是普通文件（命名管道）" in result.stdout
    assert "zero.toml  不是普通文件（设备、套接字或其他特殊文件）" in result.stdout


def test_a_fifo_or_dev_zero_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    hostile_folder(tmp_path)
    result = govtui("check", tmp_path / "pipe.toml", tmp_path / "zero.toml", tmp_path / GOOD[0])
    assert result.returncode == 2
    assert "pipe.toml：这不是普通文件（命名管道），不能当作报告读取" in result.stdout
    assert "zero.toml：这不是普通文件（设备或其他特殊文件），不能当作报告读取" in result.stdout
    assert f"{GOOD[0]}  ✓ 没有错误" in result.stdout


def test_check_json_stays_whole(tmp_path: Path) -> None:
    hostile = hostile_folder(tmp_path / "in")
    result = govtui("check", "--json", tmp_path / "in")
    assert result.returncode == 2, result.stderr
    entries = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    for name in GOOD:
        assert entries[name]["ok"] is True
    for name in hostile:
        assert entries[name]["ok"] is False
        assert name in entries[name]["unreadable"]  # the reason names the file
    skipped = {Path(s["path"]).name: s["skipped"] for s in json.loads(result.stdout)["skipped"]}
    assert skipped == {
        "pipe.toml": "不是普通文件（命名管道）",
        "zero.toml": "不是普通文件（设备、套接字或其他特殊文件）",
    }


def test_aggregate_lists_every_input_and_writes_no_sum(tmp_path: Path) -> None:
    hostile = hostile_folder(tmp_path / "in")
    out = tmp_path / "汇总.toml"
    result = govtui("aggregate", "--json", tmp_path / "in", "-o", out, "--agency", "汇总单位")
    assert result.returncode == 2, result.stderr
    data = json.loads(result.stdout)
    status = {Path(i["path"]).name: i["status"] for i in data["inputs"]}
    assert {status[name] for name in GOOD} == {"counted"}
    assert {status[name] for name in hostile} == {"unreadable"}
    assert {Path(s["path"]).name for s in data["skipped"]} == {"pipe.toml", "zero.toml"}
    assert data["written"] is False and not out.exists()
    reasons = {Path(i["path"]).name: i.get("unreadable", "") for i in data["inputs"]}
    # The one validator's bound names the line and the key (not the file's verdict alone).
    assert reasons["huge.toml"].endswith(
        "huge.toml:43：proactive.fees：行政事业性收费：「1e999999999」太大：金额不会超过1 万亿万元，请检查"
    )
    text = govtui("aggregate", tmp_path / "in")
    assert text.returncode == 2 and "Traceback" not in text.stderr
    assert "✕ 无法读取" in text.stdout and "marked.html" in text.stdout


def test_an_unforeseen_error_in_a_reader_is_that_files_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever a reader raises (here a stand-in for a library's bug) stays in its entry."""

    folder = tmp_path / "in"
    folder.mkdir()
    for name in (*GOOD, "bug.toml"):
        shutil.copyfile(SAMPLES / GOOD[0], folder / name)
    real = reading._read

    def buggy(path: Path) -> reading.Loaded:
        if path.name == "bug.toml":
            raise KeyError("内部的错")
        return real(path)

    monkeypatch.setattr(reading, "_read", buggy)
    assert main(["check", "--json", str(folder)]) == 2
    entries = {Path(f["path"]).name: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert entries["bug.toml"]["unreadable"].endswith(
        "bug.toml：读取时出错（KeyError：'内部的错'）：文件可能已损坏，或不是报告；"
        "如确认文件无误，请报告 govtui 的这个问题"
    )
    assert all(entries[name]["ok"] for name in GOOD)


def test_a_worker_process_that_dies_becomes_a_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker killed while reading one file (out of memory, a crash in a C library) takes
    its whole process pool with it; the other files still get their results, in order."""

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(80):  # enough for worker processes
        shutil.copyfile(SAMPLES / GOOD[0], folder / f"{number:03}.toml")
    real = reading._read

    def dies(path: Path) -> reading.Loaded:
        if path.name == "040.toml":
            os._exit(9)  # as the kernel's OOM killer would end it
        return real(path)

    monkeypatch.setattr(reading, "_read", dies)  # the forked workers inherit it
    assert main(["aggregate", "--json", "-j", "2", str(folder)]) == 2
    data = json.loads(capsys.readouterr().out)
    names = [Path(i["path"]).name for i in data["inputs"]]
    assert names == [f"{n:03}.toml" for n in range(80)]
    status = {Path(i["path"]).name: i for i in data["inputs"]}
    assert status["040.toml"]["status"] == "unreadable"
    assert "处理进程意外退出" in status["040.toml"]["unreadable"]
    assert data["totals"]["counted"] == 1  # one agency: the other 78 are its duplicates
    assert data["totals"]["refused"] == 78


def test_last_year_named_as_a_fifo_or_dev_zero_is_a_note_not_a_hang(tmp_path: Path) -> None:
    text = (SAMPLES / "yunxi-scjg-2025.toml").read_text(encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    for name in ("pipe.toml", "zero.toml"):
        report = tmp_path / f"from-{name}"
        report.write_text(
            text.replace('previous = "yunxi-scjg-2024.toml"', f'previous = "{name}"'),
            encoding="utf-8",
        )
        result = govtui("check", report)
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"上年报告 {tmp_path / name} 这不是普通文件" in result.stdout
        assert "未做跨年度校验" in result.stdout


def test_a_fifo_given_to_check_previous_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    result = govtui("check", SAMPLES / "yunxi-scjg-2025.toml", "--previous", tmp_path / "pipe.toml")
    assert result.returncode == 0
    assert "这不是普通文件（命名管道）" in result.stdout


@pytest.mark.parametrize("content", ["x = " + "[" * 1000 + "\n", "licensing = inf\n"])
def test_the_editor_says_why_it_cannot_open_a_hostile_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "报告.toml"
    path.write_text(content, encoding="utf-8")
    result = govtui(path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}")
    assert "Traceback" not in result.stderr


def test_the_editor_refuses_a_fifo_instead_of_waiting_for_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "报告.toml")
    result = govtui(tmp_path / "报告.toml")
    assert result.returncode == 2
    assert "这不是普通文件（命名管道），不能当作报告读取" in result.stderr


async def test_a_recovery_copy_that_breaks_the_reader_is_set_aside_and_said(
    tmp_path: Path,
) -> None:
    """The editor's opening reads the recovery copy beside the report; a copy nested deeper
    than the reader's stack is set aside with the same words as any unreadable copy."""
    path = copy_sample(tmp_path)
    recovery.recovery_path(path).write_text("x = " + "[" * 1000 + "\n", encoding="utf-8")
    found = read_for_editing(path)
    assert found is not None
    app = GovtuiApp(Session(found[0], path, saved=found[1]), start="requests")
    async with app.run_test(size=(80, 24)) as pilot:

        def message() -> str:
            return str(app.screen.query_one("#message").render())

        await wait_for(pilot, lambda: "恢复副本读不出来" in message())
        assert "嵌套太深" in message() and "已改名为" in message()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(f".{CLEAN}.govtui-recover-")]
    assert len(kept) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["accept", "{bad}"],
        ["diff", "{good}", "{bad}"],
        ["export", "{bad}", "-o", "-"],
        ["new", "{dir}/2025.toml", "--from", "{bad}"],
        ["aggregate", "{good}", "-o", "{bad}", "--agency", "汇总单位"],
        ["aggregate", "{good}", "--roster", "{bad}"],
        ["import", "{dir}/marked.html", "-o", "{dir}/out.toml"],
    ],
)
def test_every_command_names_the_file_it_cannot_read(tmp_path: Path, command: list[str]) -> None:
    """The same containment for the commands that read one file: a message naming it, exit 2."""
    bad = tmp_path / "deep.toml"
    bad.write_text("x = " + "[" * 1000 + "\n", encoding="utf-8")
    (tmp_path / "marked.html").write_text("<![ ", encoding="utf-8")
    names = {"bad": str(bad), "good": str(SAMPLES / GOOD[0]), "dir": str(tmp_path)}
    result = govtui(*(part.format(**names) for part in command))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "嵌套太深" in result.stderr or "marked.html：读取时出错" in result.stderr
    assert not (tmp_path / "2025.toml").exists() and not (tmp_path / "out.toml").exists()
