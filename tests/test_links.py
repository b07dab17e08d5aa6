"""Symbolic links planted in a report's folder never make govtui write another file.

A shared folder may hold a link where govtui puts its own files beside a report — the backup
``r.toml~``, the recovery copy ``.r.toml.govtui-recover``, the lock and its temporary file —
or where ``import`` writes its output. Each test plants one, does what a clerk does (the
editor's keys, the command), and checks that the file the link points to is untouched and
that the user is told. The report itself, opened through a link, is still written through it
(``test_safe_files::test_saving_through_a_symbolic_link_writes_the_file_it_points_to``).
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from tests.tui_helpers import (
    CLEAN,
    SAMPLES,
    copy_sample,
    copy_this_year,
    make_app,
    wait_for,
)

from govtui.cli import main
from govtui.io import lock, recovery, toml_file
from govtui.io.backup import backup_path
from govtui.tui import crash, guard
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.restore import RestoreScreen

SIZE = (80, 24)
VICTIM = "一份别人的文件\n"


@pytest.fixture(autouse=True)
def quick_recovery(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "DEBOUNCE", 0.05)


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file outside the report's folder that a planted link points to."""
    (tmp_path / "elsewhere").mkdir()
    path = tmp_path / "elsewhere" / "victim.txt"
    path.write_text(VICTIM, encoding="utf-8")
    return path


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def natural_person_new(path: Path) -> int:
    return toml_file.load(path).requests["new"]["natural_person"]


# --------------------------------------------------------------------------- the editor


async def test_the_backup_is_never_written_through_a_planted_link(
    tmp_path: Path, victim: Path
) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    original = path.read_bytes()
    backup_path(path).symlink_to(victim)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "9", "enter", "ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        said = message(app)
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert "符号链接" in said and f"{CLEAN}~" in said
    assert not backup_path(path).is_symlink()
    assert backup_path(path).read_bytes() == original
    assert natural_person_new(path) == 39


async def test_the_recovery_copy_is_never_written_through_a_dangling_link(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    planted = tmp_path / "elsewhere" / "planted.toml"  # does not exist (yet)
    planted.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "requests")
        # Planted while the report is open (one found on opening is set aside: see below).
        recovery.recovery_path(path).symlink_to(planted)
        await pilot.press("3", "9", "enter")
        await wait_for(pilot, lambda: not recovery.recovery_path(path).is_symlink())
        await wait_for(pilot, lambda: "符号链接" in message(app))
        assert recovery.read(path) == app.session.report
        await pilot.press("ctrl+q", "d")
    assert not planted.exists()


