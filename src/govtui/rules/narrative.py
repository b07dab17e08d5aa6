"""``narrative``: every number the prose states about the tables, compared with the tables.

Reviewers' first complaint about annual reports is text that says one thing and a table another
(“收到申请 54 件” over a matrix of 51). This rule reads each figure of the prose that is a count
(件, 个, 项 …) or an amount (万元, 元) and decides what it is about from the words next to it:

* The words before it back to the previous figure or the start of the clause (a ``，`` or
  ``；``) — “本年新收政府信息公开申请 | 51件” — and, when they name nothing, the words after it
  up to the next figure or the end of the clause — “其中 | 18件 | 全部公开”.
* The keyword nearest to the figure wins; a word that makes the figure a comparison or another
  year's (较上年, 增加, 2023年) wins over it and the figure is left alone, as are ranges,
  approximations (约, 余, 多), percentages, dates and document numbers (〔2024〕12号), which
  carry no count unit.
* A clause with 分别 pairs the kinds named before it with the figures after it, in order.
* A clause naming two kinds before one figure (“行政复议和行政诉讼共7件”) is left alone, unless
  the figure is 各 (each).

Only a figure whose kind is clear is compared; the rule prefers silence to a false alarm, and
the corpus in ``tests/fixtures/narrative`` measures both of its error rates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from govtui import form
from govtui.model import Report
from govtui.places import CellRef
from govtui.rules.finding import Finding
from govtui.rules.registry import Context, rule

ON_REQUEST = "overview.on_request"

# ------------------------------------------------------------------------------- numbers

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")  # one for one


def chinese_number(text: str) -> int | None:
    """Arabic digits or a Chinese numeral below 10 000 (三, 十二, 一百零五, 两千三百)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
        else:
            return None
    return total + current


_COUNT_UNITS = "件份个项宗起次条"
# A figure: Arabic (1,864 / 12.865) or Chinese; then an optional 万 and a unit.
_FIGURE = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+)"
    r"\s*(?P<unit>万元|元|万|[" + _COUNT_UNITS + r"])"
)
_APPROXIMATE_BEFORE = re.compile(r"(?:约|近|逾|超过|不到|不足|将近|大约|上|数|达|仅)$")
_GLUED_BEFORE = re.compile(r"(?:\d|[至到~～\-—－]|[〇零一二两三四五六七八九十])$")
_APPROXIMATE_AFTER = re.compile(r"^(?:余|多|来|左右|以上|以下|上下)")
_NOT_A_COUNT_AFTER = re.compile(r"^(?:工作日|自然日|月|小时|季度|百分点|批次|环节|方面|栏目|类)")
_CLAUSE = re.compile(r"[，；;。！？!?：:\n（）()]|,(?!\d{3})")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class Figure:
    """One figure the prose states: where, its value, and the unit it was written with."""

    start: int
    end: int
    value: Decimal
    unit: str
    text: str
    exact: bool = True  # False: a range, an approximation, a time — a boundary, never compared


def figures(sentence: str) -> list[Figure]:
    """The counts and amounts stated in ``sentence``, leaving out what is not exact: ranges
    (3至5件, 三五件), approximations (约50件, 120余条), and numbers run into others (1.2万件)."""
    out = []
    for match in _FIGURE.finditer(sentence):
        raw, unit = match["number"], match["unit"]
        # Only the few characters around a figure decide; slicing the whole sentence for each
        # figure made long paragraphs quadratic.
        before = sentence[max(0, match.start() - 4) : match.start()]
        after = sentence[match.end() : match.end() + 4]
        inexact = Figure(match.start(), match.end(), Decimal(0), unit, match.group(0), False)
        if unit == "万" or _APPROXIMATE_BEFORE.search(before) or _APPROXIMATE_AFTER.match(after):
            out.append(inexact)
            continue
        if _NOT_A_COUNT_AFTER.match(after):  # 12个工作日, 3个月: a time, not a count
            out.append(inexact)
            continue
        if _GLUED_BEFORE.search(before):
            out.append(inexact)  # the second half of a range, or a number glued to another
            continue
        if raw[0] in "〇零一二两三四五六七八九十百千":
            number = chinese_number(raw)
            if number is None or (len(raw) == 2 and raw[1] in _CN_DIGITS and raw[0] != "十"):
                out.append(inexact)  # 三五件: a range, not a number
                continue
            value = Decimal(number)
        else:
            value = Decimal(raw.replace(",", ""))
        if unit == "元":
            value = value / 10000
        out.append(Figure(match.start(), match.end(), value, unit, match.group(0)))
    return out


