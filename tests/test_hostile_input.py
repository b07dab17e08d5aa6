"""Numbers no count can be, and files no report is: refused with a message, never a traceback.

The fuzzing of the TOML loader is in ``test_hostile_files.py`` and of the importer in
``test_import_properties.py``; this adds the cell parser and the inputs that fuzzing at small
sizes does not reach (thousands of digits, a wrong locale).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.tui_helpers import SAMPLES

from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.numbers import MAX_COUNT, parse_count, parse_fee

SAMPLE = (SAMPLES / "yunxi-scjg-2024.toml").read_text(encoding="utf-8")
DIGITS = st.text("0123456789０１２３４５６７８９,，.．-－+ 　", max_size=60)
ANYTHING = st.text(max_size=200) | DIGITS | st.integers(0, 10**40).map(str)


@given(ANYTHING)
def test_the_cell_parser_reads_a_count_or_says_why_in_chinese(text: str) -> None:
    try:
        value = parse_count(text)
    except ValueError as error:
        message = str(error)
        assert message.startswith("「") and len(message) < 80
        assert any(word in message for word in ("不是数字", "负数", "小数", "太大"))
    else:
        assert 0 <= value <= MAX_COUNT


@given(ANYTHING)
def test_the_fee_parser_reads_an_amount_or_says_why_in_chinese(text: str) -> None:
    try:
        value = parse_fee(text)
    except ValueError as error:
        assert str(error).startswith("「") and len(str(error)) < 80
    else:
        assert 0 <= value <= MAX_COUNT


@pytest.mark.parametrize("digits", [13, 40, 4301, 10_000])
def test_numbers_of_thousands_of_digits_are_too_large_not_a_crash(digits: int) -> None:
    with pytest.raises(ValueError, match="太大"):
        parse_count("9" * digits)
    with pytest.raises(ValueError, match="太大"):
        parse_fee("9" * digits + ".5")
    assert str(parse_count(f"{MAX_COUNT:,}")) == str(MAX_COUNT)


def test_a_file_with_a_number_of_thousands_of_digits_is_refused_with_its_line() -> None:
    text = SAMPLE.replace("licensing = 1864", "licensing = " + "1" * 5000)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "x.toml")
    line = text[: text.index("licensing =")].count("\n") + 1
    assert caught.value.describe() == f"x.toml:{line}：数字位数太多（上千位），不是报告里的数"


@pytest.mark.parametrize(
    ("encoding", "locale"), [("gbk", "zh_CN.GBK"), ("ascii", "POSIX"), ("latin-1", "C")]
)
def test_the_commands_survive_a_terminal_that_is_not_utf8(
    tmp_path: Path, encoding: str, locale: str
) -> None:
    """`check` prints ✓ and Chinese; a GBK or ASCII terminal gets what it can show, a
    Markdown file on standard output stays UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LANG": locale, "LC_ALL": locale}
    sample = str(SAMPLES / "yunxi-scjg-2024.toml")
    checked = subprocess.run(
        [sys.executable, "-m", "govtui", "check", sample], env=env, capture_output=True
    )
    assert checked.returncode == 0, checked.stderr
    assert b"Traceback" not in checked.stderr
    shown = checked.stdout.decode(encoding)
    assert "yunxi-scjg-2024.toml" in shown
    if encoding == "gbk":
        assert "没有错误" in shown
    exported = subprocess.run(
        [sys.executable, "-m", "govtui", "export", sample, "-o", "-"], env=env, capture_output=True
    )
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == (SAMPLES / "yunxi-scjg-2024.md").read_bytes()


def test_a_file_of_dozens_of_megabytes_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(toml_file.MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    with pytest.raises(LoadError, match="文件太大（32 MB），不像是年度报告"):
        toml_file.load(huge)
