"""Reading any report a command is given: a govtui TOML file, or (through the importer) a
published report. One door, so that ``check``, ``aggregate`` and ``diff`` accept the same inputs.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import LoadError, Problem
from govtui.model import Report
from govtui.rules.registry import Printed

REPORT_SUFFIXES = (".toml",)


@dataclass(frozen=True)
class Loaded:
    """A report as read, with the totals it printed when it was a published one."""

    path: Path
    report: Report
    printed: Printed | None = None
    notes: tuple[str, ...] = ()  # what the reader had to assume (e.g. '/' read as 0)


def read_report(path: Path) -> Loaded:
    """Load ``path`` by its suffix; :class:`LoadError` when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        from govtui.io import toml_file

        return Loaded(path, toml_file.load(path))
    raise LoadError(path, [Problem(f"不认识的文件类型「{path.suffix or '无扩展名'}」：应为 .toml")])


def expand(inputs: list[str]) -> list[Path]:
    """Files as given; a folder stands for every report file directly inside it, sorted.

    A glob (``reports/*/2024.toml``, quoted so that the shell leaves it alone, or on a system
    whose shell does not expand it) stands for the files it matches, sorted.
    """
    paths: list[Path] = []
    for name in inputs:
        path = Path(name)
        if any(c in name for c in "*?[") and not path.exists():
            matches = sorted(glob.glob(name, recursive=True))
            paths.extend(Path(m) for m in matches if Path(m).is_file())
            if not matches:
                paths.append(path)  # reported as a file that does not exist
            continue
        if path.is_dir():
            paths.extend(
                sorted(
                    p for p in path.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()
                )
            )
        else:
            paths.append(path)
    return paths
