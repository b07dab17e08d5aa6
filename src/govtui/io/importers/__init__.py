"""Importing a published report — text, Markdown, a web page, a Word, Excel or PDF file — into
the model.

One entry point, :func:`import_report`: the file is turned into lines (:mod:`.text`,
:mod:`.html`; :mod:`.docx`, :mod:`.xlsx` and :mod:`.pdf` read through optional libraries, and
are loaded only by the table of those formats, :func:`_reader`), the lines are divided into
sections (:mod:`.sections`), the prose is placed into the form's fields (:mod:`.prose`) and the
three tables are read (:mod:`.tables`). The result carries the totals the report printed, for
the ``stated_total`` rule, and notes on everything the importer had to assume. A file without a
recognisable section 三 is refused with a :class:`~govtui.errors.LoadError` that says what was
found.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from govtui import controls, form
from govtui.errors import LoadError, Problem
from govtui.io import toml_file
from govtui.io.importers import html, prose, sections, tables, text
from govtui.io.importers.evidence import TableEvidence
from govtui.io.importers.notes import Notes
from govtui.io.importers.text import Identity, Line
from govtui.model import Report, validate
from govtui.numbers import YEARS
from govtui.places import CellRef
from govtui.rules.registry import Published

UNKNOWN_AGENCY = "未知机关"
_MARKDOWN = (".md", ".markdown")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")
# Word 97–2003 and Excel 97–2003 files (OLE compound documents): their formats are closed
# binaries no maintained pure-Python reader handles well; the office program converts them.
_OLD_OFFICE = {".doc": ".docx", ".xls": ".xlsx"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _old_office(suffix: str) -> str:
    new = _OLD_OFFICE.get(suffix, suffix)
    kind = "Word" if new == ".docx" else "Excel"
    return (
        f"这是旧版 {kind} 文件（{suffix if suffix in _OLD_OFFICE else '97-2003 格式'}），无法直接读取："
        f"请用 {kind} 或 WPS 打开，选择“另存为”，保存为 {new} 格式后再导入"
    )


@dataclass(frozen=True)
class Imported:
    """A report as imported, the totals it printed, what the importer assumed, and where
    each table was found and how its rows were matched."""

    report: Report
    printed: dict[CellRef, int]
    notes: tuple[str, ...]
    tables: tuple[TableEvidence, ...] = ()
    layout: Published | None = None  # headings and blank cells as printed, for the rules


def import_report(source: Path | str, *, suffix: str = ".md") -> Imported:
    """Import a file (a :class:`~pathlib.Path`) or a text (a ``str`` laid out as ``suffix``)."""
    if isinstance(source, Path):
        return import_file(source)
    return import_lines(
        text.lines_of(source), markdown=suffix in _MARKDOWN, path=None, notes=Notes()
    )


def import_file(path: Path) -> Imported:
    """Read ``path`` by its suffix; :class:`LoadError` when it cannot be read or is no report."""
    suffix = path.suffix.lower()
    data = toml_file.read_bytes(path)
    notes = Notes()
    identity: Identity | None = None
    if suffix in _OLD_OFFICE or (suffix in _OLD_OFFICE.values() and data.startswith(_OLE)):
        raise LoadError(path, [Problem(_old_office(suffix))])
    if suffix == ".docx":
        lines, identity = _reader(suffix, path).read(data, path)
    elif suffix == ".xlsx":
        lines = _reader(suffix, path).read(data, path)
    elif suffix == ".pdf":
        read = _reader(suffix, path).read(data, path)
        lines = read.lines
        if read.furniture:
            shown = "、".join(f"「{t[:20]}」" for t in read.furniture[:6])
            notes.add(f"略去了页码、页眉和页脚：{shown}")
        if read.repeated:
            pages = "、".join(str(n) for n in read.repeated)
            notes.add(f"表格跨页：略去了第 {pages} 页上重复的表头")
        if read.stamps:
            notes.add(f"略去了印章等旋转或红色的文字：{'；'.join(read.stamps[:4])}")
    elif suffix in (".html", ".htm"):
        decoded, note = text.decode(data, text.declared_charset(data))
        if note:
            notes.add(note)
        lines, identity = html.lines_of(decoded, path), html.identity(decoded)
    else:
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise LoadError(path, [Problem("文件含有二进制内容，不是文本格式的报告")])
        decoded, note = text.decode(data)
        if note:
            notes.add(note)
        lines = text.lines_of(decoded)
    return import_lines(
        lines, markdown=suffix in _MARKDOWN, path=path, notes=notes, identity=identity
    )


@dataclass(frozen=True)
class _Optional:
    """A format read through an optional library: the module of this package that reads it
    (and imports the library at its top), and what to install when the library is missing."""

    module: str  # govtui.io.importers.<module>
    kind: str  # the format as users name it
    library: str  # what the module imports
    package: str  # what pip installs
    extra: str  # govtui's extra that brings it

    @property
    def missing(self) -> str:
        return (
            f"读取 {self.kind} 文件需要 {self.package}：请运行 pip install 'govtui[{self.extra}]'"
            f"（或 pip install {self.package}）"
        )


# The importers' table of optional formats.
_OPTIONAL = {
    ".docx": _Optional("docx", "Word", "docx", "python-docx", "docx"),
    ".xlsx": _Optional("xlsx", "Excel", "openpyxl", "openpyxl", "xlsx"),
    ".pdf": _Optional("pdf", "PDF", "pypdfium2", "pypdfium2", "pdf"),
}


def _reader(suffix: str, path: Path) -> ModuleType:
    """The module that reads ``suffix`` with its optional library, imported here and only here,
    when the first such file is read: a machine without the extra still reads every other
    format, and is told what to install for this one."""
    reader = _OPTIONAL[suffix]
    if importlib.util.find_spec(reader.library) is None:
        raise LoadError(path, [Problem(reader.missing)])
    try:
        return importlib.import_module(f"{__name__}.{reader.module}")
    except ImportError:  # installed, but a library it needs in turn is not
        raise LoadError(path, [Problem(reader.missing)]) from None


# --------------------------------------------------------------------------- assembling


def import_lines(
    lines: list[Line],
    *,
    markdown: bool,
    path: Path | None,
    notes: Notes,
    identity: Identity | None = None,
) -> Imported:
    """Build the report from a document's lines (and the identity its export stated)."""
    lines = [_clean_line(line) for line in lines]
    if identity is not None:
        identity = Identity(_clean(identity.agency), identity.year, _clean(identity.title))
    outline = sections.outline(lines)
    if "三" not in outline.sections:
        raise LoadError(path, [Problem(_not_a_report(outline, lines))])
    front = sections.read_front(outline.front, outline.strict)
    if outline.unfolded:
        where = "、".join(f"第 {n} 行" for n in outline.unfolded[:4])
        notes.add(
            f"{where}含有几节的内容（原文的换行已丢失），已按章节标题和小标题分开；"
            "各栏文字内的分段无法还原"
        )
    report = _identity(front, identity, lines, markdown, path, notes)
    paragraphs = text.markdown_paragraphs if markdown else text.plain_paragraphs

    fields: dict[str, list[str]] = {f.key: [] for f in form.PROSE_FIELDS}
    fields["report.preface"] = paragraphs(front.preface)
    for numeral in ("一", "五", "六"):
        if numeral not in outline.sections:
            notes.add(f"没有找到「{form.section_of(numeral).heading}」这一节，其文字为空")
            continue
        section_lines = outline.sections[numeral]
        if not markdown:
            section_lines = _without_furniture(section_lines, front.dropped)
        by_field = prose.split_fields(numeral, section_lines, outline.strict, notes)
        for key, field_lines in by_field.items():
            fields[key].extend(paragraphs(field_lines))

    if front.repeated:
        where = "、".join(f"第 {n} 行" for n in front.repeated)
        notes.add(f"标题又印了一次（{where}），已略去，未放入前言")
    if front.dropped:
        shown = "、".join(f"「{d[:20]}」" for d in front.dropped[:4])
        more = f" 等 {len(front.dropped)} 行" if len(front.dropped) > 4 else ""
        notes.add(f"略去了网页信息（不是报告正文）：{shown}{more}")

    printed: dict[CellRef, int] = {}
    strays: list[Line] = []
    evidence = {
        numeral: TableEvidence(form.section_of(numeral).heading, outline.lines.get(numeral, 0))
        for numeral in ("二", "三", "四")
        if numeral in outline.sections
    }
    if "二" in outline.sections:
        said = "\n".join("\n".join(lines) for lines in fields.values())
        strays += tables.read_proactive(outline.sections["二"], report, notes, said, evidence["二"])
    else:
        notes.add(f"没有找到「{form.section_of('二').heading}」这一节，其数字均按 0")
    found, stray = tables.read_requests(outline.sections["三"], report, notes, evidence["三"])
    printed.update(found)
    strays += stray
    if "四" in outline.sections:
        found, stray = tables.read_appeals(outline.sections["四"], report, notes, evidence["四"])
        printed.update(found)
        strays += stray
    else:
        notes.add(f"没有找到「{form.section_of('四').heading}」这一节，其数字均按 0")
    if strays:
        nearest = "overview.oversight"
        fields[nearest].extend(paragraphs(strays))
        notes.add(
            f"表格各节中有 {len(strays)} 段文字，已放入「{form.PROSE_BY_KEY[nearest].label}」的末尾："
            + "、".join(f"「{s.text.strip()[:16]}…」" for s in strays[:3])
        )
    for key, field_paragraphs in fields.items():
        report.prose[key] = prose.join(field_paragraphs)
    report = validate(report, path)  # the model judges it
    layout = Published(
        headings=tuple(zip(outline.numerals, outline.found, strict=True)),
        blank=tuple((CellRef(t, r, c), printed_as) for t, r, c, printed_as in notes.blank_cells),
    )
    return Imported(report, printed, notes.all(), tuple(evidence.values()), layout)


