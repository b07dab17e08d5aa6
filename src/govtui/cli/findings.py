"""How the commands show findings on a terminal: one layout for check, import, aggregate, accept.

A verdict line (``✗ 3 个错误，0 个警告``), then the findings grouped under their section, each
with its label (错误 / 警告 / 已接受), rule and place, and the message folded under its indent.
On a terminal long lines fold to its width (an 80-column SSH session would otherwise wrap
them to column 0); piped, each finding stays on one line for ``grep``. Every piece of text
that came from a file goes through :func:`govtui.controls.visible` here, so no escape
sequence in a report, a note or a file name reaches the terminal raw.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Iterable
from itertools import groupby
from typing import TextIO

from govtui.cli.common import paint
from govtui.cli.layout import fold
from govtui.controls import visible
from govtui.rules import Finding, count


class Printer:
    """Lines to ``out`` (stdout by default), folded to the terminal's width when it is one."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.columns = shutil.get_terminal_size().columns if self.out.isatty() else 0

    def paint(self, text: str, code: str) -> str:
        return paint(text, code, self.out)

    def line(self, text: str = "") -> None:
        """A line built by the caller (its file content already shown by :func:`visible`)."""
        print(text, file=self.out)

    def say(self, text: str, indent: str, hanging: str | None = None) -> None:
        """``text`` (file content: shown escaped) under ``indent``, folded on a terminal."""
        text = visible(text, lines=True)
        if not self.columns:
            for line in text.splitlines() or [""]:
                print(indent + line, file=self.out)
            return
        rest = indent if hanging is None else hanging
        for number, line in enumerate(text.splitlines() or [""]):
            margin = indent if number == 0 else rest
            print(
                "\n".join(fold([(line, "")], max(40, self.columns - 1), margin, rest)),
                file=self.out,
            )


def verdict(findings: Iterable[Finding], printer: Printer) -> str:
    """``✗ N 个错误，M 个警告`` or ``✓ 没有错误``, and the warnings accepted."""
    errors, warnings, accepted = count(findings)
    if errors:
        head = printer.paint(f"✗ {errors} 个错误，{warnings} 个警告", "1;31")
    else:
        head = printer.paint("✓ 没有错误", "1;32") + (f"，{warnings} 个警告" if warnings else "")
    return head + (f"（另有 {accepted} 个警告已接受）" if accepted else "")


def show(findings: Iterable[Finding], printer: Printer, *, places: bool = False) -> None:
    """The findings under their section headings; with ``places``, each with the rule and
    place that ``govtui accept`` takes."""
    for heading, group in groupby(findings, key=lambda f: f.section_heading):
        printer.line(f"  {heading}")
        for finding in group:
            if finding.is_error:
                label = printer.paint("错误", "31")
            elif finding.accepted:
                label = printer.paint("已接受", "2")
            else:
                label = printer.paint("警告", "33")
            place = " / ".join(p for p in (finding.row, finding.column) if p)
            printer.line(f"    {label} [{finding.rule}] {place}")
            if places:
                printer.line(f"         接受时写：{finding.rule} {finding.place}")
            printer.say(finding.message, "         ")
            if finding.accepted:
                printer.say(f"接受理由：{finding.accepted}", "         ")
            if finding.profile:
                printer.say(f"（依据规则配置 {visible(finding.profile)}）", "         ")


def rules(findings: Iterable[Finding]) -> str:
    """The rules a report fails or warns on, with how often: ``balance（3），fee_statement``."""
    counted = Counter(f.rule for f in findings if not f.accepted)
    return "，".join(f"{rule}（{n}）" if n > 1 else rule for rule, n in counted.items())
