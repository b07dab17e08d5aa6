"""Editor benchmarks, measured in one run and printed as ratios against a baseline.

1. Launch to the matrix screen ready: from starting a fresh process that imports what
   ``govtui FILE`` imports, loads the sample and opens the editor on 三 (headless), to its first
   frame with the grid in it; against a bare Textual app's first frame. Medians, the runs
   interleaved. Aim: under 1.5 times the bare app. Twice: on the 2024 sample, and on the 2025
   one, which names the 2024 report as its predecessor (read too, for the cross-year rules).
2. Key press to repainted balance line: in a headless editor, the time from sending Enter
   (after typing a new count) to the frame in which the balance line shows the new sum; for
   edits that keep the column unbalanced, and for edits that flip it (the message line then
   changes height and the screen is laid out again). Headless, so the terminal's own write is
   not included. Aim: median under 16 ms (a 60 Hz frame).
3. The desk (``bench/desk_screen.py``): launch to the units table for 30 and 3 000 units, warm
   and cold cache, and key to repaint when moving and sorting 3 000 units.

Run: ``.venv/bin/python bench/editor.py`` (add ``--runs N`` for more launches).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "yunxi-scjg-2024.toml"
NEXT = ROOT / "sample" / "yunxi-scjg-2025.toml"  # names SAMPLE as last year's report

# The child writes the wall-clock time of its first frame (past Textual's capture of stdout).
READY = """
import os, time

def ready_now(app):
    os.write(1, repr(time.time()).encode())
    app.exit()
"""

BARE = (
    READY
    + """
from textual.app import App

class Bare(App):
    pass

async def ready(pilot):
    pilot.app.call_after_refresh(ready_now, pilot.app)

Bare().run(headless=True, auto_pilot=ready)
"""
)

EDITOR = (
    READY
    + """
import asyncio, gc, sys
from pathlib import Path
import govtui.cli  # what the command imports first
gc.disable()  # then, as ``govtui edit`` does, no collection until the editor runs (cli.APPS)
from govtui.io import toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.requests import RequestsScreen
from govtui.tui.session import Session

path = Path(sys.argv[1])
app = GovtuiApp(Session(toml_file.load(path), path), start="requests")

async def ready(pilot):
    while not (isinstance(app.screen, RequestsScreen) and app.screen.grid.size.height):
        await asyncio.sleep(0.001)
    app.call_after_refresh(ready_now, app)

app.run(headless=True, auto_pilot=ready)
"""
)


# As installed programs run: with bytecode caches (the first, warm-up, launch writes them), in
# a 256-colour terminal as over SSH (with 16 colours the editor switches theme, which costs more).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["TERM"] = "xterm-256color"


def launch(code: str, sample: Path = SAMPLE) -> float:
    """Seconds from starting the process to its first frame (its exit is not counted)."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, str(sample)],
        check=True,
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    return float(done.stdout) - start


def launches(runs: int) -> tuple[list[float], list[float], list[float]]:
    launch(BARE)  # warm the file cache
    launch(EDITOR)
    launch(EDITOR, NEXT)
    bare, editor, chained = [], [], []
    for _ in range(runs):
        bare.append(launch(BARE))
        editor.append(launch(EDITOR))
        chained.append(launch(EDITOR, NEXT))
    return bare, editor, chained


async def key_latencies(samples: int, values: tuple[int, int]) -> list[float]:
    """Seconds from Enter to the frame whose balance line shows the new 一＋二 of 自然人, for
    ``samples`` edits of 一、本年新收 / 自然人 that alternate between two ``values`` (the first
    must differ from the sample's 38, or nothing is repainted)."""
    from textual import events

    from govtui.io import toml_file
    from govtui.tui.app import GovtuiApp
    from govtui.tui.screens.requests import RequestsScreen
    from govtui.tui.session import Session
    from govtui.tui.widgets.balance import Balance

    # A copy: the edits are never saved, and the editor leaves a recovery copy beside them.
    path = Path(tempfile.mkdtemp(prefix="govtui-bench-")) / SAMPLE.name
    shutil.copyfile(SAMPLE, path)
    app = GovtuiApp(Session(toml_file.load(path), path), start="requests")
    latencies: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RequestsScreen)
        balance = screen.query_one(Balance)
        driver = app._driver
        assert driver is not None
        expected: list[int] = [-1]
        painted: list[bool] = [False]
        frame = asyncio.Event()
        start = 0.0

        render_line = balance.render_line

        def watched_render_line(y: int):  # type: ignore[no-untyped-def]
            strip = render_line(y)
            if y == 0 and balance.entries and balance.entries[0].left == expected[0]:
                painted[0] = True
            return strip

        display = app._display

        def watched_display(target, renderable):  # type: ignore[no-untyped-def]
            display(target, renderable)
            if renderable is not None and painted[0] and not frame.is_set():
                latencies.append(time.perf_counter() - start)
                frame.set()

        balance.render_line = watched_render_line  # type: ignore[method-assign]
        app._display = watched_display  # type: ignore[method-assign]

        for index in range(samples + 3):
            value = values[index % 2]
            screen.go_to("new", "natural_person")
            await pilot.press(*str(value))
            await pilot.pause()
            expected[0] = value + 2  # 一 + 二 (二 is 2 in the sample)
            painted[0] = False
            frame.clear()
            start = time.perf_counter()
            driver.send_message(events.Key("enter", "\r"))
            await asyncio.wait_for(frame.wait(), timeout=5)
        del latencies[:3]  # warm-up
    return latencies


def report(title: str, latencies: list[float]) -> float:
    ms = sorted(x * 1000 for x in latencies)
    median = statistics.median(ms)
    p90 = ms[int(len(ms) * 0.9) - 1]
    print(f"  {title}")
    print(f"    median {median:5.1f} ms  p90 {p90:5.1f} ms  max {ms[-1]:5.1f} ms  ", end="")
    print(f"median / 16.7 ms frame {median / (1000 / 60):.2f}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="launches of each app")
    parser.add_argument("--edits", type=int, default=40, help="cell edits timed")
    args = parser.parse_args()

    bare, editor, chained = launches(args.runs)
    b, e, c = (statistics.median(x) for x in (bare, editor, chained))
    print(f"launch, median of {args.runs} (interleaved):")
    print(f"  bare Textual app, to its first frame       {b * 1000:7.0f} ms")
    print(f"  govtui on the matrix, to the grid drawn    {e * 1000:7.0f} ms")
    print(f"  ratio                                      {e / b:7.2f}x   (aim < 1.5x)")
    print(f"  the same with last year's report read too  {c * 1000:7.0f} ms")
    print(f"  ratio                                      {c / b:7.2f}x")

    print(f"key press (Enter) to repainted balance line, {args.edits} edits each, headless:")
    steady = asyncio.run(key_latencies(args.edits, (40, 41)))
    report("a count that keeps the column unbalanced (the usual edit)", steady)
    flips = asyncio.run(key_latencies(args.edits, (39, 38)))
    report("a count that flips the column between balanced and not (relayout)", flips)

    import desk_screen  # bench/desk_screen.py: the desk (govtui 名单.toml)

    print(f"the desk, launch to the units table drawn, median of {args.runs}:")
    desk_screen.launches(BARE, args.runs, ENV)
    print("the desk, key to repaint, headless:")
    desk_screen.keys(args.edits)


if __name__ == "__main__":
    main()
