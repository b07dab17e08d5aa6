"""The Markdown report: the official order and headings, the three tables, every prose line.

The output reads as plain text and renders as CommonMark + GFM. Prose is escaped so that
whatever a clerk typed (``|``, ``#``, ``*``, ``<``, leading spaces, blank lines) comes out as
the same text and never as a table, heading, list or HTML; the escaping is reversible, which
is what lets the importer read an export back to the identical report.

Layout of prose: each line of a prose field is one paragraph (a blank line between them);
a run of k empty lines inside a field adds k more blank lines; an empty line at the start or
end of a field, which Markdown cannot show, is written as a ``<br>`` line.
"""

from __future__ import annotations

import re
from pathlib import Path

from govtui import form
from govtui.io import outline
from govtui.io.atomic import atomic_write
from govtui.io.importers.sections import boilerplate
from govtui.model import Report
from govtui.numbers import format_fee

# Backslash-escapable everywhere: characters that start inline syntax or tables.
_INLINE = re.compile(r"([\\`*_\[\]<|~&])")
# At the start of a line: headings, block quotes, list markers, thematic breaks.
_LINE_START = re.compile(r"^([#>+\-=]|\d{1,9}(?=[.)]))")
EMPTY_LINE = "<br>"


def _entities(blanks: str) -> str:
    return "".join(f"&#{ord(c)};" for c in blanks)


def escape_line(line: str) -> str:
    """One prose line as Markdown inline text that renders as exactly that line.

    Blanks at either end (spaces, tabs, the full-width 　 of a Chinese indent), which
    Markdown would drop, are written as numeric character references such as ``&#32;``; so is
    the first character of a line that looks like a web page's furniture (``索引号：…``).
    """
    body = line.strip()
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(lead) + len(body) :] if body else ""
    body = _INLINE.sub(r"\\\1", body)
    match = _LINE_START.match(body)
    if match:
        if match.group(1).isdigit():
            end = match.end()
            body = f"{body[:end]}\\{body[end:]}"
        else:
            body = "\\" + body
    elif _MAYBE_FURNITURE.search(body) and _furniture(body):
        body = _entities(body[0]) + body[1:]
    return f"{_entities(lead)}{body}{_entities(trail)}"


# What a line needs for the importer to take it for web-page furniture (索引号：…, a date).
_MAYBE_FURNITURE = re.compile(r"[:：】>＞»]|^\s*\d{4}|分享到|扫一扫")


def _furniture(body: str) -> bool:
    """True when the importer would leave this line out as page furniture (索引号：…): its first
    character is then written as a character reference, which reads back as the same line."""
    return boilerplate(body)


def prose_blocks(text: str) -> str:
    """A prose field as Markdown paragraphs (see the module docstring for the layout)."""
    if text == "":
        return ""
    lines = text.split("\n")
    out: list[str] = []
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if line == "":
            out.append(EMPTY_LINE if index in (0, last) else "")
            if index in (0, last):
                out.append("")
            continue
        out.append(escape_line(line))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    align = ["---" if i < numeric_from else "--:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(_cell(c) for c in line) + " |" for line in lines) + "\n"


def proactive_table(report: Report) -> str:
    parts = []
    table = form.PROACTIVE
    for block in table.blocks:
        header = [table.corner, *(c.label for c in block.columns)]
        rows = []
        for key in block.rows:
            row = table.row(key)
            if row.kind == "decimal":
                values = [format_fee(report.fees)]
            else:
                values = [str(report.proactive[key][c.key]) for c in block.columns]
            rows.append([row.label, *values])
        parts.append(f"{block.label}\n\n{_table(header, rows)}")
    return "\n".join(parts)


def _grouped_rows(report: Report, table: form.Table) -> list[list[str]]:
    """Rows of a table, with a label-only line where a group of rows begins."""
    rows: list[list[str]] = []
    open_groups: tuple[str, ...] = ()
    blanks = [""] * len(table.columns)
    for row in table.rows:
        common = 0
        while (
            common < min(len(open_groups), len(row.path))
            and open_groups[common] == row.path[common]
        ):
            common += 1
        for depth in range(common, len(row.path)):
            rows.append([row.path[depth], *blanks])
        open_groups = row.path
        values = [str(report.value(table.key, row.key, c.key)) for c in table.columns]
        rows.append([row.label, *values])
    return rows


def requests_table(report: Report) -> str:
    table = form.REQUESTS
    header = [table.corner, *(c.label for c in table.columns)]
    return _table(header, _grouped_rows(report, table))


def appeals_table(report: Report) -> str:
    table = form.APPEALS
    header = [table.corner, *(c.label for c in table.columns)]
    rows = [
        [row.full_label, *(str(report.value(table.key, row.key, c.key)) for c in table.columns)]
        for row in table.rows
    ]
    return _table(header, rows)


_TITLE = re.compile(r"^(?P<agency>.+?)\s*(?P<year>\d{4})\s*年度?" + form.TITLE_SUFFIX + "$")


def needs_identity(report: Report) -> bool:
    """True when the title alone does not tell the agency and year (a custom title)."""
    match = _TITLE.match(report.display_title)
    return not (match and match["agency"] == report.agency and int(match["year"]) == report.year)


def _identity_comment(report: Report) -> str:
    agency = report.agency.replace("--", "\\-\\-")
    return f"<!-- govtui agency: {agency} | year: {report.year} -->\n\n"


def render(report: Report) -> str:
    """The whole report as Markdown."""
    out = [f"# {escape_line(report.display_title)}\n\n"]
    if needs_identity(report):
        out.append(_identity_comment(report))
    tables = {"二": proactive_table, "三": requests_table, "四": appeals_table}
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            out.append(f"{'#' * (part.level + 1)} {part.text}\n\n")
        elif isinstance(part, outline.Prose):
            if part.text:
                out.append(prose_blocks(part.text) + "\n")
        else:
            out.append(tables[part.section](report) + "\n")
    return "".join(out).rstrip("\n") + "\n"


def export(report: Report, path: Path | str) -> None:
    """Write the Markdown report atomically."""
    atomic_write(Path(path), render(report).encode("utf-8"))