# --------------------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class Kind:
    """What a figure may be about: the label a message uses and how to read it off the report."""

    label: str  # what the prose speaks of
    source: str  # where the tables say it
    cells: tuple[CellRef, ...]
    amount: bool = False  # 万元 rather than a count


def _requests(label: str, source: str, *rows: str) -> Kind:
    cells = tuple(CellRef("requests", r, "total") for r in rows)
    total = "" if "总计" in source else "总计"
    return Kind(label, f"{form.REQUESTS.section}「{source}」{total}", cells)


def _proactive(label: str, row: str, column: str, amount: bool = False) -> Kind:
    table = form.PROACTIVE
    source = f"{table.section}「{table.row(row).label}」{table.column(column).label}"
    return Kind(label, source, (CellRef(table.key, row, column),), amount)


def _appeals(name: str, rows: tuple[str, ...]) -> Kind:
    cells = tuple(CellRef("appeals", r, "total") for r in rows)
    return Kind(name, f"{form.APPEALS.section}「{name}」总计", cells)


def _outcome_rows(prefix: str) -> tuple[str, ...]:
    return tuple(r.key for r in form.OUTCOME_ROWS if r.key.split(".")[0] == prefix)


_ROWS = {r.key: r.label for r in form.REQUESTS.rows}
KINDS: dict[str, Kind] = {
    "received": _requests("收到申请", _ROWS["new"], "new"),
    "carried_over": _requests("上年结转申请", _ROWS["carried_over"], "carried_over"),
    "handled": _requests("办结", _ROWS["total"], "total"),
    "carried_forward": _requests("结转下年度", _ROWS["carried_forward"], "carried_forward"),
    "granted": _requests("予以公开", _ROWS["granted"], "granted"),
    "partly_granted": _requests("部分公开", "（二）部分公开", "partly_granted"),
    "withheld": _requests("不予公开", "（三）不予公开", *_outcome_rows("withheld")),
    "unavailable": _requests("无法提供", "（四）无法提供", *_outcome_rows("unavailable")),
    "rejected": _requests("不予处理", "（五）不予处理", *_outcome_rows("rejected")),
    "other_outcome": _requests("其他处理", "（六）其他处理", *_outcome_rows("other")),
    "review": _appeals(form.REVIEW, ("review",)),
    "litigation": _appeals(
        form.LITIGATION, tuple(r.key for r in form.APPEALS.rows if form.LITIGATION in r.path)
    ),
    "licensing": _proactive("行政许可", "licensing", "decisions"),
    "penalties": _proactive("行政处罚", "penalties", "decisions"),
    "coercion": _proactive("行政强制", "coercion", "decisions"),
    "fees": _proactive("行政事业性收费", "fees", "amount", amount=True),
}
for _doc in ("rules", "normative_documents"):
    for _column in form.PROACTIVE.columns[:3]:
        _label = form.PROACTIVE.row(_doc).label + _column.label.removesuffix("件数")
        KINDS[f"{_doc}.{_column.key}"] = _proactive(_label, _doc, _column.key)

_ENFORCEMENT = ("licensing", "penalties", "coercion")


