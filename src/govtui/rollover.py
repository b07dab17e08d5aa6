"""Next year's draft from last year's report: what runs on is carried, what is new starts at 0.

* agency kept, year + 1; a title override has its year moved on too;
* 三、二、上年结转 is last year's 四、结转下年度继续办理, column by column;
* 二's 现行有效件数 of 规章 and 行政规范性文件 is last year's (本年制发/废止 start at 0), so
  that the ``in_force`` rule holds until the clerk enters this year's documents;
* every other count and the fee start at 0;
* 一（二）依申请公开 is the standard sentences built from the draft's tables (its 上年结转, the
  rest 0: ``narrative`` flags each figure once the clerk fills the matrix, until it is rewritten
  or the sentences are inserted again); every other prose field is kept as a starting text.
  It needs no flag of its own: the draft names last year's
  file as its predecessor, so ``copied_text`` marks each section until it is rewritten, in
  ``check`` and in the editor alike, and the mark goes away by itself when the text changes;
* accepted warnings are not carried: they were about last year's figures.
"""

from __future__ import annotations

from govtui import form
from govtui.model import Report
from govtui.rules.wording import ON_REQUEST, standard_text

_DOCUMENT_ROWS = ("rules", "normative_documents")


def next_year(last: Report, previous: str) -> Report:
    """The draft for ``last.year + 1``; ``previous`` is last year's file relative to the new one."""
    year = last.year + 1
    draft = Report.blank(last.agency, year)
    draft.title = last.title.replace(str(last.year), str(year))
    draft.prose = dict(last.prose)
    draft.previous = previous
    for column in form.REQUESTS.input_columns:
        carried = last.requests["carried_forward"][column.key]
        draft.requests["carried_over"][column.key] = carried
    for row in _DOCUMENT_ROWS:
        draft.proactive[row]["in_force"] = last.proactive[row]["in_force"]
    draft.prose[ON_REQUEST] = standard_text(draft, ON_REQUEST) or ""
    return draft
