"""How fast ``govtui aggregate`` and ``govtui check`` go through many reports, and in how much memory.

Generates N valid reports (10 000 and 50 000 by default) into a temporary folder, then runs,
each in a fresh process so that its peak memory is its own:

* ``tomllib``   — the baseline: read and parse every file with the standard library, nothing else;
* ``aggregate`` — ``govtui aggregate FOLDER -o SUM.toml`` (read, validate, check, sum);
* ``check``     — ``govtui check FOLDER --json`` (read, validate, check, print JSON);

``aggregate`` and ``check`` once with one process and once with one per core. Prints reports
per second, the ratio of each time to the baseline measured in the same run, and peak memory
(maxrss) of the main process and of the largest worker. Aims: under 3× the bare parse; peak
memory flat between 10 000 and 50 000 inputs.

    python bench/aggregate_bench.py            # 10 000 and 50 000
    python bench/aggregate_bench.py 2000 5000  # other sizes
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from govtui import form
from govtui.io import toml_file
from govtui.model import Report

SAMPLE = Path(__file__).resolve().parent.parent / "sample"


def sentences() -> list[str]:
    """Real-looking prose: the sentences of the samples, to be shuffled into new texts."""
    out: list[str] = []
    for path in sorted(SAMPLE.glob("*.toml")):
        report = toml_file.load(path)
        for text in report.prose.values():
            out.extend(s + "。" for s in text.replace("\n", "").split("。") if s)
    return out


def make_report(rng: random.Random, index: int, pool: list[str]) -> Report:
    report = Report.blank(f"第{index:05d}号县市场监督管理局", 2024)
    for field in form.PROSE_FIELDS:
        if field.required:
            report.prose[field.key] = "\n".join(rng.sample(pool, rng.randint(1, 4)))
    report.prose["closing.other_matters"] += "\n本年度未收取信息处理费。"
    for table in (form.PROACTIVE, form.APPEALS):
        for cells in report.grid(table.key).values():
            for key in cells:
                cells[key] = rng.randint(0, 400)
    report.fees = Decimal(rng.randint(0, 10**6)) / 10000
    requests = report.requests
    outcomes = [r.key for r in form.OUTCOME_ROWS]
    for column in form.REQUESTS.input_columns:
        for row in (*outcomes, "carried_forward", "carried_over"):
            requests[row][column.key] = rng.choice((0, 0, 0, rng.randint(0, 30)))
        right = (
            sum(requests[k][column.key] for k in outcomes) + requests["carried_forward"][column.key]
        )
        carried = min(requests["carried_over"][column.key], right)
        requests["carried_over"][column.key] = carried
        requests["new"][column.key] = right - carried
    # Keep the narrative rule quiet: the text states the number of applications received.
    new = report.value("requests", "new", "total")
    report.prose["overview.on_request"] = f"本年共收到政府信息公开申请{new}件。"
    return report


def generate(folder: Path, count: int, seed: int = 2024) -> int:
    rng = random.Random(seed)
    pool = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for index in range(count):
        data = toml_file.dumps(make_report(rng, index, pool)).encode("utf-8")
        (folder / f"{index:05d}.toml").write_bytes(data)
        size += len(data)
    return size


# ----------------------------------------------------------------------- measuring


def measure(task: str, folder: str, jobs: str) -> None:
    """Run in a child process: do ``task`` once, print its time and peak memory as JSON."""
    start = time.perf_counter()
    if task == "tomllib":
        import tomllib

        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as handle:
                tomllib.loads(handle.read().decode("utf-8"))
    else:
        from govtui.cli import main

        with open(os.devnull, "w", encoding="utf-8") as sink:
            sys.stdout = sink
            if task == "aggregate":
                out = os.path.join(tempfile.mkdtemp(), "sum.toml")
                args = ["aggregate", folder, "-o", out, "--agency", "汇总", "-j", jobs]
            else:
                args = ["check", folder, "--json", "-j", jobs]
            code = main(args)
            sys.stdout = sys.__stdout__
        if code != 0:
            raise SystemExit(f"{task} exited with {code}")
    seconds = time.perf_counter() - start
    main_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "main_kb": main_kb, "workers_kb": workers_kb}))


def run_child(task: str, folder: Path, jobs: int = 1) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", task, str(folder), str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(sizes: list[int]) -> None:
    cores = len(os.sched_getaffinity(0))
    print(f"govtui aggregate/check bench — Python {sys.version.split()[0]}, {cores} cores")
    with tempfile.TemporaryDirectory(prefix="govtui-bench-") as tmp:
        header = (
            f"{'reports':>8} {'task':<16} {'seconds':>8} {'reports/s':>10} {'× parse':>8} "
            f"{'main MB':>8} {'worker MB':>9}"
        )
        print(header)
        print("-" * len(header))
        for size in sizes:
            folder = Path(tmp) / str(size)
            generate(folder, size)
            runs = [("tomllib", 1)]
            runs += [(task, jobs) for task in ("aggregate", "check") for jobs in (1, cores)]
            base = 0.0
            for task, jobs in runs:
                result = run_child(task, folder, jobs)
                seconds = result["seconds"]
                base = base or seconds
                label = task if task == "tomllib" else f"{task} -j {jobs}"
                workers = f"{result['workers_kb'] / 1024:9.0f}" if jobs > 1 else f"{'—':>9}"
                print(
                    f"{size:>8} {label:<16} {seconds:8.2f} {size / seconds:10.0f} "
                    f"{seconds / base:8.2f} {result['main_kb'] / 1024:8.0f} {workers}"
                )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(*sys.argv[2:5])
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 50_000])
