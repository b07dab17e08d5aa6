"""The report files a command is given: a folder stands for the reports inside it, a glob for
the files it matches, and govtui's other files beside them (backups, locks, ledgers, a
roster) are named for what they are. Nothing here reads a report, so listing a collection
loads neither the readers nor the model; :mod:`govtui.io.reading` reads them.
"""

from __future__ import annotations

import glob
import os
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from govtui import profile
from govtui.errors import LoadError
from govtui.io import toml_text

# govtui's own files, then the published reports the importer reads.
IMPORT_SUFFIXES = (
    ".md",
    ".markdown",
    ".txt",
    ".html",
    ".htm",
    ".docx",
    ".pdf",
    ".xlsx",
    ".doc",
    ".xls",
)
REPORT_SUFFIXES = (".toml", *IMPORT_SUFFIXES)


@dataclass(frozen=True)
class Skipped:
    """A file in a checked folder that is not a report, and what it is (in words)."""

    path: Path
    what: str

    def as_json(self) -> dict[str, str]:
        return {"path": str(self.path), "skipped": self.what}


# govtui's own files that sit beside reports, by name: (test on the name, what it is).
LEDGER_SUFFIX = ".review.toml"
_BY_NAME: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda n: n.endswith("~"), "备份（编辑器保存前的上一版）"),
    (lambda n: n.endswith(".govtui-recover"), "恢复副本（编辑器未保存的修改）"),
    (lambda n: ".govtui-lock" in n, "锁文件（有人正在用 govtui 编辑旁边的报告）"),
    (lambda n: n.lower() == profile.FILE_NAME, f"规则配置（{profile.FILE_NAME}）"),
    (lambda n: n.lower().endswith(LEDGER_SUFFIX), "审阅台账（.review.toml）"),
)
EXPORT = "导出文件（旁边同名 .toml 报告的导出，不另校验）"


class _Entry(Protocol):
    """What :func:`_sort_out` asks of an entry: an ``os.DirEntry``, or a glob's :class:`_Match`."""

    @property
    def name(self) -> str: ...
    @property
    def path(self) -> str: ...
    def is_dir(self, *, follow_symlinks: bool = True) -> bool: ...
    def is_file(self, *, follow_symlinks: bool = True) -> bool: ...
    def is_symlink(self) -> bool: ...
    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result: ...


class _Match:
    """A file a glob matched, answering as an ``os.DirEntry`` does; its name is its path."""

    def __init__(self, path: str) -> None:
        self.name = self.path = path

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return os.path.isdir(self.path)

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return os.path.isfile(self.path)

    def is_symlink(self) -> bool:
        return os.path.islink(self.path)

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        return os.stat(self.path)


def _folder_entries(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The report files directly inside ``folder`` and the entries that are not (see
    :func:`_sort_out`)."""
    with os.scandir(folder) as entries:
        return _sort_out(entries)


def _sort_out(entries: Iterable[_Entry]) -> tuple[list[str], list[tuple[str, str]]]:
    """The names of the report files among ``entries``, sorted, and of the entries that look
    like one but are not, with what they are.

    Not reports: govtui's own files (backups, recovery copies, locks, the rule profile, the
    desk's ledgers), anything that is not a regular file (a named pipe, a link to a device or
    to nothing) or is a folder named like a report. A published file beside a govtui file of
    the same name (``x.md`` next to ``x.toml``) is that report's export, not another report:
    only the ``.toml`` counts, so that a folder of drafts and their exports is checked or
    summed once per report. Other files (pictures, spreadsheets) are not mentioned.
    """
    names: list[str] = []
    skipped: list[tuple[str, str]] = []
    for entry in entries:
        name = entry.name
        base = os.path.basename(name)
        what = next((w for test, w in _BY_NAME if test(base)), "")
        if what:
            skipped.append((name, what))
        elif os.path.splitext(base)[1].lower() not in REPORT_SUFFIXES:
            continue
        elif entry.is_dir():
            skipped.append((name, "文件夹（名字像报告文件，但不是文件）"))
        elif not entry.is_file():
            skipped.append((name, _not_regular(entry)))
        else:
            names.append(name)
    sources = {stem for stem, suffix in map(os.path.splitext, names) if suffix.lower() == ".toml"}
    reports = []
    for name in names:
        if name.lower().endswith(".toml") or os.path.splitext(name)[0] not in sources:
            reports.append(name)
        else:
            skipped.append((name, EXPORT))
    return sorted(reports), sorted(skipped)


def _not_regular(entry: _Entry) -> str:
    if entry.is_symlink() and not os.path.exists(entry.path):
        return "失效的链接（指向的文件不存在）"
    try:
        fifo = stat.S_ISFIFO(entry.stat().st_mode)
    except OSError:
        fifo = False
    return "不是普通文件（命名管道）" if fifo else "不是普通文件（设备、套接字或其他特殊文件）"


def what_else(path: Path) -> str:
    """What a ``.toml`` file that is not a report is, when it is another file of govtui's
    (a roster: ``[[unit]]`` and no ``[report]``); empty when it is none of them. Only asked of
    files that failed to load as a report, so reports are parsed once."""
    if path.suffix.lower() != ".toml":
        return ""
    try:
        data = tomllib.loads(toml_text.read_text(path))
    except (LoadError, ValueError, RecursionError):
        return ""
    if isinstance(data.get("unit"), list) and "report" not in data:
        return "单位名单（[[unit]]）"
    return ""


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
        self.skipped: list[Skipped] = []  # what folders and globs hold that is no report
        for name in inputs:
            path = Path(name)
            if any(c in name for c in "*?[") and not path.exists():
                matches = glob.glob(name, recursive=True)
                reports, skipped = _sort_out(map(_Match, matches))
                # A glob that matches nothing is kept, to be reported as a missing file.
                self._groups.append(("", reports or ([] if matches else [name])))
                self.skipped += [Skipped(Path(n), what) for n, what in skipped]
            elif path.is_dir():
                reports, skipped = _folder_entries(path)
                self._groups.append((name, reports))
                self.skipped += [Skipped(Path(name, n), what) for n, what in skipped]
            else:
                self._groups.append(("", [name]))
        self._length = sum(len(names) for _, names in self._groups)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Path]:
        for folder, names in self._groups:
            for name in names:
                yield Path(folder, name) if folder else Path(name)
