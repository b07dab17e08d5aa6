"""Shared test setup: hypothesis profiles and paths to the samples."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from tests.tmux import Terminal, poll, runs_govtui

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample"

# CI runs a fixed, derandomized profile so that a run is reproducible and bounded in time.
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A tmux window of its own, on a private tmux server removed afterwards."""
    term = Terminal(f"govtui-e2e-{os.getpid()}")
    try:
        yield term
    finally:
        term.kill()


@pytest.fixture
def govtui_process() -> Iterator[int]:
    """A live process whose command line says govtui, as an editor's would: its lock holds."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "govtui"])
    poll(lambda: runs_govtui(process.pid), "the process to start")
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()
