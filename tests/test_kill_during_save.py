"""A process killed in the middle of writing leaves the old file or the new one, never a torn one:
the report (ctrl+s), its recovery copy (written while editing) and its Markdown export."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govtui.io import markdown, recovery, toml_file

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"

# Writes two large versions of the report in turn, as fast as it can, until killed.
WRITER = """
import sys
from pathlib import Path
from govtui.io import markdown, recovery, toml_file
kind, path = sys.argv[1], Path(sys.argv[2])
versions = [toml_file.load(p) for p in sys.argv[3:]]
write = {
    "save": toml_file.save,
    "recovery": recovery.write,
    "export": markdown.export,
}[kind]
print("ready", flush=True)
while True:
    for report in versions:
        write(report, path)
"""


def written(kind: str, source: Path, target: Path) -> bytes:
    """What a complete write of the version in ``source`` leaves in the file under test."""
    report = toml_file.load(source)
    if kind == "save":
        return source.read_bytes()
    if kind == "export":
        return markdown.render(report).encode("utf-8")
    return toml_file.dumps(report).encode("utf-8")  # the copy's two comment lines aside


@pytest.mark.parametrize(("kind", "kills"), [("save", 12), ("recovery", 4), ("export", 4)])
def test_sigkill_in_the_middle_of_writes(tmp_path: Path, kind: str, kills: int) -> None:
    report = toml_file.load(SAMPLE)
    versions = []
    for index, text in enumerate(("第一版。", "第二版，更长一些。")):
        version = report.model_copy(deep=True)
        version.prose["overview.lead"] = (text * 4000 + "\n") * 8  # ~0.3 MB: a wide window to hit
        source = tmp_path / f"v{index}.toml"
        toml_file.save(version, source)
        versions.append(source)
    target = tmp_path / "report.toml"
    target.write_bytes(versions[0].read_bytes())
    watched = {
        "save": target,
        "recovery": recovery.recovery_path(target),
        "export": target.with_suffix(".md"),
    }[kind]
    allowed = {written(kind, v, target) for v in versions}
    rng = random.Random(6)
    for _ in range(kills):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, kind, str(target), *map(str, versions)],
            stdout=subprocess.PIPE,
        )
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.25))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        if not watched.exists():
            continue  # killed before the first write finished: nothing torn either
        data = watched.read_bytes()
        if kind == "recovery":
            head = data.split(b"\n", 2)
            assert head[0].startswith("# govtui 恢复副本".encode())
            data = head[2]
            assert recovery.read(target) is not None
        assert data in allowed
    if kind == "save":
        toml_file.load(target)
        assert os.path.getsize(target) > 0
    # A kill may leave a temporary file behind, but never under the file's own name.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{watched.name}.")]
    assert all(name.endswith(".tmp") for name in leftovers)
