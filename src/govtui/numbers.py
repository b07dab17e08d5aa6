"""Every number of a report, and the one bound on it: counts and the fee, however they arrive.

:func:`check_count` and :func:`check_fee` are the bounds. The model's validator calls them for
every cell of every report (a TOML file, an import, a sum, JSON), the editor's cell setter calls
them on every edit, and :func:`parse_count` / :func:`parse_fee` (what clerks type or paste:
half- or full-width, with thousands separators) read the text and hand the number to them. So
every door into the model refuses the same numbers with the same words.
"""

from __future__ import annotations

import re
from decimal import Decimal

# The bounds, written in the README's file format section. No real count comes near
# MAX_COUNT; a larger number is a typo or junk, and would not fit the grid's cells.
MAX_COUNT = 10**12
MAX_COUNT_TEXT = "1 万亿"
# The fee (行政事业性收费) is in 万元: six decimals are 1 分, the smallest amount there is.
MAX_FEE = 10**12
MAX_FEE_TEXT = f"{MAX_COUNT_TEXT}万元"
MAX_FEE_PLACES = 6
YEARS = (1900, 9999)

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


def _shown(value: int | Decimal) -> str:
    """A number as a TOML file spells it (``1e13``, ``inf``), for a message."""
    if isinstance(value, int):
        # str() of an int of more than 4300 digits is refused by Python itself.
        return _quote(str(value)) if value.bit_length() <= 256 else "一个上百位的数"
    if value.is_nan():
        return "nan"
    if value.is_infinite():
        return "-inf" if value.is_signed() else "inf"
    return _quote(str(value).replace("E+", "e").replace("E", "e"))


def kind(value: object) -> str:
    """What a value that is not the expected one is, in the clerk's words (for messages)."""
    if isinstance(value, bool):
        return f"真假值 {str(value).lower()}"
    if isinstance(value, str):
        return f'文字 "{value[:20]}"'
    if isinstance(value, dict):
        return "一个表"
    if isinstance(value, list):
        return "一个数组"
    if isinstance(value, Decimal):
        return f"小数 {_shown(value)}"
    if isinstance(value, float):
        return f"浮点数 {value}"
    if isinstance(value, int):
        return f"整数 {_shown(value)}"
    return "空值" if value is None else type(value).__name__


# ------------------------------------------------------------------ the bounds


def check_count(value: object, shown: str | None = None) -> int:
    """``value`` as a count of cases: an integer from 0 to :data:`MAX_COUNT`.

    An ``int`` (not ``bool``) or an exact ``Decimal`` with an integral value (a TOML file's
    ``3.0e2``); ``-0.0``, ``inf``, ``nan``, fractions, floats and text are refused with a
    ``ValueError`` saying why in Chinese. ``shown`` is the input as typed, quoted in the message.
    """
    if type(value) is int and 0 <= value <= MAX_COUNT:
        return value
    if type(value) is not int and not isinstance(value, Decimal):
        raise ValueError(f"应为整数（不加引号），而不是{kind(value)}")
    quoted = shown if shown is not None else _shown(value)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"「{quoted}」不是数字：件数只能是非负整数")
    if value < 0 or (isinstance(value, Decimal) and value.is_signed()):
        raise ValueError(f"「{quoted}」是负数：件数不能小于 0")
    if value > MAX_COUNT:
        raise ValueError(f"「{quoted}」太大：件数不会超过{MAX_COUNT_TEXT}，请检查")
    if isinstance(value, Decimal) and value != value.to_integral_value():
        raise ValueError(f"「{quoted}」有小数：件数必须是整数")
    return int(value)


def check_fee(value: object, shown: str | None = None) -> Decimal:
    """``value`` as the fee in 万元: a decimal from 0 to :data:`MAX_FEE` with at most
    :data:`MAX_FEE_PLACES` decimals, kept exactly as written (``0.50`` stays ``0.50``).

    A ``Decimal``, an ``int`` or a string of plain digits (``"12.8650"``, as the file writes
    it); ``1e999999999``, ``inf``, ``nan``, ``-0.0``, floats and other text are refused with a
    ``ValueError`` saying why in Chinese.
    """
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value):
            raise ValueError(_not_an_amount(shown if shown is not None else _quote(value)))
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif type(value) is int:
        amount = Decimal(value)
    else:
        raise ValueError(f'应为金额（如 "12.5"），而不是{kind(value)}')
    quoted = shown if shown is not None else _shown(amount)
    if not amount.is_finite():
        raise ValueError(_not_an_amount(quoted))
    if amount.is_signed():
        raise ValueError(f"「{quoted}」是负数：金额不能小于 0")
    if amount > MAX_FEE:
        raise ValueError(f"「{quoted}」太大：金额不会超过{MAX_FEE_TEXT}，请检查")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_FEE_PLACES:
        raise ValueError(
            f"「{quoted}」的小数太多：金额以万元为单位，最多 {MAX_FEE_PLACES} 位小数（即 1 分）"
        )
    return amount


def check_year(value: object) -> int:
    """``value`` as the report's year: a whole number from 1900 to 9999."""
    if type(value) is not int:
        raise ValueError(f"年度应为整数，如 2024，而不是{kind(value)}")
    if not YEARS[0] <= value <= YEARS[1]:
        raise ValueError(f"年度 {_shown(value)} 不合理：应为四位数的年份，如 2024")
    return value


def _not_an_amount(quoted: str) -> str:
    return f"「{quoted}」不是金额：请填写以万元为单位的数字，如 12.5"


# ------------------------------------------------------------------ what clerks type


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding blanks removed."""
    return text.translate(_WIDTH).strip()


def _ungroup(text: str) -> str:
    head, dot, tail = text.partition(".")
    if "," in head and _GROUPED.fullmatch(head):
        head = head.replace(",", "")
    return head + dot + tail


def parse_count(text: str) -> int:
    """A count as typed; ``ValueError`` with a Chinese message otherwise.

    An empty cell is 0: that is what a clerk means by leaving it blank. A decimal point is
    refused even in ``3.0``: a count is typed as a whole number.
    """
    raw = normalize(text)
    if raw == "":
        return 0
    clean = _ungroup(raw)
    shown = _quote(text)
    if clean.isascii() and clean.isdigit():
        # int() of thousands of digits is refused by Python itself; Decimal reads any length.
        return check_count(int(clean) if len(clean) <= 20 else Decimal(clean), shown)
    if clean.startswith("-") and _DECIMAL.fullmatch(clean[1:]):
        check_count(Decimal(clean), shown)  # signed, so refused there, in the common words
    if _DECIMAL.fullmatch(clean.lstrip("+")):
        raise ValueError(f"「{shown}」有小数：件数必须是整数")
    raise ValueError(f"「{shown}」不是数字：这里只能填非负整数")


def parse_fee(text: str) -> Decimal:
    """The fee as typed, in 万元, exact, decimals kept as typed (``0.50`` stays ``0.50``)."""
    raw = normalize(text)
    if raw == "":
        return Decimal(0)
    clean = _ungroup(raw)
    shown = _quote(text)
    if clean.startswith("-") and _DECIMAL.fullmatch(clean[1:]):
        raise ValueError(f"「{shown}」是负数：金额不能小于 0")
    if _DECIMAL.fullmatch(clean):
        return check_fee(clean, shown)
    raise ValueError(_not_an_amount(shown))


def format_fee(value: Decimal) -> str:
    """The fee as it is written in the file and the report: plain digits, never an exponent."""
    return format(value, "f")
