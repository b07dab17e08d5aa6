"""Running the rules: pick those whose inputs are present, collect, order by the report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govtui import form
from govtui.model import Report

# Importing the rule modules registers them.
from govtui.rules import balance, prose, totals  # noqa: F401
from govtui.rules.finding import Finding
from govtui.rules.registry import RULES, Context, Printed

_SECTION_ORDER = {"": 0} | {s.numeral: i + 1 for i, s in enumerate(form.SECTIONS)}


def check(
    report: Report,
    *,
    previous: Report | None = None,
    printed: Printed | None = None,
    settings: Mapping[str, float] | None = None,
) -> list[Finding]:
    """Every finding for ``report``, errors and warnings, in the order of the report's sections."""
    context = Context(report, previous, printed, settings or {})
    available = {"report", *(("previous",) if previous else ()), *(("printed",) if printed else ())}
    findings: list[Finding] = []
    for rule in RULES:
        if rule.needs in available:
            findings.extend(rule.run(context))
    findings.sort(key=lambda f: _SECTION_ORDER[f.section])
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)
