"""Running the rules: pick those whose inputs are present, collect, order by the report."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from govtui import form
from govtui.model import Acceptance, Report
from govtui.policy import disable_refusal, rule_refusal

# Importing the rule modules registers them.
from govtui.rules import (  # noqa: F401
    across_units,
    balance,
    content,
    layout,
    narrative,
    prose,
    totals,
    years,
)
from govtui.rules.copy_index import CopyIndex
from govtui.rules.finding import Finding
from govtui.rules.registry import RULES, Context, Printed, Published, UnitSum

_SECTION_ORDER = {"": 0} | {s.numeral: i + 1 for i, s in enumerate(form.SECTIONS)}


def check(
    report: Report,
    *,
    previous: Report | None = None,
    printed: Printed | None = None,
    settings: Mapping[str, float] | None = None,
    collection: CopyIndex | None = None,
    unit: str = "",
    unit_sum: UnitSum | None = None,
    published: Published | None = None,
    required: Mapping[str, tuple[str, ...]] | None = None,
    disable: frozenset[str] = frozenset(),
    from_profile: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Every finding for ``report``, errors and warnings, in the order of the report's sections.

    Warnings the report accepted (``report.accepted``) come back marked with their reason.
    A rule profile (:mod:`govtui.profile`) gives ``settings``, ``required``, the warnings it
    turns off (``disable``) and the rules whose findings it decided (``from_profile``: id to
    the profile's name, marked on each of their findings).
    The desk adds ``collection`` (every unit's prose; ``unit`` names this report's unit in it)
    and, for the office's own report, ``unit_sum``.
    """
    context = Context(
        report,
        previous,
        printed,
        settings or {},
        collection,
        unit,
        unit_sum,
        published,
        required or {},
    )
    given = {
        "previous": previous,
        "printed": printed,
        "published": published,
        "collection": collection,
        "unit_sum": unit_sum,
    }
    available = {"report", *(need for need, value in given.items() if value is not None)}
    findings: list[Finding] = []
    marks = from_profile or {}
    for rule in RULES:
        if rule.needs not in available:
            continue
        if rule.id in disable and disable_refusal(rule.id) is None:
            continue  # a profile turned this warning off (never an error)
        if rule.id in marks:
            findings.extend(
                dataclasses.replace(f, profile=marks[rule.id]) for f in rule.run(context)
            )
        else:
            findings.extend(rule.run(context))
    findings.sort(key=lambda f: _SECTION_ORDER[f.section])
    return apply_acceptances(findings, report.accepted)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def apply_acceptances(findings: Iterable[Finding], accepted: Iterable[Acceptance]) -> list[Finding]:
    """The findings, each warning that ``accepted`` names marked with the reason.

    An acceptance names a finding by rule and place. Errors are never marked, whatever the
    acceptances say: an error is corrected, not accepted (the file loader refuses such an entry).
    """
    reasons = {(a.rule, a.place): a.reason for a in accepted}
    return [
        dataclasses.replace(f, accepted=reasons[f.rule, f.place])
        if (f.rule, f.place) in reasons and rule_refusal(f.rule) is None
        else f
        for f in findings
    ]


def unused_acceptances(
    findings: Iterable[Finding], accepted: Iterable[Acceptance], *, previous: bool = True
) -> list[Acceptance]:
    """Acceptances that no longer match a warning (it was fixed): they can be removed.

    Without last year's report (``previous=False``) the cross-year rules did not run, so their
    acceptances are not judged: the warning may well still be there.
    """
    unjudged = set() if previous else {r.id for r in RULES if r.needs == "previous"}
    found = {(f.rule, f.place) for f in findings if not f.is_error}
    return [a for a in accepted if a.rule not in unjudged and (a.rule, a.place) not in found]
