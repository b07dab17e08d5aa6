"""``govtui accept``: accept a warning with a reason, stored in the report file.

Some warnings are right to ignore — 现行有效 changed because documents expired, a section is
the same as last year because nothing changed. Accepting one records the rule, the place and
the reason in the file (``[[accepted]]``); ``check`` and the editor then show it as accepted
and no longer count it. Errors cannot be accepted: they are corrected.

The file is written as the editor writes it (:class:`govtui.io.document.Document`): not while
another govtui edits it, not over a version saved since it was read, the old file kept as
``报告.toml~``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govtui.cli import findings as layout
from govtui.cli.common import EXIT_OK, fail
from govtui.controls import clean, visible
from govtui.errors import GovtuiError, LoadError
from govtui.io.document import Document
from govtui.io.previous import find_previous
from govtui.rules import check
from govtui.rules.policy import refusal


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    document = Document(path)
    try:
        report = document.load()
    except LoadError as error:
        return fail(error.describe())
    previous = find_previous(path, report)
    findings = check(report, previous=previous.report)
    warnings = [f for f in findings if not f.is_error]
    if args.rule is None:
        if not warnings:
            print(f"{visible(str(path))} 没有警告。")
        layout.show(warnings, layout.Printer(), places=True)
        return EXIT_OK
    refused = refusal(args.rule)
    if refused:
        return fail(f"{refused}。")
    matches = [f for f in findings if f.rule == args.rule and args.place in (None, f.place)]
    if not matches or (args.place is None and len(matches) > 1):
        places = "\n".join(f"  {f.rule} {f.place}" for f in warnings) or "  （没有警告）"
        what = "有多条，请给出位置" if matches else "没有这条警告"
        return fail(f"[{args.rule}] {args.place or ''} {what}。当前的警告：\n{places}")
    finding = matches[0]
    # A reason is report text: no control characters (the loader would refuse the file).
    reason = clean(args.reason or "").strip()
    if refusal(finding.rule, reason):
        return fail("请用 --reason 写明接受的理由 / --reason is required")
    report.accept(finding.rule, finding.place, reason)
    try:
        with document.held():
            document.save(report)
    except GovtuiError as error:
        return fail(str(error))
    for note in document.take_notes():
        print(note, file=sys.stderr)
    print(f"已接受 [{finding.rule}] {finding.place}：{reason}")
    return EXIT_OK
