"""Helpers for the editor's pilot tests: an app on a copy of a sample, the screen as text."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from govtui.io import lock, toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.session import Session

SAMPLES = Path(__file__).resolve().parent.parent / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = "yunxi-scjg-2024.toml"
BROKEN = "yunxi-scjg-2024-broken.toml"
NEXT = "yunxi-scjg-2025.toml"  # names CLEAN, beside it, as its predecessor


def copy_sample(folder: Path, name: str = CLEAN) -> Path:
    target = folder / name
    shutil.copyfile(SAMPLES / name, target)
    return target


def copy_this_year(folder: Path, fixture: str = "") -> Path:
    """A 2025 report in ``folder`` with its predecessor, the 2024 sample, beside it: the 2025
    sample, or a fixture of ``tests/fixtures`` (``carry-over``, ``copied``, ``in-force``…)."""
    copy_sample(folder, CLEAN)
    if not fixture:
        return copy_sample(folder, NEXT)
    report = toml_file.load(FIXTURES / f"yunxi-scjg-2025-{fixture}.toml")
    report.previous = CLEAN
    target = folder / f"yunxi-scjg-2025-{fixture}.toml"
    toml_file.save(report, target)
    return target


def write_lock(path: Path, pid: int, host: str) -> None:
    """A lock on ``path`` as the editor in process ``pid`` on ``host`` writes it."""
    lock.lock_path(path).write_text(
        f'pid = {pid}\nhost = "{host}"\nuser = "clerk"\nsince = "2025-01-10 09:00:00"\n',
        encoding="utf-8",
    )


def app_on(path: Path, start: str = "requests") -> GovtuiApp:
    return GovtuiApp(Session(toml_file.load(path), path), start=start)


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
