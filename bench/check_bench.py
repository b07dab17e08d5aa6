"""Benchmark: `govtui check` over many report files, against bare `tomllib` parsing.

Generates N report files (default 10 000) of typical size from the invented sample with random
counts, then times, in the same process and run:

* baseline — read each file and parse it with ``tomllib`` (what any TOML reader must do);
* govtui  — read, parse, validate into the model and run every rule (what ``check`` does).

Prints files per second for both and the ratio (aim: under 3x the bare parse).

    python bench/check_bench.py [N]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from govtui.io import toml_file
from govtui.rules import check

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "yunxi-scjg-2024.toml"


def generate(folder: Path, count: int) -> list[Path]:
    template = toml_file.load(SAMPLE)
    rng = random.Random(2024)
    paths = []
    for index in range(count):
        report = template.model_copy(deep=True)
        report.agency = f"云溪县第{index}局"
        for table in ("requests", "appeals", "proactive"):
            for cells in report.grid(table).values():
                for column in cells:
                    cells[column] = rng.randint(0, 60)
        path = folder / f"report-{index:05d}.toml"
        path.write_text(toml_file.dumps(report), encoding="utf-8")
        paths.append(path)
    return paths


def bare_parse(paths: list[Path]) -> None:
    for path in paths:
        tomllib.loads(path.read_bytes().decode("utf-8"))


def govtui_check(paths: list[Path]) -> None:
    for path in paths:
        check(toml_file.load(path))


def timed(function: object, paths: list[Path], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(paths)  # type: ignore[operator]
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        size = sum(p.stat().st_size for p in paths) / count
        govtui_check(paths[:200])  # warm-up: imports, regex compilation, caches
        baseline = timed(bare_parse, paths, 3)
        ours = timed(govtui_check, paths, 3)
    print(f"{count} report files, {size / 1024:.1f} KiB each (median of 3 runs)")
    print(f"  tomllib parse only : {count / baseline:8.0f} files/s  ({baseline:.2f} s)")
    print(f"  govtui check       : {count / ours:8.0f} files/s  ({ours:.2f} s)")
    print(f"  ratio              : {ours / baseline:.2f}x the bare parse (aim: < 3x)")


if __name__ == "__main__":
    main()
