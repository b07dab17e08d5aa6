"""The report in memory, and the one validator every report goes through.

The three tables (二 proactive, 三 requests, 四 appeals) are grids ``row key → column key →
count`` holding only the cells a person types; every total is computed here, from the form's
definition, and never stored. Prose fields are keyed by their dotted TOML path. Keeping the
grids generic means the form's rows and columns are written down once, in ``form.py``.

The pydantic model is the validator: its grids and prose are checked cell by cell along the
form (a typed-dict schema built from :mod:`govtui.form`), every count and the fee through the
one bound of :mod:`govtui.numbers`. A TOML file, an import, a sum, JSON and the editor's edits
all end in :func:`validate`, and :func:`problems` turns pydantic's errors into the
:class:`~govtui.errors.Problem`\\ s users see: the key as in the TOML file and a Chinese
message naming the row and column.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, ValidationError
from pydantic_core import CoreSchema, SchemaValidator
from pydantic_core import core_schema as cs

from govtui import controls, form
from govtui.errors import LoadError, Problem, Refusals
from govtui.numbers import check_count, check_fee, check_year, kind
from govtui.places import is_place
from govtui.policy import reason_refusal, rule_refusal

# ============================================================================ the shapes


def check_text(value: str) -> str:
    """Text of a report never holds control characters (see :mod:`govtui.controls`): a TOML
    file can spell them (``"\\u001b"``), every other door drops them before they get here."""
    found = controls.first(value)
    if found is None:
        return value
    index, char = found
    paragraph = value.count("\n", 0, index) + 1
    column = index - (value.rfind("\n", 0, index) + 1) + 1
    where = f"第 {paragraph} 段第 {column} 个字" if "\n" in value else f"第 {column} 个字"
    raise ValueError(
        f"文字中有看不见的控制字符 {controls.describe(char)}（{where}）："
        "报告中不能有控制字符，请用文本编辑器删除"
    )


def _check_agency(value: str) -> str:
    if not value.strip():
        raise ValueError("机关名称不能为空")
    return check_text(value)


_TEXT = cs.no_info_after_validator_function(check_text, cs.str_schema(strict=True))
_COUNT = cs.no_info_plain_validator_function(check_count)


def _grid_schema(table: form.Table) -> CoreSchema:
    """One typed dict per row, one field per column: a missing or unknown row or cell is named
    by pydantic with its place, and every cell goes through :func:`check_count`."""
    rows = {
        row.key: cs.typed_dict_field(
            cs.typed_dict_schema(
                {col.key: cs.typed_dict_field(_COUNT) for col in table.columns_of(row)},
                extra_behavior="forbid",
            )
        )
        for row in table.input_rows
        if row.kind == "count"
    }
    return cs.typed_dict_schema(rows, extra_behavior="forbid")


def _prose_schema() -> CoreSchema:
    """Every prose field of the form, as text; the preface may be left out (it is rare)."""
    fields = {
        f.key: cs.typed_dict_field(cs.with_default_schema(_TEXT, default=""), required=False)
        if f.key == "report.preface"
        else cs.typed_dict_field(_TEXT)
        for f in form.PROSE_FIELDS
    }
    return cs.typed_dict_schema(fields, extra_behavior="forbid")


Grid = dict[str, dict[str, int]]


def blank_grid(table: form.Table) -> dict[str, dict[str, int]]:
    """Every input cell of ``table`` at 0 (the fee of section 二 lives in ``Report.fees``)."""
    return {
        row.key: {col.key: 0 for col in table.columns_of(row)}
        for row in table.input_rows
        if row.kind == "count"
    }


def _a_warning(rule: str) -> str:
    """Only a warning can be accepted: :mod:`govtui.policy` decides."""
    refused = rule_refusal(rule)
    if refused:
        raise ValueError(refused)
    return rule


def _a_place(place: str) -> str:
    if not is_place(place):
        raise ValueError(f"位置「{place}」不是报告中的文字栏目或表格单元格")
    return place


def _has_reason(reason: str) -> str:
    refused = reason_refusal(reason)
    if refused:
        raise ValueError(refused)
    return reason


def _once(accepted: list[Acceptance]) -> list[Acceptance]:
    """The same warning is accepted only once."""
    refused: list[tuple[tuple[int | str, ...], str]] = []
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(accepted):
        if (item.rule, item.place) in seen:
            refused.append(((index,), f"同一条警告（{item.rule}，{item.place}）接受了两次"))
        seen.add((item.rule, item.place))
    if refused:
        raise Refusals(refused)
    return accepted


def _model(cls: type[BaseModel], fields: dict[str, CoreSchema]) -> CoreSchema:
    """A model's schema: its fields, nothing else, and a model given to it validated again
    (that is how a report built in memory, an import or a sum, is checked)."""
    return cs.model_schema(
        cls,
        cs.model_fields_schema(
            {name: cs.model_field(schema) for name, schema in fields.items()},
            model_name=cls.__name__,
            extra_behavior="forbid",
        ),
        revalidate_instances="always",
    )


def _acceptance_schema() -> CoreSchema:
    return _model(
        Acceptance,
        {
            "rule": cs.no_info_after_validator_function(_a_warning, _TEXT),
            "place": cs.no_info_after_validator_function(_a_place, _TEXT),
            "reason": cs.no_info_after_validator_function(_has_reason, _TEXT),
        },
    )


def _report_schema() -> CoreSchema:
    """What a report is: every field, its bound, its default. Built from the form."""
    return _model(
        Report,
        {
            "agency": cs.no_info_after_validator_function(_check_agency, _TEXT),
            "year": cs.no_info_plain_validator_function(check_year),
            "title": cs.with_default_schema(_TEXT, default=""),
            "prose": _prose_schema(),
            "proactive": _grid_schema(form.PROACTIVE),
            "fees": cs.no_info_plain_validator_function(check_fee),
            "requests": _grid_schema(form.REQUESTS),
            "appeals": _grid_schema(form.APPEALS),
            "previous": cs.with_default_schema(_TEXT, default=""),
            "accepted": cs.with_default_schema(
                cs.no_info_after_validator_function(_once, cs.list_schema(_acceptance_schema())),
                default_factory=list,
            ),
        },
    )


class Acceptance(BaseModel):
    """A warning the agency has looked at and accepted, with the reason, stored in the file.

    ``rule`` and ``place`` name the finding (see :func:`govtui.places.place_key`); an
    accepted warning is still shown but no longer counted. Only a warning can be accepted, at a
    place a finding can have.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    rule: str
    place: str
    reason: str

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return _acceptance_schema()


