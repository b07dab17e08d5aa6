"""Splitting a report's lines into its title, the text before 一, and the sections 一…六.

Sections are found by the words of their headings (:func:`labels.section_of`), at any
heading level or as bare lines. When the source marks headings (Markdown ``#``, HTML
``<h2>``, Word heading styles) and some of them are section headings, only marked headings
divide the report: a prose line such as "（一）存在问题" or "二、主动公开政府信息情况" is then
text, which is what makes govtui's own exports read back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govtui import form
from govtui.io.importers import labels
from govtui.io.importers.text import Line

# Lines of a web page or a Word header that are not part of the report: a field name and a
# colon (索引号：…), a run of 【打印】【关闭】 buttons, a breadcrumb (首页 > 政务公开 > …).
_BOILERPLATE = re.compile(
    r"^\s*(?:(?:索引号|发布机构|发文机关|发文单位|发布单位|发布日期|发布时间|成文日期|生成日期|"
    r"公开方式|公开范围|公开时限|主题分类|主题词|体裁分类|信息分类|文号|发文字号|来源|信息来源|"
    r"作者|浏览次数|访问次数|阅读次数|点击数|字号|当前位置|您当前的位置|您的位置)\s*[:：]"
    r"|(?:[【\[][^】\]]{1,10}[】\]]\s*)+$|首页\s*[>＞»]|(?:分享到|扫一扫)"
    r")"
)
_DATE_ONLY = re.compile(r"^\s*\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*$")
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位)\s*[:：]\s*(\S+)")
_IDENTITY = re.compile(
    r"^<!--\s*govtui agency:\s*(?P<agency>.*?)\s*\|\s*year:\s*(?P<year>\d{4})\s*-->$"
)
_YEAR = re.compile(r"([0-9０-９]{4})\s*年")
_TITLE_END = labels.norm(form.TITLE_SUFFIX)[-4:]  # 年度报告
_HEADING_WIDTH = 48  # a bare line longer than this is prose, not a heading


@dataclass
class Outline:
    """The report divided: title, the lines before 一, and each section's lines."""

    strict: bool  # only marked headings divide the report
    front: list[Line] = field(default_factory=list)
    sections: dict[str, list[Line]] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)  # section headings, as printed
    numerals: list[str] = field(default_factory=list)  # the section each one is, by its words


def outline(lines: list[Line]) -> Outline:
    """Divide ``lines`` at the section headings; everything before 一 is the front matter."""
    result = Outline(strict=_marks_all_sections(lines))
    current: list[Line] = result.front
    for line in lines:
        numeral = _heading(line, result.strict)
        if numeral:
            result.found.append(line.text.strip())
            result.numerals.append(numeral)
            current = result.sections.setdefault(numeral, [])
            continue
        current.append(line)
    return result


def _marks_all_sections(lines: list[Line]) -> bool:
    """True when the marked headings name every section that any line names.

    A page that marks some section headings with ``<h2>`` but writes others as plain
    paragraphs must be read loosely; govtui's exports mark all six and are read strictly.
    """
    marked = {labels.section_of(line.text) for line in lines if line.level} - {""}
    if not marked:
        return False
    loose = {_heading(line, strict=False) for line in lines if not line.level} - {""}
    return loose <= marked


def boilerplate(text: str) -> bool:
    """A line of page furniture (索引号：…, 【打印】【关闭】, 首页 > …) rather than report text."""
    plain = labels.simplified(text)
    return bool(_BOILERPLATE.match(plain) or _DATE_ONLY.match(plain))


def _heading(line: Line, strict: bool) -> str:
    if strict:
        return labels.section_of(line.text) if line.level else ""
    if line.cells is not None and sum(1 for cell in line.cells if cell.strip()) != 1:
        return ""
    text = line.text.strip()
    if not text or len(text) > _HEADING_WIDTH:
        return ""
    return labels.section_of(text)


# --------------------------------------------------------------------------- the front


@dataclass
class Front:
    """What the lines before 一 say: title, agency, year, preface, and what was left out."""

    title: str = ""
    agency: str = ""
    year: int | None = None
    identity: bool = False  # agency and year came from govtui's own comment
    preface: list[Line] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def read_front(lines: list[Line], strict: bool) -> Front:
    """Find the title, govtui's identity comment and web-page boilerplate before 一.

    Text above the title (a site's navigation) and boilerplate such as 索引号 or 发布日期 are
    left out but listed in ``dropped``; every other line is the preface.
    """
    front = Front()
    first, last = _title_span(lines, strict)
    if first is not None:
        front.title = "".join(line.text.strip() for line in lines[first : last + 1])
    for index, line in enumerate(lines):
        text = line.text.strip()
        if first is not None and first <= index <= last:
            continue
        if line.verbatim:  # a line of govtui's preface, whatever it says
            front.preface.append(line)
            continue
        identity = _IDENTITY.match(text)
        if identity:
            front.agency = identity["agency"].replace("\\-\\-", "--")
            front.year = int(identity["year"])
            front.identity = True
        elif text and boilerplate(text):
            publisher = _PUBLISHER.search(text)
            if publisher and not front.agency:
                front.agency = publisher.group(1)
            front.dropped.append(text)
        elif first is not None and index < first:
            if text:
                front.dropped.append(text)
        else:
            front.preface.append(line)
    return front


def _title_span(lines: list[Line], strict: bool) -> tuple[int | None, int]:
    """First and last index of the title: one line, or two when the year starts the second."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if strict and line.level != 1:
            continue
        if not strict and (_TITLE_END not in labels.norm(text) or len(text) > 80):
            continue
        previous = None if strict else _previous_text(lines, index)
        if _YEAR.match(text) and previous is not None:
            before = lines[previous].text.strip()
            if len(before) <= 30 and "。" not in before and not boilerplate(before):
                return previous, index
        return index, index
    return None, -1


def _previous_text(lines: list[Line], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if not lines[back].blank:
            return back
    return None


def agency_and_year(title: str) -> tuple[str, int | None]:
    """Agency and year from a title such as ``牧野区工业和信息化局 2024 年政府信息公开工作年度报告``."""
    match = _YEAR.search(title)
    if not match:
        return "", None
    agency = title[: match.start()].strip().strip("《》").strip()
    year = int(match.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return agency, year


def is_standard_title(title: str, agency: str, year: int) -> bool:
    """True when the title is the standard one, spaces aside (the seed writes ``2024 年``)."""
    return "".join(title.split()) == "".join(form.standard_title(agency, year).split())
