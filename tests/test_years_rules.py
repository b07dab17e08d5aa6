"""The cross-year rules over a chain of three years of the same bureau, and planted errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.io import toml_file
from govtui.model import Report
from govtui.rules import check
from govtui.rules.similarity import reused_share

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CROSS_YEAR = {"carry_over", "in_force", "copied_text"}


def load(name: str) -> Report:
    folder = FIXTURES if name.startswith("fixtures/") else SAMPLE
    return toml_file.load(folder / name.removeprefix("fixtures/"))


@pytest.mark.parametrize(
    ("this", "last"),
    [
        ("yunxi-scjg-2024.toml", "yunxi-scjg-2023.toml"),
        ("yunxi-scjg-2025.toml", "yunxi-scjg-2024.toml"),
    ],
)
def test_a_consistent_chain_has_no_finding_at_all(this: str, last: str) -> None:
    assert check(load(this), previous=load(last)) == []


def test_cross_year_rules_need_last_years_report() -> None:
    broken = load("fixtures/yunxi-scjg-2025-carry-over.toml")
    assert not {f.rule for f in check(broken)} & CROSS_YEAR


def test_carry_over_names_each_column_that_differs() -> None:
    findings = check(
        load("fixtures/yunxi-scjg-2025-carry-over.toml"), previous=load("yunxi-scjg-2024.toml")
    )
    # 自然人 3 → 2 and 商业企业 1 → 2: the 总计 (4) still agrees, so only a per-column check sees it.
    assert [(f.rule, f.column, f.expected, f.actual) for f in findings] == [
        ("carry_over", "自然人", 3, 2),
        ("carry_over", "商业企业", 1, 2),
    ]
    assert all(f.severity == "error" for f in findings)
    assert findings[0].place == "requests.carried_over.natural_person"


def test_carry_over_checks_the_total_column_too() -> None:
    report, last = load("yunxi-scjg-2025.toml"), load("yunxi-scjg-2024.toml")
    report.requests["carried_over"]["research"] = 1
    report.requests["new"]["research"] = 0  # keeps the balance rule quiet
    findings = check(report, previous=last)
    assert [(f.column, f.expected, f.actual) for f in findings if f.rule == "carry_over"] == [
        ("科研机构", 0, 1),
        ("总计", 4, 5),
    ]


def test_in_force_fires_on_the_planted_error_only() -> None:
    findings = check(
        load("fixtures/yunxi-scjg-2025-in-force.toml"), previous=load("yunxi-scjg-2024.toml")
    )
    assert [(f.rule, f.row, f.expected, f.actual, f.severity) for f in findings] == [
        ("in_force", "行政规范性文件", 11, 13, "warning")
    ]
    assert findings[0].place == "proactive.normative_documents.in_force"


def test_in_force_covers_rules_as_well() -> None:
    report, last = load("yunxi-scjg-2025.toml"), load("yunxi-scjg-2024.toml")
    report.proactive["rules"].update(issued=2, repealed=0, in_force=1)
    findings = [f for f in check(report, previous=last) if f.rule == "in_force"]
    assert [(f.row, f.expected, f.actual) for f in findings] == [("规章", 2, 1)]


def test_copied_text_reports_the_copied_sections_and_not_the_rewritten_ones() -> None:
    findings = check(
        load("fixtures/yunxi-scjg-2025-copied.toml"), previous=load("yunxi-scjg-2024.toml")
    )
    assert [(f.rule, f.field, f.actual) for f in findings] == [
        ("copied_text", "overview.proactive", "100%"),
        ("copied_text", "closing.problems", "100%"),
    ]
    assert "100%" in findings[0].message and "2024" in findings[0].message


def test_copied_text_threshold_is_a_setting() -> None:
    report, last = load("yunxi-scjg-2025.toml"), load("yunxi-scjg-2024.toml")
    shares = {key: reused_share(report.prose[key], last.prose[key]) for key in report.prose}
    lower = 0.25
    expected = [k for k, share in shares.items() if share is not None and round(share * 100) > 25]
    assert expected  # the rewritten 2025 texts still share some stock phrases with 2024
    findings = check(report, previous=last, settings={"copied_text_threshold": lower})
    assert [f.field for f in findings] == expected
    assert check(report, previous=last, settings={"copied_text_threshold": 1.0}) == []


# ----------------------------------------------------------------------- the measure


def test_a_copy_with_the_figures_updated_is_still_a_copy() -> None:
    last = "全年主动公开政府信息316条，其中政策文件228条，工作动态88条，均在7个工作日内公开。"
    this = "全年主动公开政府信息358条，其中政策文件250条，工作动态108条，均在7个工作日内公开。"
    assert reused_share(this, last) == 1.0


def test_moving_paragraphs_around_is_still_copying() -> None:
    last = load("yunxi-scjg-2024.toml").prose["overview.management"]
    this = "\n".join(reversed(last.split("\n")))
    share = reused_share(this, last)
    assert share is not None and share > 0.95


def test_half_copied_text_is_about_half() -> None:
    last = load("yunxi-scjg-2024.toml").prose["overview.platforms"]
    new = load("yunxi-scjg-2025.toml").prose["overview.platforms"]
    share = reused_share(last + new, last)
    assert share is not None and 0.4 < share < 0.6


def test_a_short_formula_is_not_judged() -> None:
    assert reused_share("本年度无其他需要报告的事项。", "本年度无其他需要报告的事项。") is None


def test_another_agencys_report_is_not_a_copy() -> None:
    muye, yunxi = load("muye-gongxin-2024.toml"), load("yunxi-scjg-2024.toml")
    for key, text in yunxi.prose.items():
        share = reused_share(text, muye.prose[key])
        assert share is None or share < 0.5, key


# --------------------------------------------------------------------------------- swing


def test_swing_flags_a_figure_that_jumped_against_last_year() -> None:
    last = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    this = toml_file.load(SAMPLE / "yunxi-scjg-2025.toml")
    assert [f for f in check(this, previous=last) if f.rule == "swing"] == []
    this.proactive["penalties"]["decisions"] = 981  # 327 last year: three times and more
    this.proactive["coercion"]["decisions"] = 13  # 41 last year: under a third
    this.proactive["licensing"]["decisions"] = 5000  # 1864: less than three times, silent
    this.fees = this.fees * 3  # 13.042 → 39.126 万元, 12.865 last year
    found = {f.row: f for f in check(this, previous=last) if f.rule == "swing"}
    assert set(found) == {
        "行政处罚（本年处理决定数量）",
        "行政强制（本年处理决定数量）",
        "行政事业性收费（万元）",
    }
    assert "是 2024 年的 3.0 倍" in found["行政处罚（本年处理决定数量）"].message
    assert "不到 2024 年的 1/3" in found["行政强制（本年处理决定数量）"].message


def test_swing_ignores_small_figures_and_follows_the_profile() -> None:
    last = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    this = toml_file.load(SAMPLE / "yunxi-scjg-2025.toml")
    this.appeals["review"]["upheld"] += 10  # 行政复议 4 → 13: over three times, under 20
    assert [f for f in check(this, previous=last) if f.rule == "swing"] == []
    looser = {"swing_floor": 10.0}
    (finding,) = [f for f in check(this, previous=last, settings=looser) if f.rule == "swing"]
    assert finding.row == "行政复议（总计）"
