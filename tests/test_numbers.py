"""Counts and fees are read the way clerks type them, and junk is refused with a reason."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govtui.numbers import MAX_COUNT, format_fee, parse_count, parse_fee


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("12", 12), (" 7 ", 7), ("１２３", 123), ("1,234", 1234), ("", 0), ("　５　", 5)],
)
def test_counts_accepted(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "不是数字"),
        ("12a", "不是数字"),
        ("-3", "负数"),
        ("－３", "负数"),
        ("2.5", "整数"),
        ("1,23", "不是数字"),
        (str(MAX_COUNT + 1), "太大"),
        ("1e3", "不是数字"),
    ],
)
def test_counts_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_count(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", "0"),
        ("12.5", "12.5"),
        ("0.50", "0.50"),
        ("24252.311082", "24252.311082"),
        ("９６１７１．６", "96171.6"),
    ],
)
def test_fees_keep_their_digits(text: str, value: str) -> None:
    fee = parse_fee(text)
    assert fee == Decimal(value)
    assert format_fee(fee) == value


@pytest.mark.parametrize("text", ["-1", "abc", "1e5", "12.", ".5"])
def test_fees_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_fee(text)


@given(st.integers(0, MAX_COUNT))
def test_any_count_written_as_digits_reads_back(value: int) -> None:
    assert parse_count(str(value)) == value
    assert parse_count(f"{value:,}") == value


@given(st.text(max_size=12))
def test_parse_count_never_fails_unexpectedly(text: str) -> None:
    try:
        value = parse_count(text)
    except ValueError as error:
        assert str(error)
    else:
        assert 0 <= value <= MAX_COUNT
