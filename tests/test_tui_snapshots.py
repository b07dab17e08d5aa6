"""Pictures of the screens that matter most, compared with the committed SVGs.

Regenerate after a deliberate change (or a Textual upgrade) with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the pictures.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.tui_helpers import BROKEN, CLEAN, make_app

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("sample", [CLEAN, BROKEN], ids=["balanced", "unbalanced"])
def test_the_matrix(snap_compare: Any, tmp_path: Path, sample: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path, sample, start="requests"), terminal_size=size)


def test_the_findings_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, BROKEN, start="findings"), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_desk(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    from tests.test_tui_desk import AS_OF, SAMPLE, ready

    from govtui.tui.desk.app import DeskApp

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(SAMPLE, tmp_path / "desk")
    roster = tmp_path / "desk" / "2025" / "名单.toml"
    app = DeskApp([roster], folder=roster.parent, as_of=AS_OF)
    assert snap_compare(app, terminal_size=size, run_before=ready)
