"""The report in memory: a pydantic model whose shape is read from :mod:`govtui.form`.

The three tables (二 proactive, 三 requests, 四 appeals) are grids ``row key → column key →
count`` holding only the cells a person types; every total is computed here, from the form's
definition, and never stored. Prose fields are keyed by their dotted TOML path. Keeping the
grids generic means the form's rows and columns are written down once, in ``form.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from govtui import form
from govtui.numbers import MAX_COUNT

Count = Annotated[int, Field(strict=True, ge=0, le=MAX_COUNT)]
Grid = dict[str, dict[str, Count]]


def blank_grid(table: form.Table) -> dict[str, dict[str, int]]:
    """Every input cell of ``table`` at 0 (the fee of section 二 lives in ``Report.fees``)."""
    return {
        row.key: {col.key: 0 for col in table.columns_of(row)}
        for row in table.input_rows
        if row.kind == "count"
    }


def _grid_errors(table: form.Table, grid: dict[str, dict[str, int]]) -> list[str]:
    expected = blank_grid(table)
    errors = []
    for row_key in grid.keys() - expected.keys():
        errors.append(f"{table.key}.{row_key}: 表中没有这一行")
    for row_key, cols in expected.items():
        have = grid.get(row_key)
        if have is None:
            errors.append(f"{table.key}.{row_key}: 缺少这一行")
            continue
        for col_key in have.keys() - cols.keys():
            errors.append(f"{table.key}.{row_key}.{col_key}: 表中没有这一列")
        for col_key in cols.keys() - have.keys():
            errors.append(f"{table.key}.{row_key}.{col_key}: 缺少这一格")
    return errors


class Acceptance(BaseModel):
    """A warning the agency has looked at and accepted, with the reason, stored in the file.

    ``rule`` and ``place`` name the finding (see :func:`govtui.rules.finding.place_key`); an
    accepted warning is still shown but no longer counted. Only warnings can be accepted.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    rule: str = Field(min_length=1)
    place: str = Field(min_length=1)
    reason: str

    @model_validator(mode="after")
    def _has_reason(self) -> Self:
        if not self.reason.strip():
            raise ValueError("接受警告必须写明理由")
        return self


class Report(BaseModel):
    """One agency's report for one year, in the 2021 form."""

    # Built on first validation, not on import: a file read by :mod:`govtui.io.toml_file` is
    # validated by its reader and constructed without a second pass, so the editor starts
    # without building the validator at all (about 40 ms, a tenth of a bare Textual start).
    model_config = ConfigDict(extra="forbid", defer_build=True)

    agency: str
    year: int = Field(strict=True, ge=1900, le=9999)
    title: str = ""  # empty: the standard title from agency and year
    prose: dict[str, str]
    proactive: Grid
    fees: Decimal = Field(ge=0)  # 行政事业性收费, 万元, exact
    requests: Grid
    appeals: Grid
    # Last year's report, as a path relative to this report's file ("" when not known); the
    # cross-year rules run against it without being asked.
    previous: str = ""
    accepted: list[Acceptance] = Field(default_factory=list)

    @model_validator(mode="after")
    def _matches_form(self) -> Self:
        errors = [f"prose.{k}: 没有这个文字栏目" for k in self.prose.keys() - form.PROSE_BY_KEY]
        errors += [f"prose.{k}: 缺少这个文字栏目" for k in form.PROSE_BY_KEY.keys() - self.prose]
        for table in form.TABLES:
            errors += _grid_errors(table, getattr(self, table.key))
        if errors:
            raise ValueError("；".join(sorted(errors)))
        return self

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