class Report(BaseModel):
    """One agency's report for one year, in the 2021 form.

    The fields' types are for the reader and mypy; what each field accepts, and its default, is
    :func:`_report_schema`, the one validator (see :func:`validate`).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    agency: str
    year: int
    title: str  # empty: the standard title from agency and year
    prose: dict[str, str]
    proactive: Grid
    fees: Decimal  # 行政事业性收费, 万元, exact
    requests: Grid
    appeals: Grid
    # Last year's report, as a path relative to this report's file ("" when not known); the
    # cross-year rules run against it without being asked.
    previous: str
    accepted: list[Acceptance]

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return _report_schema()

    @classmethod
    def blank(cls, agency: str, year: int) -> Report:
        """A report with every count 0 and every text empty, ready to be filled in."""
        return validate(
            {
                "agency": agency,
                "year": year,
                "prose": {f.key: "" for f in form.PROSE_FIELDS},
                "proactive": blank_grid(form.PROACTIVE),
                "fees": Decimal(0),
                "requests": blank_grid(form.REQUESTS),
                "appeals": blank_grid(form.APPEALS),
            }
        )

    # ------------------------------------------------------------------ reading

    @property
    def display_title(self) -> str:
        return self.title or form.standard_title(self.agency, self.year)

    def grid(self, table: str) -> dict[str, dict[str, int]]:
        grid: dict[str, dict[str, int]] = getattr(self, table)
        return grid

    def value(self, table: str, row: str, column: str) -> int:
        """Any count cell of a table, computed ones included (总计 column, （七）总计 row)."""
        definition = form.TABLE_BY_KEY[table]
        row_def = definition.row(row)
        if row_def.computed:
            return sum(self.value(table, r, column) for r in row_def.sum_of)
        cells = self.grid(table)[row]
        if definition.column(column).computed:
            return sum(cells.values())
        return cells[column]

    def column_values(self, table: str, column: str) -> dict[str, int]:
        """Every row of one column, computed rows included, in one pass."""
        definition = form.TABLE_BY_KEY[table]
        grid = self.grid(table)
        out: dict[str, int] = {}
        total_column = definition.column(column).computed
        for row in definition.rows:
            if row.computed:
                out[row.key] = sum(out[k] for k in row.sum_of)
            elif total_column:
                out[row.key] = sum(grid[row.key].values())
            else:
                out[row.key] = grid[row.key][column]
        return out

    # ------------------------------------------------------------------ editing

    def accept(self, rule: str, place: str, reason: str) -> None:
        """Accept the warning ``rule`` at ``place`` with ``reason`` (a new reason replaces the
        old one); the caller has made sure it is a warning, since only the rules know that."""
        kept = [a for a in self.accepted if (a.rule, a.place) != (rule, place)]
        fields = {"rule": rule, "place": place, "reason": reason}
        acceptance: Acceptance = _validators()[1].validate_python(fields)
        self.accepted = [*kept, acceptance]

    def unaccept(self, rule: str, place: str) -> bool:
        """Take an acceptance back; ``False`` when there was none."""
        kept = [a for a in self.accepted if (a.rule, a.place) != (rule, place)]
        changed = len(kept) != len(self.accepted)
        self.accepted = kept
        return changed

    def set_count(self, table: str, row: str, column: str, value: int) -> None:
        """Write one input cell, through the model's bound on a count (:func:`check_count`,
        whose ``ValueError`` says why in Chinese); computed cells and unknown places are
        refused with a ``KeyError``."""
        definition = form.TABLE_BY_KEY[table]
        if definition.row(row).computed or definition.column(column).computed:
            raise KeyError(f"{table}.{row}.{column} 是自动计算的，不能填写")
        cells = self.grid(table)[row]
        if column not in cells:
            raise KeyError(f"{table}.{row}.{column}")
        cells[column] = check_count(value)

    def set_fee(self, value: Decimal) -> None:
        """Write the fee, through the model's bound on it (:func:`check_fee`)."""
        self.fees = check_fee(value)


