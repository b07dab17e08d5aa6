"""The rule engine: every check of a report, each with a stable id, severity and place.

``check(report)`` runs every rule that its inputs allow — a previous year's report and the
totals printed in a published report are optional — and returns the findings in the order of
the report. Rules are plain functions registered in :mod:`govtui.rules.registry`; they never
touch the terminal or the disk, so the editor can run them on every keystroke and the CLI
over thousands of files.
"""

from govtui.finding import Counts, Finding, count, verdict_json
from govtui.places import CellRef
from govtui.policy import Severity, refusal, severity_of
from govtui.rules.engine import (
    apply_acceptances,
    check,
    has_errors,
    unused_acceptances,
)
from govtui.rules.registry import RULES, Context, Printed, Rule

__all__ = [
    "RULES",
    "CellRef",
    "Context",
    "Counts",
    "Finding",
    "Printed",
    "Rule",
    "Severity",
    "apply_acceptances",
    "check",
    "count",
    "has_errors",
    "refusal",
    "severity_of",
    "unused_acceptances",
    "verdict_json",
]
