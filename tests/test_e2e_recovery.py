"""End to end: the real editor in tmux loses no edit when it is killed or its terminal closes,
and refuses terminals it cannot draw on with a message instead of garbage.

A clerk makes edits without saving; the process is killed (SIGKILL: nothing runs) or the
window is closed (SIGHUP, as when an SSH connection drops). The next ``govtui FILE`` offers the
recovery copy, the clerk accepts it, finds every edit, and saves.
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

from tests.tmux import Terminal, alive, govtui_command, needs_tmux, poll
from tests.tui_helpers import CLEAN, copy_sample

from govtui.errors import LoadError
from govtui.io import lock, recovery, toml_file
from govtui.model import Report

pytestmark = needs_tmux

LEAD = "补记一句"


def editor(folder: Path, name: str, env: str = "TERM=linux LANG=C.UTF-8") -> str:
    return f'cd {folder} && env {env} {govtui_command()} {name}; echo "govtui exited $?"; sleep 60'


def copy_holds(path: Path, check: object) -> bool:
    try:
        copy = recovery.read(path)
    except LoadError:  # never torn (atomic), but the test must not trip on a race either
        return False
    return copy is not None and bool(check(copy))  # type: ignore[operator]


def edit_without_saving(terminal: Terminal) -> None:
    """一、本年新收 / 自然人 38 → 39, and a phrase at the start of the lead."""
    terminal.wait_for("F5 三", "错误 0")
    terminal.keys("F5")
    terminal.wait_for("一、本年新收", "每一列都平衡")
    terminal.keys("3", "9", "Enter")
    terminal.wait_for("「自然人」列不平衡", "*未保存")
    terminal.keys("F3")
    terminal.wait_for("一、总体情况", "字数 135")
    terminal.keys(LEAD)
    terminal.wait_for(LEAD, "字数 139")


def restore_and_save(terminal: Terminal, folder: Path, path: Path) -> None:
    terminal.start(editor(folder, path.name))
    terminal.wait_for("上次编辑时没有保存就中断了", "自然人：38 → 39 +1", "恢复 R")
    terminal.keys("r")
    terminal.wait_for("已恢复上次未保存的修改", "*未保存")
    terminal.keys("F5")
    terminal.wait_for("「自然人」列不平衡")

    def first_row() -> list[str]:
        rows = [line for line in terminal.screen().splitlines() if line.startswith("一、本年新收")]
        return rows[0].split() if rows else []

    poll(first_row, "the matrix to be drawn")
    assert first_row()[1] == "39"
    terminal.keys("C-s")
    terminal.wait_for("已保存到", gone="*未保存")
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")
    saved = toml_file.load(path)
    assert saved.requests["new"]["natural_person"] == 39
    assert saved.prose["overview.lead"].startswith(LEAD + "2024年")
    assert not recovery.recovery_path(path).exists()
    assert not lock.lock_path(path).exists()


def test_sigkill_loses_no_edit_the_copy_holds(terminal: Terminal, tmp_path: Path) -> None:
    path = copy_sample(tmp_path, CLEAN)
    terminal.start(editor(tmp_path, path.name))
    edit_without_saving(terminal)
    # Leaving the screen writes the copy at once (a pause of two seconds would too).
    terminal.keys("F6")

    def holds_both(copy: Report) -> bool:
        return copy.requests["new"]["natural_person"] == 39 and copy.prose[
            "overview.lead"
        ].startswith(LEAD)

    poll(lambda: copy_holds(path, holds_both), "the recovery copy to hold both edits")
    os.kill(terminal.govtui_pid(), signal.SIGKILL)
    terminal.wait_for(f"govtui exited {128 + signal.SIGKILL}")
    assert toml_file.load(path).requests["new"]["natural_person"] == 38  # never saved
    assert lock.lock_path(path).exists()  # a stale lock, taken over on the next start
    terminal.kill()
    restore_and_save(terminal, tmp_path, path)


def test_a_closed_window_sighup_writes_the_copy_and_exits(
    terminal: Terminal, tmp_path: Path
) -> None:
    path = copy_sample(tmp_path, CLEAN)
    terminal.start(editor(tmp_path, path.name, "TERM=xterm-256color LANG=C.UTF-8"))
    edit_without_saving(terminal)
    pid = terminal.govtui_pid()
    terminal.close_window()  # right after the last key: no pause for the timed copy
    poll(lambda: not alive(pid), "govtui to exit after SIGHUP")
    assert copy_holds(path, lambda copy: copy.prose["overview.lead"].startswith(LEAD))
    assert not lock.lock_path(path).exists()  # it left cleanly
    terminal.kill()
    restore_and_save(terminal, tmp_path, path)


def test_sigterm_says_where_the_edits_went(terminal: Terminal, tmp_path: Path) -> None:
    path = copy_sample(tmp_path, CLEAN)
    terminal.start(editor(tmp_path, path.name))
    edit_without_saving(terminal)
    os.kill(terminal.govtui_pid(), signal.SIGTERM)
    screen = terminal.wait_for(f"govtui exited {128 + signal.SIGTERM}")
    assert "govtui 收到终止信号（SIGTERM），已退出。" in screen.replace("\n", "")
    assert copy_holds(path, lambda copy: copy.prose["overview.lead"].startswith(LEAD))


def test_term_dumb_is_refused_pointing_to_the_commands(terminal: Terminal, tmp_path: Path) -> None:
    path = copy_sample(tmp_path, CLEAN)
    terminal.start(editor(tmp_path, path.name, "TERM=dumb LANG=C.UTF-8"))
    screen = terminal.wait_for("govtui exited 2").replace("\n", "")
    assert "这个终端（TERM=dumb）不能显示全屏编辑器" in screen
    assert "govtui check 报告.toml" in screen


def test_a_terminal_that_is_not_utf8_is_refused_saying_what_to_set(
    terminal: Terminal, tmp_path: Path
) -> None:
    path = copy_sample(tmp_path, CLEAN)
    # As LANG=zh_CN.GBK does where that locale is installed; the message goes to a file, as
    # a GBK terminal would show it and tmux (UTF-8) would not.
    terminal.start(editor(tmp_path, f"{path.name} 2>said.txt", "PYTHONIOENCODING=gbk TERM=linux"))
    terminal.wait_for("govtui exited 2")
    said = (tmp_path / "said.txt").read_bytes().decode("gbk")
    assert "编辑器需要 UTF-8 编码的终端，当前是 gbk" in said
    assert "LANG=zh_CN.UTF-8" in said


def test_lang_c_still_draws_chinese(terminal: Terminal, tmp_path: Path) -> None:
    path = copy_sample(tmp_path, CLEAN)
    terminal.start(editor(tmp_path, path.name, "TERM=linux LANG=C LC_ALL=C"))
    terminal.wait_for("F5 三", "云溪县市场监督管理局")
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")


def test_no_color_draws_in_greys_only(terminal: Terminal, tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "yunxi-scjg-2024-broken.toml")
    terminal.start(editor(tmp_path, path.name, "NO_COLOR=1 TERM=xterm-256color LANG=C.UTF-8"))
    terminal.keys("F5")
    terminal.wait_for("「自然人」列不平衡")
    codes = re.findall(r"\x1b\[([0-9;]*)m", terminal.screen(colours=True))
    colours = []
    for code in codes:
        parts = code.split(";")
        for index, part in enumerate(parts):
            if part in ("38", "48") and parts[index + 1 : index + 2] == ["5"]:
                colours.append(int(parts[index + 2]))
            elif part.isdigit() and (30 <= int(part) <= 37 or 90 <= int(part) <= 97):
                colours.append(int(part))
    greys = {16, 231, *range(232, 256)}
    assert colours and set(colours) <= greys, sorted(set(colours) - greys)
