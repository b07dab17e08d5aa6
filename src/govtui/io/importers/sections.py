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
    unfolded: list[int] = field(default_factory=list)  # lines that held several parts
    lines: dict[str, int] = field(default_factory=dict)  # where each section's heading is
    numerals: list[str] = field(default_factory=list)  # the section each one is, by its words


def outline(lines: list[Line]) -> Outline:
    """Divide ``lines`` at the section headings; everything before 一 is the front matter."""
    result = Outline(strict=_marks_all_sections(lines))
    if not result.strict:
        lines = unfold(lines, result.unfolded)
    current: list[Line] = result.front
    for line in lines:
        numeral = _heading(line, result.strict)
        if numeral:
            result.found.append(line.text.strip())
            result.lines.setdefault(numeral, line.number)
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


# --------------------------------------------------------------------------- lost line breaks


def _spaced(text: str) -> str:
    """A pattern for ``text`` with any blanks between its characters (``总 计``)."""
    return r"\s*".join(re.escape(c) for c in text)


_ANY_NUMERAL = "[一二三四五六七八九十]"
# A section heading inside a longer line, as when a crawler or a copy lost the line breaks:
# numbered, so that the words alone (which prose may quote) do not count.
_RUN_IN_SECTION = re.compile(
    r"(?P<heading>(?:表\s*"
    + _ANY_NUMERAL
    + r"\s*[:：、]?\s*)?"
    + _ANY_NUMERAL
    + r"\s*[、.．,，]\s*(?:"
    + "|".join(_spaced(labels.split_numbering(labels.norm(s.heading))[1]) for s in form.SECTIONS)
    + "))"
)
# A prose sub-heading run into its paragraph: （一）主动公开全年主动公开政府信息…
_RUN_IN_FIELD = {
    section: re.compile(
        r"(?P<heading>[（(]\s*"
        + _ANY_NUMERAL
        + r"\s*[)）]\s*(?:"
        + "|".join(
            _spaced(labels.split_numbering(labels.norm(f.heading))[1])
            for f in form.PROSE_FIELDS
            if f.section == section and f.heading
        )
        + r")(?:\s*(?:情况|工作))?)"
    )
    for section in ("一", "五")
}


def unfold(lines: list[Line], unfolded: list[int]) -> list[Line]:
    """Lines that lost their breaks divided again at the section headings they hold.

    A crawler's text or a copy may put the whole body on one line: title, headings, prose
    and tables. The line is cut before each numbered section heading (the heading then
    stands alone) and, in 一 and 五, before and after each numbered sub-heading; the tables'
    text is left to the table readers, which find rows by their labels. The paragraphs of
    a field cannot be told apart again. The numbers of the lines cut are added to ``unfolded``.
    """
    out: list[Line] = []
    for line in lines:
        if (
            line.level
            or line.verbatim
            or line.cells is not None
            or len(line.text) <= _HEADING_WIDTH
        ):
            out.append(line)
            continue
        cuts = [m for m in _RUN_IN_SECTION.finditer(line.text) if section_of(m["heading"])]
        if not cuts or (len(cuts) == 1 and cuts[0].start() and len(line.text) < _RUN_ON):
            out.append(line)  # a paragraph may name one section ("详见二、主动公开政府信息情况")
            continue
        unfolded.append(line.number)
        pieces = [(part, "") for part in _around_title(line.text[: cuts[0].start()])]
        for cut, after in zip(cuts, [*cuts[1:], None], strict=True):
            end = after.start() if after else len(line.text)
            pieces.append((cut["heading"], ""))
            pieces.append((line.text[cut.end() : end], section_of(cut["heading"])))
        for text, section in pieces:
            for part in _sub_headings(text, section):
                if part.strip():
                    out.append(Line(part.strip(), None, 0, line.number))
    return out


def section_of(text: str) -> str:
    return labels.section_of(text)


# A title inside a longer text: the agency (no blank, colon, digit or '>' in it, so that a
# page's 发布日期：2025-01-20 or breadcrumb before it stays apart), the year, the form's words.
_TITLE_IN = re.compile(
    r"[^\s:：>＞»|0-9０-９-]+\s?[0-9０-９]{4}\s?年度?\s?"
    + _spaced(form.TITLE_SUFFIX.removeprefix("年度"))
)


def _around_title(text: str) -> list[str]:
    """The text before 一 of a body on one line: page furniture, the title, a preface."""
    match = _TITLE_IN.search(text)
    if match is None:
        return [text]
    return [text[: match.start()], match.group(), text[match.end() :]]


_RUN_ON = 400  # a line this long holding one section heading has lost its breaks
_PARAGRAPH_END = re.compile(r"(?<=[。！？])\s+")


def _sub_headings(text: str, section: str) -> list[str]:
    """A prose section's text cut at its sub-headings, and into paragraphs where a blank
    follows the end of a sentence (a crawler joins the paragraphs with one)."""
    if section in ("二", "三", "四"):
        return [text]
    out: list[str] = []
    position = 0
    pattern = _RUN_IN_FIELD.get(section)
    for match in pattern.finditer(text) if pattern else ():
        out += [text[position : match.start()], match["heading"]]
        position = match.end()
    return [p for piece in [*out, text[position:]] for p in _PARAGRAPH_END.split(piece)]


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
    # A sentence (无其他需要报告的事项。) is prose even when its words are a heading's.
    if not text or len(text) > _HEADING_WIDTH or text.endswith(("。", "！", "？", "；")):
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
    repeated: list[int] = field(default_factory=list)  # lines where the title is printed again


def read_front(lines: list[Line], strict: bool) -> Front:
    """Find the title, govtui's identity comment and web-page boilerplate before 一.

    Text above the title (a site's navigation) and boilerplate such as 索引号 or 发布日期 are
    left out but listed in ``dropped``; every other line is the preface.
    """
    front = Front()
    first, last = _title_span(lines, strict)
    if first is not None:
        front.title = "".join(line.text.strip() for line in lines[first : last + 1])
    title = labels.norm(front.title)
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
        elif title and (line.level or not strict) and labels.norm(text) == title:
            # A page's heading, then the article's own. In a report that marks its headings
            # only a heading can be the copy: a preface line may say anything.
            front.repeated.append(line.number)
        else:
            front.preface.append(line)
    return front


def _title_span(lines: list[Line], strict: bool) -> tuple[int | None, int]:
    """First and last index of the title: one line, or two when the year starts the second."""
    for index, line in enumerate(lines):
        text = line.text.strip()
        if strict and line.level != 1:
            continue
        if not strict and (
            _TITLE_END not in labels.norm(text) or len(text) > 80 or boilerplate(text)
        ):
            continue  # a breadcrumb (首页 > … > 年度报告) is no title
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
