"""Safe files: the backup, a file changed by someone else, the lock, the recovery copy, and
read-only sessions — each as the session and the file system see them, without a terminal."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, copy_sample, copy_this_year, write_lock

from govtui.cli import main
from govtui.errors import LoadError, SaveError
from govtui.io import lock, recovery, toml_file
from govtui.io.backup import backup_path
from govtui.io.reading import expand
from govtui.tui.session import ChangedOnDisk, ReadOnly, Session


def open_session(folder: Path) -> Session:
    path = copy_sample(folder)
    return Session(toml_file.load(path), path)


# --------------------------------------------------------------------------- backup


def test_the_first_save_keeps_the_file_as_it_was_opened(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    original = session.path.read_bytes()
    session.write([("requests", "new", "natural_person", 39)])
    session.save()
    assert backup_path(session.path).read_bytes() == original
    session.write([("requests", "new", "natural_person", 40)])
    session.save()
    # One generation, and it is the version from before this editing session.
    assert backup_path(session.path).read_bytes() == original
    assert toml_file.load(session.path).requests["new"]["natural_person"] == 40


def test_the_backup_has_the_reports_permissions(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.path.chmod(0o600)
    session.write([("requests", "new", "natural_person", 39)])
    session.save()
    assert stat.S_IMODE(backup_path(session.path).stat().st_mode) == 0o600
    assert stat.S_IMODE(session.path.stat().st_mode) == 0o600


def test_saving_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    shared = copy_sample(tmp_path / "shared", CLEAN)
    link = tmp_path / "mine.toml"
    link.symlink_to(shared)
    session = Session(toml_file.load(link), link)
    session.write([("requests", "new", "natural_person", 39)])
    session.save()
    assert link.is_symlink() and link.resolve() == shared.resolve()
    assert toml_file.load(shared).requests["new"]["natural_person"] == 39


def test_a_copy_saved_elsewhere_still_names_last_years_report(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path)
    session = Session(toml_file.load(path), path, read_only="没有写入权限")
    (tmp_path / "mine").mkdir()
    target = tmp_path / "mine" / "copy.toml"
    assert session.save_as(target) == target
    assert session.read_only is None and not session.dirty and session.path == target
    copy = toml_file.load(target)
    assert (target.parent / copy.previous).resolve() == (tmp_path / CLEAN).resolve()
    with pytest.raises(SaveError, match="已经存在"):
        session.save_as(path)


def test_a_new_report_has_no_backup_to_keep(tmp_path: Path) -> None:
    source = open_session(tmp_path)
    path = tmp_path / "new.toml"
    session = Session(source.report, path, saved=False)
    session.save()
    assert path.exists() and not backup_path(path).exists()


def test_check_leaves_backups_recovery_copies_and_locks_out_of_a_folder(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.save()
    recovery.write(session.report, session.path)
    held = lock.acquire(session.path)
    assert isinstance(held, lock.Lock)
    names = {p.name for p in tmp_path.iterdir()}
    assert {f"{CLEAN}~", f".{CLEAN}.govtui-recover", f".{CLEAN}.govtui-lock"} <= names
    assert [p.name for p in expand([str(tmp_path)])] == [CLEAN]


# --------------------------------------------------------------------------- changed on disk


def test_saving_over_a_file_someone_else_saved_is_refused(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.write([("requests", "new", "natural_person", 39)])
    theirs = session.path.read_text(encoding="utf-8").replace("licensing = 1864", "licensing = 7")
    session.path.write_text(theirs, encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert session.path.read_text(encoding="utf-8") == theirs
    assert session.dirty
    session.save(overwrite=True)
    # Overwriting keeps their version as the backup.
    assert backup_path(session.path).read_text(encoding="utf-8") == theirs
    assert toml_file.load(session.path).requests["new"]["natural_person"] == 39
    session.write([("requests", "new", "natural_person", 40)])
    session.save()  # our own save is no conflict


def test_a_file_touched_but_not_changed_is_no_conflict(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    stat_before = session.path.stat()
    os.utime(session.path, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns + 5_000_000_000))
    session.write([("requests", "new", "natural_person", 39)])
    session.save()


def test_a_file_created_while_a_new_report_was_open_is_a_conflict(tmp_path: Path) -> None:
    source = open_session(tmp_path)
    path = tmp_path / "new.toml"
    session = Session(source.report, path, saved=False)
    path.write_text("# someone else's\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        session.save()


def test_a_file_deleted_meanwhile_is_simply_written_again(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.path.unlink()
    session.save()
    assert toml_file.load(session.path) == session.report


# --------------------------------------------------------------------------- read-only


def test_a_read_only_session_refuses_every_change_and_every_save(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.read_only = "没有写入权限"
    before = session.report.model_copy(deep=True)
    assert session.write([("requests", "new", "natural_person", 39)]) is None
    session.set_prose("overview.lead", "改过")
    session.set_identity(agency="别的机关", year=2020, title="别的标题")
    assert session.report == before and not session.dirty
    with pytest.raises(ReadOnly, match=r"只读.*没有写入权限"):
        session.save()


# --------------------------------------------------------------------------- lock


def test_a_lock_is_taken_and_released(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    held = lock.acquire(path)
    assert isinstance(held, lock.Lock)
    holder = lock.read_holder(lock.lock_path(path))
    assert holder is not None and holder.pid == os.getpid()
    held.release()
    assert not lock.lock_path(path).exists()


def test_a_live_govtui_on_this_host_holds_the_file(tmp_path: Path, govtui_process: int) -> None:
    path = copy_sample(tmp_path)
    write_lock(path, govtui_process, socket.gethostname())
    holder = lock.acquire(path)
    assert isinstance(holder, lock.Holder)
    assert f"clerk@{socket.gethostname()}，进程 {govtui_process}" in holder.describe()


def test_a_lock_from_another_host_is_believed(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    write_lock(path, 1, "another-host.example")
    assert isinstance(lock.acquire(path), lock.Holder)


@pytest.mark.parametrize("content", ["dead", "not govtui", "garbage"])
def test_a_stale_lock_is_taken_over(tmp_path: Path, content: str) -> None:
    path = copy_sample(tmp_path)
    if content == "dead":
        finished = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        write_lock(path, int(finished.stdout), socket.gethostname())
    elif content == "not govtui":
        sleeper = subprocess.Popen(["sleep", "30"])
        try:
            write_lock(path, sleeper.pid, socket.gethostname())
            assert isinstance(lock.acquire(path), lock.Lock)
        finally:
            sleeper.kill()
            sleeper.wait()
        return
    else:
        lock.lock_path(path).write_text("\x00\x01 not a lock", encoding="utf-8")
    held = lock.acquire(path)
    assert isinstance(held, lock.Lock)
    holder = lock.read_holder(lock.lock_path(path))
    assert holder is not None and holder.pid == os.getpid()


def test_releasing_never_removes_someone_elses_lock(tmp_path: Path, govtui_process: int) -> None:
    path = copy_sample(tmp_path)
    held = lock.acquire(path)
    assert isinstance(held, lock.Lock)
    write_lock(path, govtui_process, socket.gethostname())  # taken over meanwhile
    held.release()
    assert lock.lock_path(path).exists()


def test_no_lock_in_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    missing = tmp_path / "gone" / path.name
    assert lock.acquire(missing) is None


# --------------------------------------------------------------------------- recovery copy


def test_the_recovery_copy_is_a_report_with_the_files_permissions(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    session.path.chmod(0o640)
    session.write([("requests", "new", "natural_person", 39)])
    target = recovery.write(session.report, session.path)
    assert target.name == f".{CLEAN}.govtui-recover"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert recovery.read(session.path) == session.report
    assert "恢复副本" in target.read_text(encoding="utf-8").splitlines()[0]
    recovery.remove(session.path)
    assert recovery.read(session.path) is None


def test_a_recovery_copy_of_a_report_never_saved_is_private(tmp_path: Path) -> None:
    session = open_session(tmp_path)
    target = recovery.write(session.report, tmp_path / "new.toml")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_unreadable_recovery_copy_is_set_aside_never_deleted(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    recovery.recovery_path(path).write_text("schema = 99\n", encoding="utf-8")
    with pytest.raises(LoadError):
        recovery.read(path)
    aside = recovery.set_aside(path)
    assert aside is not None and aside.read_text(encoding="utf-8") == "schema = 99\n"
    assert recovery.read(path) is None


def test_accept_keeps_a_backup_and_a_clean_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    fixtures = Path(__file__).parent / "fixtures"
    path = tmp_path / "r.toml"
    report = toml_file.load(fixtures / "yunxi-scjg-2025-in-force.toml")
    copy_sample(tmp_path)  # last year's report, for the cross-year warning
    report.previous = CLEAN
    toml_file.save(report, path)
    before = path.read_bytes()
    assert main(["accept", str(path), "in_force", "-m", "有效期\x1b[2J延长\u202e"]) == 0
    assert backup_path(path).read_bytes() == before
    assert toml_file.load(path).accepted[0].reason == "有效期[2J延长"