# ============================================================================ one door


def validate(data: object, path: Path | str | None = None) -> Report:
    """``data`` — the model's fields, or a :class:`Report` built in memory — as a validated
    report, or a :class:`LoadError` naming every problem (see :func:`problems`).

    Every way a report is made ends here: the TOML reader, the importers, aggregation, JSON.
    """
    try:
        report: Report = _validators()[0].validate_python(data)
    except ValidationError as error:
        raise LoadError(path, problems(error)) from None
    return report


@cache
def _validators() -> tuple[SchemaValidator, SchemaValidator]:
    """The report's and an acceptance's validators, compiled on first use by pydantic-core
    from the models' schemas (``Report.model_validate`` compiles the very same schema).

    Compiled here rather than by pydantic's model machinery because that first looks for
    plugins, importing ``importlib.metadata``: 25–35 ms of the editor's start-up, which must
    validate the file it opens; compiling the schema takes under 1 ms.
    """
    return SchemaValidator(_report_schema()), SchemaValidator(_acceptance_schema())


def problems(error: ValidationError) -> list[Problem]:
    """Pydantic's errors as users see them: the key as the TOML file writes it
    (``requests.new.natural_person``, ``report.year``, ``accepted[2].rule``) and a Chinese
    message naming the row and column."""
    out: list[Problem] = []
    for item in error.errors(include_url=False):
        cause = item.get("ctx", {}).get("error")
        if isinstance(cause, Refusals):
            for where, message in cause.refusals:
                out.append(_problem((*item["loc"], *where), "value_error", message, None))
        else:
            message = str(cause) if isinstance(cause, Exception) else item["msg"]
            out.append(_problem(item["loc"], item["type"], message, item.get("input")))
    return out


UNKNOWN_KEY = "不认识这个键（拼写错误？）"
IN_REPORT_TABLE = ("agency", "year", "title", "previous")  # fields the file's [report] holds
_FEE_ROW = next(r for r in form.PROACTIVE.rows if r.kind == "decimal")


def _problem(loc: Sequence[int | str], kind_of: str, message: str, value: Any) -> Problem:
    key, label, missing = _place(loc)
    if kind_of == "value_error":
        text = f"{label}：{message}" if label else message
    elif kind_of == "missing":
        text = missing
    elif kind_of == "extra_forbidden":
        text = UNKNOWN_KEY
    elif kind_of in ("dict_type", "model_type", "model_attributes_type"):
        text = f"应为一个表{f'（[{key}]）' if key else ''}，而不是{kind(value)}"
    elif kind_of == "string_type":
        text = f"应为文字（加引号），而不是{kind(value)}"
    elif kind_of == "list_type":
        text = f"应写成 [[{key}]] 表的数组，而不是{kind(value)}"
    else:  # none of the schemas above raises another kind; said plainly should one appear
        text = f"{label}：值不符合格式（{message}）" if label else f"值不符合格式（{message}）"
    return Problem(text, key=key)


def _place(loc: Sequence[int | str]) -> tuple[str, str, str]:
    """The TOML key of a place in the model, its label for a message, and what to say when it
    is missing."""
    if not loc:  # the whole report, e.g. something that is no table at all
        return "", "", "缺少报告内容"
    head, rest = str(loc[0]), [str(part) for part in loc[1:]]
    if head in form.TABLE_BY_KEY:
        table = form.TABLE_BY_KEY[head]
        if not rest:
            heading = form.section_of(table.section).heading
            return head, "", f"缺少 [{head}]（{heading}）"
        if not table.has_row(rest[0]):
            return ".".join((head, *rest)), "", "缺少这个键"
        row = table.row(rest[0])
        if len(rest) == 1:
            return f"{head}.{row.key}", "", f"缺少「{row.full_label}」这一行"
        column = rest[1]
        if row.scalar:
            return f"{head}.{row.key}", row.label, f"{row.label}：缺少这一格"
        known = column in {c.key for c in table.columns_of(row)}
        label = f"{row.label} / {table.column(column).label}" if known else ""
        return f"{head}.{row.key}.{column}", label, f"{label}：缺少这一格"
    if head == "fees":
        return (
            f"{form.PROACTIVE.key}.{_FEE_ROW.key}",
            _FEE_ROW.label,
            f"缺少「{_FEE_ROW.full_label}」这一行",
        )
    if head == "prose" and rest:
        return rest[0], "", "缺少这个键"
    if head in IN_REPORT_TABLE:
        return f"report.{head}", "", "缺少这个键"
    if head == "accepted" and rest:
        entry = f"accepted[{int(rest[0]) + 1}]"
        return ".".join((entry, *rest[1:])), "", "缺少这个键"
    return ".".join((head, *rest)), "", "缺少这个键"
