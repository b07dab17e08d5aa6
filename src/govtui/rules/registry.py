"""The list of rules and what each one needs; rule modules register themselves here.

A rule's severity is not restated at its definition: it is :data:`govtui.policy.SEVERITY`'s,
declared below the model because a report's file names rules in its acceptances."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from govtui.model import Report
from govtui.places import CellRef
from govtui.policy import SEVERITY, Severity
from govtui.rules.copy_index import CopyIndex
from govtui.rules.finding import Finding

# Totals as printed in a published report, keyed by the computed cell they claim to be.
Printed = Mapping[CellRef, int]


@dataclass(frozen=True)
class Published:
    """How a published report was laid out, as the importer read it: its section headings
    (the section each one is by its words, and the heading as printed), and the cells printed
    blank or as "/", "-", "—" (with what was printed; "" for blank)."""

    headings: tuple[tuple[str, str], ...] = ()
    blank: tuple[tuple[CellRef, str], ...] = ()


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
    published: Published | None = None
    # A rule profile's required phrases per prose key (required_content).
    required: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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
    needs: str  # "report", "previous", "printed", "published", "collection" or "unit_sum"
    function: RuleFunction

    def run(self, context: Context) -> Iterator[Finding]:
        """The rule's findings, each stamped with this rule's id and severity (as sqlfluff's
        rules stamp their code on every result): no rule function restates either."""
        return self.stamp(self.function(context))

    def stamp(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """``findings`` made by this rule's code outside the engine (the desk runs
        ``copied_from_unit`` over its own index), stamped as :meth:`run` stamps them."""
        for finding in findings:
            # The finding was just made by the rule and nobody else holds it: set the two
            # fields in place (``dataclasses.replace`` was a fifth of the engine's time).
            object.__setattr__(finding, "rule", self.id)
            object.__setattr__(finding, "severity", self.severity)
            yield finding


RULES: list[Rule] = []


def rule(id: str, summary: str, needs: str = "report") -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under its stable id, with the severity the policy gives that
    id (a ``KeyError`` at import for an id it does not know)."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(id, SEVERITY[id], summary, needs, function))
        return function

    return register


def rule_named(id: str) -> Rule | None:
    """The rule registered under ``id``, or ``None``."""
    return next((r for r in RULES if r.id == id), None)
