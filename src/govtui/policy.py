"""Every rule's id and severity, and what may be accepted: only a warning, only with a reason.

The ids are part of the report file's vocabulary — an acceptance stored in a file names its
rule — and the model refuses an acceptance of an error or of no rule at all, so the severities
are declared here, below the model, once: the registry stamps each rule's findings from this
table (a rule registered under an id missing here fails at import), and the file loader,
``govtui accept``, the editor's 校验 screen, a rule profile and the counting of findings all
ask the functions below (and the desk's dismissals will too).
"""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning"]

SEVERITY: dict[str, Severity] = {
    # the tables themselves
    "balance": "error",
    "stated_total": "error",
    "carry_over": "error",
    # the prose
    "empty_section": "warning",
    "fee_statement": "warning",
    "narrative": "warning",
    "stale_year": "warning",
    "closing_gap": "warning",
    # with last year's report
    "in_force": "warning",
    "copied_text": "warning",
    "swing": "warning",
    # a published report's layout
    "heading_order": "warning",
    "blank_cell": "warning",
    # a rule profile's
    "overview_length": "warning",
    "required_content": "warning",
    # the office's desk
    "copied_from_unit": "warning",
    "parent_sum": "warning",
}


def severity_of(rule: str) -> Severity | None:
    """The severity a rule has; ``None`` for an id no rule has."""
    return SEVERITY.get(rule)


def _warnings_only(rule: str, error: str, allowed: str) -> str | None:
    """``None`` for a warning rule; for an error rule ``error``; for an unknown id, the
    warning rules that ``allowed`` names."""
    severity = severity_of(rule)
    if severity == "warning":
        return None
    if severity == "error":
        return error
    warnings = "、".join(sorted(id for id, severity in SEVERITY.items() if severity == "warning"))
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


# The settings a rule profile (``govtui.toml``'s ``[rules]``) may change: the engine's name of
# each and its default. They live here, beside the severities, so that the profile is read
# without loading the rules; the rules that use them import them from here.
COPIED_THRESHOLD = 0.5  # assessments take off points when more than half a section is reused
THRESHOLD_SETTING = "copied_text_threshold"
SWING_FACTOR = 3.0
SWING_FLOOR = 20.0  # 件
SWING_FEE_FLOOR = 1.0  # 万元
FACTOR_SETTING, FLOOR_SETTING, FEE_FLOOR_SETTING = "swing_factor", "swing_floor", "swing_fee_floor"
OVERVIEW_SETTING = "overview_max_chars"
