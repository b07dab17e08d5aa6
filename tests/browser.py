"""Headless Chromium (Debian's ``chromium``) for the tests that look at a page as a browser
draws it: the report's HTML and the desk's dashboard.

Without Chromium those tests skip, unless ``GOVTUI_REQUIRE_BROWSER`` is set (``.ci/run`` sets it
after installing the browser): then they fail, so CI can never pass by skipping them. The same
rule as ``tests/tmux.py``'s for tmux.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import headless  # tools/headless.py, shared with the screenshot tools

REQUIRED = bool(os.environ.get("GOVTUI_REQUIRE_BROWSER"))
needs_browser = pytest.mark.skipif(
    headless.find() is None and not REQUIRED,
    reason="chromium is not installed (apt-get install chromium; set GOVTUI_REQUIRE_BROWSER to fail)",
)


def chromium() -> str:
    """The browser to run; fails the test when it is required and missing."""
    found = headless.find()
    assert found, "chromium is required (GOVTUI_REQUIRE_BROWSER is set) but is not installed"
    return found


__all__ = ["chromium", "headless", "needs_browser"]
