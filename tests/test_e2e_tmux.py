"""End to end: the installed ``govtui`` command in a real terminal (tmux, TERM=linux, 80 × 24).

A clerk opens a copy of the sample, goes to the matrix, types a count that unbalances a column,
reads the complaint off the screen, fixes the other side, saves with ctrl+s and quits. The file
on disk must hold both numbers and pass ``govtui check``.

The terminal is driven as described in ``tests/tmux.py``.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from tests.tmux import Terminal, govtui_command, needs_tmux
from tests.tui_helpers import CLEAN, NEXT, SAMPLES, copy_sample

from govtui import form
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


def test_keys_sent_in_one_burst_land_in_order_in_text_fields(
    terminal: Terminal, tmp_path: Path
) -> None:
    """tmux sends all the keys of one ``send-keys`` in one write, as a slow SSH link batches
    fast typing: edits and cursor keys must take effect in the order typed (textual#6605)."""
    report = copy_sample(tmp_path, CLEAN)
    terminal.govtui(tmp_path, report.name)
    terminal.wait_for("机关名称", "云溪县市场监督管理局")
    terminal.keys("End", "a", "b", "Left", "Left", "c", "Right", "d", "BSpace", "e")
    terminal.wait_for("云溪县市场监督管理局caeb")
    terminal.keys("F3")
    # The section opens with its first text focused, once it has settled (Textual focuses
    # it after the screen is drawn), as a person reads the screen before typing.
    terminal.wait_for("一、总体情况", "字数 135", "外部编辑器")
    time.sleep(0.5)
    terminal.keys("C-Home", "x", "y", "BSpace", "z", "Left", "w")
    terminal.wait_for("xwz2024年")
    terminal.keys("C-q")
    terminal.wait_for("不保存退出")
    terminal.keys("d")
    terminal.wait_for("govtui exited 0")
    assert toml_file.load(report).agency == "云溪县市场监督管理局"


def test_the_official_table_pasted_with_crlf_and_a_block_copied_out(
    terminal: Terminal, tmp_path: Path
) -> None:
    """Paste: 一 … （七）总计 as copied from Excel (CRLF, the 总计 column), delivered by tmux as
    a terminal delivers it (each LF turned into CR: CR CR between rows), in a bracketed paste.
    Copy: shift+arrows and ctrl+c put the block on tmux's clipboard (OSC 52)."""
    report = copy_sample(tmp_path, CLEAN)
    source = toml_file.load(SAMPLES / NEXT)
    table = form.REQUESTS
    rows = [
        "\t".join(str(source.value(table.key, r.key, c.key)) for c in table.columns)
        for r in table.rows[:-1]
    ]
    terminal.govtui(tmp_path, report.name)
    terminal.run("set-option", "-g", "set-clipboard", "on")
    terminal.wait_for("F5 三", "错误 0")
    terminal.keys("F5")
    terminal.wait_for("一、本年新收", "每一列都平衡")
    terminal.run("set-buffer", "-b", "template", "\r\n".join(rows) + "\r\n")
    terminal.run("paste-buffer", "-p", "-b", "template", "-t", "e2e")
    terminal.wait_for("已粘贴 24 行 × 7 列", "*未保存")
    terminal.keys("C-s")
    terminal.wait_for("已保存到", gone="*未保存")
    saved = toml_file.load(report)
    for row in table.input_rows[:-1]:
        assert saved.requests[row.key] == source.requests[row.key], row.key
    assert (
        saved.requests["carried_forward"]
        == toml_file.load(SAMPLES / CLEAN).requests["carried_forward"]
    )

    terminal.keys("C-Home", "S-Down", "S-Right")
    terminal.keys("C-c")
    terminal.wait_for("已复制 2 行 × 2 列")
    new, carried = source.requests["new"], source.requests["carried_over"]
    copied = terminal.run("show-buffer")  # read as text: CRLF comes back as LF
    assert copied.splitlines() == [
        f"{new['natural_person']}\t{new['commercial']}",
        f"{carried['natural_person']}\t{carried['commercial']}",
    ]
    terminal.keys("C-q")
    terminal.wait_for("govtui exited 0")
