"""The Word document: the report as it is sent up the chain, in the usual layout of these reports.

Layout (after GB/T 9704, as offices lay these reports out): A4 with margins 37/35/28/26 mm;
title in 方正小标宋简体 二号 (22 pt) centred; body 仿宋_GB2312 三号 (16 pt), first line indented
two characters, fixed 28 pt line spacing; section headings in 黑体, part headings in 楷体_GB2312;
tables in 宋体 五号 with the merged cells of the official form (the same geometry as the HTML
page, from :mod:`govtui.io.layout`); the page number in the footer (a PAGE field, "— 1 —").
A machine without these fonts shows its own substitutes (the font table names 黑体, 仿宋, 楷体
and 宋体 as alternatives).

Structure, kept regular for the importer: the title in style ``Title``, section headings in
``Heading 1``, part headings in ``Heading 2``, one body paragraph per line of a prose field
(an empty line is an empty paragraph), the three tables in the order of their sections. The
document properties carry the identity: ``title`` the title, ``author`` the agency,
``keywords`` ``govtui-form=2021; govtui-schema=1; govtui-year=2024``.

python-docx is an optional extra (``pip install 'govtui[docx]'``), imported here at the top:
this module is loaded only by the exporters' table (:mod:`govtui.io.exporters`), which says
how to install the extra when it is missing. The file is byte-for-byte the same for the same
report: no dates in the properties, fixed zip timestamps.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table

from govtui import form
from govtui.errors import ExportError
from govtui.io import layout, outline
from govtui.model import Report

# East Asian font, its stand-in on machines without it, and the Latin font beside it.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
_ALTERNATIVES = {TITLE_FONT: HEI_FONT, BODY_FONT: "仿宋", KAI_FONT: "楷体", HEI_FONT: "SimHei"}

TABLE_STYLE = "表格文字"
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
TABLE_PT = 10.5  # 五号
LINE_PT = 28  # fixed line spacing: 22 lines on an A4 page

# Characters XML cannot hold, and the carriage return Word would turn into a line break.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def render(report: Report) -> bytes:
    """The report as a .docx file's bytes."""
    _refuse_unwritable(report)
    document = docx.Document()
    _set_up_page(document)
    _set_up_styles(document)
    _set_properties(document, report)
    document.add_paragraph(report.display_title, style="Title")
    grids = layout.grids(report)
    after_table = False
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            heading = document.add_paragraph(part.text, style=f"Heading {part.level}")
            if after_table:  # a line's space between a table and the next section
                heading.paragraph_format.space_before = Pt(LINE_PT)
        elif isinstance(part, outline.Prose):
            if part.text:
                for line in part.text.split("\n"):
                    document.add_paragraph(line)
        else:
            _table(document, grids[part.section])
        after_table = isinstance(part, outline.TableAt)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def _refuse_unwritable(report: Report) -> None:
    """Word cannot store control characters; say where one is instead of writing a broken file."""
    texts = [(form.PROSE_BY_KEY[k].label, v) for k, v in report.prose.items()]
    texts += [("机关名称", report.agency), ("标题", report.title)]
    for label, text in texts:
        for number, line in enumerate(text.split("\n"), start=1):
            found = _UNWRITABLE.search(line)
            if found:
                raise ExportError(
                    f"「{label}」第 {number} 行含有 Word 文件不能保存的控制字符"
                    f"（U+{ord(found.group()):04X}），请删除后再导出。"
                )


# --------------------------------------------------------------------------- page and styles


def _set_up_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    _format(footer.style, SONG_FONT, 14, align="center", indent=False, line=None)
    footer.add_run("— ")
    _page_field(footer)
    footer.add_run(" —")


def _page_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice put the page's number there."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            paragraph.add_run("1")


def _set_up_styles(document: Document) -> None:
    styles = document.styles
    # The template's defaults name theme fonts (a Japanese one for East Asian text): replace
    # them, and say the text is Chinese so that substitutes are Chinese fonts.
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if r_pr is not None:
            _fonts(r_pr, BODY_FONT, LATIN_FONT)
            lang = r_pr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                r_pr.append(lang)
            lang.set(qn("w:val"), "en-US")
            lang.set(qn("w:eastAsia"), "zh-CN")
    _format(styles["Normal"], BODY_FONT, BODY_PT, align="justify", indent=True, line=LINE_PT)
    _format(styles["Title"], TITLE_FONT, TITLE_PT, align="center", indent=False, line=None)
    styles["Title"].paragraph_format.space_after = Pt(LINE_PT)
    _format(styles["Heading 1"], HEI_FONT, BODY_PT, align="justify", indent=True, line=LINE_PT)
    _format(styles["Heading 2"], KAI_FONT, BODY_PT, align="justify", indent=True, line=LINE_PT)
    table_style = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_style.base_style = styles["Normal"]
    _format(table_style, SONG_FONT, TABLE_PT, align="center", indent=False, line=None)


