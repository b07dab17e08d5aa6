"""End to end: the installed ``govtui`` command in a real terminal (tmux, TERM=linux, 80 × 24).

A clerk opens a copy of the sample, goes to the matrix, types a count that unbalances a column,
reads the complaint off the screen, fixes the other side, saves with ctrl+s and quits. The file
on disk must hold both numbers and pass ``govtui check``.

tmux runs on its own socket, so a user's tmux sessions are never touched. Without tmux the test
is skipped, unless ``GOVTUI_REQUIRE_TMUX`` is set (CI sets it): then a missing tmux fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tui_helpers import CLEAN, NEXT, SAMPLES, copy_sample

from govtui.io import toml_file
from govtui.rules import check

TMUX = shutil.which("tmux")
REQUIRED = bool(os.environ.get("GOVTUI_REQUIRE_TMUX"))
pytestmark = pytest.mark.skipif(
    TMUX is None and not REQUIRED, reason="tmux is not installed (set GOVTUI_REQUIRE_TMUX to fail)"
)
TIMEOUT = 20.0


def govtui_command() -> str:
    """The console script installed next to this Python (the venv's ``bin``), else on PATH."""
    here = shutil.which("govtui", path=str(Path(sys.executable).parent))
    found = here or shutil.which("govtui")
    assert found, "the govtui command is not installed (pip install -e .)"
    return found


class Terminal:
    """One tmux window on a private server, read with capture-pane."""

    def __init__(self, socket: str) -> None:
        assert TMUX, "tmux is required for this test (GOVTUI_REQUIRE_TMUX is set)"
        self.base = [TMUX, "-L", socket]

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], check=True, capture_output=True, text=True, timeout=TIMEOUT
        )
        return done.stdout

    def start(self, command: str, width: int, height: int) -> None:
        self.run("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), command)

    def govtui(self, folder: Path, argument: str, term: str = "linux") -> None:
        """``govtui ARGUMENT`` in ``folder`` at 80 × 24; the exit status shows when it ends."""
        command = (
            f"cd {folder} && env TERM={term} LANG=C.UTF-8 {govtui_command()} {argument}; "
            'echo "govtui exited $?"; sleep 60'
        )
        self.start(command, 80, 24)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def screen(self, colours: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if colours else []), "-t", "e2e")

    def wait_for(self, *texts: str, gone: str = "") -> str:
        """Poll the screen until every text is on it (and ``gone`` is not); fail after a while."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if all(t in screen for t in texts) and not (gone and gone in screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited for {texts!r} (gone: {gone!r}); the screen:\n{screen}"
                )
            time.sleep(0.05)

    def kill(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=TIMEOUT)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"govtui-e2e-{os.getpid()}")
    try:
        yield term
    finally:
        term.kill()


def test_a_clerk_unbalances_the_matrix_fixes_it_saves_and_quits(
    terminal: Terminal, tmp_path: Path
) -> None:
    report = copy_sample(tmp_path, CLEAN)
    terminal.govtui(tmp_path, report.name)
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


def test_a_clerk_drafts_next_year_from_last_years_file_and_accepts_a_warning(
    terminal: Terminal, tmp_path: Path
) -> None:
    copy_sample(tmp_path, CLEAN)
    last = copy_sample(tmp_path, NEXT)
    terminal.govtui(tmp_path, "yunxi-scjg-2026.toml", term="xterm-256color")
    terminal.wait_for("从上年报告生成本年草稿", "yunxi-scjg-2025.toml")
    terminal.keys("Enter")
    terminal.wait_for("年草稿：上年结转和现行有效件数已接续", "2026年", "*未保存")

    # The grids show last year's value of the current cell.
    terminal.keys("F5")
    terminal.wait_for("一、本年新收政府信息公开申请数量 / 自然人：0  上年：44")

    # 校验 compares with 2025: the draft's prose is 2025's, word for word.
    terminal.keys("F8")
    screen = terminal.wait_for("跨年度校验对照上年报告", "属于内容雷同")
    warnings = int(re.search(r"警告 (\d+)", screen.splitlines()[0]).group(1))  # type: ignore[union-attr]
    terminal.keys("a")
    terminal.wait_for("接受这条警告？")
    terminal.keys("kept on purpose", "Enter")
    terminal.wait_for("警告（已接受）", f"警告 {warnings - 1}")

    terminal.keys("C-s")
    terminal.wait_for("已保存到", gone="*未保存")
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")

    draft = toml_file.load(tmp_path / "yunxi-scjg-2026.toml")
    assert (draft.year, draft.previous) == (2026, NEXT)
    findings = check(draft, previous=toml_file.load(last))
    assert not [f for f in findings if f.rule == "carry_over"]
    # The first warning of 校验 was accepted, and the file says so.
    first = next(f for f in findings if not f.is_error)
    assert [(a.rule, a.place, a.reason) for a in draft.accepted] == [
        (first.rule, first.place, "kept on purpose")
    ]
    assert first.accepted == "kept on purpose"


def test_a_published_report_given_to_the_editor_is_imported_beside_it(
    terminal: Terminal, tmp_path: Path
) -> None:
    source = tmp_path / "yunxi-scjg-2024.docx"
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.docx", source)
    terminal.govtui(tmp_path, source.name)
    terminal.wait_for("是已发布的报告", "导入为「yunxi-scjg-2024.toml」")
    terminal.keys("Enter")
    terminal.wait_for("已由「yunxi-scjg-2024.docx」导入", "错误 0")
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")
    assert toml_file.load(tmp_path / CLEAN) == toml_file.load(SAMPLES / CLEAN)
