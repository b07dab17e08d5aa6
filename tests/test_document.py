"""Every command that writes a report honours what the editor honours: another govtui's lock,
and a file changed on disk since it was read (see ``govtui.io.document``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui_helpers import (
    CLEAN,
    SAMPLES,
    app_on,
    copy_sample,
    copy_this_year,
    wait_for,
    write_lock,
)
from textual.widgets import Input

from govtui import aggregate
from govtui.cli import main
from govtui.io import lock, toml_file
from govtui.io.document import ChangedOnDisk, Document, Locked
from govtui.tui.screens.locked import LockedScreen
from govtui.tui.screens.save_as import SaveAsScreen


def accept_args(path: Path) -> list[str]:
    return ["accept", str(path), "in_force", "-m", "有效期届满"]


@pytest.mark.parametrize("command", ["accept", "new", "import", "aggregate"])
def test_a_command_refuses_to_write_a_report_another_govtui_is_editing(
    tmp_path: Path, command: str, govtui_process: int, capsys: pytest.CaptureFixture[str]
) -> None:
    if command == "accept":
        target = copy_this_year(tmp_path, "in-force")
        args = accept_args(target)
    else:
        target = copy_sample(tmp_path).rename(tmp_path / "out.toml")
        if command == "new":
            args = ["new", str(target), "--agency", "某局", "--year", "2024", "--force"]
        elif command == "import":
            source = tmp_path / "x.md"
            shutil.copy(SAMPLES / "yunxi-scjg-2024-broken.md", source)
            args = ["import", str(source), "-o", str(target), "--force"]
        else:
            args = ["aggregate", str(SAMPLES / CLEAN), "-o", str(target), "--agency", "某县"]
    before = target.read_bytes()
    write_lock(target, govtui_process, socket.gethostname())
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "正在由另一个 govtui 编辑" in err and f"进程 {govtui_process}" in err
    assert target.read_bytes() == before
    assert lock.read_holder(lock.lock_path(target)) is not None  # still the editor's


def test_a_command_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "in-force")
    assert main(accept_args(path)) == 0
    assert not lock.lock_path(path).exists()
    assert toml_file.load(path).accepted[0].reason == "有效期届满"


def test_aggregate_never_overwrites_a_sum_changed_while_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    out = tmp_path / "sum.toml"
    assert main(["aggregate", str(SAMPLES / CLEAN), "-o", str(out), "--agency", "某县"]) == 0
    theirs = out.read_text(encoding="utf-8").replace('agency = "某县"', 'agency = "某县办"')
    add = aggregate.Collection.add

    def someone_saves_meanwhile(self: aggregate.Collection, outcome: object) -> object:
        out.write_text(theirs, encoding="utf-8")  # the office edits the sum during the run
        return add(self, outcome)  # type: ignore[arg-type]

    monkeypatch.setattr(aggregate.Collection, "add", someone_saves_meanwhile)
    capsys.readouterr()
    assert main(["aggregate", str(SAMPLES / CLEAN), "-o", str(out), "--agency", "某县"]) == 2
    assert "被别的程序改过" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == theirs


def test_a_document_refuses_a_save_over_a_file_changed_since_it_was_read(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    document = Document(path)
    report = document.load()
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk, match="被别的程序改过"), document.held():
        document.save(report)
    document.save(report, overwrite=True)
    assert toml_file.load(path) == report


def test_holding_a_document_another_process_holds_says_who(
    tmp_path: Path, govtui_process: int
) -> None:
    path = copy_sample(tmp_path)
    write_lock(path, govtui_process, socket.gethostname())
    with pytest.raises(Locked, match=f"clerk@.*进程 {govtui_process}"), Document(path).held():
        pass


async def test_a_copy_is_never_saved_under_a_name_another_govtui_holds(
    tmp_path: Path, govtui_process: int
) -> None:
    path = copy_sample(tmp_path)
    copy = tmp_path / "mine.toml"
    write_lock(path, govtui_process, socket.gethostname())
    write_lock(copy, govtui_process, socket.gethostname())  # a new report drafted there
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LockedScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        app.screen.query_one("#target", Input).value = str(copy)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        said = str(app.screen.query_one("#message").render())
        assert "另存失败" in said and "正在由另一个 govtui 编辑" in said
        assert app.session.path == path and app.session.read_only
    assert not copy.exists()


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_fifo_where_the_output_goes_is_an_existing_file_never_read(
    tmp_path: Path, command: str
) -> None:
    target = tmp_path / "x.toml"
    os.mkfifo(target)
    if command == "new":
        args = ["new", str(target), "--agency", "某局", "--year", "2024"]
    else:
        shutil.copy(SAMPLES / "yunxi-scjg-2024.md", tmp_path / "x.md")
        args = ["import", str(tmp_path / "x.md")]
    # Reading a FIFO blocks: the timeout only catches a hang.
    done = subprocess.run(
        [sys.executable, "-m", "govtui", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "已存在" in done.stderr
