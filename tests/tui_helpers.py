"""Helpers for the editor's pilot tests: an app on a copy of a sample, the screen as text."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from govtui.io import toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.session import Session

SAMPLES = Path(__file__).resolve().parent.parent / "sample"
CLEAN = "yunxi-scjg-2024.toml"
BROKEN = "yunxi-scjg-2024-broken.toml"


def copy_sample(folder: Path, name: str = CLEAN) -> Path:
    target = folder / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def make_app(folder: Path, name: str = CLEAN, start: str = "requests") -> GovtuiApp:
    path = copy_sample(folder, name)
    return GovtuiApp(Session(toml_file.load(path), path), start=start)


def screen_lines(app: GovtuiApp) -> list[str]:
    """What the terminal shows, one string per line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: GovtuiApp) -> str:
    return "\n".join(screen_lines(app))


async def wait_for(
    pilot: Pilot[None], condition: Callable[[], object], timeout: float = 5, *, strict: bool = True
) -> None:
    """Let the app run until ``condition()`` holds; after ``timeout`` seconds fail, or (not
    ``strict``) return and let the test's own assertions say what went wrong."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            if strict:
                raise AssertionError(f"timed out waiting for {condition}")
            return
        await pilot.pause(0.01)
