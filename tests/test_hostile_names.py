"""File and folder names with escape sequences never reach the terminal raw.

A folder received by mail can be named anything: ``ESC ] 0 ;`` retitles the terminal, ``ESC [
2 J`` clears it, ``BEL`` rings, U+202E and the direction marks reorder what is read. Every
command that prints a name or a piece of file content shows it through
:func:`govtui.controls.visible` (``\\x1b``); each test runs a command as a user would on such
names and looks at every byte it printed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govtui import controls
from govtui.errors import LoadError
from govtui.io import toml_file

SAMPLES = Path(__file__).parent.parent / "sample"
EVIL = "\x1b]0;pwned\x07\x1b[2J\u202e\u200f\u061c\u200b\U000e0041"
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J\\u202e\\u200f\\u061c\\u200b\\U000e0041"
# Anything a terminal would obey or that hides text: C0 but tab and line feed, DEL, C1, the
# direction controls and marks, zero-width characters and tags.
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)


def govtui(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "govtui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )
    assert not RAW.search(result.stdout + result.stderr), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def evil_folder(tmp_path: Path) -> Path:
    """A folder with a hostile name holding a good report, a report with a hostile name whose
    last year is missing, and an unreadable file with a hostile name."""
    folder = tmp_path / f"收到{EVIL}"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", folder / "yunxi.toml")
    shutil.copyfile(SAMPLES / "yunxi-scjg-2025.toml", folder / f"{EVIL}2025.toml")
    (folder / f"坏{EVIL}.toml").write_text("schema = 1\n", encoding="utf-8")
    return folder


def test_check_of_a_folder_shows_names_and_the_last_year_note_escaped(evil_folder: Path) -> None:
    result = govtui("check", evil_folder)
    assert result.returncode == 2
    assert f"{SHOWN}2025.toml  ✓ 没有错误" in result.stdout
    # The report names yunxi-scjg-2024.toml, which is not in this folder: said, escaped.
    assert f"上年报告 {evil_folder.parent}/收到{SHOWN}/yunxi-scjg-2024.toml" in result.stdout
    assert f"坏{SHOWN}.toml" in result.stdout


def test_check_json_carries_the_true_names_as_escapes(evil_folder: Path) -> None:
    result = govtui("check", "--json", evil_folder)
    names = {Path(f["path"]).name for f in json.loads(result.stdout)["files"]}
    assert f"{EVIL}2025.toml" in names  # the real name, for a program to open


def test_check_previous_shows_the_name_escaped(tmp_path: Path) -> None:
    last = tmp_path / f"{EVIL}.toml"
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", last)
    result = govtui("check", SAMPLES / "yunxi-scjg-2025.toml", "--previous", last)
    assert result.returncode == 0
    assert f"对照上年报告：{tmp_path}/{SHOWN}.toml" in result.stdout
    missing = govtui(
        "check", SAMPLES / "yunxi-scjg-2025.toml", "--previous", tmp_path / f"{EVIL}1.toml"
    )
    assert f"上年报告 {tmp_path}/{SHOWN}1.toml 文件不存在：未做跨年度校验" in missing.stdout


def test_aggregate_shows_names_escaped_in_its_table_and_notes(evil_folder: Path) -> None:
    result = govtui("aggregate", evil_folder)
    assert result.returncode == 2
    assert f"✕ 无法读取 {evil_folder.parent}/收到{SHOWN}/坏{SHOWN}.toml" in result.stdout
    assert f"收到{SHOWN}/{SHOWN}2025.toml" in result.stdout
    assert "上年报告" in result.stdout  # the note, escaped (RAW checked every byte)


def test_new_from_a_hostile_name_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    last = tmp_path / f"{EVIL}.toml"
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", last)
    result = govtui("new", tmp_path / "2025.toml", "--from", last)
    assert result.returncode == 2
    assert (
        "文件名中有看不见的控制字符 U+001B（ESC）：本年草稿要记下上年报告的文件名" in result.stderr
    )
    assert not (tmp_path / "2025.toml").exists()


def test_new_from_in_a_hostile_folder_writes_a_draft_that_opens(tmp_path: Path) -> None:
    folder = tmp_path / f"收到{EVIL}"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", folder / "2024.toml")
    result = govtui("new", folder / "2025.toml", "--from", folder / "2024.toml")
    assert result.returncode == 0
    assert f"收到{SHOWN}/2025.toml" in result.stdout
    assert toml_file.load(folder / "2025.toml").previous == "2024.toml"
    checked = govtui("check", folder / "2025.toml")
    assert checked.returncode != 2  # read (a fresh draft has warnings to rewrite its prose)
    assert f"对照上年报告：{folder.parent}/收到{SHOWN}/2024.toml" in checked.stdout


def test_a_published_report_opened_without_a_terminal_is_named_escaped(tmp_path: Path) -> None:
    page = tmp_path / f"{EVIL}.html"
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.html", page)
    result = govtui(page)
    assert result.returncode == 2
    assert f"govtui import {tmp_path}/{SHOWN}.html -o {tmp_path}/{SHOWN}.toml" in result.stderr


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\u200f", "U+200F（从右到左标记）"),
        ("\u061c", "U+061C（阿拉伯文字母标记）"),
        ("\u200b", "U+200B（零宽空格）"),
        ("\U000e0041", "U+E0041"),
    ],
)
def test_direction_marks_zero_widths_and_tags_are_kept_out_of_reports(
    char: str, named: str
) -> None:
    text = (SAMPLES / "yunxi-scjg-2024.toml").read_text(encoding="utf-8")
    spelled = f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"
    hostile = text.replace('agency = "', f'agency = "{spelled}', 1)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(hostile, "x.toml")
    assert f"文字中有看不见的控制字符 {named}" in caught.value.describe()
    assert controls.clean(f"甲{char}乙") == "甲乙"
