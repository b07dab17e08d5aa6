"""A process killed in the middle of saving leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from govtui.io import toml_file

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"

# Saves two large versions of the report in turn, as fast as it can, until killed.
WRITER = """
import sys
from govtui.io import toml_file
path = sys.argv[1]
versions = [toml_file.load(p) for p in sys.argv[2:]]
print("ready", flush=True)
while True:
    for report in versions:
        toml_file.save(report, path)
"""


def test_sigkill_in_the_middle_of_saves(tmp_path: Path) -> None:
    report = toml_file.load(SAMPLE)
    versions = []
    for index, text in enumerate(("第一版。", "第二版，更长一些。")):
        version = report.model_copy(deep=True)
        version.prose["overview.lead"] = (text * 4000 + "\n") * 8  # ~0.3 MB: a wide window to hit
        source = tmp_path / f"v{index}.toml"
        toml_file.save(version, source)
        versions.append(source)
    allowed = {p.read_bytes() for p in versions}
    target = tmp_path / "report.toml"
    target.write_bytes(versions[0].read_bytes())
    rng = random.Random(6)
    for _ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), *map(str, versions)], stdout=subprocess.PIPE
        )
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.25))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert target.read_bytes() in allowed
        toml_file.load(target)
    # A kill may leave a temporary file behind, but never under the report's own name.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.toml.")]
    assert all(name.endswith(".tmp") for name in leftovers)
    assert os.path.getsize(target) > 0
