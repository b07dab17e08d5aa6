"""The formats a report can be exported to: one list for the command line and the editor.

``govtui export --format NAME`` and the editor's export dialog both offer :data:`EXPORTERS`, in
this order, with the same Chinese labels. Each exporter imports its module only when it runs
(:meth:`Exporter.render`, the one place the format modules are loaded), so listing the formats
costs nothing, and the Word one needs its optional extra only then: without it, the user is
told what to install.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govtui.errors import ExportError
from govtui.io.atomic import atomic_write

if TYPE_CHECKING:  # the model (pydantic) loads only when a format is rendered
    from govtui.model import Report


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str  # the ``--format`` value
    suffix: str  # of the file written next to the report by default
    label: str  # how the editor and ``--help`` name the format
    module: str  # ``govtui.io.<module>.render(report)`` makes the text or the bytes
    text: bool = True  # a text format can go to standard output (``-o -``)
    requires: str = ""  # the import an optional extra provides ("" for none)
    extra: str = ""  # the extra to install for it: ``pip install 'govtui[EXTRA]'``
    missing: str = ""  # what to say when it is not installed

    def available(self) -> bool:
        """Whether this format can be written here (its optional extra is installed)."""
        return not self.requires or importlib.util.find_spec(self.requires) is not None

    def render(self, report: Report) -> bytes:
        """The exported file's bytes; :class:`~govtui.errors.GovtuiError` when it cannot be made.

        The format's module is imported here, on first use (it imports its library at its
        top): the one place exporters are loaded."""
        if not self.available():
            raise ExportError(self.missing)
        try:
            module = importlib.import_module(f"govtui.io.{self.module}")
        except ImportError:  # installed, but a library it needs in turn is not
            if not self.requires:
                raise
            raise ExportError(self.missing) from None
        made: str | bytes = module.render(report)
        return made.encode("utf-8") if isinstance(made, str) else made

    def write(self, report: Report, path: Path | str, *, through_link: bool = True) -> None:
        """Export to ``path`` atomically: the old file stays whole if anything goes wrong.
        ``through_link=False`` for the file beside the report that nobody named: a link planted
        there is replaced, never written through (see :mod:`govtui.io.atomic`)."""
        atomic_write(Path(path), self.render(report), through_link=through_link)

    def default_path(self, source: Path | str) -> Path:
        """Where the export goes when no output is named: next to the report, this suffix."""
        return Path(source).with_suffix(self.suffix)


EXPORTERS: tuple[Exporter, ...] = (
    Exporter("md", ".md", "Markdown 草稿（.md）", "markdown"),
    Exporter("html", ".html", "网页（.html）", "html"),
    Exporter(
        "docx",
        ".docx",
        "Word 文档（.docx）",
        "docx",
        text=False,
        requires="docx",
        extra="docx",
        missing="导出 Word 文件需要可选组件 python-docx，当前环境没有安装。"
        "请运行：pip install 'govtui[docx]'（或 pip install python-docx），然后重试。",
    ),
    Exporter("json", ".json", "JSON 数据（.json，含总计与校验结果）", "report_json"),
)
BY_NAME: dict[str, Exporter] = {e.name: e for e in EXPORTERS}
DEFAULT = "md"
