"""The corpus that measures ``narrative``'s two error rates: sentences as clerks write them.

For each kind of figure the rule reads, templates in the words of real reports (long sentences,
共/累计/其中, the received count with or without 上年结转, Chinese and Arabic numerals, document
numbers, percentages, dates and unrelated counts nearby) are filled from a report's tables.
An *agreeing* sentence states the table's figure; a *disagreeing* one is the same sentence with
that one figure changed (every other figure in it stays right), so a finding on the kind's cell
is the rule catching exactly that number. Hand-written sentences (:data:`HAND_WRITTEN`) add
shapes no template has. Everything is generated from a fixed seed: the same corpus every run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from govtui import form
from govtui.model import Report

YEAR = 2024
PER_KIND = 60

_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int, two: str = "二") -> str:
    """A Chinese numeral as clerks write one (十二, 一百零五, 两千三百); ``two`` for a lone 2."""
    if n == 2:
        return two
    if n < 10:
        return _DIGITS[n]
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, value)
        if digit:
            out += ("" if unit == "十" and digit == 1 and not out else _DIGITS[digit]) + unit
        elif out and n:
            out += "零" if not out.endswith("零") else ""
    if n:
        out += _DIGITS[n]
    return out


@dataclass(frozen=True)
class Sentence:
    kind: str  # the narrative kind whose figure the sentence states
    field: str  # the prose field it is written into
    text: str
    agrees: bool
    report: Report


PREFIXES = [
    "",
    f"{YEAR}年，",
    "全年，",
    "本年度，",
    "按照《中华人民共和国政府信息公开条例》（国令第711号）要求，",
    f"根据县政务公开办〔{YEAR}〕12号文件部署，",
    f"{YEAR}年1月1日至12月31日，",
]
SUFFIXES = [
    "。",
    "，按期答复率100%。",
    "，均在法定期限（20个工作日）内完成。",
    "，平均办理时长12个工作日。",
    "，较上年增加5件。",
    "，同比下降12.5%。",
    f"，相关情况已于{YEAR + 1}年1月15日前报送县政务公开办。",
    "，未发生超期答复情况。",
]

# Templates: {n} is the figure the sentence is about; {new} {carried} {handled} {fwd} {granted}
# {partly} {withheld} {unavailable} {rejected} {review} {litigation} {lic} {pen} {coe}
# {fee} {issued} {repealed} {in_force} are the table's other figures, always right.
TEMPLATES: dict[str, list[str]] = {
    "received": [
        "本机关共收到政府信息公开申请{n}件",
        "全年共受理公民、法人和其他组织提出的政府信息公开申请{n}件",
        "本年新收政府信息公开申请{n}件，另有上年结转申请{carried}件",
        "共收到依申请公开申请{n}件，其中自然人申请{np}件、法人或其他组织申请{lp}件",
        "我局累计接到政府信息公开申请{n}件，主要涉及行政处罚、抽检结果等信息",
        "本年度新收申请{n}件，连同上年结转的{carried}件，共需办理{all}件",
        "通过信函、网络平台和现场等方式共收到政府信息公开申请{n}件",
        "本局受理的政府信息公开申请共{n}件（不含上年结转）",
        "依申请公开方面，新收{n}件",
        "共收到政府信息公开申请{all}件（其中本年新收{n}件，上年结转{carried}件）",
    ],
    "carried_over": [
        "本年新收申请{new}件，上年结转{n}件",
        "另有上年结转的政府信息公开申请{n}件一并办理",
        "除本年新收的{new}件外，还办理了上年度结转申请{n}件",
        "加上上年结转的{n}件，全年需办理申请{all}件",
        f"{YEAR - 1}年结转的{{n}}件申请已全部办结",
        "共收到政府信息公开申请{new}件，其中上年结转{n}件未计入",
    ],
    "handled": [
        "已办结政府信息公开申请{n}件",
        "截至12月31日，共办结{n}件",
        "全年答复申请人{n}件，办结率100%",
        "所有申请均依法办理，共办结{n}件，未出现超期答复",
        "本年度共办理政府信息公开申请{all}件，其中办结{n}件、结转下年度{fwd}件",
        "依法作出答复{n}件",
    ],
    "carried_forward": [
        "结转下年度继续办理{n}件",
        "另有{n}件因在法定答复期限内，结转至{next}年继续办理",
        "尚有{n}件结转下一年度办理",
        "因补正或征求第三方意见等原因，{n}件转入下一年度办理",
        "办结{handled}件，结转下年度{n}件",
    ],
    "granted": [
        "其中予以公开{n}件",
        "办理结果中，予以公开{n}件，部分公开{partly}件",
        "其中{n}件全部公开",
        "依法予以公开的{n}件均在规定期限内答复",
        "从办理结果看，予以公开{n}件，占办结总数的{pct}%",
    ],
    "partly_granted": [
        "部分公开{n}件",
        "予以公开{granted}件，部分公开{n}件",
        "其中{n}件部分公开",
        "对涉及第三方合法权益的申请作区分处理，部分公开{n}件",
    ],
    "withheld": [
        "不予公开{n}件",
        "其中{n}件依法不予公开",
        "因属于国家秘密、过程性信息等原因不予公开{n}件",
        "部分公开{partly}件，不予公开{n}件",
    ],
    "unavailable": [
        "无法提供{n}件",
        "因本机关不掌握相关信息等原因无法提供{n}件",
        "其中{n}件因没有现成信息需要另行制作而无法提供",
        "不予公开{withheld}件，无法提供{n}件",
    ],
    "rejected": [
        "不予处理{n}件",
        "对信访举报投诉类申请、重复申请依法不予处理{n}件",
        "其中{n}件不予处理",
        "无法提供{unavailable}件，不予处理{n}件",
    ],
    "review": [
        "全年因政府信息公开被申请行政复议{n}件",
        "发生政府信息公开行政复议案件{n}件，行政诉讼案件{litigation}件",
        "本年度涉及政府信息公开的行政复议{n}件，均维持原处理结果",
        "政府信息公开行政复议{n}件，尚未审结的已依法提交答复材料",
    ],
    "litigation": [
        "被提起政府信息公开行政诉讼{n}件",
        "行政复议{review}件、行政诉讼{n}件",
        "发生政府信息公开行政诉讼案件{n}件，其中1件复议后起诉",
        "本年度政府信息公开行政诉讼{n}件，法院判决维持",
    ],
    "normative_documents.issued": [
        "本年制发行政规范性文件{n}件",
        "全年共出台规范性文件{n}件，均按规定在门户网站集中公开",
        "行政规范性文件方面，本年新制发{n}件、废止{repealed}件",
        "印发行政规范性文件{n}件，全部经过合法性审核",
    ],
    "normative_documents.repealed": [
        "本年制发行政规范性文件{issued}件，废止{n}件",
        "开展行政规范性文件清理，废止不再适用的文件{n}件",
        "全年废止行政规范性文件{n}件",
        "行政规范性文件方面，本年新制发{issued}件、废止{n}件",
    ],
    "normative_documents.in_force": [
        "截至年底，现行有效的行政规范性文件{n}件",
        "本年制发行政规范性文件{issued}件，废止{repealed}件，现行有效{n}件",
        "到年末仍然有效的行政规范性文件共{n}件",
        "行政规范性文件现行有效{n}件，目录已在门户网站更新",
    ],
    "rules.issued": [
        "本年制定规章{n}件",
        "全年出台政府规章{n}件，现行有效规章{rules_in_force}件",
        "规章方面，本年制发{n}件、废止{rules_repealed}件",
    ],
    "rules.in_force": [
        "现行有效规章{n}件",
        "截至年底，本级政府现行有效的规章共{n}件",
        "本年制发规章{rules_issued}件，废止{rules_repealed}件，现行有效{n}件",
    ],
    "other_outcome": [
        "其他处理{n}件",
        "因申请人逾期未补正等原因作其他处理{n}件",
        "不予处理{rejected}件，其他处理{n}件",
    ],
    "licensing": [
        "全年作出行政许可决定{n}件",
        "办理行政许可事项{n}件，均在作出决定之日起7个工作日内公开",
        "本年度行政许可{n}件、行政处罚{pen}件",
        "许可、处罚和强制措施决定分别为{n}件、{pen}件和{coe}件",
    ],
    "penalties": [
        "作出行政处罚决定{n}件",
        "全年行政处罚案件{n}件，全部在县政府门户网站公示",
        "行政许可决定{lic}件、行政处罚决定{n}件",
        "许可、处罚和强制措施决定分别为{lic}件、{n}件和{coe}件",
    ],
    "coercion": [
        "实施行政强制措施{n}件",
        "行政处罚决定{pen}件、行政强制决定{n}件",
        "全年作出行政强制决定{n}件，均依法公开",
        "许可、处罚和强制措施决定分别为{lic}件、{pen}件和{n}件",
    ],
    "fees": [
        "收取行政事业性收费{n}万元",
        "依法收取的行政事业性收费合计{n}万元",
        "本年收取行政事业性收费{n}万元，未收取信息处理费",
        "行政事业性收费金额{n}万元，均按规定缴入国库",
    ],
}

# Written as a whole, with the figure marked: sentences no template has the shape of.
HAND_WRITTEN: dict[str, list[str]] = {
    "received": [
        "2024年，本局共收到政府信息公开申请{n}件，同比增长15%，申请内容主要集中在行政处罚、"
        "食品抽检和企业登记信息等方面",
        "截至2024年12月31日，我单位通过“政府信息公开申请平台”受理申请{n}件，"
        "全部在20个工作日内予以答复",
    ],
    "handled": [
        "全年依法答复申请{n}件，其中予以公开{granted}件、部分公开{partly}件、不予公开{withheld}件、"
        "无法提供{unavailable}件、不予处理{rejected}件",
    ],
    "review": [
        "因政府信息公开工作引发行政复议{n}件，未发生被纠错的情况",
        "行政复议方面，全年因政府信息公开被申请复议的案件共{n}件，尚未审结的将在下一年度报告中说明",
    ],
    "carried_over": [
        "除本年新收的{new}件外，2023年度结转的{n}件申请也已在本年内全部办结，"
        "办结率较上年提高了3个百分点",
    ],
    "granted": [
        "在已办结的{handled}件申请中，予以公开的有{n}件，占比{pct}%，"
        "部分公开{partly}件，其余依法作出不予公开、无法提供或不予处理的答复",
    ],
    "normative_documents.in_force": [
        "经过2024年第二季度的集中清理，我局行政规范性文件现行有效{n}件，"
        "清理结果已通过《关于公布规范性文件清理结果的通知》（云溪市监〔2024〕8号）向社会公布",
    ],
    "fees": [
        "全年依法收取行政事业性收费{n}万元（较上年下降6%），信息处理费未予收取",
    ],
}

FIELDS = {
    **dict.fromkeys(
        (
            "received",
            "carried_over",
            "handled",
            "carried_forward",
            "granted",
            "partly_granted",
            "withheld",
            "unavailable",
            "rejected",
            "other_outcome",
            "review",
            "litigation",
        ),
        "overview.on_request",
    ),
    **dict.fromkeys(
        (
            "normative_documents.issued",
            "normative_documents.repealed",
            "normative_documents.in_force",
            "rules.issued",
            "rules.in_force",
            "licensing",
            "penalties",
            "coercion",
            "fees",
        ),
        "overview.proactive",
    ),
}


def random_report(rng: random.Random) -> Report:
    """A report whose matrix balances, with counts of every size a county or city has."""
    report = Report.blank("云溪县市场监督管理局", YEAR)
    grid = report.requests
    for column in ("natural_person", "commercial", "legal_services"):
        outcomes = {
            "granted": rng.randint(1, 60),
            "partly_granted": rng.randint(1, 15),
            "withheld.process_info": rng.randint(1, 8),
            "withheld.third_party": rng.randint(0, 3),
            "unavailable.not_held": rng.randint(1, 25),
            "rejected.duplicate": rng.randint(1, 6),
            "other.other": rng.randint(0, 2),
        }
        for row, value in outcomes.items():
            grid[row][column] = value
        grid["carried_over"][column] = rng.randint(1, 4)
        grid["carried_forward"][column] = rng.randint(1, 4)
        grid["new"][column] = (
            sum(outcomes.values()) + grid["carried_forward"][column] - grid["carried_over"][column]
        )
    for row in ("review", "litigation_direct", "litigation_after_review"):
        report.appeals[row]["upheld"] = rng.randint(1, 5)
        report.appeals[row]["pending"] = rng.randint(0, 2)
    docs = report.proactive["normative_documents"]
    docs.update(
        issued=rng.randint(1, 30), repealed=rng.randint(1, 9), in_force=rng.randint(12, 300)
    )
    regulations = report.proactive["rules"]
    regulations.update(
        issued=rng.randint(1, 5), repealed=rng.randint(0, 3), in_force=rng.randint(6, 80)
    )
    report.proactive["licensing"]["decisions"] = rng.randint(100, 9000)
    report.proactive["penalties"]["decisions"] = rng.randint(20, 900)
    report.proactive["coercion"]["decisions"] = rng.randint(3, 90)
    report.fees = Decimal(rng.randint(1, 999999)) / Decimal(10000)
    return report


def _values(report: Report) -> dict[str, object]:
    def requests(row: str) -> int:
        return report.value("requests", row, "total")

    def group(prefix: str) -> int:
        return sum(requests(r.key) for r in form.OUTCOME_ROWS if r.key.startswith(prefix + "."))

    new, carried = requests("new"), requests("carried_over")
    litigation = sum(
        report.value("appeals", r, "total")
        for r in ("litigation_direct", "litigation_after_review")
    )
    docs = report.proactive["normative_documents"]
    return {
        "received": new,
        "carried_over": carried,
        "handled": requests("total"),
        "carried_forward": requests("carried_forward"),
        "granted": requests("granted"),
        "partly_granted": requests("partly_granted"),
        "withheld": group("withheld"),
        "unavailable": group("unavailable"),
        "rejected": group("rejected"),
        "other_outcome": group("other"),
        "review": report.value("appeals", "review", "total"),
        "litigation": litigation,
        "normative_documents.issued": docs["issued"],
        "normative_documents.repealed": docs["repealed"],
        "normative_documents.in_force": docs["in_force"],
        "rules.issued": report.proactive["rules"]["issued"],
        "rules.in_force": report.proactive["rules"]["in_force"],
        "licensing": report.proactive["licensing"]["decisions"],
        "penalties": report.proactive["penalties"]["decisions"],
        "coercion": report.proactive["coercion"]["decisions"],
        "fees": report.fees,
    }


def _slots(values: dict[str, object], report: Report) -> dict[str, object]:
    new, carried = int(str(values["received"])), int(str(values["carried_over"]))
    handled = int(str(values["handled"]))
    return {
        "new": new,
        "carried": carried,
        "all": new + carried,
        "handled": handled,
        "fwd": values["carried_forward"],
        "granted": values["granted"],
        "partly": values["partly_granted"],
        "withheld": values["withheld"],
        "unavailable": values["unavailable"],
        "rejected": values["rejected"],
        "review": values["review"],
        "litigation": values["litigation"],
        "issued": values["normative_documents.issued"],
        "repealed": values["normative_documents.repealed"],
        "rules_issued": values["rules.issued"],
        "rules_repealed": report.proactive["rules"]["repealed"],
        "rules_in_force": values["rules.in_force"],
        "lic": values["licensing"],
        "pen": values["penalties"],
        "coe": values["coercion"],
        "np": report.value("requests", "new", "natural_person"),
        "lp": new - report.value("requests", "new", "natural_person"),
        "pct": round(100 * int(str(values["granted"])) / max(handled, 1)),
        "next": YEAR + 1,
    }


def _spell(value: object, rng: random.Random, kind: str) -> str:
    if kind == "fees":
        return f"{value}"
    number = int(str(value))
    style = rng.random()
    if style < 0.3 and number < 10000:
        return to_chinese(number, two=rng.choice("二两"))
    if style < 0.4 and number >= 1000:
        return f"{number:,}"
    return str(number)


def _wrong(value: object, allowed: set[object], rng: random.Random, kind: str) -> object:
    """Another figure a clerk might have left in: off by a little, last year's, a typo."""
    while True:
        if kind == "fees":
            candidate: object = Decimal(str(value)) + Decimal(rng.choice([1, -1, 10, 3])) / 100
            if Decimal(str(candidate)) <= 0:
                continue
        else:
            number = int(str(value))
            candidate = max(0, number + rng.choice([1, -1, 2, -2, 3, 5, 10, -10, number]))
        if candidate not in allowed and candidate != value:
            return candidate


def sentences(seed: int = 20241231) -> Iterator[Sentence]:
    """Every sentence of the corpus: for each kind, PER_KIND agreeing and as many disagreeing."""
    rng = random.Random(seed)
    for kind, templates in TEMPLATES.items():
        shapes = templates + HAND_WRITTEN.get(kind, [])
        for number in range(PER_KIND):
            report = random_report(rng)
            values = _values(report)
            slots = _slots(values, report)
            template = shapes[number % len(shapes)]
            hand = template in HAND_WRITTEN.get(kind, [])
            prefix = "" if hand else rng.choice(PREFIXES)
            suffix = "。" if hand else rng.choice(SUFFIXES)
            allowed: set[object] = {values[kind]}
            if kind in ("received", "handled"):
                allowed.add(slots["all"])  # 含上年结转 / 办理 may count both
            for agrees, figure in (
                (True, values[kind]),
                (False, _wrong(values[kind], allowed, rng, kind)),
            ):
                text = prefix + template.format(n=_spell(figure, rng, kind), **slots) + suffix
                yield Sentence(kind, FIELDS[kind], text, agrees, report)
