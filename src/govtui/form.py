"""The 2021 national form (国办公开办函〔2021〕30号): the one definition of the report's structure.

Everything that knows what the report looks like reads this module: the model validates its
keys against it, the TOML file names its tables after it, the rules address its cells, the
exporters print its labels, the importer matches its labels and the editor lays out its grids
from it. Labels are the official ones, character for character, with full-width punctuation.

Nothing here imports anything heavier than the standard library, so that every command can
afford it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FORM_ID = "2021"
SCHEMA_VERSION = 1

TITLE_SUFFIX = "政府信息公开工作年度报告"


def standard_title(agency: str, year: int) -> str:
    """The title every report carries unless the file overrides it."""
    return f"{agency}{year}年{TITLE_SUFFIX}"


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True, slots=True)
class Section:
    """One of the six numbered sections of the report."""

    numeral: str  # "一" … "六": how clerks and the checker's output name a section
    heading: str  # the official heading, numeral included


SECTIONS: tuple[Section, ...] = (
    Section("一", "一、总体情况"),
    Section("二", "二、主动公开政府信息情况"),
    Section("三", "三、收到和处理政府信息公开申请情况"),
    Section("四", "四、政府信息公开行政复议、行政诉讼情况"),
    Section("五", "五、存在的主要问题及改进情况"),
    Section("六", "六、其他需要报告的事项"),
)
SECTION_BY_NUMERAL: dict[str, Section] = {s.numeral: s for s in SECTIONS}


# --------------------------------------------------------------------------- prose


@dataclass(frozen=True, slots=True)
class ProseField:
    """A free-text part of the report.

    ``key`` is the dotted TOML path of the field (``overview.lead``) and the key of
    ``Report.prose``; ``heading`` is the sub-heading printed above it (empty when the text
    sits directly under the section heading).
    """

    key: str
    section: str  # numeral of the section it belongs to; "" for the preface
    heading: str
    label: str  # how the editor and the checker name the field
    required: bool = True  # an empty required field is an ``empty_section`` warning


PROSE_FIELDS: tuple[ProseField, ...] = (
    ProseField("report.preface", "", "", "前言（总体情况之前的文字）", required=False),
    ProseField("overview.lead", "一", "", "一、总体情况（导语）"),
    ProseField("overview.proactive", "一", "（一）主动公开", "（一）主动公开"),
    ProseField("overview.on_request", "一", "（二）依申请公开", "（二）依申请公开"),
    ProseField("overview.management", "一", "（三）政府信息管理", "（三）政府信息管理"),
    ProseField(
        "overview.platforms", "一", "（四）政府信息公开平台建设", "（四）政府信息公开平台建设"
    ),
    ProseField("overview.oversight", "一", "（五）监督保障", "（五）监督保障"),
    ProseField("closing.problems", "五", "（一）存在问题", "（一）存在问题"),
    # Some reports write the whole of 五 as one text; then 改进情况 stays empty.
    ProseField("closing.improvements", "五", "（二）改进情况", "（二）改进情况", required=False),
    ProseField("closing.other_matters", "六", "", "六、其他需要报告的事项"),
)
PROSE_BY_KEY: dict[str, ProseField] = {f.key: f for f in PROSE_FIELDS}


# --------------------------------------------------------------------------- tables

CellKind = Literal["count", "decimal"]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    group: str = ""  # a header cell spanning this column and its neighbours
    computed: bool = False  # the row total: the sum of the row's input cells


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    path: tuple[str, ...] = ()  # group labels above the row, outermost first
    sum_of: tuple[str, ...] = ()  # a computed row: the per-column sum of these rows
    columns: tuple[str, ...] = ()  # section 二: the columns this row has ("" = all)
    kind: CellKind = "count"
    scalar: bool = False  # stored in TOML as ``key = value`` rather than a table

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)

    @property
    def full_label(self) -> str:
        """The label with its group labels, as one line: for a status line or a message."""
        return " ".join((*self.path, self.label))


@dataclass(frozen=True, slots=True)
class Block:
    """Section 二 prints four small tables, each under a 第二十条 item."""

    label: str
    columns: tuple[Column, ...]
    rows: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    key: str  # the TOML table and the ``Report`` attribute
    section: str  # numeral
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    corner: str = ""  # the header cell above the row labels
    blocks: tuple[Block, ...] = ()
    _rows: dict[str, Row] = field(init=False, repr=False, compare=False)
    _columns: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rows", {r.key: r for r in self.rows})
        object.__setattr__(self, "_columns", {c.key: c for c in self.columns})

    def row(self, key: str) -> Row:
        return self._rows[key]

    def column(self, key: str) -> Column:
        return self._columns[key]

    def has_row(self, key: str) -> bool:
        return key in self._rows

    @property
    def input_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.computed)

    @property
    def input_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.computed)

    def columns_of(self, row: Row) -> tuple[Column, ...]:
        """The input columns a row has (section 二's rows have only some)."""
        if row.columns:
            return tuple(self._columns[k] for k in row.columns)
        return self.input_columns

    def cells(self) -> tuple[tuple[Row, Column], ...]:
        """Every input cell, in reading order."""
        return tuple((r, c) for r in self.input_rows for c in self.columns_of(r))


# --- 二、主动公开政府信息情况 --------------------------------------------------------

_DOC_COLUMNS = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
)
_DECISIONS = Column("decisions", "本年处理决定数量")
_AMOUNT = Column("amount", "本年收费金额（单位：万元）")

