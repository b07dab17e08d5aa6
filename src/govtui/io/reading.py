"""Reading any report a command is given: a govtui TOML file, or (through the importer) a
published report. One door, so that ``check``, ``aggregate`` and ``diff`` accept the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govtui.errors import LoadError, Problem
from govtui.model import Report
from govtui.rules.registry import Printed

# govtui's own files, then the published reports the importer reads.
IMPORT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".docx")
REPORT_SUFFIXES = (".toml", *IMPORT_SUFFIXES)


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
    if suffix in IMPORT_SUFFIXES:
        from govtui.io.importers import import_file

        imported = import_file(path)
        return Loaded(path, imported.report, imported.printed, imported.notes)
    known = "、".join(REPORT_SUFFIXES)
    raise LoadError(
        path, [Problem(f"不认识的文件类型「{path.suffix or '无扩展名'}」：应为 {known}")]
    )


def expand(inputs: list[str]) -> list[Path]:
    """Files as given; a folder stands for every report file directly inside it, sorted."""
    paths: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            paths.extend(
                sorted(
                    p for p in path.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()
                )
            )
        else:
            paths.append(path)
    return paths
