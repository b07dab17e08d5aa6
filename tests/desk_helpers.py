"""Shared setup for the desk's tests: a private cache, copies of the sample collection, small
collections of TOML reports made on the spot."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from govtui.cli import main
from govtui.desk.board import Board, build
from govtui.io import roster as rosters
from govtui.io import toml_file
from govtui.model import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "desk"
AS_OF = datetime.date(2026, 2, 5)


@pytest.fixture(autouse=True, name="private_cache")
def private_cache_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test caches in its own folder, never in the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(name="sample")
def sample_fixture(tmp_path: Path) -> Path:
    """A copy of ``sample/desk``; returns this year's roster."""
    target = tmp_path / "desk"
    shutil.copytree(SAMPLE, target)
    return target / "2025" / "名单.toml"


def board(roster: Path, as_of: datetime.date = AS_OF, **options: Any) -> Board:
    return build(rosters.load(roster), as_of=as_of, **options)


def units(board: Board) -> dict[str, Any]:
    return {u.name: u for u in board.units}


def desk(*words: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["desk", *words])
    out, err = capsys.readouterr()
    return code, out, err


def desk_json(roster: Path, capsys: pytest.CaptureFixture[str], *more: str) -> dict[str, Any]:
    code, out, _ = desk(str(roster), "--json", "--as-of", AS_OF.isoformat(), *more, capsys=capsys)
    assert code in (0, 1)
    data: dict[str, Any] = json.loads(out)
    return data


def base_report(year: int = 2025) -> Report:
    return toml_file.load(ROOT / "sample" / f"yunxi-scjg-{year}.toml")


def small_collection(folder: Path, names: list[str], due: str = "2026-01-26") -> Path:
    """A roster of ``names`` (2025, due ``due``) and a clean TOML report for each, with last
    year's roster and reports; returns the roster."""
    last, this = folder / "2024", folder / "2025"
    last.mkdir(parents=True)
    this.mkdir(parents=True)
    before, now = base_report(2024), base_report(2025)
    lines24 = ["[collection]\nyear = 2024\n"]
    lines25 = [
        f'[collection]\nagency = "某县政府办公室"\nyear = 2025\ndue = {due}\n'
        'previous = "../2024/名单.toml"\n'
    ]
    for index, name in enumerate(names):
        for report, target, year in ((before, last, 2024), (now, this, 2025)):
            copy = report.model_copy(deep=True)
            copy.agency, copy.previous = name, ""
            copy.prose = {k: v.replace("云溪县市场监督管理局", name) for k, v in copy.prose.items()}
            toml_file.save(copy, target / f"u{index}-{year}.toml")
        lines24.append(f'\n[[unit]]\nname = "{name}"\n')
        lines25.append(f'\n[[unit]]\nname = "{name}"\n')
    (last / "名单.toml").write_text("".join(lines24), encoding="utf-8")
    roster = this / "名单.toml"
    roster.write_text("".join(lines25), encoding="utf-8")
    return roster
