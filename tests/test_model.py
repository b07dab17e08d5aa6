"""The report model checks itself when it is made, and copies, dumps and reads back exactly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from tests.strategies import reports

from govtui import form
from govtui.model import Acceptance, Report


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
        ({"year": 1899}, "year"),
        ({"year": True}, "year"),
        ({"year": "2024"}, "year"),
        ({"agency": 7}, "agency"),
        ({"fees": Decimal(-1)}, "fees"),
        ({"fees": Decimal("NaN")}, "fees"),
        ({"fees": 1.5}, "fees"),
        (grid_with("requests", "new", "natural_person", -1), "requests.new.natural_person"),
        (grid_with("requests", "new", "natural_person", True), "requests.new.natural_person"),
        (grid_with("appeals", "review", "upheld", 10**13), "appeals.review.upheld"),
        (grid_with("appeals", "review", "upheld", 1.0), "appeals.review.upheld"),
        (grid_with("requests", "new", "total", 3), "requests.new.total"),  # computed: not stored
        ({"requests": {}}, "requests.new"),
        ({"prose": {}}, "prose.overview.lead"),
        ({"prose": {**fields()["prose"], "overview.extra": ""}}, "prose.overview.extra"),
        ({"prose": {**fields()["prose"], "overview.lead": None}}, "prose.overview.lead"),
        ({"accepted": [{"rule": "in_force"}]}, "accepted"),
    ],
)
def test_a_report_that_does_not_fit_the_form_is_refused_naming_the_place(
    changes: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValueError, match=named.replace(".", r"\.")):
        Report(**fields(**changes))


def test_an_acceptance_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="理由"):
        Acceptance(rule="in_force", place="proactive.rules.in_force", reason="  ")
    with pytest.raises(ValueError, match="规则和位置"):
        Acceptance(rule="", place="proactive.rules.in_force", reason="到期")


@given(reports())
def test_dump_and_validate_give_the_same_report_back(report: Report) -> None:
    report.accept("in_force", "proactive.rules.in_force", "文件到期")
    data = report.model_dump()
    again = Report.model_validate(data)
    assert again == report
    data["prose"][form.PROSE_FIELDS[0].key] = "changed"  # the dump is a copy
    assert again == report


def test_validate_reads_the_fee_as_json_writes_it_and_refuses_unknown_keys() -> None:
    data = fields(fees="12.8650")
    assert Report.model_validate(data).fees == Decimal("12.8650")
    with pytest.raises(ValueError, match="不认识的键"):
        Report.model_validate({**data, "extra": 1})
    del data["agency"]
    with pytest.raises(ValueError, match="agency"):
        Report.model_validate(data)


def test_a_deep_copy_shares_nothing_and_an_update_is_taken_as_given() -> None:
    report = Report.blank("测试局", 2024)
    copy = report.model_copy(deep=True, update={"year": 2025})
    copy.requests["new"]["natural_person"] = 5
    assert report.requests["new"]["natural_person"] == 0
    assert (report.year, copy.year) == (2024, 2025)
