"""The desk in the terminal, measured (called by ``bench/editor.py``).

1. Launch to the units table drawn, for collections of 30 and 3 000 units: a fresh process
   that imports what ``govtui 名单.toml`` imports and opens the desk headless, to the first
   frame in which the table holds every unit; with the cache warm (nothing changed since the
   last look) and cold (an empty cache: every report parsed). Against a bare Textual app's
   first frame, in the same run. Aim: 30 units warm within 1.5× the bare app.
2. Key to repaint at 3 000 units: from sending ↓ (move) or s (sort by the next column) to the
   frame that shows it. Aim: median under 16 ms.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual import events

from govtui.io import toml_file
from govtui.tui.desk.app import DeskApp
from govtui.tui.desk.units import UnitsTable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "yunxi-scjg-2024.toml"

DESK = """
import gc, os, sys, time, asyncio
from pathlib import Path
import govtui.cli  # what the command imports first
gc.disable()  # then, as ``govtui 名单.toml`` does, no collection until the desk runs (cli.APPS)
from govtui.tui.desk.app import DeskApp
from govtui.tui.desk.units import READING, UnitsTable

roster = Path(sys.argv[1])
app = DeskApp([roster], folder=roster.parent)
listed = []

async def ready(pilot):
    while not app.screen.query(UnitsTable) or not app.screen.query_one(UnitsTable).all_rows:
        await asyncio.sleep(0.001)
    table = app.screen.query_one(UnitsTable)
    app.call_after_refresh(lambda: listed.append(time.time()))  # every unit listed
    while not (app.board is not None and not app.building):
        await asyncio.sleep(0.001)
    while len(table.rows) != len(app.board.units) or any(r.status == READING for r in table.rows):
        await asyncio.sleep(0.001)
    def now():
        os.write(1, f"{listed[0]!r} {time.time()!r}".encode())
        app.exit()
    app.call_after_refresh(now)

app.run(headless=True, auto_pilot=ready)
"""


def collection(folder: Path, units: int) -> Path:
    """A roster of ``units`` units, each with a TOML report made from the sample."""
    report = toml_file.load(SAMPLE)
    lines = ['[collection]\nagency = "测试县人民政府办公室"\nyear = 2024\n']
    for index in range(units):
        name = f"测试县第{index:04d}局"
        report.agency = name
        report.requests["new"]["natural_person"] = 30 + index % 17
        report.requests["granted"]["natural_person"] = 15 + index % 17
        toml_file.save(report, folder / f"{index:04d}.toml")
        lines.append(f'[[unit]]\nname = "{name}"\nfile = "{index:04d}.toml"\n')
    roster = folder / "名单.toml"
    roster.write_text("\n".join(lines), encoding="utf-8")
    return roster


def launch(code: str, roster: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the process to its first frame with every unit listed (being
    read, or filled in) and to the first with every unit filled in; the bare app prints one."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, str(roster)],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    times = [float(t) - start for t in done.stdout.split()]
    return times[0], times[-1]


def launches(bare_code: str, runs: int, env: dict[str, str]) -> None:
    """Interleaved: the bare app, the desk with a warm cache, the desk with an empty one (the
    3 000-unit cold run twice only: it reads every report)."""
    for units in (30, 3000):
        folder = Path(tempfile.mkdtemp(prefix="govtui-desk-bench-"))
        roster = collection(folder, units)
        cache = folder / "cache"
        warm_env = {**env, "XDG_CACHE_HOME": str(cache)}
        launch(DESK, roster, warm_env)  # fills the cache (and the ledger's received dates)
        bare, warm, listed, cold = [], [], [], []
        for _ in range(runs):
            bare.append(launch(bare_code, roster, env)[1])
            warm.append(launch(DESK, roster, warm_env)[1])
            if units <= 30 or len(cold) < 2:
                cold_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="govtui-cold-")}
                first, filled = launch(DESK, roster, cold_env)
                listed.append(first)
                cold.append(filled)
        b, w, f, c = (statistics.median(x) for x in (bare, warm, listed, cold))
        print(
            f"  {units:5d} units: bare {b * 1000:6.0f} ms  warm {w * 1000:6.0f} ms ({w / b:4.2f}x)"
            f"  cold: listed {f * 1000:6.0f} ms ({f / b:4.2f}x), filled {c * 1000:6.0f} ms"
            f" ({c / b:4.2f}x)"
        )
        shutil.rmtree(folder, ignore_errors=True)


async def key_latencies(units: int, key: str, samples: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="govtui-desk-keys-"))
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
    roster = collection(folder, units)
    app = DeskApp([roster], folder=folder)
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.board is None or app.building:
            await pilot.pause(0.05)
        await pilot.pause()
        table = app.screen.query_one(UnitsTable)
        driver = app._driver
        assert driver is not None
        frame = asyncio.Event()
        start = 0.0
        display = app._display

        def watched(target, renderable):  # type: ignore[no-untyped-def]
            display(target, renderable)
            if renderable is not None and not frame.is_set():
                latencies.append(time.perf_counter() - start)
                frame.set()

        app._display = watched  # type: ignore[method-assign]
        for _ in range(samples + 3):
            await pilot.pause()
            frame.clear()
            start = time.perf_counter()
            driver.send_message(events.Key(key, None if key != "s" else "s"))
            await asyncio.wait_for(frame.wait(), timeout=10)
        del latencies[:3]
        assert table.rows
    shutil.rmtree(folder, ignore_errors=True)
    return latencies


def keys(samples: int) -> None:
    for key, what in (("down", "move down (↓)"), ("s", "sort by the next column (s)")):
        ms = sorted(x * 1000 for x in asyncio.run(key_latencies(3000, key, samples)))
        median = statistics.median(ms)
        print(f"  3000 units, {what}: median {median:5.1f} ms  max {ms[-1]:5.1f} ms")
