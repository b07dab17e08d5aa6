"""The published web page: one self-contained HTML5 file in the official layout.

What an office puts on its website. Everything is inside the file — the stylesheet
(``html.css`` beside this module) is inlined, there are no scripts, fonts or images to fetch —
so the page can be uploaded to any CMS, mailed, or opened from a USB stick.

Structure, kept regular so that the importer reads a page back to the identical report:

- ``<meta name="govtui-agency|govtui-year|govtui-form|govtui-schema">`` carry the identity,
  ``govtui-title`` the custom title when the report has one;
- ``<h1>`` the title, ``<h2>`` each section heading, ``<h3>`` each part heading;
- each prose field is a ``<div class="prose" data-field="overview.lead">`` holding one ``<p>``
  per line of the text; an empty line is ``<p><br></p>`` (its text is empty); every character
  is escaped, and ``white-space: pre-wrap`` keeps the spaces a clerk typed;
- each table is a ``<table data-table="requests">`` with the official labels in ``<th>``
  cells and every number, computed totals included, in a ``<td data-row data-col>``.
"""

from __future__ import annotations

import html
from importlib import resources

from govtui import form
from govtui.io import layout, outline
from govtui.model import Report

EMPTY_LINE = "<p><br></p>"


def _text(value: str) -> str:
    """Escape text for an element or an attribute; a carriage return survives as ``&#13;``
    (HTML parsers would otherwise turn it into a line feed)."""
    return html.escape(value, quote=True).replace("\r", "&#13;")


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{_text(content)}">'


def prose(field: str, text: str) -> str:
    """A prose field as its ``<div>``: one ``<p>`` per line, empty lines kept as such.

    An empty field has no ``<p>`` at all, while the text ``"\n"`` (two empty lines) has two
    empty ones: every text reads back as itself.
    """
    lines = text.split("\n") if text else []
    body = "".join((EMPTY_LINE if line == "" else f"<p>{_text(line)}</p>") + "\n" for line in lines)
    return f'<div class="prose" data-field="{field}">\n{body}</div>\n'


def _cell(cell: layout.Cell) -> str:
    tag = "th" if cell.header else "td"
    attrs = []
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    classes: list[str] = [cell.role] if cell.header else []
    classes += [
        name for name, on in (("vertical", cell.vertical), ("computed", cell.computed)) if on
    ]
    if classes:
        attrs.append(f'class="{" ".join(classes)}"')
    if cell.row_key:
        attrs.append(f'data-row="{cell.row_key}" data-col="{cell.col_key}"')
    opening = " ".join((tag, *attrs))
    return f"<{opening}>{_text(cell.text)}</{tag}>"


def table(grid: layout.Grid) -> str:
    """A table inside a container that scrolls sideways on a narrow screen."""
    out = [
        '<div class="table-wrap">',
        f'<table class="form-table t-{grid.table}" data-table="{grid.table}">',
        "<colgroup>"
        + "".join(f'<col style="width:{grid.share(c) * 100:.2f}%">' for c in range(grid.width))
        + "</colgroup>",
    ]
    for index, row in enumerate(grid.rows):
        if index == 0 and grid.header_rows:
            out.append("<thead>")
        if index == grid.header_rows:
            out.append("<tbody>")
        out.append("<tr>" + "".join(_cell(c) for c in row) + "</tr>")
        if grid.header_rows and index == grid.header_rows - 1:
            out.append("</thead>")
    out += ["</tbody>", "</table>", "</div>"]
    return "\n".join(out) + "\n"


def stylesheet() -> str:
    return resources.files("govtui.io").joinpath("html.css").read_text(encoding="utf-8")


def render(report: Report) -> str:
    """The whole report as one HTML5 document."""
    title = report.display_title
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _meta("generator", "govtui"),
        _meta("govtui-form", form.FORM_ID),
        _meta("govtui-schema", str(form.SCHEMA_VERSION)),
        _meta("govtui-agency", report.agency),
        _meta("govtui-year", str(report.year)),
    ]
    if report.title:
        head.append(_meta("govtui-title", report.title))
    head += [f"<title>{_text(title)}</title>", "<style>", stylesheet().rstrip("\n"), "</style>"]
    head += ["</head>", "<body>", '<article class="report">', f"<h1>{_text(title)}</h1>"]
    body: list[str] = ["\n".join(head) + "\n"]
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            tag = "h2" if part.level == 1 else "h3"
            body.append(f"<{tag}>{_text(part.text)}</{tag}>\n")
        elif isinstance(part, outline.Prose):
            body.append(prose(part.field.key, part.text))
        else:
            body.append(table(grids[part.section]))
    body.append("</article>\n</body>\n</html>\n")
    return "".join(body)