@lru_cache(maxsize=64)
def _keywords(year: int) -> re.Pattern[str]:
    """The words that say what a figure is about, as one alternation: at each place the first
    alternative that matches wins, so ``结转下年度继续办理`` is never read as ``办理``."""
    last, this, next_ = year - 1, year, year + 1
    words = {
        "carried_forward": rf"(?:结转|转入|转至|留待)(?:至|到)?(?:下一?年度?|次年|{next_}年度?)"
        r"(?:继续)?(?:办理)?|结转下年度",
        "carried_over": rf"(?:上一?年度?|{last}年度?|往年)(?:的|底|末)?(?:结转|遗留|转入)"
        r"|上年结转",
        "stop": rf"较上?年|比上年|同比|环比|较去年|增加|减少|增长|下降|上升|持平|去年|上一?年度?"
        rf"|(?!{this}年)\d{{4}}年",
        "received": r"新收|(?:收到|接到|受理|接收|共收)(?:(?!行政复议|行政诉讼)[^，；。])*?申请",
        "granted": r"予以公开|全部公开|同意公开",
        "partly_granted": r"部分公开|区分处理",
        "withheld": r"不予公开",
        "unavailable": r"无法提供",
        "rejected": r"不予处理",
        "other_outcome": r"其他(?:方式)?处理",
        "handled": r"办结|答复(?!期限|时限|文书|率)|办理完毕|办理(?!时限|时长|期限|人员)",
        "review": r"行政复议|(?:申请|提起)复议",
        "litigation": r"行政诉讼",
        "licensing": r"(?:行政)?许可",
        "penalties": r"(?:行政)?处罚",
        "coercion": r"(?:行政)?强制",
        "fees": r"行政事业性收费|事业性收费",
        "issued": r"制发|印发|出台|新制定|制定",
        "repealed": r"废止|废除|宣布失效",
        "in_force": r"现行有效|仍然?有效|继续有效|(?<!期)有效(?:的|文件)?(?:共|为|计)?$",
        "rules": r"规章(?!制度)",
        "normative_documents": r"规范性文件",
    }
    # Every alternative starts with one of these characters: looking ahead for one first lets
    # the engine skip the other positions without trying thirty alternatives at each.
    starts = (
        "结转留上往较比同环增减下去新收接受共予全部不无其办答行申提许处强事制印出废宣现仍继有规0-9"
    )
    alternatives = "|".join(f"(?P<{name}>{pattern})" for name, pattern in words.items())
    return re.compile(f"(?=[{starts}])(?:{alternatives})")


_DOC_VERBS = ("issued", "repealed", "in_force")
_RECEIVED_BEFORE = re.compile(r"(?:收到|接到|受理|接收|新收)\S{0,3}$")
_RECEIVED_AFTER = re.compile(r"(?:政府)?(?:信息公开)?申请")
_DOC_TOPICS = ("rules", "normative_documents")


def _kinds_in(text: str, year: int) -> list[tuple[int, str]]:
    """The keywords in ``text`` as (position, kind), in order."""
    return [(m.start(), m.lastgroup or "") for m in _keywords(year).finditer(text)]


@dataclass(frozen=True)
class Statement:
    """A figure the prose states and what it is about."""

    kind: str
    figure: Figure
    sentence: str
    excerpt: str = ""  # the clause that states it, as a message quotes it
    offset: int = 0  # where the sentence starts in the text: figure.start + offset is the figure's


def statements(text: str, year: int) -> Iterator[Statement]:
    """Every figure of ``text`` whose kind is clear, sentence by sentence."""
    return iter(_statements(text, year))


@lru_cache(maxsize=256)
def _statements(text: str, year: int) -> tuple[Statement, ...]:
    """Cached: the editor reruns every rule on each edit, and only one field has changed."""
    out = []
    for match in _SENTENCE.finditer(text.translate(_FULL_WIDTH)):
        if not _FIGURE.search(match.group(0)):
            continue
        original = text[match.start() : match.end()].strip()
        for found in _in_sentence(match.group(0), year):
            out.append(Statement(found.kind, found.figure, original, found.excerpt, match.start()))
    return tuple(out)


def _in_sentence(sentence: str, year: int) -> Iterator[Statement]:
    found = figures(sentence)
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence) + 1]
    topics = (
        [(p, k) for p, k in _kinds_in(sentence, year) if k in _DOC_TOPICS]
        if "规" in sentence
        else []
    )
    for low, high in pairwise(bounds):
        clause = [f for f in found if low <= f.start < high]
        if not clause:
            continue
        text = sentence[low:high]
        split = text.find("分别")
        if split >= 0:
            yield from _respectively(sentence, text[:split], clause, year, topics)
            continue
        # “其中18件全部公开、4件部分公开”: when the clause's first figure is named by the words
        # after it, so are the others (the words before the second are the first's).
        after_first = not _kinds_in(sentence[low : clause[0].start], year)
        for index, figure in enumerate(clause):
            start = clause[index - 1].end if index else low
            end = clause[index + 1].start if index + 1 < len(clause) else high
            if after_first and index:
                start = figure.start
            if not figure.exact:
                continue
            kind = _kind_of(sentence, start, figure, end, year, topics)
            for each in kind:
                yield Statement(each, figure, sentence.strip(), _excerpt(sentence, low, high))


