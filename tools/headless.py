"""Headless Chromium from Debian's ``chromium`` package, the way the tests and the screenshot
script run it: no sandbox (CI runs as root), no network of its own, a fresh profile each time.

Used by ``tools/screenshots.py`` and ``tests/test_html_browser.py``; install the browser with
``apt-get install chromium``.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 120  # seconds; a page of ours renders in one or two

_PROBE_OUT = re.compile(r'<pre id="govtui-probe">(.*?)</pre>', re.S)


def find() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def run(binary: str, url: str, *extra: str) -> str:
    """Run Chromium once on ``url`` with ``extra`` flags; its standard output."""
    with tempfile.TemporaryDirectory(prefix="govtui-chromium-") as profile:
        done = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def probe(binary: str, page: str, script: str, width: int, height: int, folder: Path) -> Any:
    """Load ``page`` (HTML text) with ``script`` appended to its body, at a window of
    ``width`` × ``height``; the script sets ``window.govtuiProbe``, which is returned as JSON.

    The script runs in the real page after layout, so it can measure what Chromium drew.
    """
    runner = (
        "<script>\n"
        f"{script}\n"
        "const out = document.createElement('pre');\n"
        "out.id = 'govtui-probe';\n"
        "out.textContent = JSON.stringify(window.govtuiProbe);\n"
        "document.body.appendChild(out);\n"
        "</script>\n"
    )
    path = folder / "probe.html"
    path.write_text(page.replace("</body>", runner + "</body>"), encoding="utf-8")
    dom = run(binary, path.as_uri(), f"--window-size={width},{height}", "--dump-dom")
    found = _PROBE_OUT.search(dom)
    if not found:
        raise RuntimeError(f"the probe left no result; page ends with: {dom[-500:]}")
    return json.loads(html.unescape(found.group(1)))
