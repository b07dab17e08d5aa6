"""Placing a report's paragraphs into the form's prose fields.

一 opens with its lead paragraph and then has the sub-headings （一）…（五）; 五 has （一）存在问题
and （二）改进情况, or is one text; 六 is one text. Sub-headings are matched tolerantly
(``（三）政府信息管理情况``). Nothing is dropped: a heading that names no field stays as a
paragraph where it stands, and is noted.
"""

from __future__ import annotations

from govtui import form
from govtui.io.importers import labels
from govtui.io.importers.notes import Notes
from govtui.io.importers.text import Line

# The field a section's text belongs to before any sub-heading.
_OPENING = {s: next(f.key for f in form.PROSE_FIELDS if f.section == s) for s in ("一", "五", "六")}


def split_fields(
    section: str, lines: list[Line], strict: bool, notes: Notes
) -> dict[str, list[Line]]:
    """The lines of a prose section, by the field they belong to."""
    heading = form.section_of(section).heading
    fields: dict[str, list[Line]] = {}
    current = _OPENING[section]
    for line in lines:
        key, rest = _sub_heading(line, section, strict)
        if key:
            current = key
            fields.setdefault(current, [])
            if rest:
                fields[current].append(Line(rest, None, 0, line.number))
            continue
        if strict and line.level:
            notes.add(
                f"{heading}：小标题「{line.text.strip()}」不是表格规定的栏目，已作为正文放入「{form.PROSE_BY_KEY[current].label}」"
            )
        elif line.cells is not None and sum(1 for c in line.cells if c.strip()) > 1:
            notes.add(
                f"{heading}：表格行「{' '.join(line.text.split())[:30]}」已作为正文放入「{form.PROSE_BY_KEY[current].label}」"
            )
        fields.setdefault(current, []).append(line)
    return fields


def _sub_heading(line: Line, section: str, strict: bool) -> tuple[str, str]:
    if strict and not line.level:
        return "", ""
    if line.cells is not None and sum(1 for c in line.cells if c.strip()) > 1:
        return "", ""
    text = line.text.strip()
    if not text:
        return "", ""
    return labels.prose_heading(text, section)


def join(paragraphs: list[str]) -> str:
    """Paragraphs as a field's text: one line each, as govtui stores prose."""
    return "\n".join(paragraphs)
