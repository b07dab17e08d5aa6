"""Tolerant matching of the form's labels, as published reports spell them."""

from __future__ import annotations

import pytest

from govtui.io.importers import labels
from govtui.io.importers.cells import match


def row_named(text: str, table: str = "requests") -> str:
    found = match(labels.norm(text), table)
    return found[0].key if found else ""


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("(一)予以公开", "granted"),
        ("（ 一 ）予 以 公 开", "granted"),
        ("1、属于国家秘密", "withheld.state_secret"),
        ("1. 属于国家秘密", "withheld.state_secret"),
        ("１．属于国家秘密", "withheld.state_secret"),
        ("屬於國家秘密", "withheld.state_secret"),
        ("2.其他法律行政止公开", "withheld.prohibited_by_law"),  # three characters dropped
        ('3.危及"三安全一稳定"', "withheld.security_stability"),
        ("（七）合计", "total"),
        ("(七) 總計", "total"),
        ("二、上年結轉政府信息公開申請數量", "carried_over"),
        ("（二）部分公开（区分处理的，只计这一情", "partly_granted"),  # wrapped
        ("(二) 部分公开", "partly_granted"),  # abridged
        ("3.其他", "other.other"),
        ("（六）其他", "（六）其他处理"),  # the group, which some reports print as one row
    ],
)
def test_row_labels_as_printed(printed: str, key: str) -> None:
    assert row_named(printed) == key


def test_column_headers_name_no_row_surely() -> None:
    # 其他 and 总计 are also column headers: a bare one is only a weak guess.
    for header in ("其他", "总计"):
        found = match(labels.norm(header), "requests")
        assert found is not None and found[1] == 1
    for header in ("自然人", "商业 企业", "法人或其他组织", "申请人情况"):
        assert row_named(header) == ""


@pytest.mark.parametrize(
    ("printed", "key"),
    [("规范性文件", "normative_documents"), ("規章", "rules"), ("行政事业性收费", "fees")],
)
def test_section_two_labels(printed: str, key: str) -> None:
    assert row_named(printed, "proactive") == key


@pytest.mark.parametrize(
    ("heading", "numeral"),
    [
        ("三、收到和处理政府信息公开申请情况", "三"),
        ("表三：收到和处理政府信息公开的申请情况", "三"),
        ("二、收到和处理政府信息公开申请情况", "三"),  # renumbered: the words decide
        ("四、政府信息公开行政法复议、行政诉讼情况", "四"),
        ("一、2024 年总体情况", "一"),
        ("六、其他需要報告的事項", "六"),
        ("三、本年度办理结果", ""),
        ("四、结转下年度继续办理", ""),
        ("牧野区工业和信息化局 2024 年政府信息公开工作年度报告", ""),
    ],
)
def test_section_headings(heading: str, numeral: str) -> None:
    assert labels.section_of(heading) == numeral


@pytest.mark.parametrize(
    ("line", "section", "expected"),
    [
        ("（三）政府信息管理情况", "一", ("overview.management", "")),
        ("(五) 监督保障工作", "一", ("overview.oversight", "")),
        ("（一）主动公开。全年公开信息20条。", "一", ("overview.proactive", "全年公开信息20条。")),
        ("（一）存在的主要问题", "五", ("closing.problems", "")),
        ("（二）改进措施", "五", ("closing.improvements", "")),
        ("主动公开政府信息是法定职责。", "一", ("", "")),
        ("1.问题整改不到位", "五", ("", "")),
    ],
)
def test_prose_sub_headings(line: str, section: str, expected: tuple[str, str]) -> None:
    assert labels.prose_heading(line, section) == expected
