"""What the desk finds across units and hands on, timed on generated collections.

For collections of 1 000 and 3 000 units (made by ``bench/desk_bench.py``'s generator, prose
drawn from the samples' sentences):

* ``copied_from_unit`` — every unit's prose indexed and every unit asked for its copied
  fields (:class:`govtui.rules.copy_index.CopyIndex`), against reading the same prose back
  with ``tomllib`` in the same run; and the growth from 1 000 to 3 000 units (linear: 3×);
* the workbook (``--xlsx``) of 3 000 units against the desk's JSON of the same board.

    python bench/desk_outputs_bench.py          # 1 000 and 3 000 units, a few minutes
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from govtui.desk import workbook as books
from govtui.desk.board import build
from govtui.io import roster as rosters
from govtui.rules.copy_index import CopyIndex

HERE = Path(__file__).resolve().parent


def _desk_bench() -> object:
    spec = importlib.util.spec_from_file_location("desk_bench", HERE / "desk_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copying(folder: Path) -> tuple[float, float, int]:
    """Seconds to parse the prose with tomllib, seconds to index and ask, findings found."""
    paths = sorted(folder.glob("*.toml"))
    start = time.perf_counter()
    prose = {}
    for path in paths:
        data = tomllib.loads(path.read_text("utf-8"))
        if "report" not in data:
            continue
        fields = {f"overview.{k}": v for k, v in data.get("overview", {}).items()}
        fields |= {f"closing.{k}": v for k, v in data.get("closing", {}).items()}
        prose[data["report"]["agency"]] = fields
    parse = time.perf_counter() - start
    start = time.perf_counter()
    index = CopyIndex()
    for unit, fields in prose.items():
        index.add(unit, fields)
    found = sum(len(index.copied(unit, 0.5)) for unit in prose)
    return parse, time.perf_counter() - start, found


def workbook(roster: Path) -> tuple[float, float, int]:
    """Seconds for the desk's JSON of the board, and for the workbook; the workbook's bytes."""

    board = build(rosters.load(roster), record_received=False)
    start = time.perf_counter()
    data = board.as_json()
    json.dumps(data, ensure_ascii=False)
    as_json = time.perf_counter() - start
    start = time.perf_counter()
    made = books.render(data, board.sum_report("汇总") if board.counted else None)
    return as_json, time.perf_counter() - start, len(made)


def main(sizes: list[int]) -> None:
    bench = _desk_bench()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="govtui-outputs-cache-")
    print(" units  tomllib prose s  copied_from_unit s  × parse  findings")
    copied: dict[int, float] = {}
    rosters = {}
    for size in sizes:
        root = Path(tempfile.mkdtemp(prefix=f"govtui-outputs-{size}-"))
        roster = bench.generate(root, size)  # type: ignore[attr-defined]
        rosters[size] = roster
        parse, seconds, found = copying(roster.parent)
        copied[size] = seconds
        print(f" {size:5d}  {parse:15.2f}  {seconds:18.2f}  {seconds / parse:7.2f}  {found:8d}")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        growth = copied[large] / copied[small]
        print(
            f"copied_from_unit, {small} → {large} units: {growth:.2f}× the time "
            f"(linear would be {large / small:.2f}×)"
        )
    largest = sizes[-1]
    as_json, seconds, size_bytes = workbook(rosters[largest])
    print(
        f"workbook of {largest} units: {seconds:.2f} s ({size_bytes // 1024} KB), "
        f"the desk's JSON of the same board {as_json:.2f} s, ratio {seconds / as_json:.1f}×"
    )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 3000])
