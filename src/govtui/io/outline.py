"""The reading order of a published report: headings, prose fields and tables, in turn.

The HTML page and the Word document print the same parts in the same order, and the importer
reads them back by that order; walking one outline keeps the two formats from drifting apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from govtui import form
from govtui.model import Report


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1: a section (一、总体情况); 2: a part of one (（一）主动公开)
    text: str


@dataclass(frozen=True, slots=True)
class Prose:
    field: form.ProseField
    text: str


@dataclass(frozen=True, slots=True)
class TableAt:
    section: str  # numeral of the section whose table goes here


Part = Heading | Prose | TableAt


def parts(report: Report) -> Iterator[Part]:
    """Everything below the title, in print order.

    The preface (when there is one) comes before 一. A section whose optional part is empty
    (五 written as one text, with 改进情况 left empty) prints no sub-headings, as such reports
    do; 一 always shows its five.
    """
    by_section: dict[str, list[form.ProseField]] = {}
    for field in form.PROSE_FIELDS:
        by_section.setdefault(field.section, []).append(field)
    tables = {t.section for t in form.TABLES}
    for field in by_section.get("", []):
        if report.prose[field.key]:
            yield Prose(field, report.prose[field.key])
    for section in form.SECTIONS:
        yield Heading(1, section.heading)
        if section.numeral in tables:
            yield TableAt(section.numeral)
            continue
        fields = by_section[section.numeral]
        headed = [f for f in fields if f.heading]
        show_headings = all(f.required for f in headed) or any(
            report.prose[f.key] for f in headed if not f.required
        )
        for field in fields:
            if field.heading and show_headings:
                yield Heading(2, field.heading)
            yield Prose(field, report.prose[field.key])
