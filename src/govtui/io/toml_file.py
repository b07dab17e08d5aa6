"""The report's TOML file (schema 1): loading with errors that name the place, saving byte-stable.

Loading undoes the file's layout and hands the report to the model's validator, the one every
report goes through (:func:`govtui.model.validate`); this module checks only what is the
file's own (its schema and form). Every problem — an unknown or missing key, a negative,
fractional or unbounded count, a fee that is not a decimal, a newer schema — comes back with
its dotted key and, found by a small scan of the text, its line. All problems are reported at
once, so a hand-edited file is fixed in one pass.

Saving writes one canonical layout, commented with the official labels so that a person
editing the file over SSH always knows which cell a number is. Loading and saving a file
written here reproduces it byte for byte.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from govtui import form
from govtui.errors import LoadError, Problem
from govtui.io.atomic import atomic_write

# The text reader, model-free, is its own module (a roster or a ledger reads with it alone);
# its names stay importable from here.
from govtui.io.toml_text import (
    MAX_FILE_BYTES,
    decode,
    key_lines,
    parse,
    read_bytes,
    read_text,
)
from govtui.model import IN_REPORT_TABLE, UNKNOWN_KEY, Report, validate
from govtui.numbers import format_fee, kind

__all__ = [
    "MAX_FILE_BYTES",
    "decode",
    "dumps",
    "key_lines",
    "load",
    "loads",
    "parse",
    "read_bytes",
    "read_text",
    "save",
]

# =========================================================================== loading


def load(path: Path | str) -> Report:
    """Read a report file; :class:`LoadError` names every problem with file and line."""
    path = Path(path)
    return loads(read_text(path), path)


def loads(text: str, path: Path | str | None = None) -> Report:
    """Parse a report from TOML text and validate it with the model (:func:`model.validate`);
    a :class:`LoadError` names every problem at once, each with its key and line."""
    data = parse(text, path)
    problems: list[Problem] = []
    fields = _fields(data, problems)
    report: Report | None = None
    if fields is not None:
        try:
            report = validate(fields)
        except LoadError as error:
            problems += error.problems
    if problems or report is None:
        lines = key_lines(text)
        placed = [dataclasses.replace(p, line=_line_of(lines, p.key)) for p in problems]
        raise LoadError(path, sorted(placed, key=lambda p: p.line or 0))
    return report


def _fields(data: dict[str, Any], problems: list[Problem]) -> dict[str, Any] | None:
    """The file's layout undone: the model's fields from the TOML tables (``[report]``'s keys,
    the prose tables, rows of groups such as ``[requests.withheld.*]``, ``proactive.fees``).

    Only what is the file's own is checked here — its schema and form, the top-level tables —
    and ``None`` returned for a file that is no report of ours; everything in a report is
    the model's to judge.
    """

    def problem(key: str, message: str) -> None:
        problems.append(Problem(message, key=key))

    schema = data.get("schema")
    if schema is None:
        problem("schema", "缺少 schema（文件格式版本）：这不像是 govtui 的报告文件")
        return None
    if isinstance(schema, bool) or not isinstance(schema, int):
        problem("schema", f"schema 应为整数，而不是{kind(schema)}")
        return None
    if schema > form.SCHEMA_VERSION:
        problem(
            "schema",
            f"此文件是较新版本的 govtui 写的（格式版本 {schema}，本程序只认识到 "
            f"{form.SCHEMA_VERSION}）：请升级 govtui 后再打开",
        )
        return None
    if schema < 1:
        problem("schema", f"格式版本 {schema} 无效")
        return None
    form_id = data.get("form")
    if form_id != form.FORM_ID:
        problem(
            "form",
            f'表格式应为 "{form.FORM_ID}"（2021 年国家格式），而不是 {form_id!r}'
            if form_id is not None
            else '缺少 form（表格式，应为 "2021"）',
        )
    prose_tables = _prose_tables()
    known = {"schema", "form", *prose_tables, *(t.key for t in form.TABLES), "accepted"}
    for extra in sorted(data.keys() - known):
        problem(extra, UNKNOWN_KEY)

    fields: dict[str, Any] = {}
    prose: dict[str, Any] = {}
    for name, leaves in prose_tables.items():
        table = data.get(name, {})
        if not isinstance(table, dict):
            problem(name, f"应为一个表（[{name}]），而不是{kind(table)}")
            prose.update({f"{name}.{leaf}": "" for leaf in leaves})  # said once, not per key
            continue
        for key, value in table.items():
            if name == "report" and key in IN_REPORT_TABLE:
                fields[key] = value
            else:
                prose[f"{name}.{key}"] = value
    fields["prose"] = prose
    for definition in form.TABLES:
        if definition.key in data:
            fields[definition.key] = _table_grid(definition, data[definition.key], fields, problem)
    if "accepted" in data:
        fields["accepted"] = data["accepted"]
    return fields


def _table_grid(
    table: form.Table, value: Any, fields: dict[str, Any], problem: Callable[[str, str], None]
) -> Any:
    """A table of the file as the model's grid: ``licensing = 5`` as a row of one cell, the rows
    of ``[requests.withheld.*]`` as ``withheld.*``, the fee moved to ``fields``."""
    if not isinstance(value, dict):
        return value  # the model says it should be a table
    groups = {r.key.partition(".")[0] for r in table.input_rows if "." in r.key}
    grid: dict[str, Any] = {}
    for key, cells in value.items():
        row = table.row(key) if table.has_row(key) else None
        if key in groups:
            if isinstance(cells, dict):
                grid.update({f"{key}.{leaf}": inner for leaf, inner in cells.items()})
            else:
                problem(
                    f"{table.key}.{key}", f"应为一个表（[{table.key}.{key}]），而不是{kind(cells)}"
                )
        elif row is not None and row.kind == "decimal":
            fields["fees"] = cells
        elif row is not None and row.scalar:
            grid[key] = {table.columns_of(row)[0].key: cells}
        else:
            grid[key] = cells
    return grid


def _line_of(lines: dict[str, int], key: str) -> int | None:
    """The line where ``key`` (or, failing that, its nearest parent) is written."""
    while key:
        if key in lines:
            return lines[key]
        # accepted[2].reason → accepted[2] → accepted
        key = key.rpartition("[")[0] if key.endswith("]") else key.rpartition(".")[0]
    return None


def _prose_tables() -> dict[str, set[str]]:
    tables: dict[str, set[str]] = {}
    for field in form.PROSE_FIELDS:
        name, _, leaf = field.key.partition(".")
        tables.setdefault(name, set()).add(leaf)
    return tables


# =========================================================================== saving

_FILE_HEADER = (
    f"# {form.TITLE_SUFFIX} · govtui 文件（格式版本 {form.SCHEMA_VERSION}，2021 年国家格式）\n"
    "# 可以手工编辑：键名保持不变；各“总计”由程序计算，不写在文件里。\n"
)


def _value(value: str | int) -> str:
    return tomli_w.dumps({"v": value}, multiline_strings=True)[len("v = ") :].rstrip("\n")


def dumps(report: Report) -> str:
    """The canonical text of a report file; ``loads(dumps(r)) == r`` and it is stable."""
    out = [_FILE_HEADER, f"schema = {form.SCHEMA_VERSION}\n", f'form = "{form.FORM_ID}"\n']
    prose_tables: dict[str, list[form.ProseField]] = {}
    for field in form.PROSE_FIELDS:
        prose_tables.setdefault(field.key.partition(".")[0], []).append(field)

    out.append("\n[report]\n")
    out.append(f"agency = {_value(report.agency)}\n")
    out.append(f"year = {report.year}\n")
    out.append(f"title = {_value(report.title)}\n")
    for field in prose_tables.pop("report"):
        out.append(_prose_line(report, field))
    if report.previous:
        out.append("# 上年度报告（相对于本文件的路径），用于跨年度校验\n")
        out.append(f"previous = {_value(report.previous)}\n")

    closing = prose_tables.pop("closing")
    for name, fields in prose_tables.items():
        heading = form.section_of(fields[0].section).heading
        out.append(f"\n# {heading}\n[{name}]\n")
        out.extend(_prose_line(report, field) for field in fields)

    out.append(_proactive(report))
    out.append(_grid(report, form.REQUESTS))
    out.append(_grid(report, form.APPEALS))

    headings = "；".join(dict.fromkeys(form.section_of(f.section).heading for f in closing))
    out.append(f"\n# {headings}\n[closing]\n")
    out.extend(_prose_line(report, field) for field in closing)
    if report.accepted:
        out.append("\n# 已接受的警告：规则、位置和理由（错误不能接受，只能改正）\n")
    for acceptance in report.accepted:
        out.append("\n[[accepted]]\n")
        out.extend(
            f"{name} = {_value(getattr(acceptance, name))}\n"
            for name in ("rule", "place", "reason")
        )
    return "".join(out)


def _prose_line(report: Report, field: form.ProseField) -> str:
    leaf = field.key.partition(".")[2]
    return f"# {field.label}\n{leaf} = {_value(report.prose[field.key])}\n"


def _proactive(report: Report) -> str:
    table = form.PROACTIVE
    out = [f"\n# {form.section_of(table.section).heading}\n[{table.key}]\n"]
    for row in table.input_rows:
        columns = table.columns_of(row)
        labels = "、".join(c.label for c in columns)
        if row.kind == "decimal":
            value = _value(format_fee(report.fees))
        elif row.scalar:
            value = str(report.proactive[row.key][columns[0].key])
        else:
            cells = report.proactive[row.key]
            value = "{ " + ", ".join(f"{c.key} = {cells[c.key]}" for c in columns) + " }"
        out.append(f"{row.key} = {value}  # {row.label}：{labels}\n")
    return "".join(out)


def _grid(report: Report, table: form.Table) -> str:
    heading = form.section_of(table.section).heading
    columns = table.input_columns
    legend = "，".join(f"{c.key} {c.label}" for c in columns)
    out = [f"\n# {heading}\n# 列：{legend}；总计由程序计算。\n"]
    width = max(len(c.key) for c in columns)
    for row in table.input_rows:
        out.append(f"\n[{table.key}.{row.key}]  # {row.full_label}\n")
        cells = report.grid(table.key)[row.key]
        for col in columns:
            out.append(f"{col.key.ljust(width)} = {cells[col.key]}  # {col.label}\n")
    return "".join(out)


def save(report: Report, path: Path | str) -> None:
    """Write the report atomically; :class:`govtui.errors.SaveError` if the disk says no."""
    atomic_write(Path(path), dumps(report).encode("utf-8"))
