"""Folding command-line text for an 80-column terminal the way Chinese text is set."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govtui.cli.layout import fold, width


def test_an_opening_bracket_goes_down_with_what_it_opens() -> None:
    lines = fold([("一二三四（五）", "")], 10)
    assert lines == ["一二三四", "（五）"]


def test_closing_punctuation_never_starts_a_line() -> None:
    lines = fold([("一二三四五，六", "")], 10)
    assert lines == ["一二三四", "五，六"]


def test_a_number_is_not_split_across_lines() -> None:
    lines = fold([("本年新收 12345 件", "")], 12)
    assert lines == ["本年新收 ", "12345 件"]


def test_the_hanging_indent_starts_every_later_line() -> None:
    lines = fold([("甲乙丙丁戊己庚辛", "")], 10, "  ", "    ")
    assert lines[0].startswith("  甲") and all(line.startswith("    ") for line in lines[1:])


@given(
    st.text(alphabet="一二三（）「」，。 ab12", max_size=60),
    st.integers(min_value=6, max_value=40),
)
def test_folding_keeps_every_character_and_the_width(text: str, columns: int) -> None:
    lines = fold([(text, "")], columns)
    assert "".join(lines) == text
    assert all(width(line) <= columns for line in lines)
