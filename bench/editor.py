"""Editor benchmarks, measured in one run and printed as ratios against a baseline.

1. Launch to the matrix screen ready: a fresh process that imports what ``govtui FILE`` imports,
   loads the sample, opens the editor on 三 headless and exits after the first frame with the
   grid in it; against a bare Textual app that exits after its first frame. Medians, the runs
   interleaved. Aim: under 1.5 times the bare app.
2. Key press to repainted balance line: in one headless editor, the time from sending Enter
   (after typing a new count) to the frame in which the balance line shows the new sum.
   Headless, so the terminal's own write is not included. Aim: median under 16 ms (a 60 Hz frame).

Run: ``.venv/bin/python bench/editor.py`` (add ``--runs N`` for more launches).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "yunxi-scjg-2024.toml"

BARE = """
from textual.app import App

class Bare(App):
    pass

async def ready(pilot):
    pilot.app.call_after_refresh(pilot.app.exit)

Bare().run(headless=True, auto_pilot=ready)
"""

EDITOR = """
import asyncio, sys
from pathlib import Path
import govtui.cli  # what the command imports first
from govtui.io import toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.requests import RequestsScreen
from govtui.tui.session import Session

path = Path(sys.argv[1])
app = GovtuiApp(Session(toml_file.load(path), path), start="requests")

async def ready(pilot):
    while not (isinstance(app.screen, RequestsScreen) and app.screen.grid.size.height):
        await asyncio.sleep(0.001)
    app.call_after_refresh(app.exit)

app.run(headless=True, auto_pilot=ready)
"""


def launch(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(SAMPLE)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def launches(runs: int) -> tuple[list[float], list[float]]:
    launch(BARE)  # warm the file cache
    launch(EDITOR)
    bare, editor = [], []
    for _ in range(runs):
        bare.append(launch(BARE))
        editor.append(launch(EDITOR))
    return bare, editor


async def key_latencies(samples: int) -> list[float]:
    from textual import events

    from govtui.io import toml_file
    from govtui.tui.app import GovtuiApp
    from govtui.tui.screens.requests import RequestsScreen
    from govtui.tui.session import Session
    from govtui.tui.widgets.balance import Balance

    app = GovtuiApp(Session(toml_file.load(SAMPLE), SAMPLE), start="requests")
    latencies: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RequestsScreen)
        balance = screen.query_one(Balance)
        driver = app._driver
        assert driver is not None
        state: dict[str, object] = {"expected": None, "painted": False}
        frame = asyncio.Event()
        start = 0.0

        render_line = balance.render_line

        def watched_render_line(y: int):  # type: ignore[no-untyped-def]
            strip = render_line(y)
            if y == 0 and balance.entries and balance.entries[0].left == state["expected"]:
                state["painted"] = True
            return strip

        display = app._display

        def watched_display(target, renderable):  # type: ignore[no-untyped-def]
            display(target, renderable)
            if renderable is not None and state["painted"] and not frame.is_set():
                latencies.append(time.perf_counter() - start)
                frame.set()

        balance.render_line = watched_render_line  # type: ignore[method-assign]
        app._display = watched_display  # type: ignore[method-assign]

        for index in range(samples + 3):
            value = 39 - index % 2  # 39, 38, 39, ...: the 自然人 sum changes every time
            screen.go_to("new", "natural_person")
            await pilot.press(*str(value))
            await pilot.pause()
            state["expected"] = value + 2  # 一 + 二 (二 is 2 in the sample)
            state["painted"] = False
            frame.clear()
            start = time.perf_counter()
            driver.send_message(events.Key("enter", "\r"))
            await asyncio.wait_for(frame.wait(), timeout=5)
        del latencies[:3]  # warm-up
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="launches of each app")
    parser.add_argument("--edits", type=int, default=40, help="cell edits timed")
    args = parser.parse_args()

    bare, editor = launches(args.runs)
    b, e = statistics.median(bare), statistics.median(editor)
    print(f"launch, median of {args.runs} (interleaved):")
    print(f"  bare Textual app, first frame     {b * 1000:7.0f} ms")
    print(f"  govtui on the matrix, grid drawn  {e * 1000:7.0f} ms")
    print(f"  ratio                             {e / b:7.2f}x   (aim < 1.5x)")

    latencies = asyncio.run(key_latencies(args.edits))
    ms = sorted(x * 1000 for x in latencies)
    p90 = ms[int(len(ms) * 0.9) - 1]
    print(f"key press (Enter) to repainted balance line, {len(ms)} edits, headless:")
    print(f"  median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   max {ms[-1]:6.1f} ms")
    print(f"  median / 16.7 ms frame            {statistics.median(ms) / (1000 / 60):7.2f}")


if __name__ == "__main__":
    main()
