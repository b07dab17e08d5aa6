"""The desk's indicators (spec ``desk.md``): counts and rates read from a report's cells.

They are computed from the count vector of :data:`govtui.batch.CELLS` — what a worker sends
back for every report — so a unit, last year's report and the sum are measured the same way,
without keeping any report in memory. A ratio whose denominator is 0 is ``None`` ("—" when
shown), never 0 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from govtui import form
from govtui.outcome import CELLS

Kind = Literal["count", "rate"]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    kind: Kind


INDICATORS: tuple[Indicator, ...] = (
    Indicator("received", "本年新收", "count"),
    Indicator("handled", "办理总数", "count"),
    Indicator("disclosure_rate", "实质公开率", "rate"),
    Indicator("withheld_share", "不予公开占比", "rate"),
    Indicator("unavailable_share", "无法提供占比", "rate"),
    Indicator("not_held_share", "本机关不掌握占（四）比例", "rate"),
    Indicator("rejected_share", "不予处理占比", "rate"),
    Indicator("carry_forward_share", "结转率", "rate"),
    Indicator("review_corrected_rate", "行政复议纠正率", "rate"),
    Indicator("litigation_corrected_rate", "行政诉讼纠正率", "rate"),
    Indicator("appeals", "复议诉讼总数", "count"),
)
BY_KEY: dict[str, Indicator] = {i.key: i for i in INDICATORS}

Values = dict[str, float | int | None]

_INDEX = {cell: index for index, cell in enumerate(CELLS)}
_APPLICANTS = tuple(c.key for c in form.REQUESTS.input_columns)
_OUTCOMES = tuple(r.key for r in form.OUTCOME_ROWS)
_DECIDED = ("upheld", "corrected", "other")
_LITIGATION = ("litigation_direct", "litigation_after_review")


def _requests(*rows: str) -> tuple[int, ...]:
    """Where in the count vector the applicant cells of ``rows`` are."""
    return tuple(_INDEX["requests", row, column] for row in rows for column in _APPLICANTS)


def _outcomes(prefix: str) -> tuple[int, ...]:
    return _requests(*(r for r in _OUTCOMES if r.startswith(prefix)))


def _appeals(rows: tuple[str, ...], columns: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(_INDEX["appeals", row, column] for row in rows for column in columns)


# Each indicator's numerator and denominator as positions in the count vector, worked out
# once: the desk measures thousands of reports (and last year's) on every run.
_CELLS: dict[str, tuple[int, ...]] = {
    "received": _requests("new"),
    "handled": _outcomes(""),
    "disclosed": _requests("granted", "partly_granted"),
    "withheld": _outcomes("withheld."),
    "unavailable": _outcomes("unavailable."),
    "not_held": _requests("unavailable.not_held"),
    "rejected": _outcomes("rejected."),
    "carried_forward": _requests("carried_forward"),
    "to_handle": _requests("new", "carried_over"),
    "review_corrected": _appeals(("review",), ("corrected",)),
    "review_decided": _appeals(("review",), _DECIDED),
    "litigation_corrected": _appeals(_LITIGATION, ("corrected",)),
    "litigation_decided": _appeals(_LITIGATION, _DECIDED),
    "appeals": _appeals(("review", *_LITIGATION), (*_DECIDED, "pending")),
}


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def of_counts(counts: tuple[int, ...]) -> Values:
    """Every indicator of one report (or a sum), from its count vector; ``{}`` without one."""
    if not counts:
        return {}
    get = counts.__getitem__
    n = {name: sum(map(get, cells)) for name, cells in _CELLS.items()}
    handled = n["handled"]
    return {
        "received": n["received"],
        "handled": handled,
        "disclosure_rate": _ratio(n["disclosed"], handled),
        "withheld_share": _ratio(n["withheld"], handled),
        "unavailable_share": _ratio(n["unavailable"], handled),
        "not_held_share": _ratio(n["not_held"], n["unavailable"]),
        "rejected_share": _ratio(n["rejected"], handled),
        "carry_forward_share": _ratio(n["carried_forward"], n["to_handle"]),
        "review_corrected_rate": _ratio(n["review_corrected"], n["review_decided"]),
        "litigation_corrected_rate": _ratio(n["litigation_corrected"], n["litigation_decided"]),
        "appeals": n["appeals"],
    }


@dataclass(frozen=True)
class Change:
    """An indicator against last year: counts by difference and ratio, rates in points."""

    difference: float | None  # counts: this − last; rates: percentage points
    ratio: float | None = None  # counts only: this ÷ last (None when last is 0)


def change(key: str, now: float | int | None, before: float | int | None) -> Change | None:
    """``key``'s change from ``before`` to ``now``; ``None`` when either is not known."""
    if now is None or before is None:
        return None
    if BY_KEY[key].kind == "rate":
        return Change(round((now - before) * 100, 1))
    return Change(now - before, _ratio(int(now), int(before)))


def show(key: str, value: float | int | None) -> str:
    """A value as the desk prints it: counts as they are, rates with one decimal, "—" unknown."""
    if value is None:
        return "—"
    if BY_KEY[key].kind == "rate":
        return f"{value * 100:.1f}%"
    return str(value)


def show_change(key: str, found: Change | None) -> str:
    """A change as the desk prints it: ``+3.1 个百分点``, ``+12（1.3 倍）``, or "" unknown."""
    if found is None or found.difference is None:
        return ""
    if BY_KEY[key].kind == "rate":
        return f"{found.difference:+.1f} 个百分点"
    times = f"（{found.ratio:.1f} 倍）" if found.ratio is not None else ""
    return f"{int(found.difference):+d}{times}"


def as_json(values: Mapping[str, float | int | None]) -> dict[str, float | int | None]:
    """Rates as fractions rounded to 0.1 % (four decimals), counts as integers."""
    return {
        key: round(value, 4) if BY_KEY[key].kind == "rate" and value is not None else value
        for key, value in values.items()
    }


def _short(label: str) -> str:
    """A row label without its parenthesised note: （二）部分公开（区分处理的…） → （二）部分公开."""
    cut = label.find("（", 1)
    return label[:cut] if cut > 0 else label


# The outcome groups （一）…（六） of 三、本年度办理结果, by the first part of their row keys.
OUTCOMES: tuple[tuple[str, str], ...] = tuple(
    dict.fromkeys(
        (row.key.split(".")[0], _short(row.path[-1] if "." in row.key else row.label))
        for row in form.OUTCOME_ROWS
    )
)


def outcomes(counts: tuple[int, ...]) -> dict[str, int]:
    """Applications handled in each outcome group （一）…（六） (总计 column); ``{}`` without counts."""
    if not counts:
        return {}
    found = dict.fromkeys((key for key, _ in OUTCOMES), 0)
    for row in form.OUTCOME_ROWS:
        for column in _APPLICANTS:
            found[row.key.split(".")[0]] += counts[_INDEX["requests", row.key, column]]
    return found
