"""The list of rules and what each one needs; rule modules register themselves here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from govtui.model import Report
from govtui.rules.finding import CellRef, Finding, Severity

# Totals as printed in a published report, keyed by the computed cell they claim to be.
Printed = Mapping[CellRef, int]


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at; rules that need an absent input are not run."""

    report: Report
    previous: Report | None = None
    printed: Printed | None = None
    settings: Mapping[str, float] = field(default_factory=dict)


RuleFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # one line in Chinese, for help screens and ``govtui check --rules``
    needs: str  # "report", "previous" or "printed"
    function: RuleFunction

    def run(self, context: Context) -> Iterator[Finding]:
        """The rule's findings, each stamped with this rule's id and severity (as sqlfluff's
        rules stamp their code on every result): the declaration is the one source of both."""
        for finding in self.function(context):
            yield dataclasses.replace(finding, rule=self.id, severity=self.severity)


RULES: list[Rule] = []


def rule(
    id: str, severity: Severity, summary: str, needs: str = "report"
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under its stable id."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(id, severity, summary, needs, function))
        return function

    return register
