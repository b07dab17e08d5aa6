"""What reviewers cite about the prose beyond its numbers: ``stale_year`` (a draft still
speaking of last year as its own), ``closing_gap`` (五 written as 无 or a line),
``overview_length`` and ``required_content`` (what a collecting office's profile asks for).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govtui import form
from govtui.policy import OVERVIEW_SETTING  # a profile's setting, read there without the rules
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule

# Settings a profile gives the rules (see :mod:`govtui.rules.profile`).

# ------------------------------------------------------------------------------ stale_year

# A year written as the report's own: opening a sentence (“2024年，我局…”, “2024年以来，”),
# in brackets after 本年度 (“本年度（2024年）”), or as the subject of what was done
# (“2024年共收到…”, “2024年我单位…”). Comparisons (较2024年, 与2024年相比), 2024年结转的申请,
# and dates (2024年12月31日) are none of these. Each year is found first (a cheap scan) and
# only an earlier one has its surroundings read.
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?")
_OPENING_AFTER = re.compile(r"(?:以来|全年|上半年)?\s*[，,]")
_BRACKET_BEFORE = re.compile(r"本年度?\s*[（(]\s*$")
_BRACKET_AFTER = re.compile(r"\s*[）)]")
_SUBJECT_AFTER = re.compile(
    r"(?:全年|共|累计|我局|本局|本机关|我单位|本单位|我委|我办|我中心|本部门|我部门)"
)
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def own_years(text: str, before_year: int = 10000) -> Iterator[tuple[int, str]]:
    """Each year before ``before_year`` that ``text`` speaks of as its own, with the words
    that say so."""
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        if year >= before_year:
            continue
        start, end = match.start(), match.end()
        before = text[max(0, start - 6) : start]
        opening = start == 0 or text[:start].rstrip(" \t")[-1:] in ("", *"。；;！？!?\n")
        if opening and (said := _OPENING_AFTER.match(text, end)):
            yield year, text[start : said.end()].rstrip("，,")
        elif _BRACKET_BEFORE.search(before) and (said := _BRACKET_AFTER.match(text, end)):
            yield year, text[max(0, start - 4) : said.end()].lstrip("。；;，, ")
        elif before[-1:] not in "较比与自从至到于和" and (said := _SUBJECT_AFTER.match(text, end)):
            yield year, text[start : said.end()]


@rule("stale_year", "文字中不应把其他年份当作本年度来写（疑似照搬上年报告）")
def stale_year(context: Context) -> Iterator[Finding]:
    report = context.report
    title = _TITLE_YEAR.search(report.title)
    if title and int(title.group(1)) != report.year:
        yield Finding(
            row="标题",
            expected=report.year,
            actual=int(title.group(1)),
            message=f"标题写的是 {title.group(1)} 年，但这是 {report.year} 年度的报告。",
        )
    for field in form.PROSE_FIELDS:
        for year, words in own_years(report.prose[field.key], report.year):
            yield Finding(
                section=field.section,
                row=field.label,
                expected=report.year,
                actual=year,
                message=(
                    f"「{field.label}」写着“{words}”，把 {year} 年当作本年度来写，"
                    f"而这是 {report.year} 年度的报告：疑似照搬上年报告，请核对年份和内容。"
                ),
                field=field.key,
            )
            break


# ----------------------------------------------------------------------------- closing_gap

CLOSING_MIN_CHARS = 20
_ENUMERATION = re.compile(
    r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]"
)
_NOTHING = re.compile(r"(?:无|暂无|没有|无问题|暂无问题|没有问题|无明显问题|暂未发现问题)")


_NOT_WORDS = re.compile(r"[\W_]+")


def substance(text: str) -> str:
    """The letters and digits of ``text`` without its enumeration (一是, （一）, 1.)."""
    return _NOT_WORDS.sub("", _ENUMERATION.sub("", text))


@rule("closing_gap", "五、存在的主要问题及改进情况 不应只写“无”或寥寥数字")
def closing_gap(context: Context) -> Iterator[Finding]:
    for key in ("closing.problems", "closing.improvements"):
        text = context.report.prose[key]
        if not text.strip():
            continue  # empty: empty_section says so (改进情况 may be part of 存在问题)
        field = form.PROSE_BY_KEY[key]
        words = substance(text)
        if _NOTHING.fullmatch(words):
            said = f"只写了“{text.strip()}”"
        elif len(words) < CLOSING_MIN_CHARS:
            said = f"只有 {len(words)} 个字"
        else:
            continue
        yield Finding(
            section=field.section,
            row=field.label,
            expected=f"≥{CLOSING_MIN_CHARS}",
            actual=len(words),
            message=(
                f"「{field.label}」{said}。考核要求如实查找问题、写明改进措施，"
                "不能写“无”或一句带过。"
            ),
            field=key,
        )


# ------------------------------------------------------------------------- overview_length


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


@rule("overview_length", "一、总体情况 不应超过规则配置规定的字数（默认不检查）")
def overview_length(context: Context) -> Iterator[Finding]:
    limit = context.settings.get(OVERVIEW_SETTING)
    if not limit:
        return
    fields = [f for f in form.PROSE_FIELDS if f.section == "一"]
    length = sum(_chars(context.report.prose[f.key]) for f in fields)
    if length <= limit:
        return
    yield Finding(
        section="一",
        row=form.section_of("一").heading,
        expected=f"≤{int(limit)}",
        actual=length,
        message=(
            f"「{form.section_of('一').heading}」共 {length} 字，超过规定的 {int(limit)} 字"
            f"（多 {length - int(limit)} 字），请精简。"
        ),
    )


# ------------------------------------------------------------------------ required_content


@rule("required_content", "文字部分应写到规则配置要求的内容（默认不检查）")
def required_content(context: Context) -> Iterator[Finding]:
    for key, phrases in context.required.items():
        text = context.report.prose.get(key, "")
        missing = [p for p in phrases if p not in text]
        if not missing:
            continue
        field = form.PROSE_BY_KEY[key]
        listed = "、".join(f"“{p}”" for p in missing)
        yield Finding(
            section=field.section,
            row=field.label,
            expected="、".join(phrases),
            actual="、".join(missing),
            message=f"「{field.label}」没有写到{listed}，规则配置要求写明这些内容。",
            field=key,
        )