def _kind_of(
    sentence: str,
    start: int,
    figure: Figure,
    end: int,
    year: int,
    topics: list[tuple[int, str]],
) -> list[str]:
    """What ``figure`` is about: a list of kinds (several only for 各), empty when unclear."""
    before = sentence[start : figure.start]
    found = _kinds_in(before, year)
    if found:
        kinds = [k for _, k in found if k not in _DOC_TOPICS]
        if not kinds or "stop" in kinds:
            return []  # only a document named, or a comparison, another year's figure
        last = kinds[-1]
        named = [(p, k, m) for p, k, m in _matches(before, year) if k not in _DOC_TOPICS]
        if len(named) > 1 and named[-2][1] != last:
            between = before[named[-2][2] : named[-1][0]]
            if between and not between.strip("和及与以、，或"):
                # 行政复议和行政诉讼共7件: two things, one figure; 各: the figure for each.
                if before.rstrip().endswith("各"):
                    return [
                        _resolve(k, figure, sentence, start, topics) for k in (named[-2][1], last)
                    ]
                return []
        if last in _ENFORCEMENT:
            position = max(p for p, k in found if k == last)
            between = before[position:]
            if "信息" in between or "等" in between or figure.unit == "条":
                return []
        if last == "fees" and "信息处理费" in before:
            return []
        return [_resolve(last, figure, sentence, start, topics)]
    after = sentence[figure.end : end]
    if not _kinds_in(after, year):
        # “另有7件因在法定答复期限内，结转至2025年继续办理”: the next clause says where they went.
        # Only when that clause states no figure of its own (else the words are its figure's).
        rest = sentence[end:]
        boundary = _CLAUSE.search(rest, 1)
        following = rest[: boundary.start() if boundary else len(rest)]
        nxt = _kinds_in(following, year)
        if nxt and nxt[0][1] == "carried_forward" and not _FIGURE.search(following):
            return ["carried_forward"]
    if _RECEIVED_BEFORE.search(before) and _RECEIVED_AFTER.match(after):
        return ["received"]  # 收到的 | 51件 | 申请
    found = _kinds_in(after, year)
    if not found or found[0][1] in ("stop", *_DOC_TOPICS, *_ENFORCEMENT, "fees"):
        return []
    return [_resolve(found[0][1], figure, sentence, figure.end, topics)]


def _matches(text: str, year: int) -> list[tuple[int, str, int]]:
    """The keywords in ``text`` as (start, kind, end), in order."""
    return [(m.start(), m.lastgroup or "", m.end()) for m in _keywords(year).finditer(text)]


def _resolve(
    kind: str, figure: Figure, sentence: str, at: int, topics: list[tuple[int, str]]
) -> str:
    """A document verb (制发, 废止, 现行有效) takes the document it speaks of from the nearest
    规章/规范性文件 before it in the sentence, else after it; without one it is unclear."""
    if kind not in _DOC_VERBS:
        return kind
    before = [k for p, k in topics if p < figure.start]
    after = [k for p, k in topics if p >= figure.start]
    topic = before[-1] if before else (after[0] if after else "")
    return f"{topic}.{kind}" if topic else ""


def _excerpt(sentence: str, low: int, high: int) -> str:
    """The clause ``sentence[low:high]`` without its delimiters, marked where it was cut."""
    marks = "，；;。！？!?：:\n（）() "
    clause = sentence[low:high].strip(marks)
    head = "..." if any(c not in marks for c in sentence[:low]) else ""
    tail = "..." if any(c not in marks for c in sentence[high:]) else ""
    return head + clause + tail


def _respectively(
    sentence: str, head: str, clause: list[Figure], year: int, topics: list[tuple[int, str]]
) -> Iterator[Statement]:
    kinds = [k for _, k in _kinds_in(head, year) if k not in _DOC_TOPICS]
    if "stop" in kinds or len(kinds) != len(clause) or not all(f.exact for f in clause):
        return
    for kind, figure in zip(kinds, clause, strict=True):
        resolved = _resolve(kind, figure, sentence, figure.start, topics)
        if resolved:
            yield Statement(resolved, figure, sentence.strip(), sentence.strip())


# ----------------------------------------------------------------------------- compare


def table_value(report: Report, kind: Kind) -> Decimal:
    if kind.amount:
        return report.fees
    return Decimal(sum(report.value(*cell) for cell in kind.cells))


def accepted_values(
    report: Report, statement: Statement, value: Decimal | None = None
) -> set[Decimal]:
    """The values the tables allow for a statement. A received count may include 上年结转 when
    the sentence says so (“共收到申请54件（含上年结转3件）”); 办理 may mean every application
    handled in the year (新收＋结转) as well as those concluded."""
    kind = KINDS.get(statement.kind)
    if kind is None:
        return set()
    values = {table_value(report, kind) if value is None else value}
    if statement.kind not in ("received", "handled"):
        return values
    new, carried = (
        Decimal(report.value("requests", row, "total")) for row in ("new", "carried_over")
    )
    mentions_carried = bool(re.search(r"上一?年度?结转|结转", statement.sentence))
    if statement.kind == "received" and mentions_carried:
        values.add(new + carried)
    if statement.kind == "handled" and "办理" in statement.sentence:
        values.add(new + carried)
    return values


