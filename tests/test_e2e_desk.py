"""End to end: an office opens the sample collection with the real ``govtui`` in tmux
(TERM=linux, 80 × 24), approves a unit, opens another's Word report read-only and comes back,
and quits; the ledger on disk holds the decision."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.tmux import Terminal, govtui_command, needs_tmux

from govtui.desk import ledger

pytestmark = needs_tmux

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "desk"


def test_an_office_approves_a_unit_at_the_desk(terminal: Terminal, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "desk")
    folder = tmp_path / "desk" / "2025"
    command = (
        f"cd {folder} && env TERM=linux LANG=C.UTF-8 XDG_CACHE_HOME={tmp_path / 'cache'} "
        f"{govtui_command()} 名单.toml --as-of 2026-02-05; "
        'echo "govtui exited $?"; sleep 60'
    )
    terminal.start(command, 80, 24)
    # Reading twelve reports in four formats (and last year's) on a busy machine takes a while;
    # the units are listed at once, and those without a report are known when all are read.
    terminal.wait_for("共 12 个单位", "云溪县司法局", "未报送 1", "通过", timeout=90)

    # The search puts the cursor on the unit; a approves it with a note.
    terminal.keys("/")
    terminal.keys("司法局", "Enter")
    terminal.wait_for("名称含「司法局」")
    terminal.keys("a")
    terminal.wait_for("通过「云溪县司法局」的报告？")
    terminal.keys("材料齐全", "Enter")
    terminal.wait_for("已通过「云溪县司法局」")
    record = ledger.load(ledger.path_for(folder / "名单.toml")).units["云溪县司法局"]
    assert (record.decision, record.comment) == ("approved", "材料齐全")

    # A unit that filed Word: its report opens in the editor, read-only; ctrl+q there brings
    # the desk back where it was.
    terminal.keys("/")
    terminal.keys("教育局", "Enter")
    terminal.wait_for("名称含「教育局」")
    terminal.keys("o")
    terminal.wait_for("只读", "教育局2025.docx", timeout=60)
    terminal.keys("C-q")
    terminal.wait_for("名称含「教育局」", "共 12 个单位", timeout=60)

    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")
