"""The report in memory: plain dataclasses whose shape is read from :mod:`govtui.form`.

The three tables (二 proactive, 三 requests, 四 appeals) are grids ``row key → column key →
count`` holding only the cells a person types; every total is computed here, from the form's
definition, and never stored. Prose fields are keyed by their dotted TOML path. Keeping the
grids generic means the form's rows and columns are written down once, in ``form.py``.

A report checks itself when it is made (:meth:`Report.__post_init__`): every prose field and
every input cell of the form is there and nothing else, counts are whole numbers from 0 to
:data:`~govtui.numbers.MAX_COUNT` (not ``True``), the year is 1900–9999, the fee a finite,
non-negative ``Decimal``. That is a second line of defence: the doors a person's input comes
through (the TOML reader, the importer, the editor's cells) check it first and say what is wrong
in Chinese. These were pydantic models until the editor's start-up was measured: importing
pydantic and building the models cost about 200 ms, 40 % of a bare Textual start, for checks the
readers already make. The ``model_*`` methods keep pydantic's names for the few places that
copy, validate and dump a report.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Self, TypeVar

from govtui import form
from govtui.numbers import MAX_COUNT

Count = int
_T = TypeVar("_T")
Grid = dict[str, dict[str, Count]]


def blank_grid(table: form.Table) -> dict[str, dict[str, int]]:
    """Every input cell of ``table`` at 0 (the fee of section 二 lives in ``Report.fees``)."""
    return {
        row.key: {col.key: 0 for col in table.columns_of(row)}
        for row in table.input_rows
        if row.kind == "count"
    }


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def _grid_errors(table: form.Table, grid: object) -> list[str]:
    if not isinstance(grid, dict):
        return [f"{table.key}: 应为表格，而不是 {type(grid).__name__}"]
    expected = blank_grid(table)
    errors = []
    for row_key in grid.keys() - expected.keys():
        errors.append(f"{table.key}.{row_key}: 表中没有这一行")
    for row_key, cols in expected.items():
        have = grid.get(row_key)
        if not isinstance(have, dict):
            errors.append(f"{table.key}.{row_key}: 缺少这一行")
            continue
        for col_key in have.keys() - cols.keys():
            errors.append(f"{table.key}.{row_key}.{col_key}: 表中没有这一列")
        for col_key in cols.keys() - have.keys():
            errors.append(f"{table.key}.{row_key}.{col_key}: 缺少这一格")
        errors += [
            f"{table.key}.{row_key}.{col_key}: {value!r} 不是有效的件数"
            for col_key, value in have.items()
            if col_key in cols and not _is_count(value)
        ]
    return errors


def _text_errors(name: str, value: object) -> list[str]:
    return [] if isinstance(value, str) else [f"{name}: 应为文字，而不是 {type(value).__name__}"]


def _construct(cls: type[_T], values: Mapping[str, Any]) -> _T:
    """An instance of the dataclass ``cls`` from ``values`` as they are, without checks."""
    made = object.__new__(cls)
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in values:
            value = values[field.name]
        elif field.default_factory is not dataclasses.MISSING:
            value = field.default_factory()
        else:
            value = field.default
        object.__setattr__(made, field.name, value)
    return made


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Acceptance:
    """A warning the agency has looked at and accepted, with the reason, stored in the file.

    ``rule`` and ``place`` name the finding (see :func:`govtui.rules.finding.place_key`); an
    accepted warning is still shown but no longer counted. Only warnings can be accepted.
    """

    rule: str
    place: str
    reason: str

    def __post_init__(self) -> None:
        errors = [
            e
            for name in ("rule", "place", "reason")
            for e in _text_errors(name, getattr(self, name))
        ]
        if errors:
            raise ValueError("；".join(errors))
        if not self.rule or not self.place:
            raise ValueError("接受警告必须写明规则和位置")
        if not self.reason.strip():
            raise ValueError("接受警告必须写明理由")

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """Without checks, for a reader that has made them all."""
        return _construct(cls, values)


@dataclasses.dataclass(kw_only=True)
class Report:
    """One agency's report for one year, in the 2021 form."""

    agency: str
    year: int
    title: str = ""  # empty: the standard title from agency and year
    prose: dict[str, str]
    proactive: Grid
    fees: Decimal  # 行政事业性收费, 万元, exact
    requests: Grid
    appeals: Grid
    # Last year's report, as a path relative to this report's file ("" when not known); the
    # cross-year rules run against it without being asked.
    previous: str = ""
    accepted: list[Acceptance] = dataclasses.field(default_factory=list)

    def __post_init__(self) -> None:
        errors = self._errors()
        if errors:
            raise ValueError("；".join(sorted(errors)))

    def _errors(self) -> list[str]:
        errors = [
            e
            for name in ("agency", "title", "previous")
            for e in _text_errors(name, getattr(self, name))
        ]
        year = self.year
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
            errors.append(f"year: {year!r} 不是 1900–9999 之间的年份")
        fees = self.fees
        if not isinstance(fees, Decimal) or not fees.is_finite() or fees < 0:
            errors.append(f"fees: {fees!r} 不是有效的金额")
        if not isinstance(self.prose, dict):
            errors.append("prose: 应为文字栏目的表")
        else:
            errors += [
                f"prose.{k}: 没有这个文字栏目" for k in self.prose.keys() - form.PROSE_BY_KEY
            ]
            errors += [
                f"prose.{k}: 缺少这个文字栏目" for k in form.PROSE_BY_KEY.keys() - self.prose
            ]
            errors += [e for k, v in self.prose.items() for e in _text_errors(f"prose.{k}", v)]
        for table in form.TABLES:
            errors += _grid_errors(table, getattr(self, table.key))
        if not isinstance(self.accepted, list) or not all(
            isinstance(a, Acceptance) for a in self.accepted
        ):
            errors.append("accepted: 应为接受警告的列表")
        return errors

    # ------------------------------------------------------------------ as pydantic spelled it

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """Without checks, for a reader that has made them all (:mod:`govtui.io.toml_file`)."""
        return _construct(cls, values)

    @classmethod
    def model_validate(cls, data: Mapping[str, Any]) -> Self:
        """A report from plain data (``model_dump()``, or the JSON export's ``report``): the
        fee may be a string or a number, acceptances mappings; unknown keys are refused."""
        if not isinstance(data, Mapping):
            raise ValueError(f"报告应为一个表，而不是 {type(data).__name__}")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(data.keys() - names)
        if unknown:
            raise ValueError(f"不认识的键：{'、'.join(map(str, unknown))}")
        values = copy.deepcopy(dict(data))
        fees = values.get("fees")
        if isinstance(fees, str | int | float) and not isinstance(fees, bool):
            try:
                values["fees"] = Decimal(str(fees))
            except ArithmeticError:
                raise ValueError(f"fees: {fees!r} 不是有效的金额") from None
        if isinstance(values.get("accepted"), list):
            values["accepted"] = [
                Acceptance(**a) if isinstance(a, Mapping) else a for a in values["accepted"]
            ]
        try:
            return cls(**values)
        except TypeError as error:  # a field left out
            raise ValueError(str(error)) from None

    def model_dump(self) -> dict[str, Any]:
        """The report as plain data (the fee stays a ``Decimal``), copied."""
        data = {f.name: copy.deepcopy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        data["accepted"] = [dataclasses.asdict(a) for a in self.accepted]
        return data

    def model_copy(self, *, deep: bool = False, update: Mapping[str, Any] | None = None) -> Self:
        """A copy (deep: nothing shared), with ``update`` set as given, unchecked."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            setattr(made, name, value)
        return made

    @classmethod
    def blank(cls, agency: str, year: int) -> Report:
        """A report with every count 0 and every text empty, ready to be filled in."""
        return cls(
            agency=agency,
            year=year,
            prose={f.key: "" for f in form.PROSE_FIELDS},
            proactive=blank_grid(form.PROACTIVE),
            fees=Decimal(0),
            requests=blank_grid(form.REQUESTS),
            appeals=blank_grid(form.APPEALS),
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
        self.accepted = [*kept, Acceptance(rule=rule, place=place, reason=reason)]

    def unaccept(self, rule: str, place: str) -> bool:
        """Take an acceptance back; ``False`` when there was none."""
        kept = [a for a in self.accepted if (a.rule, a.place) != (rule, place)]
        changed = len(kept) != len(self.accepted)
        self.accepted = kept
        return changed

    def set_count(self, table: str, row: str, column: str, value: int) -> None:
        """Write one input cell; computed cells and unknown places are refused."""
        definition = form.TABLE_BY_KEY[table]
        if definition.row(row).computed or definition.column(column).computed:
            raise KeyError(f"{table}.{row}.{column} 是自动计算的，不能填写")
        cells = self.grid(table)[row]
        if column not in cells:
            raise KeyError(f"{table}.{row}.{column}")
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            raise ValueError(f"{value!r} 不是有效的件数")
        cells[column] = value
