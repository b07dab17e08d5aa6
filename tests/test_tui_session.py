"""The editor's session: cell writes, undo and redo, the balance line's figures, saving."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import reports
from tests.tui_helpers import CLEAN, copy_this_year

from govtui import form
from govtui.errors import SaveError
from govtui.io import toml_file
from govtui.io.exporters import EXPORTERS
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


def test_export_writes_each_format_next_to_the_file(tmp_path: Path) -> None:
    s = session(tmp_path)
    path = s.export()
    assert path == tmp_path / "report.md"
    assert path.read_text(encoding="utf-8") == s.markdown()
    for exporter in EXPORTERS:
        written = s.export(exporter.name)
        assert written == tmp_path / f"report{exporter.suffix}"
        assert written.read_bytes() == exporter.render(s.report)


# --------------------------------------------------------------------------- last year


def test_the_predecessor_the_file_names_is_checked_against(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "carry-over")
    s = Session(toml_file.load(path), path)
    assert s.previous.path == tmp_path / CLEAN and s.notes == ()
    assert {f.column for f in s.findings if f.rule == "carry_over"} == {"自然人", "商业企业"}
    assert s.errors == 2
    last = toml_file.load(tmp_path / CLEAN)
    assert (
        s.last_value("requests", "new", "natural_person") == last.requests["new"]["natural_person"]
    )
    assert s.last_value("requests", "total", "total") == last.value("requests", "total", "total")
    assert s.last_value("proactive", "fees", "amount") == last.fees
    # Fixing the cell in the editor clears the finding: the rules run on every change.
    s.write([("requests", "carried_over", "natural_person", 3)])
    assert {f.column for f in s.findings if f.rule == "carry_over"} == {"商业企业", "总计"}
    s.write([("requests", "carried_over", "commercial", 1)])
    assert not [f for f in s.findings if f.rule == "carry_over"]


def test_without_a_usable_predecessor_there_is_a_note_and_no_comparison(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "carry-over")
    (tmp_path / CLEAN).unlink()
    s = Session(toml_file.load(path), path)
    assert s.previous.report is None
    assert len(s.notes) == 1 and "未做跨年度校验" in s.notes[0]
    assert not [f for f in s.findings if f.rule == "carry_over"]
    assert s.last_value("requests", "new", "natural_person") is None
    assert s.copied_share("overview.lead") is None


def test_another_year_stops_the_comparison_and_the_right_one_restores_it(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "carry-over")
    s = Session(toml_file.load(path), path)
    s.set_identity(year=2026)
    assert s.previous.report is None and "2024 年的" in s.previous.notes[0]
    assert not [f for f in s.findings if f.rule == "carry_over"]
    s.set_identity(year=2025)
    assert [f for f in s.findings if f.rule == "carry_over"]


def test_the_copied_share_is_the_rules_measure(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "copied")
    s = Session(toml_file.load(path), path)
    assert s.copied_share("overview.proactive") == 1.0
    copied = [f for f in s.findings if f.rule == "copied_text"]
    assert [f.field for f in copied] == ["overview.proactive", "closing.problems"]
    s.set_prose(
        "overview.proactive",
        "本年度主动公开工作围绕优化营商环境展开，新设涉企政策专栏，集中发布惠企政策解读和办事指南，按月更新抽检结果。",
    )
    assert s.copied_share("overview.proactive") == 0.0
    assert [f.field for f in s.findings if f.rule == "copied_text"] == ["closing.problems"]


def test_an_accepted_warning_is_stored_and_no_longer_counted(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "in-force")
    s = Session(toml_file.load(path), path)
    (warning,) = [f for f in s.findings if f.rule == "in_force"]
    assert s.warnings == 1
    s.accept(warning, "  2 件文件有效期届满自动失效 ")
    assert s.dirty and s.warnings == 0 and s.counts.accepted == 1
    (accepted,) = [f for f in s.findings if f.rule == "in_force"]
    assert accepted.accepted == "2 件文件有效期届满自动失效"
    assert accepted not in s.open_findings
    s.save()
    assert toml_file.load(path).accepted == s.report.accepted
    assert s.unaccept(accepted) and s.warnings == 1 and s.dirty
    assert not s.unaccept(warning)


def test_errors_and_empty_reasons_are_refused(tmp_path: Path) -> None:
    path = copy_this_year(tmp_path, "carry-over")
    s = Session(toml_file.load(path), path)
    error = next(f for f in s.findings if f.is_error)
    with pytest.raises(ValueError, match="错误不能接受"):
        s.accept(error, "以后再改")
    other = copy_this_year(tmp_path, "in-force")
    warning = next(f for f in Session(toml_file.load(other), other).findings)
    with pytest.raises(ValueError, match="理由"):
        s.accept(warning, "  ")
    assert s.report.accepted == [] and not s.dirty
