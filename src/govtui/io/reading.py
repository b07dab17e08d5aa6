"""Reading any report a command is given: a govtui TOML file, or (through the importer) a
published report. One door, so that ``check``, ``aggregate`` and ``diff`` accept the same inputs.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govtui.errors import LoadError, Problem
from govtui.model import Report
from govtui.rules.registry import Printed, Published

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
    layout: Published | None = None  # a published report's headings and blank cells


def read_report(path: Path) -> Loaded:
    """Load ``path`` by its suffix; :class:`LoadError` when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".toml":
        from govtui.io import toml_file

        return Loaded(path, toml_file.load(path))
    if suffix in IMPORT_SUFFIXES:
        from govtui.io.importers import import_file

        imported = import_file(path)
        return Loaded(path, imported.report, imported.printed, imported.notes, imported.layout)
    known = "、".join(REPORT_SUFFIXES)
    raise LoadError(
        path, [Problem(f"不认识的文件类型「{path.suffix or '无扩展名'}」：应为 {known}")]
    )


def _folder_reports(folder: Path) -> list[str]:
    """The report files directly inside ``folder``, sorted.

    A published file beside a govtui file of the same name (``x.md`` next to ``x.toml``) is
    that report's export, not another report: only the ``.toml`` counts, so that a folder of
    drafts and their exports is checked or summed once per report.
    """
    with os.scandir(folder) as entries:
        names = [
            e.name
            for e in entries
            if os.path.splitext(e.name)[1].lower() in REPORT_SUFFIXES and e.is_file()
        ]
    sources = {stem for stem, suffix in map(os.path.splitext, names) if suffix.lower() == ".toml"}
    return sorted(
        name
        for name in names
        if name.lower().endswith(".toml") or os.path.splitext(name)[0] not in sources
    )


def expand(inputs: list[str]) -> list[Path]:
    """Files as given; a folder stands for every report file directly inside it, sorted
    (an export beside its ``.toml`` left out).

    A glob (``reports/*/2024.toml``, quoted so that the shell leaves it alone, or on a system
    whose shell does not expand it) stands for the files it matches, sorted.
    """
    return list(Inputs(inputs))


class Inputs:
    """The report files a command was given (see :func:`expand`), holding only their names.

    A province's folder holds tens of thousands of reports, and a ``Path`` costs several times
    its name; so a folder is kept as the folder and the sorted names of its report files, and
    each ``Path`` is made when the file's turn comes.
    """

    def __init__(self, inputs: list[str]) -> None:
        self._groups: list[tuple[str, list[str]]] = []  # (folder or "", names)
        for name in inputs:
            path = Path(name)
            if any(c in name for c in "*?[") and not path.exists():
                matches = sorted(glob.glob(name, recursive=True))
                # A glob that matches nothing is kept, to be reported as a missing file.
                self._groups.append(("", [m for m in matches if Path(m).is_file()] or [name]))
            elif path.is_dir():
                self._groups.append((name, _folder_reports(path)))
            else:
                self._groups.append(("", [name]))
        self._length = sum(len(names) for _, names in self._groups)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Path]:
        for folder, names in self._groups:
            for name in names:
                yield Path(folder, name) if folder else Path(name)
