"""The editor never loses an edit: the recovery copy, the prompts that protect the file (a
recovery copy found, another govtui, a file changed on disk, no write permission), a crash,
a signal, pastes of junk, a huge text, a tiny window.

Each test runs its own app on its own copy of a sample. The recovery copy is normally written
two seconds after the last edit; the tests shorten that wait so as to poll for it quickly.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import tempfile
from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, copy_sample, make_app, screen_text, wait_for, write_lock
from textual import events
from textual.widgets import Input, TextArea

from govtui.cli.edit import read_for_editing
from govtui.io import lock, recovery, toml_file
from govtui.io.backup import backup_path
from govtui.tui import crash, guard, opening
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.conflict import ConflictScreen
from govtui.tui.screens.locked import LockedScreen
from govtui.tui.screens.quit import QuitScreen
from govtui.tui.screens.restore import RestoreScreen
from govtui.tui.screens.save_as import SaveAsScreen
from govtui.tui.session import Session
from govtui.tui.widgets.grid import Grid
from govtui.tui.widgets.prose import ProseEditor

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def quick_recovery(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "DEBOUNCE", 0.05)


def message(app: GovtuiApp) -> str:
    return str(app.screen.query_one("#message").render())


def copy_of(path: Path) -> Path:
    return recovery.recovery_path(path)


def natural_person_new(path: Path) -> int:
    return toml_file.load(path).requests["new"]["natural_person"]


def open_app(path: Path, start: str = "requests") -> GovtuiApp:
    found = read_for_editing(path)
    assert found is not None
    return GovtuiApp(Session(found[0], path, saved=found[1]), start=start)


# --------------------------------------------------------------------------- the recovery copy


async def test_unsaved_edits_reach_the_recovery_copy_and_saving_removes_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    async with app.run_test(size=SIZE) as pilot:
        assert not copy_of(path).exists()
        await pilot.press("3", "9", "enter")
        await wait_for(pilot, copy_of(path).exists)
        assert recovery.read(path) == app.session.report
        # A screen change writes it at once, whatever the wait.
        guard.DEBOUNCE = 60
        await pilot.press("7", "enter", "f3")

        def copied() -> bool:
            copy = recovery.read(path)
            return copy is not None and copy.requests["carried_over"]["natural_person"] == 7

        await wait_for(pilot, copied)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert not copy_of(path).exists()
        assert natural_person_new(path) == 39


async def test_leaving_without_saving_removes_the_copy_and_the_lock(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    async with app.run_test(size=SIZE) as pilot:
        assert lock.lock_path(path).exists()
        guard.DEBOUNCE = 60
        await pilot.press("3", "9", "enter", "ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        assert copy_of(path).exists()  # the prompt is a screen change: the copy is there
        await pilot.press("d")
    assert not copy_of(path).exists() and not lock.lock_path(path).exists()
    assert natural_person_new(path) == 38


async def test_an_editor_stopped_with_unsaved_edits_leaves_the_copy(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    guard.DEBOUNCE = 60
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "9", "enter")
        assert app.guard is not None
        app.guard.on_signal(signal.SIGTERM)  # what the SIGTERM handler runs
    assert app.return_code == 128 + signal.SIGTERM
    assert app.guard.farewell.startswith("govtui 收到终止信号（SIGTERM），已退出。")
    assert f".{CLEAN}.govtui-recover" in app.guard.farewell
    copy = recovery.read(path)
    assert copy is not None and copy.requests["new"]["natural_person"] == 39
    assert not lock.lock_path(path).exists()


# --------------------------------------------------------------------------- offering it back


def leave_a_copy(folder: Path) -> tuple[Path, str]:
    path = copy_sample(folder)
    report = toml_file.load(path)
    report.requests["new"]["natural_person"] = 39
    report.prose["overview.lead"] = "补上的一句。" + report.prose["overview.lead"]
    recovery.write(report, path)
    return path, recovery.recovery_path(path).read_text(encoding="utf-8")


async def test_a_copy_is_offered_with_what_differs_and_restored(tmp_path: Path) -> None:
    path, _ = leave_a_copy(tmp_path)
    app = open_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RestoreScreen))
        text = screen_text(app)
        assert "上次编辑时没有保存就中断了" in text
        assert "一、本年新收政府信息公开申请数量 / 自然人：38 → 39 +1" in text
        assert "{+补上的一句。+}" in text
        await pilot.resize_terminal(20, 5)  # the prompt survives a tiny window
        await pilot.pause()
        await pilot.resize_terminal(100, 40)
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert app.session.dirty and app.session.cell("requests", "new", "natural_person") == 39
        assert app.session.report.prose["overview.lead"].startswith("补上的一句。")
        assert "已恢复上次未保存的修改" in message(app)
        assert natural_person_new(path) == 38  # restored into the editor, not yet saved
        assert copy_of(path).exists()  # until saved
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
    assert natural_person_new(path) == 39 and not copy_of(path).exists()


async def test_a_discarded_copy_is_removed(tmp_path: Path) -> None:
    path, _ = leave_a_copy(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RestoreScreen))
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert not copy_of(path).exists() and not app.session.dirty
        assert app.session.cell("requests", "new", "natural_person") == 38


async def test_leaving_the_prompt_leaves_file_and_copy_untouched(tmp_path: Path) -> None:
    path, copy = leave_a_copy(tmp_path)
    before = path.read_bytes()
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RestoreScreen))
        await pilot.press("escape")
    assert path.read_bytes() == before
    assert copy_of(path).read_text(encoding="utf-8") == copy
    assert not lock.lock_path(path).exists()


async def test_a_new_report_never_saved_comes_back_from_its_copy(tmp_path: Path) -> None:
    path = tmp_path / "新报告.toml"
    app = GovtuiApp(None, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"测试局", "enter", "enter")
        await wait_for(pilot, lambda: app.screen.name == "info")
        app.session.set_prose("report.preface", "还没保存的前言。")
        await wait_for(pilot, copy_of(path).exists)
        assert app.guard is not None
        app.guard.on_signal(signal.SIGTERM)
    assert not path.exists()
    app = open_app(path, start="info")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RestoreScreen))
        text = screen_text(app)
        assert "「空白报告」→「恢复副本」" in text and "+还没保存的前言。" in text
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert app.session.report.agency == "测试局"
        assert app.session.report.prose["report.preface"] == "还没保存的前言。"


async def test_an_unreadable_copy_is_set_aside_and_said(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    copy_of(path).write_text("schema = 99\n", encoding="utf-8")
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "恢复副本读不出来" in message(app))
        assert "较新版本" in message(app) and "已改名为" in message(app)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(f".{CLEAN}.govtui-recover-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "schema = 99\n"


# --------------------------------------------------------------------------- read-only


@pytest.fixture
def held_by_another(tmp_path: Path, govtui_process: int) -> Path:
    """The sample, locked by a live govtui process on this host."""
    path = copy_sample(tmp_path)
    write_lock(path, govtui_process, socket.gethostname())
    return path


async def test_a_file_another_govtui_edits_opens_read_only_on_request(
    held_by_another: Path,
) -> None:
    path = held_by_another
    before = path.read_bytes()
    app = open_app(path, start="requests")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LockedScreen))
        text = screen_text(app)
        assert "正在被另一个 govtui 编辑" in text and "clerk@" in text
        assert f".{CLEAN}.govtui-lock" in text
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert f"{CLEAN}（只读）" in screen_text(app)
        await pilot.press("5")
        assert "只读打开：不能修改" in message(app)
        app.post_message(events.Paste("1\t2\n"))
        await pilot.press("delete", "ctrl+s")
        await wait_for(pilot, lambda: "不能保存" in screen_text(app))
        assert isinstance(app.screen, SaveAsScreen)
        question = str(app.screen.query_one(".question").render())
        assert "是只读打开的（另一个 govtui 正在编辑），不能保存" in question
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert "没有保存" in message(app)
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.name == "overview")
        assert all(area.read_only for area in app.screen.query(TextArea))
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen.name == "info")
        assert all(field.disabled for field in app.screen.query(Input))
        assert not app.session.dirty
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert lock.read_holder(lock.lock_path(path)) is not None  # still the other one's
    assert not copy_of(path).exists()


async def test_a_read_only_report_is_saved_as_a_copy_and_the_copy_edited(
    held_by_another: Path,
) -> None:
    path = held_by_another
    before = path.read_bytes()
    app = open_app(path, start="requests")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LockedScreen))
        await pilot.press("r", "f3")
        await wait_for(pilot, lambda: app.screen.name == "overview")
        assert all(area.read_only for area in app.screen.query(TextArea))
        await pilot.press("f5", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveAsScreen))
        field = app.screen.query_one("#target", Input)
        assert field.value.endswith("yunxi-scjg-2024-副本.toml")
        field.value = str(path)  # the report itself: taken
        await pilot.press("enter")
        assert "已经存在" in screen_text(app) and isinstance(app.screen, SaveAsScreen)
        field.value = str(path.with_name("mine.txt"))
        await pilot.press("enter")
        assert "扩展名应为 .toml" in screen_text(app)
        field.value = str(path.with_name("mine.toml"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        copy = path.with_name("mine.toml")
        assert "已另存为" in message(app) and "mine.toml" in message(app)
        text = screen_text(app)
        assert "mine.toml" in text and "（只读）" not in text
        await pilot.press(*"39", "enter")
        # The copy is kept safe like any report: its unsaved edits reach a recovery copy.
        await wait_for(pilot, lambda: recovery.recovery_path(copy).exists())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert natural_person_new(copy) == 39
        await pilot.press("f3")  # a screen made while read-only can be typed in now
        await wait_for(pilot, lambda: app.screen.name == "overview")
        assert not any(area.read_only for area in app.screen.query(TextArea))
        assert lock.read_holder(lock.lock_path(copy)) is not None  # ours now
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert not lock.lock_path(copy).exists()  # released on leaving


async def test_a_locked_file_can_be_left_alone(held_by_another: Path) -> None:
    app = open_app(held_by_another)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LockedScreen))
        await pilot.press("escape")
    assert app._exit_renderables == [] and app.return_code == 0


async def test_a_file_without_write_permission_opens_read_only_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path)
    # Tests run as root, whom permissions do not stop: the OS's answer is given here.
    monkeypatch.setattr(opening, "not_writable", lambda _path: "没有写入权限")
    app = open_app(path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "只读打开：没有写入权限" in message(app))
        area = app.screen.query_one(ProseEditor).text_area
        area.focus()
        await pilot.press("x", "ctrl+o")
        assert "x" not in area.text[:1] and not app.session.dirty
        assert "只读打开：不能修改" in message(app)
    assert not lock.lock_path(path).exists()


def test_a_save_needs_the_file_and_its_folder(tmp_path: Path) -> None:
    assert opening.not_writable(Path(__file__)) == ""
    assert opening.not_writable(tmp_path / "new.toml") == ""
    assert opening.not_writable(tmp_path / "missing" / "new.toml") == "文件夹不存在"


# --------------------------------------------------------------------------- changed on disk


def someone_else_saves(path: Path) -> str:
    theirs = path.read_text(encoding="utf-8").replace("licensing = 1864", "licensing = 1900")
    path.write_text(theirs, encoding="utf-8")
    return theirs


async def test_saving_over_someone_elses_save_asks_and_compares(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3", "9", "enter")
        theirs = someone_else_saves(path)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert "在打开之后被别的程序或别人改过" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "行政许可 / 本年处理决定数量：1900 → 1864 -36" in text
        assert "一、本年新收政府信息公开申请数量 / 自然人：38 → 39 +1" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert "没有保存" in message(app) and app.session.dirty
        assert path.read_text(encoding="utf-8") == theirs
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert "已保存到" in message(app)
    assert natural_person_new(path) == 39
    assert backup_path(path).read_text(encoding="utf-8") == theirs


async def test_save_and_quit_over_someone_elses_save_quits_once_overwritten(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "9", "enter")
        someone_else_saves(path)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: not app.is_running)
    assert natural_person_new(path) == 39 and not copy_of(path).exists()


# --------------------------------------------------------------------------- a crash


async def test_a_crash_keeps_the_edits_and_explains_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = make_app(tmp_path)
    path = tmp_path / CLEAN
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            guard.DEBOUNCE = 60
            await pilot.press("3", "9", "enter")

            def broken() -> None:
                raise ZeroDivisionError("a bug in govtui")

            monkeypatch.setattr(app.session, "balance", broken)
            await pilot.press("5", "enter")
            await pilot.pause()
    copy = recovery.read(path)
    assert copy is not None
    assert copy.requests["new"]["natural_person"] == 39
    assert copy.requests["carried_over"]["natural_person"] == 5
    stderr = capsys.readouterr().err
    assert "govtui 遇到程序错误，已退出" in stderr
    assert f".{CLEAN}.govtui-recover" in stderr and "即可恢复" in stderr
    assert "Traceback" not in stderr
    logs = list((tmp_path / "state" / "govtui").glob("govtui-crash-*.txt"))
    assert len(logs) == 1 and "ZeroDivisionError: a bug in govtui" in logs[0].read_text()
    assert str(logs[0]) in stderr


def test_the_crash_log_falls_back_to_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))  # a file, not a folder
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    log = crash.write_log(RuntimeError("x"))
    assert log is not None and log.parent == tmp_path


# --------------------------------------------------------------------------- hostile pastes


async def test_pasted_control_characters_never_reach_the_screen_or_the_report(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one(ProseEditor)
        editor.text_area.focus()
        await pilot.press("ctrl+home")
        app.post_message(events.Paste("甲\x1b[2J\x1b]0;乙\x07丙\u202e丁\r\n戊"))
        await wait_for(pilot, lambda: "戊" in editor.text_area.text)
        assert app.session.report.prose["overview.lead"].startswith("甲[2J]0;乙丙丁\n戊")
        for strip in app.screen._compositor.render_strips():
            assert "\x1b" not in strip.text and "\u202e" not in strip.text


async def test_text_from_the_external_editor_comes_back_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "hostile-editor"
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        "open(sys.argv[1], 'w', encoding='utf-8', newline='').write("
        "'一\\x1b[31m二\\r\\n三\\u202e四\\r\\n')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(script))
    app = make_app(tmp_path, start="overview")
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless: nothing to give up
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ProseEditor).text_area.focus()
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: "已从外部编辑器取回" in message(app))
        assert app.session.report.prose["overview.lead"] == "一[31m二\n三四"


@pytest.mark.parametrize(
    ("paste", "said"),
    [
        ("1\t2\t3\t4\t5\t6\t7\t8", "内容有 8 列"),
        ("9" * 5000, "太大"),
        ("1" * 13 + "\t2", "太大"),
        ("\x1b[31m5\t6", "粘贴未执行"),
        ("-3\t4", "负数"),
        ("１．５\t2", "有小数"),
        ("1\t\n" * 200, "内容有 200 行"),
    ],
)
async def test_pasted_junk_changes_nothing_and_says_why(
    tmp_path: Path, paste: str, said: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        before = app.session.report.model_copy(deep=True)
        app.post_message(events.Paste(paste))
        if "\t" not in paste and "\n" not in paste:
            await pilot.press("enter")  # one value is typed into the cell, as typing would
        await pilot.pause()
        assert app.session.report == before
        assert said in message(app)
        assert len(message(app)) < 200


# --------------------------------------------------------------------------- size


async def test_a_megabyte_of_text_stays_editable(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    report = toml_file.load(path)
    report.prose["overview.lead"] = ("很长的一段文字，" * 40 + "\n") * 1100  # 1 MB of UTF-8
    report.prose["overview.proactive"] = "一段不换行的文字。" * 1000
    toml_file.save(report, path)
    app = open_app(path, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        editors = list(app.screen.query(ProseEditor))
        lead = editors[0].text_area
        lead.focus()
        lead.move_cursor(lead.document.end)
        await pilot.press(*"新的", "enter", "末")
        long_line = editors[1].text_area
        long_line.focus()
        long_line.move_cursor(long_line.document.end)
        await pilot.press("尾")
        await wait_for(pilot, copy_of(path).exists)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert "字数 352003" in str(editors[0].query_one(".prose--meta").render())
    saved = toml_file.load(path).prose
    assert saved["overview.lead"].endswith("新的\n末")
    assert saved["overview.proactive"].endswith("尾")


async def test_a_tiny_window_and_back_loses_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        for size in ((20, 5), (40, 10), (79, 23)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "窗口太小" in screen_text(app)
        await pilot.resize_terminal(*SIZE)
        await wait_for(pilot, lambda: isinstance(app.focused, Grid))
        await pilot.press("2", "enter")
        assert app.session.cell("requests", "new", "natural_person") == 42
        for name in ("overview", "findings", "info"):
            await app.action_show(name)
            await pilot.resize_terminal(20, 5)
            await pilot.pause()
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            assert "窗口太小" not in screen_text(app)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.press("s")
    assert natural_person_new(tmp_path / CLEAN) == 42


async def test_the_offered_copy_lists_an_accepted_warning_that_r_restores(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    report = toml_file.load(path)
    report.accept("fee_statement", "closing.other_matters", "本单位不收取信息处理费")
    recovery.write(report, path)
    app = open_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RestoreScreen))
        text = screen_text(app)
        assert "接受的警告（1 处不同）" in text
        assert "+ [fee_statement] 六、其他需要报告的事项：理由：本单位不收取信息处理费" in text
        assert "（内容完全相同）" not in text
        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.name == "requests")
        assert [a.reason for a in app.session.report.accepted] == ["本单位不收取信息处理费"]
