"""What changed between two reports (two versions, or two years): cells and prose.

The form decides what is compared: every cell the form prints, totals included, and every
prose field. Prose is compared paragraph by paragraph (a line is a paragraph), and within a
paragraph that was edited rather than rewritten, character by character — Chinese has no
spaces, so characters are the unit a reader sees change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from govtui import form
from govtui.model import Report
from govtui.numbers import format_fee

Number = int | Decimal
# A paragraph whose characters are less than this alike is shown as removed and added.
EDITED = 0.5
# Runs of this many unchanged characters or fewer between two changes are folded into them,
# so that an edit reads as "old phrase → new phrase" rather than as confetti.
_SHORT_EQUAL = 2


@dataclass(frozen=True)
class CellChange:
    table: form.Table
    row: form.Row
    column: form.Column
    old: Number
    new: Number

    @property
    def delta(self) -> Number:
        return self.new - self.old


def cell_value(report: Report, table: form.Table, row: form.Row, column: form.Column) -> Number:
    if row.kind == "decimal":
        return report.fees
    return report.value(table.key, row.key, column.key)


def changed_cells(old: Report, new: Report) -> list[CellChange]:
    """Every cell of the form, computed ones included, whose value differs, in form order."""
    changes = []
    for table in form.TABLES:
        for row in table.rows:
            columns = table.columns_of(row) if row.columns else table.columns
            for column in columns:
                before = cell_value(old, table, row, column)
                after = cell_value(new, table, row, column)
                if before != after:
                    changes.append(CellChange(table, row, column, before, after))
    return changes


def changed_prose(old: Report, new: Report) -> list[form.ProseField]:
    return [f for f in form.PROSE_FIELDS if old.prose[f.key] != new.prose[f.key]]


Op = Literal["=", "-", "+"]


@dataclass(frozen=True)
class Paragraph:
    """One changed paragraph: removed ("-"), added ("+") or edited ("~", with ``parts``)."""

    kind: Literal["-", "+", "~"]
    text: str
    parts: tuple[tuple[Op, str], ...] = ()


def paragraphs(old: str, new: str) -> list[Paragraph]:
    """The paragraphs that changed from ``old`` to ``new``; unchanged ones are left out."""
    before, after = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    out: list[Paragraph] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = before[i1:i2], after[j1:j2]
        for k in range(max(len(removed), len(added))):
            a = removed[k] if k < len(removed) else None
            b = added[k] if k < len(added) else None
            if a is not None and b is not None and _alike(a, b) >= EDITED:
                out.append(Paragraph("~", b, inline(a, b)))
                continue
            if a:
                out.append(Paragraph("-", a))
            if b:
                out.append(Paragraph("+", b))
    return out


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.DOTALL)


def inline(old: str, new: str) -> tuple[tuple[Op, str], ...]:
    """``new`` as runs kept ("="), removed from ``old`` ("-") and added ("+").

    The units are characters, except that a number is one unit: 316 → 358 is one change.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[Op, str]] = []
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        short = 0 < index < len(opcodes) - 1 and i2 - i1 <= _SHORT_EQUAL
        if tag == "equal" and not short:
            runs.append(("=", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(b[j1:j2])))
    return _merge(runs)


def _merge(runs: list[tuple[Op, str]]) -> tuple[tuple[Op, str], ...]:
    """Adjacent changes as one removal followed by one addition."""
    out: list[tuple[Op, str]] = []
    index = 0
    while index < len(runs):
        if runs[index][0] == "=":
            out.append(runs[index])
            index += 1
            continue
        removed = added = ""
        while index < len(runs) and runs[index][0] != "=":
            op, text = runs[index]
            if op == "-":
                removed += text
            else:
                added += text
            index += 1
        out.extend(run for run in (("-", removed), ("+", added)) if run[1])
    return tuple(out)


# --------------------------------------------------------------------------- showing changes
# One spelling of a change for every view: ``govtui diff`` colours it for a terminal, the
# editor's prompts (a recovery copy, a file changed on disk) style it for Textual.

Mark = Literal["", "-", "+"]


def show_number(value: Number) -> str:
    return format_fee(value) if not isinstance(value, int) else str(value)


def signed(value: Number) -> str:
    # ASCII signs: U+2212 is "ambiguous width" (two columns in some CJK terminals) and
    # missing from many console fonts.
    return f"+{show_number(value)}" if value > 0 else f"-{show_number(-value)}"


def marked(paragraph: Paragraph) -> tuple[str, list[tuple[str, Mark]]]:
    """A changed paragraph as its sign (``-``, ``+``, ``~``) and runs of text, each kept (""),
    removed ("-", written ``[-…-]`` inside an edited paragraph) or added ("+", ``{+…+}``)."""
    if paragraph.kind != "~":
        return paragraph.kind, [(paragraph.text or "（空行）", paragraph.kind)]
    runs: list[tuple[str, Mark]] = []
    for op, text in paragraph.parts:
        if op == "=":
            runs.append((text, ""))
        elif op == "-":
            runs.append((f"[-{text}-]", "-"))
        else:
            runs.append((f"{{+{text}+}}", "+"))
    return "~", runs
