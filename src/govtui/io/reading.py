"""Reading any report a command is given: a govtui TOML file, or (through the importer) a
published report. One door, so that ``check``, ``aggregate`` and ``diff`` accept the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.errors import LoadError, Problem
from govtui.io import toml_file

# What a command was given — the files, the folders, what is no report — is found without
# reading any (the desk lists its collection with it on every look); the names stay here.
from govtui.io.inputs import (
    EXPORT,
    IMPORT_SUFFIXES,
    LEDGER_SUFFIX,
    REPORT_SUFFIXES,
    Inputs,
    Skipped,
    expand,
    what_else,
)
from govtui.model import Report
from govtui.rules.registry import Printed, Published

__all__ = [
    "EXPORT",
    "IMPORT_SUFFIXES",
    "LEDGER_SUFFIX",
    "REPORT_SUFFIXES",
    "Inputs",
    "Loaded",
    "Skipped",
    "contained",
    "expand",
    "read_report",
    "unexpected",
    "what_else",
]

if TYPE_CHECKING:
    from govtui.io.importers.evidence import TableEvidence


@dataclass(frozen=True)
class Loaded:
    """A report as read, with the totals it printed when it was a published one."""

    path: Path
    report: Report
    printed: Printed | None = None
    notes: tuple[str, ...] = ()  # what the reader had to assume (e.g. '/' read as 0)
    tables: tuple[TableEvidence, ...] = ()  # where the importer found each table, and how
    layout: Published | None = None  # a published report's headings and blank cells


def read_report(path: Path) -> Loaded:
    """Load ``path`` by its suffix; :class:`LoadError` when it cannot be read, and nothing else:
    whatever goes wrong inside a reader on one hostile file stays that file's verdict."""
    with contained(path):
        return _read(path)


@contextmanager
def contained(path: Path | None) -> Iterator[None]:
    """Turn any exception raised while reading ``path`` into its :class:`LoadError`.

    The readers refuse bad input with a message; this is the net under them, for what they did
    not foresee (a parser's assertion, nesting deeper than the stack, a file that needs more
    memory than there is), so that one file never stops a batch or the editor with a
    traceback. Interrupts (ctrl+c) pass through.
    """
    try:
        yield
    except LoadError:
        raise
    except RecursionError:
        raise LoadError(path, [Problem(DEEP)]) from None
    except MemoryError:
        raise LoadError(path, [Problem("读这个文件需要的内存太多，不像是年度报告")]) from None
    except ArithmeticError:  # inf, nan, 1e999999999 where a reader or the sum expects a number
        raise LoadError(path, [Problem(OUT_OF_RANGE)]) from None
    except Exception as error:  # the point: nothing escapes one file
        raise LoadError(path, [Problem(unexpected(error))]) from None


OUT_OF_RANGE = "文件中有超出范围的数（如 inf、nan 或 1e999999999），不是报告里的数"
DEEP = "嵌套太深（括号、表或标签一层套一层），不像是年度报告"


def unexpected(error: BaseException) -> str:
    """What to tell the user when a reader failed in a way it did not foresee."""
    detail = str(error).strip().splitlines()[0][:80] if str(error).strip() else ""
    what = f"{type(error).__name__}：{detail}" if detail else type(error).__name__
    return f"读取时出错（{what}）：文件可能已损坏，或不是报告；如确认文件无误，请报告 govtui 的这个问题"


def _read(path: Path) -> Loaded:
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return Loaded(path, toml_file.load(path))
    if suffix in IMPORT_SUFFIXES:
        # The importers (their patterns, the tables' labels) would cost the editor's launch,
        # which opens a TOML file, 26 ms (median of 11 fresh processes after the editor's
        # imports, 17 ms at best; 2-core machine): loaded for the first published report
        # read, here and only here.
        from govtui.io.importers import import_file  # noqa: PLC0415

        imported = import_file(path)
        return Loaded(
            path,
            imported.report,
            imported.printed,
            imported.notes,
            imported.tables,
            imported.layout,
        )
    known = "、".join(REPORT_SUFFIXES)
    raise LoadError(
        path, [Problem(f"不认识的文件类型「{path.suffix or '无扩展名'}」：应为 {known}")]
    )
