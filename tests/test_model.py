"""The report model refuses what does not fit the form, and dumps and reads back exactly.

The model is the one validator of every way a report is made (file, import, aggregation, JSON,
code); these tests hold it to the form, and its errors to the places users see.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError
from tests.strategies import reports

from govtui import form
from govtui.errors import LoadError
from govtui.model import Acceptance, Report, validate


def fields(**changes: Any) -> dict[str, Any]:
    """The fields of a blank report, some of them changed."""
    data = Report.blank("测试局", 2024).model_dump()
    data.update(changes)
    return data


def grid_with(table: str, row: str, column: str, value: object) -> dict[str, Any]:
    grid = Report.blank("测试局", 2024).model_dump()[table]
    grid[row][column] = value
    return {table: grid}


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"year": 1899}, "report.year"),
        ({"year": True}, "report.year"),
        ({"year": "2024"}, "report.year"),
        ({"agency": 7}, "report.agency"),
        ({"agency": " "}, "report.agency"),
        ({"fees": Decimal(-1)}, "proactive.fees"),
        ({"fees": 0.5}, "proactive.fees"),  # a float is not an exact amount
        (grid_with("requests", "new", "natural_person", -1), "requests.new.natural_person"),
        (grid_with("requests", "new", "natural_person", True), "requests.new.natural_person"),
        (grid_with("appeals", "review", "upheld", 10**13), "appeals.review.upheld"),
        (grid_with("appeals", "review", "upheld", 1.0), "appeals.review.upheld"),
        (grid_with("requests", "new", "total", 3), "requests.new.total"),  # computed: not stored
        (grid_with("proactive", "licensing", "decisions", -1), "proactive.licensing"),
        ({"requests": {}}, "requests.new"),
        ({"prose": {}}, "overview.lead"),
        ({"prose": {**fields()["prose"], "overview.extra": ""}}, "overview.extra"),
        ({"prose": {**fields()["prose"], "closing.problems": "\x1b[2J"}}, "closing.problems"),
        ({"accepted": [{"rule": "in_force"}]}, "accepted[1].place"),
        (
            {"accepted": [{"rule": "balance", "place": "requests.new.total", "reason": "x"}]},
            "accepted[1].rule",
        ),
        ({"extra": 1}, "extra"),
    ],
)
def test_a_report_that_does_not_fit_the_form_is_refused_naming_the_place(
    changes: dict[str, Any], named: str
) -> None:
    """Pydantic refuses it, and the error reaches the user as the key the TOML file writes."""
    with pytest.raises(ValidationError):
        Report.model_validate(fields(**changes))
    with pytest.raises(LoadError) as caught:
        validate(fields(**changes))
    assert named in {p.key for p in caught.value.problems}


def test_an_acceptance_needs_a_rule_a_place_and_a_reason() -> None:
    with pytest.raises(ValidationError, match="理由"):
        Acceptance(rule="in_force", place="proactive.rules.in_force", reason="  ")
    with pytest.raises(ValidationError, match="rule"):
        Acceptance(rule="", place="proactive.rules.in_force", reason="到期")


@given(reports())
def test_dump_and_validate_give_the_same_report_back(report: Report) -> None:
    report.accept("in_force", "proactive.rules.in_force", "文件到期")
    data = report.model_dump()
    again = Report.model_validate(data)
    assert again == report
    data["prose"][form.PROSE_FIELDS[0].key] = "changed"  # the dump is a copy
    assert again == report


def test_the_fee_is_read_exactly_from_text() -> None:
    assert Report.model_validate(fields(fees="24252.311082")).fees == Decimal("24252.311082")


def test_set_count_refuses_computed_cells_and_bad_counts() -> None:
    report = Report.blank("测试局", 2024)
    report.set_count("requests", "new", "natural_person", 5)
    assert report.value("requests", "new", "total") == 5
    with pytest.raises(KeyError, match="自动计算"):
        report.set_count("requests", "new", "total", 3)
    with pytest.raises(ValueError, match="负数"):
        report.set_count("requests", "new", "natural_person", -1)
    with pytest.raises(ValueError, match="太大"):
        report.set_count("requests", "new", "natural_person", 10**13)
    assert report.value("requests", "new", "natural_person") == 5


def test_accepting_again_replaces_the_reason_and_unaccept_takes_it_back() -> None:
    report = Report.blank("测试局", 2024)
    report.accept("in_force", "proactive.rules.in_force", "旧理由")
    report.accept("in_force", "proactive.rules.in_force", "新理由")
    assert [a.reason for a in report.accepted] == ["新理由"]
    assert report.unaccept("in_force", "proactive.rules.in_force")
    assert not report.unaccept("in_force", "proactive.rules.in_force")
    assert report.accepted == []
