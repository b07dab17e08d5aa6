"""End to end: the installed ``govtui`` command in a real terminal (tmux, TERM=linux, 80 × 24).

A clerk opens a copy of the sample, goes to the matrix, types a count that unbalances a column,
reads the complaint off the screen, fixes the other side, saves with ctrl+s and quits. The file
on disk must hold both numbers and pass ``govtui check``.

The terminal is driven as described in ``tests/tmux.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.tmux import Terminal, govtui_command, needs_tmux
from tests.tui_helpers import CLEAN, copy_sample

from govtui.io import toml_file
from govtui.rules import check

pytestmark = needs_tmux


def test_a_clerk_unbalances_the_matrix_fixes_it_saves_and_quits(
    terminal: Terminal, tmp_path: Path
) -> None:
    report = copy_sample(tmp_path, CLEAN)
    command = (
        f"cd {tmp_path} && env TERM=linux LANG=C.UTF-8 {govtui_command()} {report.name}; "
        'echo "govtui exited $?"; sleep 60'
    )
    terminal.start(command, 80, 24)
    terminal.wait_for("F5 三", report.name, "错误 0")

    terminal.keys("F5")
    terminal.wait_for("三、收到和处理政府信息公开申请情况", "一、本年新收", "每一列都平衡")

    # 一、本年新收 / 自然人: 38 becomes 39, one more than the outcomes account for.
    terminal.keys("3", "9", "Enter")
    screen = terminal.wait_for("「自然人」列不平衡", "错误 2", "*未保存")
    assert "比一＋二少1件" in screen.replace("\n", "").replace(" ", "")
    balance = next(line for line in screen.splitlines() if line.startswith("差额"))
    assert balance.split()[1:] == ["-1", "✓", "✓", "✓", "✓", "✓", "-1"]
    # 16 colours: the cell of the finding is drawn in the terminal's red (Textual's default
    # theme would round its light red to white here).
    row = next(
        line for line in terminal.screen(colours=True).splitlines() if "一、本年新收" in line
    )
    assert re.search(r"\x1b\[[0-9;]*31m\s*39 ", row), row

    # The missing case is still open: 四、结转下年度继续办理 / 自然人 goes from 3 to 4.
    terminal.keys("PageDown", "PageDown", "PageDown", "PageDown")
    terminal.wait_for("四、结转下年度继续办理 / 自然人：3")
    terminal.keys("4", "Enter")
    screen = terminal.wait_for("四、结转下年度继续办理 / 自然人：4", "错误 0")
    balance = next(line for line in screen.splitlines() if line.startswith("差额"))
    assert balance.split()[1:] == ["✓"] * 7

    terminal.keys("C-s")
    terminal.wait_for("已保存到", gone="*未保存")
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")

    saved = toml_file.load(report)
    assert saved.requests["new"]["natural_person"] == 39
    assert saved.requests["carried_forward"]["natural_person"] == 4
    assert [f for f in check(saved) if f.is_error] == []
