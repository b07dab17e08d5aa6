"""Reading numbers the way clerks type them: half- or full-width, with thousands separators.

Used by the TOML loader's messages, the editor's cells, pastes from spreadsheets and the
importer, so that every door into the model refuses the same things with the same words.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# No real count comes near this; a larger number is a typo or junk.
MAX_COUNT = 10**12
MAX_COUNT_TEXT = "1 万亿"

_WIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋　",
    "0123456789.,-+ ",
)
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
_DECIMAL = re.compile(r"\d+(\.\d+)?")


def _quote(text: str) -> str:
    """What a refusal quotes of the input: short, so that a pasted page stays a one-line message."""
    shown = text.strip()
    return shown if len(shown) <= 24 else shown[:20] + "..."


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding blanks removed."""
    return text.translate(_WIDTH).strip()


def _ungroup(text: str) -> str:
    head, dot, tail = text.partition(".")
    if "," in head and _GROUPED.fullmatch(head):
        head = head.replace(",", "")
    return head + dot + tail


def parse_count(text: str) -> int:
    """A non-negative whole number of cases; ``ValueError`` with a Chinese message otherwise.

    An empty cell is 0: that is what a clerk means by leaving it blank.
    """
    raw = normalize(text)
    if raw == "":
        return 0
    clean = _ungroup(raw)
    if clean.isascii() and clean.isdigit():
        # int() of thousands of digits is refused by Python itself, in English; far shorter
        # than that it is already no count.
        value = int(clean) if len(clean) <= 20 else MAX_COUNT + 1
        if value > MAX_COUNT:
            raise ValueError(f"「{_quote(text)}」太大：件数不会超过{MAX_COUNT_TEXT}，请检查")
        return value
    if clean.startswith("-") and _DECIMAL.fullmatch(clean[1:]):
        raise ValueError(f"「{_quote(text)}」是负数：件数不能小于 0")
    if _DECIMAL.fullmatch(clean.lstrip("+")):
        raise ValueError(f"「{_quote(text)}」有小数：件数必须是整数")
    raise ValueError(f"「{_quote(text)}」不是数字：这里只能填非负整数")


def parse_fee(text: str) -> Decimal:
    """A non-negative amount in 万元, exact, decimals kept as typed (``0.50`` stays ``0.50``)."""
    raw = normalize(text)
    if raw == "":
        return Decimal(0)
    clean = _ungroup(raw)
    if _DECIMAL.fullmatch(clean):
        if len(clean.partition(".")[0]) > 20:
            raise ValueError(f"「{_quote(text)}」太大：金额不会超过{MAX_COUNT_TEXT}万元，请检查")
        try:
            value = Decimal(clean)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            raise ValueError(f"「{_quote(text)}」不是金额") from None
        if value > MAX_COUNT:
            raise ValueError(f"「{_quote(text)}」太大：金额不会超过{MAX_COUNT_TEXT}万元，请检查")
        return value
    if clean.startswith("-") and _DECIMAL.fullmatch(clean[1:]):
        raise ValueError(f"「{_quote(text)}」是负数：金额不能小于 0")
    raise ValueError(f"「{_quote(text)}」不是金额：请填写以万元为单位的数字，如 12.5")


def format_fee(value: Decimal) -> str:
    """The fee as it is written in the file and the report: plain digits, never an exponent."""
    return format(value, "f")
