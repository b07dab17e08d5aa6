"""The list of rules and what each one needs; rule modules register themselves here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from govtui.model import Report
from govtui.rules.finding import CellRef, Finding, Severity

if TYPE_CHECKING:
    from govtui.rules.copy_index import CopyIndex

# Totals as printed in a published report, keyed by the computed cell they claim to be.
Printed = Mapping[CellRef, int]


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at; rules that need an absent input are not run."""

    report: Report
    previous: Report | None = None
    printed: Printed | None = None
    settings: Mapping[str, float] = field(default_factory=dict)
    # The office's desk: every unit's prose (and this report's unit name in it), and for the
    # office's own report the sum of the units it counts.
    collection: CopyIndex | None = None
    unit: str = ""
    unit_sum: UnitSum | None = None


@dataclass(frozen=True)
class UnitSum:
    """The sum of a collection's counted units, which the office's own report should equal."""

    report: Report
    units: tuple[str, ...]


RuleFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # one line in Chinese, for help screens and ``govtui check --rules``
    needs: str  # "report", "previous", "printed", "collection" or "unit_sum"
    run: RuleFunction


RULES: list[Rule] = []


def rule(
    id: str, severity: Severity, summary: str, needs: str = "report"
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under its stable id."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(id, severity, summary, needs, function))
        return function

    return register
