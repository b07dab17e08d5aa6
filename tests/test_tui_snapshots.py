"""Pictures of the screens that matter most, compared with the committed SVGs.

Regenerate after a deliberate change (or a Textual upgrade) with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the pictures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.desk_helpers import (
    private_cache_fixture,  # noqa: F401  (fixture)
    sample_fixture,  # noqa: F401  (fixture)
)
from tests.test_tui_desk import desk_on, ready
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
    snap_compare: Any, sample: Path, private_cache: Path, size: tuple[int, int]
) -> None:

    app = desk_on(sample)
    assert snap_compare(app, terminal_size=size, run_before=ready)
