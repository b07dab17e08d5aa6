"""What differs between two versions of a report, as the editor's prompts show it.

The same comparison as ``govtui diff`` (:mod:`govtui.compare`): the cells that differ, totals
included, and the paragraphs that changed, edited ones marked ``[-removed-]{+added+}``.
"""

from __future__ import annotations

from textual.content import Content

from govtui import compare, form
from govtui.model import Report
from govtui.rules.finding import place_label

_STYLES = {"": "", "-": "$text-error", "+": "$text-success"}


def _acceptances(old: Report, new: Report) -> list[Content]:
    """Warnings accepted in one version and not (or with another reason) in the other."""
    before = {(a.rule, a.place): a.reason for a in old.accepted}
    after = {(a.rule, a.place): a.reason for a in new.accepted}
    out: list[Content] = []
    for (rule, place), reason in after.items():
        if before.get((rule, place)) != reason:
            out.append(
                Content.styled(
                    f"  + [{rule}] {place_label(place)}：理由：{reason}", "$text-success"
                )
            )
    for (rule, place), reason in before.items():
        if (rule, place) not in after:
            out.append(
                Content.styled(f"  - [{rule}] {place_label(place)}：理由：{reason}", "$text-error")
            )
    if out:
        out.insert(0, Content.styled(f"接受的警告（{len(out)} 处不同）：", "bold"))
    return out


def changes(old: Report, new: Report, *, old_name: str, new_name: str) -> Content:
    """Every difference from ``old`` to ``new``; the names say which is which."""
    lines: list[Content] = [Content(f"以下是「{old_name}」→「{new_name}」的不同：")]
    for label, before, after in (
        ("机关名称", old.agency, new.agency),
        ("报告年度", str(old.year), str(new.year)),
        ("标题", old.display_title, new.display_title),
    ):
        if before != after:
            lines.append(Content(f"{label}：{before} → {after}"))
    cells = compare.changed_cells(old, new)
    if cells:
        lines.append(Content.styled(f"数字（{len(cells)} 格）：", "bold"))
    for change in cells:
        heading = form.section_of(change.table.section).heading.split("、")[0]
        delta = compare.signed(change.delta)
        lines.append(
            Content.assemble(
                f"  {heading} / {change.row.full_label} / {change.column.label}："
                f"{compare.show_number(change.old)} → {compare.show_number(change.new)} ",
                Content.styled(delta, _STYLES["+" if change.delta > 0 else "-"]),
            )
        )
    fields = compare.changed_prose(old, new)
    if fields:
        lines.append(Content.styled(f"文字（{len(fields)} 栏）：", "bold"))
    for field in fields:
        lines.append(Content(f"  {field.heading or field.label}"))
        for paragraph in compare.paragraphs(old.prose[field.key], new.prose[field.key]):
            sign, runs = compare.marked(paragraph)
            # No blank after the sign: Textual wraps at blanks, and would leave the sign alone
            # on its line before a paragraph (Chinese has no blanks to wrap at).
            lines.append(
                Content.assemble(
                    f"    {sign}",
                    *(Content.styled(text, _STYLES[mark]) for text, mark in runs),
                )
            )
    lines += _acceptances(old, new)
    if len(lines) == 1:
        lines.append(Content("（内容完全相同）"))
    return Content("\n").join(lines)