PROACTIVE = Table(
    key="proactive",
    section="二",
    corner="信息内容",
    columns=(*_DOC_COLUMNS, _DECISIONS, _AMOUNT),
    rows=(
        Row("rules", "规章", columns=("issued", "repealed", "in_force")),
        Row("normative_documents", "行政规范性文件", columns=("issued", "repealed", "in_force")),
        Row("licensing", "行政许可", columns=("decisions",), scalar=True),
        Row("penalties", "行政处罚", columns=("decisions",), scalar=True),
        Row("coercion", "行政强制", columns=("decisions",), scalar=True),
        Row("fees", "行政事业性收费", columns=("amount",), scalar=True, kind="decimal"),
    ),
    blocks=(
        Block("第二十条第（一）项", _DOC_COLUMNS, ("rules", "normative_documents")),
        Block("第二十条第（五）项", (_DECISIONS,), ("licensing",)),
        Block("第二十条第（六）项", (_DECISIONS,), ("penalties", "coercion")),
        Block("第二十条第（八）项", (_AMOUNT,), ("fees",)),
    ),
)

# --- 三、收到和处理政府信息公开申请情况 ------------------------------------------------

MATRIX_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
LEGAL_PERSONS = "法人或其他组织"
RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_REJECTED = "（五）不予处理"
_OTHER = "（六）其他处理"

# The 21 outcome rows （一）…（六） whose sum is （七）总计.
OUTCOME_ROWS: tuple[Row, ...] = (
    Row("granted", "（一）予以公开", (RESULTS,)),
    Row("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (RESULTS,)),
    Row("withheld.state_secret", "1.属于国家秘密", (RESULTS, _WITHHELD)),
    Row("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", (RESULTS, _WITHHELD)),
    Row("withheld.security_stability", "3.危及“三安全一稳定”", (RESULTS, _WITHHELD)),
    Row("withheld.third_party", "4.保护第三方合法权益", (RESULTS, _WITHHELD)),
    Row("withheld.internal_affairs", "5.属于三类内部事务信息", (RESULTS, _WITHHELD)),
    Row("withheld.process_info", "6.属于四类过程性信息", (RESULTS, _WITHHELD)),
    Row("withheld.enforcement_files", "7.属于行政执法案卷", (RESULTS, _WITHHELD)),
    Row("withheld.query_matters", "8.属于行政查询事项", (RESULTS, _WITHHELD)),
    Row("unavailable.not_held", "1.本机关不掌握相关政府信息", (RESULTS, _UNAVAILABLE)),
    Row("unavailable.needs_creation", "2.没有现成信息需要另行制作", (RESULTS, _UNAVAILABLE)),
    Row("unavailable.still_unclear", "3.补正后申请内容仍不明确", (RESULTS, _UNAVAILABLE)),
    Row("rejected.petition", "1.信访举报投诉类申请", (RESULTS, _REJECTED)),
    Row("rejected.duplicate", "2.重复申请", (RESULTS, _REJECTED)),
    Row("rejected.publication", "3.要求提供公开出版物", (RESULTS, _REJECTED)),
    Row("rejected.mass_repeated", "4.无正当理由大量反复申请", (RESULTS, _REJECTED)),
    Row("rejected.reconfirm", "5.要求行政机关确认或重新出具已获取信息", (RESULTS, _REJECTED)),
    Row(
        "other.no_supplement",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        (RESULTS, _OTHER),
    ),
    Row(
        "other.unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        (RESULTS, _OTHER),
    ),
    Row("other.other", "3.其他", (RESULTS, _OTHER)),
)

REQUESTS = Table(
    key="requests",
    section="三",
    corner=MATRIX_NOTE,
    columns=(
        Column("natural_person", "自然人"),
        Column("commercial", "商业企业", LEGAL_PERSONS),
        Column("research", "科研机构", LEGAL_PERSONS),
        Column("nonprofit", "社会公益组织", LEGAL_PERSONS),
        Column("legal_services", "法律服务机构", LEGAL_PERSONS),
        Column("other", "其他", LEGAL_PERSONS),
        Column("total", "总计", computed=True),
    ),
    rows=(
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried_over", "二、上年结转政府信息公开申请数量"),
        *OUTCOME_ROWS,
        Row("total", "（七）总计", (RESULTS,), sum_of=tuple(r.key for r in OUTCOME_ROWS)),
        Row("carried_forward", "四、结转下年度继续办理"),
    ),
)

# The 勾稽关系 printed in the matrix's corner: 一 + 二 = （七）总计 + 四, per column.
BALANCE_LEFT = ("new", "carried_over")
BALANCE_RIGHT = ("total", "carried_forward")

# --- 四、政府信息公开行政复议、行政诉讼情况 ----------------------------------------------

REVIEW = "行政复议"
LITIGATION = "行政诉讼"

APPEALS = Table(
    key="appeals",
    section="四",
    columns=(
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计", computed=True),
    ),
    rows=(
        Row("review", REVIEW),
        Row("litigation_direct", "未经复议直接起诉", (LITIGATION,)),
        Row("litigation_after_review", "复议后起诉", (LITIGATION,)),
    ),
)

TABLES: tuple[Table, ...] = (PROACTIVE, REQUESTS, APPEALS)
TABLE_BY_KEY: dict[str, Table] = {t.key: t for t in TABLES}


def section_of(numeral: str) -> Section:
    return SECTION_BY_NUMERAL[numeral]
