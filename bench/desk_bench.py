"""How fast ``govtui desk`` looks at a collection, the first time and again, against ``check``.

Generates collections of N units (1 000 and 3 000 by default) with last year's: ``2024/``
(N reports and a roster naming each file, as ``desk init`` writes it) and ``2025/`` (N
reports that name last year's file, so that ``check`` runs the cross-year rules too, and a
roster with ``[collection] previous`` whose units are found by agency name). Then runs, each
in a fresh process so that its peak memory is its own:

* ``check``      — ``govtui check 2025/ --json``: every report with last year's;
* ``desk cold``  — ``govtui desk 2025/名单.toml --json`` with an empty cache and no ledger;
* ``desk warm``  — the same again, nothing changed: the cache answers, nothing is parsed.

Three rounds, interleaved; prints median seconds, the median ratios and their range (aims:
cold within 1.5× of check, warm under a tenth of cold) and the peak memory (maxrss) of the
main process and of the largest worker.

    python bench/desk_bench.py              # 1 000 and 3 000 units
    python bench/desk_bench.py 200          # other sizes
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from govtui import form
from govtui.cli import main as govtui_main
from govtui.io import toml_file
from govtui.model import Report

HERE = Path(__file__).resolve().parent


def _aggregate_bench() -> object:
    spec = importlib.util.spec_from_file_location("aggregate_bench", HERE / "aggregate_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def following(last: Report, this: Report) -> Report:
    """``this`` made to run on from ``last``: carry-over and 现行有效 continue."""
    this.agency, this.year, this.previous = last.agency, last.year + 1, ""
    requests = this.requests
    outcomes = [r.key for r in form.OUTCOME_ROWS]
    for column in form.REQUESTS.input_columns:
        key = column.key
        carried = last.requests["carried_forward"][key]
        right = sum(requests[k][key] for k in outcomes) + requests["carried_forward"][key]
        if carried > right:
            requests["granted"][key] += carried - right
            right = carried
        requests["carried_over"][key] = carried
        requests["new"][key] = right - carried
    for row in ("rules", "normative_documents"):
        cells = this.proactive[row]
        cells["repealed"] = min(
            cells["repealed"], last.proactive[row]["in_force"] + cells["issued"]
        )
        cells["in_force"] = last.proactive[row]["in_force"] + cells["issued"] - cells["repealed"]
    new = this.value("requests", "new", "total")
    this.prose["overview.on_request"] = f"本年共收到政府信息公开申请{new}件。"
    return this


def generate(root: Path, count: int) -> Path:
    """The two years' folders and rosters; returns this year's roster."""
    bench = _aggregate_bench()
    rng = random.Random(count)
    pool = bench.sentences()  # type: ignore[attr-defined]
    last_folder, this_folder = root / "2024", root / "2025"
    last_folder.mkdir(parents=True)
    this_folder.mkdir(parents=True)
    roster24 = ["[collection]\nyear = 2024\n"]
    roster25 = ['[collection]\nagency = "汇总单位"\nyear = 2025\nprevious = "../2024/名单.toml"\n']
    for index in range(count):
        last = bench.make_report(rng, index, pool)  # type: ignore[attr-defined]
        this = following(last, bench.make_report(rng, index, pool))  # type: ignore[attr-defined]
        this.previous = f"../2024/{index:05d}.toml"
        (last_folder / f"{index:05d}.toml").write_text(toml_file.dumps(last), encoding="utf-8")
        (this_folder / f"{index:05d}.toml").write_text(toml_file.dumps(this), encoding="utf-8")
        roster24.append(f'[[unit]]\nname = "{last.agency}"\nfile = "{index:05d}.toml"\n')
        roster25.append(f'[[unit]]\nname = "{last.agency}"\n')
    (last_folder / "名单.toml").write_text("\n".join(roster24), encoding="utf-8")
    roster = this_folder / "名单.toml"
    roster.write_text("\n".join(roster25), encoding="utf-8")
    return roster


# ----------------------------------------------------------------------- measuring


def measure(task: str, roster: str) -> None:
    """Run in a child process: do ``task`` once, print its time and peak memory as JSON."""
    start = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sys.stdout = sink
        if task == "check":
            # the report files only (the roster beside them is not a report)
            code = govtui_main(["check", str(Path(roster).parent / "0*.toml"), "--json"])
        else:
            code = govtui_main(["desk", roster, "--json"])
        sys.stdout = sys.__stdout__
    if code not in (0, 1):
        raise SystemExit(f"{task} exited with {code}")
    seconds = time.perf_counter() - start
    main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "main_kb": main_kb, "workers_kb": workers_kb}))


def run_child(task: str, roster: Path, cache: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", task, str(roster)]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(sizes: list[int], repeats: int = 3) -> None:
    """Each size: ``repeats`` rounds of check, cold desk (a new cache, no ledger), warm desk,
    interleaved so that a busy moment of the machine hits all three; medians printed."""
    cores = len(os.sched_getaffinity(0))
    print(f"govtui desk bench — Python {sys.version.split()[0]}, {cores} cores, {repeats} rounds")
    header = (
        f"{'units':>6} {'task':<10} {'seconds':>8} {'units/s':>8} {'ratio':>14} "
        f"{'ratio range':>12} {'main MB':>8} {'worker MB':>9}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="govtui-desk-bench-") as tmp:
        for size in sizes:
            roster = generate(Path(tmp) / str(size), size)
            ledger_file = roster.with_name("名单.review.toml")
            runs: dict[str, list[dict[str, float]]] = {
                "check": [],
                "desk cold": [],
                "desk warm": [],
            }
            for round_ in range(repeats):
                cache = Path(tmp) / f"cache-{size}-{round_}"
                ledger_file.unlink(missing_ok=True)
                runs["check"].append(run_child("check", roster, cache))
                runs["desk cold"].append(run_child("desk", roster, cache))
                runs["desk warm"].append(run_child("desk", roster, cache))
            seconds = {k: [r["seconds"] for r in v] for k, v in runs.items()}
            cold_check = [
                c / k for c, k in zip(seconds["desk cold"], seconds["check"], strict=True)
            ]
            warm_cold = [
                w / c for w, c in zip(seconds["desk warm"], seconds["desk cold"], strict=True)
            ]
            ratios = {
                "check": ("", ""),
                "desk cold": (
                    f"{median(cold_check):.2f}× check",
                    f"{min(cold_check):.2f}–{max(cold_check):.2f}",
                ),
                "desk warm": (
                    f"{median(warm_cold):.3f}× cold",
                    f"{min(warm_cold):.3f}–{max(warm_cold):.3f}",
                ),
            }
            for label, results in runs.items():
                middle = median(seconds[label])
                main_mb = max(r["main_kb"] for r in results) / 1024
                worker_mb = max(r["workers_kb"] for r in results) / 1024
                ratio, spread = ratios[label]
                print(
                    f"{size:>6} {label:<10} {middle:8.2f} {size / middle:8.0f} {ratio:>14} "
                    f"{spread:>12} {main_mb:8.0f} {worker_mb:9.0f}"
                )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(*sys.argv[2:4])
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 3000])
