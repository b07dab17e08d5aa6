"""Recognising the form's labels as published reports actually spell them.

Every label compared here comes from :mod:`govtui.form`; this module only decides when two
spellings mean the same label. Published reports write ``(一)`` or ``（一）``, ``1、`` or
``1. ``, ``１２``, spaces inside labels (``商业 企业``), traditional characters on mirror
sites (``公開``, ``申請``), ``合计`` for ``总计``, and now and then drop a character
(``其他法律行政止公开``). Both sides are brought to one normal form (:func:`norm`), the
numbering is split off (:func:`split_numbering`), and the bodies are compared exactly, as a
fragment of a label wrapped over two lines, or by similarity for small typos.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from govtui import form

# Traditional characters seen in the form's labels on mirror sites, and their simplified form.
_TRADITIONAL = (
    "開請數總計結轉辦屬於國規範萬處無區這穩護權內務過執詢項機關沒現製補後確訪舉報訴類複覆當"
    "認獲繳納費繼續復議訟維糾審發廢許罰強業額單決體況動臺設監問題進構會組織係條門戶網們為對"
    "與從來時個應將說讀統級價證準據經濟環災產衛"
)
_SIMPLIFIED = (
    "开请数总计结转办属于国规范万处无区这稳护权内务过执询项机关没现制补后确访举报诉类复复当"
    "认获缴纳费继续复议讼维纠审发废许罚强业额单决体况动台设监问题进构会组织系条门户网们为对"
    "与从来时个应将说读统级价证准据经济环灾产卫"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
# Blanks (NFKC has turned U+3000 and NBSP into spaces) and quotes carry no meaning in a label.
_NOISE = re.compile(r"[\s\"'“”‘’「」『』]+")
_NUMERAL = "一二三四五六七八九十"
_NUMBERING = re.compile(
    rf"^(?:\((?P<paren>[{_NUMERAL}]+|\d+)\)|(?P<cn>[{_NUMERAL}]+)[、.,:]|(?P<digit>\d+)[.、,](?!\d))"
)
_TRAILING_NUMBERING = re.compile(rf"(?:\(([{_NUMERAL}]+|\d+)\)|([{_NUMERAL}]+)、|(\d)[.、])$")
# A heading may carry the year or a table number: "2024年…", "表三：…".
_HEADING_NOISE = re.compile(rf"^(?:表[{_NUMERAL}\d]+[:、.]?)?(?:\d{{4}}年度?)?")
_SYNONYMS = {"合计": "总计"}


def simplified(text: str) -> str:
    """Half-width and simplified, blanks kept: for patterns that need word boundaries."""
    return unicodedata.normalize("NFKC", text).translate(_TO_SIMPLIFIED)


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """One spelling for every variant: half-width, simplified, without blanks and quotes."""
    return _NOISE.sub("", simplified(text))


@lru_cache(maxsize=8192)
def split_numbering(normed: str) -> tuple[str, str]:
    """``"(七)总计"`` → ``("七", "总计")``; ``"1.属于国家秘密"`` → ``("1", "属于国家秘密")``."""
    match = _NUMBERING.match(normed)
    if not match:
        return "", _SYNONYMS.get(normed, normed)
    number = match["paren"] or match["cn"] or match["digit"] or ""
    body = normed[match.end() :]
    return number, _SYNONYMS.get(body, body)


def trailing_numbering(normed: str) -> str:
    """The numbering glued to the end of a text (``…10000016.`` → ``6``), or ""."""
    match = _TRAILING_NUMBERING.search(normed)
    return next((g for g in match.groups() if g), "") if match else ""


def similar(a: str, b: str) -> float:
    """How alike two normalised bodies are (0…1), cheap when their lengths differ a lot."""
    if not a or not b or min(len(a), len(b)) * 2 < max(len(a), len(b)):
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True, slots=True)
class Target:
    """A label the importer looks for: a table row, a group of rows, or a heading."""

    key: str  # row key, group label, prose key or section numeral
    number: str  # the numbering the form prints ("1", "七", "一"), normalised
    body: str  # the label without its numbering, normalised
    order: int  # position in reading order (rows); -1 for groups
    weak: bool = False  # a bare body that is also a column header (其他, 总计)


def target(key: str, label: str, order: int = -1, headers: frozenset[str] = frozenset()) -> Target:
    number, body = split_numbering(norm(label))
    return Target(key, number, body, order, weak=body in headers)


def score(cell: str, wanted: Target) -> int:
    """How surely a normalised cell names ``wanted``: 3 exactly, 2 tolerantly, 1 weakly, 0 not.

    A cell that carries a numbering must carry the target's; a cell without one is judged
    by its body alone, and a bare body that is also a column header (``其他``) is only weak.
    """
    number, body = split_numbering(cell)
    if not body or (number and wanted.number and number != wanted.number):
        return 0
    if body == wanted.body:
        return 1 if wanted.weak and not number else 3
    same_number = bool(number) and number == wanted.number
    # A label wrapped over two lines, abridged (（二）部分公开), or printed without its first
    # words (规范性文件): with the same numbering two characters do, without it a third.
    if same_number:
        long_enough = len(body) >= 2
    else:
        long_enough = len(body) >= 4 and len(body) * 10 >= len(wanted.body) * 3
    if long_enough and (wanted.body.startswith(body) or wanted.body.endswith(body)):
        return 2
    if len(body) >= 4 and similar(body, wanted.body) >= (0.6 if same_number else 0.8):
        return 2
    return 0


# --------------------------------------------------------------------------- headings


def section_targets() -> tuple[Target, ...]:
    return tuple(target(s.numeral, s.heading) for s in form.SECTIONS)


_SECTIONS = section_targets()


@lru_cache(maxsize=4096)
def section_of(text: str) -> str:
    """The numeral of the section a heading names ("" if none), whatever its numbering.

    Headings are recognised by their words, not their numeral: some reports number the
    narrative sections 一…六 and then the tables 一…三 again, and write ``表三：``.
    """
    normed = norm(text)
    if not normed or len(normed) > 48:
        return ""
    _, body = split_numbering(normed)
    body = _HEADING_NOISE.sub("", body)
    best, best_score = "", 0.0
    for wanted in _SECTIONS:
        if body == wanted.body:
            return wanted.key
        ratio = similar(body, wanted.body)
        if ratio > best_score:
            best, best_score = wanted.key, ratio
    return best if best_score >= 0.8 else ""


# Words a sub-heading adds to the form's (（三）政府信息管理情况, （五）监督保障工作).
_SUFFIXES = ("情况", "工作", "方面")


def _plain(body: str) -> str:
    for suffix in _SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix) + 1:
            return body[: -len(suffix)]
    return body


@lru_cache(maxsize=4096)
def prose_heading(text: str, section: str) -> tuple[str, str]:
    """``(field key, rest of the line)`` when ``text`` is one of the section's sub-headings.

    The rest is the text that follows a heading run into its paragraph
    (``（一）主动公开。我局…``); ``("", "")`` when the line is no sub-heading.
    """
    normed = norm(text)
    number, body = split_numbering(normed)
    if not body:
        return "", ""
    for field in form.PROSE_FIELDS:
        if field.section != section or not field.heading:
            continue
        _, wanted = split_numbering(norm(field.heading))
        head, rest = _split_run_in(body, wanted)
        if head and (number or not rest):
            return field.key, _original_rest(text, rest)
        if not rest and len(body) <= 16 and similar(_plain(body), _plain(wanted)) >= 0.75:
            return field.key, ""
    if number and not number.isdigit() and len(body) <= 16:
        return _closing_heading(body, section)
    return "", ""


def _split_run_in(body: str, wanted: str) -> tuple[str, str]:
    """Split ``主动公开情况。我局…`` into its heading and the paragraph that follows."""
    for candidate in (wanted, _plain(wanted)):
        if not body.startswith(candidate):
            continue
        rest = body[len(candidate) :]
        for suffix in _SUFFIXES:
            rest = rest.removeprefix(suffix)
        if not rest:
            return candidate, ""
        if rest[0] in "。:;,.":
            return candidate, rest[1:]
    return "", ""


def _original_rest(text: str, normed_rest: str) -> str:
    """The rest of a run-in heading as printed (not normalised): the same trailing length."""
    if not normed_rest:
        return ""
    original = text.strip()
    # Walk back over the original until it holds as many meaningful characters as the rest.
    kept, count = len(original), 0
    while kept > 0 and count < len(normed_rest):
        kept -= 1
        if norm(original[kept]):
            count += 1
    return original[kept:]


def _closing_heading(body: str, section: str) -> tuple[str, str]:
    """Section 五's sub-headings vary most: 存在的主要问题, 改进措施, 下一步工作打算."""
    if section != "五":
        return "", ""
    if "问题" in body or "不足" in body:
        return "closing.problems", ""
    if any(word in body for word in ("改进", "整改", "措施", "下一步")):
        return "closing.improvements", ""
    return "", ""
