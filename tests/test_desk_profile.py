"""The rule profile at the desk: the one found from the roster's folder applies to every unit,
``--profile`` names another, ``--no-profile`` none, and a bad one stops the run with its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.desk_helpers import (
    private_cache_fixture,  # noqa: F401  (autouse fixture)
    sample_fixture,  # noqa: F401  (fixture)
)

from govtui.cli import main


@pytest.fixture
def roster(sample: Path) -> Path:
    """This year's roster of a copy of the sample collection."""
    return sample


def desk_json(roster: Path, capsys: pytest.CaptureFixture[str], *more: str) -> dict:
    main(["desk", str(roster), "--as-of", "2026-02-05", "--json", *more])
    return json.loads(capsys.readouterr().out)


def warnings_of(data: dict, rule: str) -> int:
    return sum(1 for u in data["units"] for f in u["findings"] if f["rule"] == rule)


def test_the_profile_beside_the_roster_applies_to_every_unit(
    roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = desk_json(roster, capsys)
    assert before["collection"]["profile"] is None
    assert warnings_of(before, "copied_text") > 0
    profile = roster.parent / "govtui.toml"
    profile.write_text('[rules]\ndisable = ["copied_text"]\n', encoding="utf-8")
    after = desk_json(roster, capsys)  # the cache must not answer with the old findings
    assert after["collection"]["profile"] == str(profile)
    assert warnings_of(after, "copied_text") == 0
    ignored = desk_json(roster, capsys, "--no-profile")
    assert warnings_of(ignored, "copied_text") == warnings_of(before, "copied_text")


def test_a_profile_named_on_the_command_line_and_a_bad_one(
    roster: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "市里的要求.toml"
    elsewhere.write_text('[rules]\ndisable = ["copied_text"]\n', encoding="utf-8")
    data = desk_json(roster, capsys, "--profile", str(elsewhere))
    assert warnings_of(data, "copied_text") == 0
    bad = roster.parent / "govtui.toml"
    bad.write_text("[rules]\nswing_factr = 3\n", encoding="utf-8")
    code = main(["desk", str(roster), "--as-of", "2026-02-05"])
    err = capsys.readouterr().err
    assert code == 2 and "govtui.toml:2" in err and "swing_factr" in err
