"""What may be accepted or turned off, under its old name: the policy and the severity it rests
on are declared below the model, in :mod:`govtui.policy` (the model refuses an acceptance of
an error), and the rules' callers still find them here."""

from __future__ import annotations

from govtui.policy import (
    Severity,
    disable_refusal,
    reason_refusal,
    refusal,
    rule_refusal,
    severity_of,
)

__all__ = [
    "Severity",
    "disable_refusal",
    "reason_refusal",
    "refusal",
    "rule_refusal",
    "severity_of",
]
