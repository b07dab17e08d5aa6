"""``narrative`` on a corpus of sentences as clerks write them: how often it is wrong, both ways.

The issue's bar: no finding on a sentence that agrees with the tables, and at least 95 % of the
sentences that disagree found, for each kind of figure. The measured rates are printed (run with
``-s``); the README quotes them.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from govtui.io import toml_file
from govtui.rules.narrative import KINDS, contradictions, statements
from govtui.rules.wording import standard_text, with_table_figures
from narrative_corpus import FIELDS, PER_KIND, TEMPLATES, random_report, sentences

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"


def test_the_corpus_has_fifty_of_each() -> None:
    per_kind = Counter((s.kind, s.agrees) for s in sentences())
    assert set(per_kind.values()) == {PER_KIND}
    assert PER_KIND >= 50 and len(per_kind) == 2 * len(TEMPLATES)


def test_narrative_error_rates_on_the_corpus() -> None:
    false_alarms: list[str] = []
    found, missed, alarms = Counter[str](), Counter[str](), Counter[str]()
    any_alarm = 0
    for sentence in sentences():
        report = sentence.report.model_copy(deep=True)
        report.prose[sentence.field] = sentence.text
        every = list(contradictions(report))
        if sentence.agrees:
            if every:
                any_alarm += 1
                alarms[sentence.kind] += 1
                false_alarms.append(f"{sentence.kind}: {sentence.text} -> {every[0].message}")
        elif [f for f in every if f.cells == KINDS[sentence.kind].cells]:
            found[sentence.kind] += 1
        else:
            missed[sentence.kind] += 1
            print("MISSED", sentence.kind, sentence.text)
    print("\n".join(false_alarms))
    lines = [f"{'kind':32} agreeing  false  disagreeing  found"]
    for kind in TEMPLATES:
        lines.append(
            f"{kind:32} {PER_KIND:8} {alarms[kind]:6} {PER_KIND:12} {found[kind] / PER_KIND:6.1%}"
        )
    total = len(TEMPLATES) * PER_KIND
    lines.append(
        f"{'all':32} {total:8} {any_alarm:6} {total:12} {sum(found.values()) / total:6.1%}"
    )
    print("\n".join(lines))
    assert false_alarms == []
    assert all(found[kind] >= 0.95 * PER_KIND for kind in TEMPLATES), dict(missed)


@pytest.mark.parametrize(
    "text",
    [
        "根据《关于做好2024年政务公开工作的通知》（云政办〔2024〕12号），本年度依申请公开工作有序开展。",
        "全年约50件申请在10个工作日内答复，办结率100%，满意率98.5%。",
        "收到申请3至5件的股室有4个，申请量较上年增加12件，2023年收到申请39件。",
        "全年收到申请50余件，均在规定期限内答复。",
        "行政复议和行政诉讼共7件。",
        "其中机构职能、政策文件、行政许可、行政处罚、抽检结果等信息228条。",
    ],
)
def test_figures_about_something_else_are_not_read(text: str) -> None:
    assert list(statements(text, 2024)) == []


def test_a_mismatch_names_the_sentence_the_stated_figure_and_the_table() -> None:
    report = toml_file.load(SAMPLE)
    report.prose["overview.on_request"] = (
        "2024年，本局共收到政府信息公开申请五十一件，办结五十件，其中予以公开二十件。"
    )
    (finding,) = contradictions(report)
    assert (finding.expected, finding.actual) == (22, 20)
    assert "「（二）依申请公开」中“...其中予以公开二十件”" in finding.message
    assert "说予以公开 20 件，但三「（一）予以公开」总计是 22 件" in finding.message
    assert finding.place == "overview.on_request/requests.granted.total"


def test_respectively_pairs_kinds_and_figures() -> None:
    found = statements("许可、处罚和强制措施决定分别为1,702件、两百九十八件和36件。", 2023)
    assert [(s.kind, int(s.figure.value)) for s in found] == [
        ("licensing", 1702),
        ("penalties", 298),
        ("coercion", 36),
    ]


def test_the_fee_is_compared_in_wan_yuan_and_never_the_information_fee() -> None:
    report = toml_file.load(SAMPLE)
    report.prose["overview.proactive"] = "收取行政事业性收费128650元；收取信息处理费0.1万元。"
    assert list(contradictions(report)) == []
    report.prose["overview.proactive"] = "收取行政事业性收费12.9万元。"
    (finding,) = contradictions(report)
    assert (finding.expected, finding.actual) == ("12.8650", "12.9")


def test_the_standard_sentences_state_every_figure_and_agree_with_the_tables() -> None:
    rng = random.Random(7)
    for _ in range(200):
        report = random_report(rng)
        for key in ("overview.proactive", "overview.on_request", "overview.oversight"):
            report.prose[key] = standard_text(report, key) or ""
        assert list(contradictions(report)) == [], report.prose["overview.on_request"]
        kinds = {s.kind for s in statements(report.prose["overview.on_request"], report.year)}
        assert kinds == {k for k, field in FIELDS.items() if field == "overview.on_request"}
        stated = {s.kind for s in statements(report.prose["overview.proactive"], report.year)}
        assert stated >= {k for k, field in FIELDS.items() if field == "overview.proactive"}


def test_the_standard_sentences_disagree_once_the_table_changes() -> None:
    report = toml_file.load(SAMPLE)
    report.prose["overview.on_request"] = standard_text(report, "overview.on_request") or ""
    report.requests["granted"]["natural_person"] += 1
    report.requests["new"]["natural_person"] += 1
    # received, 办结 and 予以公开 each one more than the sentence says
    assert {(f.actual, f.expected) for f in contradictions(report)} == {
        (51, 52),
        (50, 51),
        (22, 23),
    }


def test_with_table_figures_rewrites_only_the_contradicted_figures() -> None:
    report = toml_file.load(SAMPLE)
    report.proactive["penalties"]["decisions"] = 400
    report.requests["granted"]["natural_person"] += 1
    report.requests["new"]["natural_person"] += 1
    for key in ("overview.proactive", "overview.on_request"):
        report.prose[key] = with_table_figures(report, report.prose[key])
    fixed = report.prose["overview.proactive"] + report.prose["overview.on_request"]
    assert "行政处罚决定400件" in fixed and "予以公开23件" in fixed
    assert "收到政府信息公开申请52件" in fixed and "已办结51件" in fixed
    assert "主动公开政府信息316条" in fixed  # a figure about something else stays
    assert list(contradictions(report)) == []
