"""What may be accepted: only a warning, and only with a reason — decided here and nowhere else.

The file loader, ``govtui accept``, the editor's 校验 screen and the counting of findings all
ask this module (and the desk's dismissals will too), so the policy and the severity it rests
on — the one each rule declares in its decorator (:mod:`govtui.rules.registry`) — are written
once.
"""

from __future__ import annotations

from govtui.rules.finding import Severity
from govtui.rules.registry import RULES, rule_named


def severity_of(rule: str) -> Severity | None:
    """The severity a rule declares; ``None`` for an id no rule has."""
    declared = rule_named(rule)
    return declared.severity if declared else None


def _warnings_only(rule: str, error: str, allowed: str) -> str | None:
    """``None`` for a warning rule; for an error rule ``error``; for an unknown id, the
    warning rules that ``allowed`` names."""
    severity = severity_of(rule)
    if severity == "warning":
        return None
    if severity == "error":
        return error
    warnings = "、".join(sorted(r.id for r in RULES if r.severity == "warning"))
    return f"不认识的规则「{rule}」（{allowed}：{warnings}）"


def rule_refusal(rule: str) -> str | None:
    """Why a finding of ``rule`` can never be accepted (in Chinese), or ``None`` when it can."""
    return _warnings_only(rule, f"「{rule}」是错误，错误不能接受，只能改正", "可以接受的警告")


def reason_refusal(reason: str) -> str | None:
    """Why ``reason`` does not do as the reason of an acceptance, or ``None``."""
    return None if reason.strip() else "接受警告必须写明理由"


def refusal(rule: str, reason: str | None = None) -> str | None:
    """Why a warning of ``rule`` cannot be accepted with ``reason`` (``None``: not asked yet),
    or ``None`` when it can: only a warning, and only with a reason."""
    return rule_refusal(rule) or (None if reason is None else reason_refusal(reason))


def disable_refusal(rule: str) -> str | None:
    """Why a rule profile may not turn ``rule`` off, or ``None`` when it may: like
    acceptance, only a warning — a planted ``govtui.toml`` must never hide an error."""
    return _warnings_only(rule, f"「{rule}」是错误规则，不能关闭", "可以关闭的警告规则")
