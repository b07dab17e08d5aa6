"""Every rule fires on the mistake it exists for, and stays silent on a correct report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from govtui import form
from govtui.io import toml_file
from govtui.model import Report
from govtui.policy import SEVERITY
from govtui.rules import RULES, CellRef, Finding, check, has_errors, refusal
from strategies import balanced_reports, reports, small_counts

SAMPLES = Path(__file__).parent.parent / "sample"


def clean() -> Report:
    return toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_the_clean_sample_has_no_finding() -> None:
    assert check(clean()) == []


def test_every_rule_has_a_unique_id_and_a_summary() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {"balance", "stated_total", "empty_section", "fee_statement", "narrative"} <= set(ids)
    assert all(r.summary for r in RULES)


# --------------------------------------------------------------------------- balance


def test_balance_names_the_column_and_both_sides() -> None:
    report = clean()
    report.requests["granted"]["research"] += 2
    findings = by_rule(check(report), "balance")
    assert [f.column for f in findings] == ["科研机构", "总计"]
    research = findings[0]
    assert research.severity == "error"
    assert research.section == "三"
    assert (research.expected, research.actual) == (0, 2)
    assert "「科研机构」列不平衡" in research.message
    assert CellRef("requests", "total", "research") in research.cells
    assert has_errors(findings)


def test_balance_counts_carried_forward_on_the_right() -> None:
    report = clean()
    report.requests["carried_forward"]["commercial"] -= 1
    report.requests["granted"]["commercial"] += 1
    assert by_rule(check(report), "balance") == []


@given(reports(value=small_counts))
def test_balance_agrees_with_a_direct_recomputation(report: Report) -> None:
    unbalanced = set()
    outcome_keys = [r.key for r in form.OUTCOME_ROWS]
    columns = [c.key for c in form.REQUESTS.input_columns]
    sums = {"total": [0, 0]}
    for column in columns:
        grid = report.requests
        left = grid["new"][column] + grid["carried_over"][column]
        right = sum(grid[k][column] for k in outcome_keys) + grid["carried_forward"][column]
        sums["total"][0] += left
        sums["total"][1] += right
        if left != right:
            unbalanced.add(column)
    if sums["total"][0] != sums["total"][1]:
        unbalanced.add("total")
    found = {
        form.REQUESTS.columns[[c.label for c in form.REQUESTS.columns].index(f.column)].key
        for f in by_rule(check(report), "balance")
    }
    assert found == unbalanced


@given(balanced_reports())
def test_balanced_reports_raise_no_balance_error(report: Report) -> None:
    assert by_rule(check(report), "balance") == []


# --------------------------------------------------------------------------- stated_total


def test_stated_total_compares_printed_totals_with_the_sum() -> None:
    report = clean()
    printed = {
        CellRef("requests", "new", "total"): 51,  # right
        CellRef("requests", "total", "natural_person"): 36,  # the sum is 37
        CellRef("appeals", "review", "total"): 0,  # printed as 0 while cells are filled
    }
    findings = by_rule(check(report, printed=printed), "stated_total")
    assert [(f.row, f.column, f.expected, f.actual) for f in findings] == [
        ("三、本年度办理结果 （七）总计", "自然人", 37, 36),
        ("行政复议", "总计", 4, 0),
    ]
    assert all(f.severity == "error" for f in findings)


def test_stated_total_needs_printed_totals() -> None:
    assert by_rule(check(clean()), "stated_total") == []


# --------------------------------------------------------------------------- prose


def test_empty_section_names_the_field() -> None:
    report = clean()
    report.prose["overview.platforms"] = "  \n"
    (finding,) = by_rule(check(report), "empty_section")
    assert (finding.section, finding.row, finding.field) == (
        "一",
        "（四）政府信息公开平台建设",
        "overview.platforms",
    )
    assert finding.severity == "warning"


def test_optional_fields_may_be_empty() -> None:
    report = clean()
    report.prose["closing.improvements"] = ""
    report.prose["report.preface"] = ""
    assert by_rule(check(report), "empty_section") == []


def test_fee_statement() -> None:
    report = clean()
    report.prose["closing.other_matters"] = "本年度无其他需要报告的事项。"
    (finding,) = by_rule(check(report), "fee_statement")
    assert finding.section == "六" and finding.field == "closing.other_matters"
    report.prose["closing.other_matters"] = "本机关本年度未收取信息处理费。"
    assert by_rule(check(report), "fee_statement") == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("2024年，本局未收到政府信息公开申请。", 0),
        ("全年共收到政府信息公开申请12件。", 12),
        ("本年度共受理政府信息公开申请三十五件。", 35),
    ],
)
def test_narrative_catches_a_different_number(text: str, stated: int) -> None:
    report = clean()
    report.prose["overview.on_request"] = text
    (finding,) = by_rule(check(report), "narrative")
    assert (finding.expected, finding.actual) == (51, stated)
    assert finding.field == "overview.on_request"
    assert CellRef("requests", "new", "total") in finding.cells


def test_narrative_recognises_carried_over_cases_counted_as_received() -> None:
    report = clean()
    report.prose["overview.on_request"] = "本年收到政府信息公开申请54件，均已依法答复。"
    (finding,) = by_rule(check(report), "narrative")
    assert "上年结转的 3 件" in finding.message


def test_narrative_is_silent_when_prose_and_table_agree() -> None:
    report = Report.blank("测试局", 2024)
    report.prose["overview.on_request"] = "2024 年以来我局未收到信息公开申请。"
    assert by_rule(check(report), "narrative") == []


def test_narrative_catches_denied_appeals() -> None:
    report = clean()
    report.prose["closing.other_matters"] += "\n本年度未发生政府信息公开行政复议、行政诉讼案件。"
    findings = by_rule(check(report), "narrative")
    assert {f.expected for f in findings} == {4, 3}  # 4 reviews, 3 lawsuits
    assert all(f.field == "closing.other_matters" for f in findings)


# --------------------------------------------------------------------------- ordering


def test_findings_come_in_the_report_order() -> None:
    report = clean()
    report.prose["closing.other_matters"] = ""
    report.requests["new"]["other"] = 1
    sections = [f.section for f in check(report)]
    assert sections == sorted(sections, key=["一", "二", "三", "四", "五", "六"].index)


# --------------------------------------------------------------------------- registry, policy


def test_every_finding_carries_the_id_and_severity_its_rule_declares() -> None:
    report = clean()
    report.requests["granted"]["research"] += 2
    report.prose["overview.platforms"] = ""
    declared = {r.id: r.severity for r in RULES}
    findings = check(report)
    # 予以公开 in 一（二） no longer agrees either: narrative.
    assert {f.rule for f in findings} == {"balance", "empty_section", "narrative"}
    assert all(f.severity == declared[f.rule] for f in findings)


def test_the_policy_knows_exactly_the_rules_there_are() -> None:
    """A file's acceptances are checked against the policy's table, findings come from the
    registry: a rule missing from either would be unacceptable, or acceptable and never run."""
    assert sorted(SEVERITY) == sorted(r.id for r in RULES)


@pytest.mark.parametrize(
    ("rule", "reason", "refused"),
    [
        ("in_force", "两件文件到期失效", None),
        ("in_force", None, None),  # the reason is not asked yet
        ("balance", "以后再改", "「balance」是错误，错误不能接受，只能改正"),
        ("in_forse", "理由", "不认识的规则「in_forse」"),
        ("copied_text", "  ", "接受警告必须写明理由"),
    ],
)
def test_only_a_warning_with_a_reason_can_be_accepted(
    rule: str, reason: str | None, refused: str | None
) -> None:
    answer = refusal(rule, reason)
    assert answer == refused if refused is None else (answer or "").startswith(refused)


def test_the_readme_lists_every_rule_with_its_severity() -> None:
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Rules") : readme.index("### Rule profile")]
    for declared in RULES:
        assert f"| `{declared.id}` | {declared.severity} |" in table, declared.id
