"""The report as JSON for other systems: every cell, every computed total and what the checker found.

Shape (keys in this order, UTF-8, Chinese as is)::

    {"format": "govtui-report", "form": "2021", "schema": 1,
     "title": "…（the title as printed）",
     "report": {"agency", "year", "title", "prose": {key: text},
                "proactive": {row: {column: n}}, "fees": "12.8650",
                "requests": {row: {column: n}}, "appeals": {row: {column: n}},
                "previous": "", "accepted": [{"rule", "place", "reason"}]},
     "totals": {"requests": {row: {column: n}}, "appeals": {row: {column: n}}},
     "ok": true, "errors": 0, "warnings": 0, "accepted": 0,
     "findings": [{"rule", "severity", "section", "row", "column", "expected", "actual", "message"}]}

``report`` holds exactly the model's fields (the cells a person types, keyed as in the TOML
file and :mod:`govtui.form`), so ``Report.model_validate(data["report"])`` gives the report
back; ``totals`` holds every computed cell (the 总计 column, （七）总计, 四's 总计), keyed the
same way; ``findings`` are those of ``govtui check --json`` for this report alone, counted the
same way (``warnings`` the warnings not accepted, ``accepted`` the others). The cross-year rules
need last year's file, which an export does not read: ``govtui check --json`` runs them.
"""

from __future__ import annotations

import json
from typing import Any

from govtui import form
from govtui.model import Report
from govtui.numbers import format_fee
from govtui.rules import check, verdict_json

FORMAT = "govtui-report"


def totals(report: Report) -> dict[str, dict[str, dict[str, int]]]:
    """Every computed cell of every table, in the form's order."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for table in form.TABLES:
        cells: dict[str, dict[str, int]] = {}
        for row in table.rows:
            for column in table.columns:
                if row.computed or column.computed:
                    value = report.value(table.key, row.key, column.key)
                    cells.setdefault(row.key, {})[column.key] = value
        if cells:
            out[table.key] = cells
    return out


def _grid(report: Report, table: form.Table) -> dict[str, dict[str, int]]:
    grid = report.grid(table.key)
    return {
        row.key: {c.key: grid[row.key][c.key] for c in table.columns_of(row)}
        for row in table.input_rows
        if row.key in grid
    }


def data(report: Report) -> dict[str, Any]:
    """The JSON document as Python data, keys in a fixed order."""
    return {
        "format": FORMAT,
        "form": form.FORM_ID,
        "schema": form.SCHEMA_VERSION,
        "title": report.display_title,
        "report": {
            "agency": report.agency,
            "year": report.year,
            "title": report.title,
            "prose": {f.key: report.prose[f.key] for f in form.PROSE_FIELDS},
            "proactive": _grid(report, form.PROACTIVE),
            "fees": format_fee(report.fees),
            "requests": _grid(report, form.REQUESTS),
            "appeals": _grid(report, form.APPEALS),
            "previous": report.previous,
            "accepted": [a.model_dump() for a in report.accepted],
        },
        "totals": totals(report),
        **verdict_json(check(report)),
    }


def render(report: Report) -> str:
    return json.dumps(data(report), ensure_ascii=False, indent=2) + "\n"
