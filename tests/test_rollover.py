"""Next year's draft: what runs on from last year is carried, the rest starts at 0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govtui import form
from govtui.cli import main
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.io.previous import draft_from, last_years_file
from govtui.rollover import next_year
from govtui.rules import check
from govtui.rules.similarity import reused_share

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"


def test_the_draft_carries_what_runs_on_and_zeroes_the_rest() -> None:
    last = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    draft = next_year(last, "../2024/report.toml")
    assert (draft.agency, draft.year, draft.previous) == (last.agency, 2025, "../2024/report.toml")
    for table in form.TABLES:
        for row, column in table.cells():
            if row.kind == "decimal":
                continue
            value = draft.grid(table.key)[row.key][column.key]
            if (table.key, row.key) == ("requests", "carried_over"):
                assert value == last.requests["carried_forward"][column.key], column.key
            elif table.key == "proactive" and column.key == "in_force":
                assert value == last.proactive[row.key]["in_force"], row.key
            else:
                assert value == 0, (table.key, row.key, column.key)
    assert draft.requests["carried_over"]["natural_person"] == 3  # not a column of zeros
    assert draft.proactive["normative_documents"]["in_force"] == 12
    assert draft.fees == 0
    assert {k: v for k, v in draft.prose.items() if k != "overview.on_request"} == {
        k: v for k, v in last.prose.items() if k != "overview.on_request"
    }
    # 一（二） states the draft's own tables, so it cannot start out contradicting them.
    assert draft.prose["overview.on_request"].startswith(
        "2025年，本机关共收到政府信息公开申请0件，上年结转政府信息公开申请4件。"
    )
    assert draft.accepted == []


def test_a_title_override_moves_on_a_year() -> None:
    last = toml_file.load(SAMPLE / "yunxi-scjg-2024.toml")
    last.title = "云溪县市场监管局2024年度政府信息公开工作年度报告"
    assert next_year(last, "x.toml").title == "云溪县市场监管局2025年度政府信息公开工作年度报告"


def test_new_from_writes_a_draft_that_names_its_predecessor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "2024").mkdir()
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", tmp_path / "2024" / "scjg.toml")
    target = tmp_path / "2025" / "scjg.toml"
    target.parent.mkdir()
    assert main(["new", str(target), "--from", str(tmp_path / "2024" / "scjg.toml")]) == 0
    draft = toml_file.load(target)
    assert draft.previous == "../2024/scjg.toml"
    assert draft.year == 2025
    capsys.readouterr()

    # Checked without being told about last year: the carried cells agree, every section
    # still copied from last year is flagged, and nothing else of the cross-year rules fires.
    main(["check", "--json", str(target)])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert entry["previous"] == str(tmp_path / "2024" / "scjg.toml")
    rules = [f["rule"] for f in entry["findings"]]
    assert "carry_over" not in rules and "in_force" not in rules
    copied = [f["row"] for f in entry["findings"] if f["rule"] == "copied_text"]
    judged = [
        f.label for f in form.PROSE_FIELDS if reused_share(draft.prose[f.key], "") is not None
    ]
    assert copied == judged and len(judged) == 9

    # Rewriting a section clears its flag, with no other state to reset.
    draft.prose["overview.platforms"] = toml_file.load(SAMPLE / "yunxi-scjg-2025.toml").prose[
        "overview.platforms"
    ]
    toml_file.save(draft, target)
    previous = toml_file.load(tmp_path / "2024" / "scjg.toml")
    still = [f.field for f in check(draft, previous=previous) if f.rule == "copied_text"]
    assert "overview.platforms" not in still and len(still) == len(copied) - 1


def test_new_from_refuses_a_year_and_an_unreadable_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(SAMPLE / "yunxi-scjg-2024.toml")
    assert main(["new", str(tmp_path / "a.toml"), "--from", source, "--year", "2030"]) == 2
    assert main(["new", str(tmp_path / "b.toml"), "--from", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert "--year" in err and "nope.toml：文件不存在" in err
    assert not (tmp_path / "a.toml").exists() and not (tmp_path / "b.toml").exists()


def test_last_years_file_is_found_by_the_year_in_the_new_name(tmp_path: Path) -> None:
    (tmp_path / "scjg-2024.toml").write_text("", "utf-8")
    assert last_years_file(tmp_path / "scjg-2025.toml") == tmp_path / "scjg-2024.toml"
    assert last_years_file(tmp_path / "scjg-2026.toml") is None  # 2025 is not there
    assert last_years_file(tmp_path / "scjg.toml") is None  # no year to go by
    (tmp_path / "2024").mkdir()
    (tmp_path / "2025").mkdir()
    (tmp_path / "2024" / "scjg.toml").write_text("", "utf-8")
    assert last_years_file(tmp_path / "2025" / "scjg.toml") == tmp_path / "2024" / "scjg.toml"
    (tmp_path / "2024" / "scjg-2024.toml").write_text("", "utf-8")
    found = last_years_file(tmp_path / "2025" / "scjg-2025.toml")
    assert found == tmp_path / "2024" / "scjg-2024.toml"


def test_draft_from_names_last_year_relative_to_the_new_file(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    last = tmp_path / "2024" / "scjg.toml"
    last.write_bytes((SAMPLE / "yunxi-scjg-2024.toml").read_bytes())
    draft = draft_from(last, tmp_path / "2025" / "scjg.toml")
    assert (draft.year, draft.previous) == (2025, "../2024/scjg.toml")
    with pytest.raises(LoadError, match="文件不存在"):
        draft_from(tmp_path / "missing.toml", tmp_path / "x.toml")
