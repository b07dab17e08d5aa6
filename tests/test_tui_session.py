"""The editor's session: cell writes, undo and redo, the balance line's figures, saving."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import reports

from govtui import form
from govtui.errors import SaveError
from govtui.io import toml_file
from govtui.model import Report
from govtui.tui.session import Session

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "yunxi-scjg-2024.toml"


def session(tmp_path: Path) -> Session:
    path = tmp_path / "report.toml"
    path.write_bytes(SAMPLE.read_bytes())
    return Session(toml_file.load(path), path)


def test_a_write_is_one_undoable_step_and_reruns_the_rules(tmp_path: Path) -> None:
    s = session(tmp_path)
    assert s.errors == 0 and not s.dirty
    s.write([("requests", "new", "natural_person", 39), ("requests", "new", "research", 2)])
    assert s.dirty
    assert s.report.requests["new"]["natural_person"] == 39
    assert {f.column for f in s.findings if f.rule == "balance"} == {"自然人", "科研机构", "总计"}
    s.undo()
    assert s.report.requests["new"]["natural_person"] == 38
    assert s.report.requests["new"]["research"] == 0
    assert s.errors == 0
    s.redo()
    assert s.report.requests["new"]["research"] == 2
    assert s.undo() is not None and s.undo() is None


def test_a_new_write_drops_the_redo_history(tmp_path: Path) -> None:
    s = session(tmp_path)
    s.write([("appeals", "review", "upheld", 5)])
    s.undo()
    s.write([("appeals", "review", "pending", 7)])
    assert s.redo() is None
    assert s.report.appeals["review"]["upheld"] == 2


def test_writing_the_same_value_is_not_a_step(tmp_path: Path) -> None:
    s = session(tmp_path)
    assert s.write([("requests", "new", "natural_person", 38)]) is None
    assert not s.dirty
    assert s.undo() is None


def test_the_fee_is_a_decimal_cell_kept_as_typed(tmp_path: Path) -> None:
    s = session(tmp_path)
    s.write([("proactive", "fees", "amount", Decimal("0.50"))])
    assert s.cell("proactive", "fees", "amount") == Decimal("0.50")
    assert 'fees = "0.50"' in toml_file.dumps(s.report)
    s.undo()
    assert str(s.report.fees) == "12.8650"


def test_computed_cells_read_like_the_model(tmp_path: Path) -> None:
    s = session(tmp_path)
    assert s.cell("requests", "total", "total") == s.report.value("requests", "total", "total")
    with pytest.raises(KeyError):
        s.write([("requests", "total", "natural_person", 3)])


@given(reports(value=st.integers(0, 5)))
def test_the_balance_line_agrees_with_the_balance_rule(report: Report) -> None:
    s = Session(report, Path("x.toml"))
    entries = s.balance()
    assert [e.column for e in entries] == list(form.REQUESTS.columns)
    flagged = {f.column for f in s.findings if f.rule == "balance"}
    for entry in entries:
        assert (entry.difference is not None) == (entry.column.label in flagged)
        assert (entry.difference is None) == (entry.left == entry.right)
        if entry.difference is not None:
            assert entry.difference == entry.right - entry.left


def test_save_writes_the_file_and_clears_the_mark(tmp_path: Path) -> None:
    s = session(tmp_path)
    s.write([("requests", "carried_forward", "other", 4)])
    s.save()
    assert not s.dirty
    assert toml_file.load(s.path).requests["carried_forward"]["other"] == 4


def test_a_failed_save_keeps_the_edits_and_the_mark(tmp_path: Path) -> None:
    s = session(tmp_path)
    s.write([("requests", "carried_forward", "other", 4)])
    s.path = tmp_path / "gone" / "report.toml"  # its folder was removed meanwhile
    with pytest.raises(SaveError, match="文件夹不存在"):
        s.save()
    assert s.dirty
    assert s.report.requests["carried_forward"]["other"] == 4


def test_export_writes_markdown_next_to_the_file(tmp_path: Path) -> None:
    s = session(tmp_path)
    path = s.export()
    assert path == tmp_path / "report.md"
    assert path.read_text(encoding="utf-8") == s.markdown()