def _format(
    style: ParagraphStyle,
    east_asian: str,
    size: float,
    *,
    align: str,
    indent: bool,
    line: float | None,
) -> None:
    """Give a paragraph style our font, size and paragraph layout, and nothing of the template's
    (theme fonts, colours, borders, spacing)."""
    element = style.element
    for tag in ("w:rPr", "w:pPr"):
        old = element.find(qn(tag))
        if old is not None:
            keep = [c for c in old if c.tag in (qn("w:outlineLvl"), qn("w:keepNext"))]
            element.remove(old)
            if keep:
                p_pr = element.get_or_add_pPr()
                for child in keep:
                    p_pr.append(child)
    font = style.font
    font.size = Pt(size)
    font.bold = False
    font.color.rgb = RGBColor(0, 0, 0)
    latin = LATIN_FONT if east_asian in (BODY_FONT, SONG_FONT) else east_asian
    _fonts(element.get_or_add_rPr(), east_asian, latin)
    paragraph = style.paragraph_format
    paragraph.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
    }[align]
    paragraph.first_line_indent = Pt(2 * size) if indent else Pt(0)
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    paragraph.widow_control = False
    if line is None:
        paragraph.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        paragraph.line_spacing = Pt(line)
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _fonts(r_pr: Any, east_asian: str, latin: str) -> None:
    """Set all four font slots; Chinese text is drawn with the ``w:eastAsia`` one."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asian), ("cs", latin)):
        fonts.set(qn(f"w:{slot}"), name)


def _set_properties(document: Document, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.display_title
    properties.author = report.agency
    properties.subject = form.TITLE_SUFFIX
    properties.keywords = (
        f"govtui-form={form.FORM_ID}; govtui-schema={form.SCHEMA_VERSION}; "
        f"govtui-year={report.year}"
    )
    properties.comments = ""
    properties.last_modified_by = "govtui"
    properties.revision = 1
    element = properties._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for old in element.findall(qn(tag)):
            element.remove(old)


# --------------------------------------------------------------------------- tables


def _table(document: Document, grid: layout.Grid) -> None:
    """The grid as a Word table: widths, merged cells, labels and numbers, header rows repeated."""
    section = document.sections[0]
    assert section.page_width and section.left_margin and section.right_margin
    text_width = section.page_width - section.left_margin - section.right_margin
    table = document.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    # Every cell of the unmerged table, taken once: ``table.cell()`` and ``column.cells`` walk
    # the whole table on each call. Merged regions never overlap, so each region's corners are
    # still in place when it is merged.
    unmerged = [row.cells for row in table.rows]
    widths = [int(text_width * grid.share(index)) for index in range(grid.width)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cells in unmerged:
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if index < grid.header_rows:
            tr_pr.append(OxmlElement("w:tblHeader"))
    style_id = document.styles[TABLE_STYLE].style_id
    for printed in grid.rows:
        heading_row = all(c.role in ("corner", "column") for c in printed)
        for cell in printed:
            target = unmerged[cell.row][cell.col]
            if cell.rowspan > 1 or cell.colspan > 1:
                last = unmerged[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1]
                target = target.merge(last)
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = target.paragraphs[0]
            paragraph._p.style = style_id  # what ``paragraph.style =`` does, without a style search
            # A row of headings (a 第二十条 label, 信息内容, the column headings) stays on the
            # page of the row below it: a table may split, but never right under a heading.
            paragraph.paragraph_format.keep_with_next = heading_row
            if cell.role in ("corner", "row"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragraph.add_run(cell.text)


def _cell_margins(table: Table) -> None:
    """Narrow left/right cell margins, so that the narrow label column of 三 holds one character."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "57")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


# --------------------------------------------------------------------------- the file


def _font_entries() -> bytes:
    entries = []
    for name, alternative in _ALTERNATIVES.items():
        entries.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alternative}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    return "".join(entries).encode("utf-8")


def _deterministic_zip(data: bytes) -> bytes:
    """The same parts, in the same order, with fixed timestamps (and our fonts' alternatives in
    the font table), so that the same report always gives the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/fontTable.xml":
                blob = blob.replace(b"</w:fonts>", _font_entries() + b"</w:fonts>")
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, blob)
    return out.getvalue()