def _clean(text: str) -> str:
    """A line of a published report without control characters (see :mod:`govtui.controls`):
    a web page or a Word file may carry them, a report must not."""
    return controls.clean(text).replace("\n", " ")


def _clean_line(line: Line) -> Line:
    if controls.first(line.text) is None:
        return line
    cells = tuple(map(_clean, line.cells)) if line.cells is not None else None
    return dataclasses.replace(line, text=_clean(line.text), cells=cells)


def _without_furniture(lines: list[Line], dropped: list[str]) -> list[Line]:
    """A web page's buttons and footers (【打印】【关闭】) are not report text: left out, listed."""
    kept = []
    for line in lines:
        if line.cells is None and not line.verbatim and sections.boilerplate(line.text.strip()):
            dropped.append(line.text.strip())
        else:
            kept.append(line)
    return kept


def _identity(
    front: sections.Front,
    stated: Identity | None,
    lines: list[Line],
    markdown: bool,
    path: Path | None,
    notes: Notes,
) -> Report:
    """The agency, year and title, from the title line or what govtui's export stated (the
    Markdown comment, the page's ``<meta>``, the document's properties), else guessed.

    The stated title gives the title's exact blanks while the printed one still reads the same.
    """
    title = text.unescape(front.title) if markdown else " ".join(front.title.split())
    agency, year = sections.agency_and_year(title)
    if front.identity:
        agency, year = front.agency, front.year
    if stated:
        agency, year = stated.agency, stated.year
        if stated.title and " ".join(stated.title.split()) == title:
            title = stated.title
    if not agency:
        agency = front.agency or UNKNOWN_AGENCY
        notes.add(
            f"标题中没有机关名称，机关名称暂记为「{agency}」，请核对"
            if front.agency
            else f"没有找到机关名称，暂记为「{UNKNOWN_AGENCY}」，请在文件中填写 report.agency"
        )
    if year is None or not YEARS[0] <= year <= YEARS[1]:
        year = _any_year(lines)
        if year is None:
            raise LoadError(
                path, [Problem("没有找到报告年度（如“2024年”）：无法确定这是哪一年的报告")]
            )
        notes.add(f"标题中没有年度，按正文中第一个年份记为 {year} 年，请核对")
    report = _blank().model_copy(deep=True, update={"agency": agency, "year": year})
    if title and not sections.is_standard_title(title, agency, year):
        report.title = title
    if not title:
        notes.add("没有找到标题，使用标准标题")
    return report


@cache
def _blank() -> Report:
    """A validated blank report to copy: validating one per import is a good part of the time."""
    return Report.blank(UNKNOWN_AGENCY, 2000)


def _any_year(lines: list[Line]) -> int | None:
    for line in lines:
        match = _ANY_YEAR.search(line.text)
        if match:
            return int(match.group(1))
    return None


def _not_a_report(outline: sections.Outline, lines: list[Line]) -> str:
    wanted = form.section_of("三").heading
    if outline.found:
        seen = "、".join(f"「{h[:24]}」" for h in outline.found[:6])
        return f"没有找到「{wanted}」一节，无法读入表格；找到的章节标题是 {seen}"
    first = next((line.text.strip() for line in lines if not line.blank), "")
    if not first:
        return f"文件是空的，没有找到「{wanted}」一节"
    shown = first[:30].replace("\n", " ")
    return (
        f"不像是政府信息公开工作年度报告：没有找到任何章节标题（如「{wanted}」）；"
        f"文件开头是「{shown}」"
    )


__all__ = ["Imported", "import_file", "import_lines", "import_report"]