async def test_a_link_where_the_recovery_copy_goes_is_never_offered_nor_written_through(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    (tmp_path / "elsewhere").mkdir()
    theirs = copy_sample(tmp_path / "elsewhere", "yunxi-scjg-2024-broken.toml")
    before = theirs.read_bytes()
    recovery.recovery_path(path).symlink_to(theirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert not isinstance(app.screen, RestoreScreen)
        await wait_for(pilot, lambda: "符号链接" in message(app))
        await pilot.press("3", "9", "enter")
        await wait_for(pilot, lambda: recovery.recovery_path(path).exists())
        assert not recovery.recovery_path(path).is_symlink()
        await pilot.press("ctrl+q", "d")
    assert theirs.read_bytes() == before


async def test_the_locks_temporary_file_is_never_written_through_a_planted_link(
    tmp_path: Path, victim: Path
) -> None:
    path = tmp_path / CLEAN
    # The name the lock's temporary file had: predictable from the process id.
    tmp_path.joinpath(f".{CLEAN}.govtui-lock.{os.getpid()}.tmp").symlink_to(victim)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert lock.read_holder(lock.lock_path(path)) is not None
        await pilot.press("ctrl+q")
    assert victim.read_text(encoding="utf-8") == VICTIM


async def test_a_link_standing_as_the_lock_is_replaced_not_followed(
    tmp_path: Path, victim: Path
) -> None:
    path = tmp_path / CLEAN
    lock.lock_path(path).symlink_to(victim)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.name == "requests")
        await wait_for(pilot, lambda: "符号链接" in message(app))
        assert not lock.lock_path(path).is_symlink()
        assert lock.read_holder(lock.lock_path(path)) is not None
        await pilot.press("3", "9", "enter", "ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        await pilot.press("ctrl+q")
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert natural_person_new(path) == 39


def test_a_crash_log_is_never_written_through_a_planted_link(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "state" / "govtui"
    folder.mkdir(parents=True)
    now = datetime.datetime.now()
    for second in range(0, 5):  # the names the log could take in the next few seconds
        when = (now + datetime.timedelta(seconds=second)).strftime("%Y%m%d-%H%M%S")
        (folder / f"govtui-crash-{when}-{os.getpid()}.txt").symlink_to(victim)
    log = crash.write_log(RuntimeError("x"))
    assert log is not None and not log.is_symlink() and "RuntimeError" in log.read_text()
    assert victim.read_text(encoding="utf-8") == VICTIM


async def test_an_export_beside_the_report_is_never_written_through_a_planted_link(
    tmp_path: Path, victim: Path
) -> None:
    app = make_app(tmp_path)
    markdown = tmp_path / "yunxi-scjg-2024.md"
    markdown.symlink_to(victim)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r", "enter")  # Markdown, the first format
        await wait_for(pilot, lambda: not markdown.is_symlink())
        assert markdown.read_text(encoding="utf-8") == app.session.markdown()
    assert victim.read_text(encoding="utf-8") == VICTIM


# --------------------------------------------------------------------------- the commands


def test_export_beside_the_report_never_writes_through_a_planted_link(
    tmp_path: Path, victim: Path
) -> None:
    path = copy_sample(tmp_path)
    path.with_suffix(".html").symlink_to(victim)
    assert main(["export", str(path), "--format", "html"]) == 0
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert not path.with_suffix(".html").is_symlink()


def test_accept_never_writes_its_backup_through_a_planted_link(
    tmp_path: Path, victim: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_this_year(tmp_path, "in-force")
    before = path.read_bytes()
    backup_path(path).symlink_to(victim)
    assert main(["accept", str(path), "in_force", "-m", "有效期届满"]) == 0
    assert victim.read_text(encoding="utf-8") == VICTIM
    assert "符号链接" in capsys.readouterr().err
    assert not backup_path(path).is_symlink() and backup_path(path).read_bytes() == before


def test_import_treats_a_dangling_link_as_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.md"
    shutil.copy(SAMPLES / "yunxi-scjg-2024.md", source)
    planted = tmp_path / "elsewhere" / "planted.toml"
    planted.parent.mkdir()
    (tmp_path / "x.toml").symlink_to(planted)
    assert main(["import", str(source)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert not planted.exists()
    # --force overwrites what stands there: the link, not the file it names.
    assert main(["import", str(source), "--force"]) == 0
    assert "符号链接" in capsys.readouterr().err
    assert not planted.exists()
    assert not (tmp_path / "x.toml").is_symlink()
    assert toml_file.load(tmp_path / "x.toml") == toml_file.load(SAMPLES / CLEAN)


@pytest.mark.parametrize("command", ["new", "aggregate"])
def test_new_and_aggregate_treat_a_dangling_link_as_an_existing_file(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = tmp_path / "elsewhere" / "planted.toml"
    planted.parent.mkdir()
    out = tmp_path / "out.toml"
    out.symlink_to(planted)
    if command == "new":
        args = ["new", str(out), "--agency", "某局", "--year", "2024"]
    else:
        args = ["aggregate", str(SAMPLES / CLEAN), "-o", str(out), "--agency", "某县"]
    assert main(args) == 2
    assert not planted.exists() and out.is_symlink()
    capsys.readouterr()
    assert main([*args, "--force"]) in (0, 1)
    assert "符号链接" in capsys.readouterr().err
    assert not planted.exists() and not out.is_symlink()
    assert toml_file.load(out).year == 2024
