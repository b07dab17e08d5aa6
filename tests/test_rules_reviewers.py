"""The rules on what reviewers cite beyond the arithmetic: each fires on realistic prose (or a
published report as printed) and stays silent on the correct version."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.io import toml_file
from govtui.io.importers import import_report
from govtui.model import Report
from govtui.rules import Finding, check

ROOT = Path(__file__).parent.parent
SEED = ROOT / "sample" / "yunxi-scjg-2024.md"  # as published: the sample's Markdown export


def clean(year: int = 2025) -> Report:
    return toml_file.load(ROOT / "sample" / f"yunxi-scjg-{year}.toml")


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


# ------------------------------------------------------------------------------ stale_year


@pytest.mark.parametrize(
    "text",
    [
        "2024年，云溪县市场监督管理局以习近平新时代中国特色社会主义思想为指导，认真贯彻落实条例。",
        "本年度（2024年）我局继续深化政务公开标准化规范化建设，全年主动公开信息358条。",
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2024年我局未收取信息处理费。",
        "围绕优化营商环境，2024年共收到政府信息公开申请59件，均已依法答复。",
    ],
)
def test_stale_year_finds_last_years_year_written_as_this_years(text: str) -> None:
    report = clean()
    report.prose["overview.lead"] = text
    (finding,) = by_rule(check(report), "stale_year")
    assert (finding.expected, finding.actual, finding.field) == (2025, 2024, "overview.lead")
    assert "疑似照搬上年报告" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "2025年，我局全年主动公开政府信息358条，较2024年增长12%。",
        "本年新收申请59件，加上2024年结转的4件，需办理63件；截至2024年12月31日尚未办结的已在上年报告中说明。",
        "与2024年相比，依申请公开数量有所增加；对2021年以来发布的政策文件逐件核对有效性。",
        "2026年，我局将进一步加强政策解读，提升公开质量。",
    ],
)
def test_stale_year_leaves_comparisons_dates_and_plans_alone(text: str) -> None:
    report = clean()
    report.prose["overview.lead"] = text
    assert by_rule(check(report), "stale_year") == []


def test_stale_year_reads_the_title() -> None:
    report = clean()
    report.title = "云溪县市场监督管理局2024年政府信息公开工作年度报告"
    (finding,) = by_rule(check(report), "stale_year")
    assert finding.row == "标题" and "2024 年" in finding.message


# ----------------------------------------------------------------------------- closing_gap


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("无。", "只写了“无。”"),
        ("暂无", "只写了“暂无”"),
        ("一是部分栏目更新不及时。", "只有 9 个字"),
    ],
)
def test_closing_gap_fires_on_nothing_and_one_liners(text: str, said: str) -> None:
    report = clean()
    report.prose["closing.problems"] = text
    (finding,) = by_rule(check(report), "closing_gap")
    assert finding.field == "closing.problems" and said in finding.message


def test_closing_gap_is_silent_on_real_problems_and_an_unsplit_section() -> None:
    report = clean()
    report.prose["closing.improvements"] = ""  # 五 written as one text
    assert by_rule(check(report), "closing_gap") == []


# --------------------------------------------------------------- overview_length, required


def test_overview_length_only_with_a_limit() -> None:
    report = clean()
    assert by_rule(check(report), "overview_length") == []
    assert by_rule(check(report, settings={"overview_max_chars": 5000}), "overview_length") == []
    (finding,) = by_rule(check(report, settings={"overview_max_chars": 300}), "overview_length")
    assert finding.place == "section.一" and "超过规定的 300 字" in finding.message


def test_required_content_names_the_missing_phrases() -> None:
    report = clean()
    required = {"overview.proactive": ("政策解读", "回应关切"), "overview.platforms": ("门户网站",)}
    (finding,) = by_rule(check(report, required=required), "required_content")
    assert finding.field == "overview.proactive"
    assert "“政策解读”、“回应关切”" in finding.message
    report.prose["overview.proactive"] += "\n全年发布政策解读12篇，回应关切事项5件。"
    assert by_rule(check(report, required=required), "required_content") == []


# --------------------------------------------------------------- published: headings, cells


def _seed(replace: dict[str, str]) -> list[Finding]:
    text = SEED.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    imported = import_report(text, suffix=".md")
    return check(imported.report, printed=imported.printed, published=imported.layout)


def test_a_published_report_as_printed_has_no_layout_finding() -> None:
    findings = _seed({})
    assert by_rule(findings, "heading_order") == [] and by_rule(findings, "blank_cell") == []


def test_heading_order_names_a_misnumbered_heading() -> None:
    findings = _seed({"## 四、政府信息公开行政复议": "## 三、政府信息公开行政复议"})
    (finding,) = by_rule(findings, "heading_order")
    assert finding.message == (
        "章节标题疑似有误：“三、政府信息公开行政复议、行政诉讼情况”应为“四、政府信息公开行政复议、行政诉讼情况”。"
    )


def test_heading_order_names_a_section_out_of_order() -> None:
    text = SEED.read_text(encoding="utf-8")
    five = text.index("## 五、")
    six = text.index("## 六、")
    swapped = text[:five] + text[six:] + "\n" + text[five:six]
    imported = import_report(swapped, suffix=".md")
    findings = check(imported.report, printed=imported.printed, published=imported.layout)
    (finding,) = by_rule(findings, "heading_order")
    assert "排在了“六、其他需要报告的事项”之后" in finding.message


def test_blank_cell_lists_the_cells_printed_as_a_slash_or_blank() -> None:
    row = "| 二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |"
    findings = _seed({row: "| 二、上年结转政府信息公开申请数量 | 2 | 1 | / | 0 | — | 0 | 3 |"})
    (finding,) = by_rule(findings, "blank_cell")
    assert finding.section == "三" and finding.actual == 2
    assert "科研机构（“/”）、法律服务机构（“—”）" in finding.message


def test_layout_rules_need_a_published_report() -> None:
    assert by_rule(check(clean()), "heading_order") == []
