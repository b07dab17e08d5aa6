"""The samples are real, runnable examples: they load, check as documented and match the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui import form
from govtui.io import markdown, toml_file
from govtui.rules import check

SAMPLES = Path(__file__).parent.parent / "sample"
TOML_SAMPLES = sorted(SAMPLES.glob("*.toml"))


@pytest.mark.parametrize("path", TOML_SAMPLES, ids=lambda p: p.name)
def test_exported_markdown_beside_each_sample_is_current(path: Path) -> None:
    """Fails when the code changes the export and the samples were not regenerated
    (``govtui export sample/NAME.toml`` for each)."""
    assert path.with_suffix(".md").read_text(encoding="utf-8") == markdown.render(
        toml_file.load(path)
    )


def test_the_invented_sample_has_numbers_in_every_section() -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    assert report.fees > 0
    for table in form.TABLES:
        assert any(v for row in report.grid(table.key).values() for v in row.values()), table.key
    assert report.value("requests", "new", "total") >= 36  # several dozen applications
    used = [r.key for r in form.OUTCOME_ROWS if report.value("requests", r.key, "total")]
    assert len(used) >= 8  # spread over many outcome rows
    assert all(report.prose[f.key] for f in form.PROSE_FIELDS if f.required)


def test_the_broken_sample_is_the_clean_one_with_two_cells_changed() -> None:
    clean = toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")
    broken = toml_file.load(SAMPLES / "yunxi-scjg-2024-broken.toml")
    changed = [
        (row, column)
        for row, cells in clean.requests.items()
        for column, value in cells.items()
        if broken.requests[row][column] != value
    ]
    assert changed == [("granted", "natural_person"), ("carried_forward", "legal_services")]
    assert broken.model_copy(update={"requests": clean.requests}) == clean
    findings = check(broken)
    assert {f.column for f in findings if f.is_error} == {"自然人", "法律服务机构", "总计"}
    # 一（二）'s prose still states the clean sample's figures: narrative says which differ.
    assert {f.rule for f in findings if not f.is_error} == {"narrative"}


def test_the_seed_sample_keeps_the_seed_prose() -> None:
    seed = (Path(__file__).parent / "fixtures" / "muye-gongxin-2024.md").read_text(encoding="utf-8")
    report = toml_file.load(SAMPLES / "muye-gongxin-2024.toml")
    assert report.agency == "牧野区工业和信息化局" and report.year == 2024 and report.title == ""
    for key, text in report.prose.items():
        for line in text.split("\n"):
            assert line in seed, (key, line)
    assert report.prose["closing.problems"].count("\n") == 1  # two paragraphs, one per line
