"""Where each table of a published report was found and how each of its rows was matched.

``import --json`` prints it, and ``import`` sums it up, so that a clerk (or the office that
checks a unit's report) can see what the numbers were read from: the line of the section,
the line and the printed label of each row, and whether the label was the form's own,
a near spelling, a group printed as one row, or a label re-attached to its numbers by order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# How a row was matched, in the words the notes and the JSON use.
EXACT = "行名与表样相同"
NEAR = "行名相近"
WEAK = "行名只有表头用语（如「其他」），按顺序确认"
MERGED = "合并印出的一组，记入该组最后一行"
BY_ORDER = "行名与数字分开印出，按顺序对应"
BY_POSITION = "按数字的顺序（每组五格）"


@dataclass(frozen=True)
class RowEvidence:
    row: str  # the form's full label
    line: int  # the source line of its label (0 when unknown)
    printed: str  # the label as printed
    match: str  # one of the words above


@dataclass
class TableEvidence:
    section: str  # the section's heading, as the form has it
    line: int  # the source line of the section's heading (0 when unknown)
    rows: list[RowEvidence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # rows not found (read as 0)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """One line for the terminal: where the table was and how its rows were found."""
        where = f"第 {self.line} 行起" if self.line else "位置不明"
        kinds: dict[str, int] = {}
        for row in self.rows:
            kinds[row.match] = kinds.get(row.match, 0) + 1
        how = "，".join(f"{count} 行{match}" for match, count in kinds.items()) or "没有读到数字"
        missing = f"，{len(self.missing)} 行没有找到" if self.missing else ""
        return f"{self.section}：{where}；{how}{missing}"


def match_of(score: int) -> str:
    return EXACT if score >= 3 else NEAR if score == 2 else WEAK