_NONE_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|接到|受理|新收)[^。；;]{0,20}申请"
    r"|(?:收到|受理|新收)[^。；;\d]{0,20}申请[^。；;\d]{0,6}(?:为|共)?\s*[0零]\s*件"
)
_NO_APPEAL = {
    name: re.compile(r"(?:未|没有|无)(?:发生|出现|涉及|收到)?[^。；;]{0,12}" + name)
    for name in (form.REVIEW, form.LITIGATION)
}


def _finding(
    field: form.ProseField, kind: Kind, expected: object, actual: object, message: str
) -> Finding:
    return Finding(
        section=field.section,
        row=field.label,
        expected=str(expected) if kind.amount else int(str(expected)),
        actual=str(actual) if kind.amount else int(str(actual)),
        message=message,
        cells=kind.cells,
        field=field.key,
    )


def _shown(value: Decimal, kind: Kind) -> str:
    return f"{value.normalize():f} 万元" if kind.amount else f"{int(value)} 件"


def _quote(statement: Statement) -> str:
    text = statement.excerpt or statement.sentence
    return text if len(text) <= 60 else text[:58] + "..."


def contradictions(report: Report) -> Iterator[Finding]:
    """Every figure of the prose that the tables contradict, one finding per field and cell."""
    seen: set[tuple[str, CellRef]] = set()
    new = report.value("requests", "new", "total")
    carried = report.value("requests", "carried_over", "total")
    on_request = form.PROSE_BY_KEY[ON_REQUEST]
    received = KINDS["received"]
    if new and _NONE_RECEIVED.search(report.prose[ON_REQUEST]):
        seen.add((ON_REQUEST, received.cells[0]))
        yield _finding(
            on_request,
            received,
            new,
            0,
            f"「{on_request.label}」说没有收到申请，但{form.REQUESTS.section}"
            f"「{form.REQUESTS.row('new').label}」是 {new} 件。",
        )
    values: dict[str, Decimal] = {}  # each kind's table value, computed once
    for field in form.PROSE_FIELDS:
        for statement in statements(report.prose[field.key], report.year):
            kind = KINDS.get(statement.kind)
            if kind is None or (field.key, kind.cells[0]) in seen:
                continue
            stated = statement.figure.value
            if kind.amount != (statement.figure.unit in ("万元", "元")):
                continue  # 万元 stated for a count, or a count for the fee: not about it
            if not kind.amount and stated != stated.to_integral_value():
                continue
            if statement.kind not in values:
                values[statement.kind] = table_value(report, kind)
            value = values[statement.kind]
            if stated == value or stated in accepted_values(report, statement, value):
                continue
            seen.add((field.key, kind.cells[0]))
            hint = ""
            if statement.kind == "received" and carried and stated == new + carried:
                hint = f"叙述似乎把上年结转的 {carried} 件也算作了本年收到；"
            yield _finding(
                field,
                kind,
                value,
                stated,
                f"「{field.label}」中“{_quote(statement)}”说{kind.label}"
                f" {_shown(stated, kind)}，但{kind.source}是 {_shown(value, kind)}。{hint}请核对。",
            )
    yield from _denied_appeals(report, seen)


def _denied_appeals(report: Report, seen: set[tuple[str, CellRef]]) -> Iterator[Finding]:
    appeals = form.section_of(form.APPEALS.section).heading
    for name, key in ((form.REVIEW, "review"), (form.LITIGATION, "litigation")):
        kind = KINDS[key]
        count = int(table_value(report, kind))
        if not count:
            continue
        for field in form.PROSE_FIELDS:
            if (field.key, kind.cells[0]) in seen:
                continue
            if _NO_APPEAL[name].search(report.prose[field.key]):
                message = f"「{field.label}」说没有{name}，但{appeals} 中{name}共 {count} 件。"
                yield _finding(field, kind, count, 0, message)
                break


@rule("narrative", "文字叙述中的数字不应与表格矛盾")
def narrative(context: Context) -> Iterator[Finding]:
    return contradictions(context.report)
