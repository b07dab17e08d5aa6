"""How much of this year's text was taken over from last year's: the measure behind ``copied_text``.

The 2021 notice condemns reports copied from last year (内容雷同); assessments take off points
when more than half of a section is reused. So the measure is the share of this year's text
(not of last year's) that lies in passages also found in last year's text:

* Numbers are masked first (every run of digits counts as one placeholder), because the copy a
  clerk makes updates the figures and little else; spaces and punctuation are dropped, so a
  changed comma or a re-wrapped line does not hide a copy.
* A character of this year's text counts as reused when it lies inside a run of
  :data:`SHINGLE` characters that also occurs, anywhere, in last year's text. Chinese has no
  spaces, so characters are the unit; runs of eight are longer than any stock phrase a rewritten
  text shares by chance (政府信息公开, 依申请公开) but short enough that a copied sentence with
  one word changed still counts as mostly copied. Order does not matter: moving paragraphs
  around is still copying.

It is linear in the length of both texts (a set of last year's runs, one pass over this
year's), so the editor can afford it per keystroke and ``check`` over thousands of files.
"""

from __future__ import annotations

import re

SHINGLE = 8
# Below this many characters (after masking) a text is a formula ("本年度无其他需要报告的事项。"),
# which is legitimately the same every year; it is not judged.
MIN_CHARS = 30

_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


# Everything but letters, digits (Unicode categories L and N: ``str.isalnum``) and the mask.
_NOT_TEXT = re.compile(r"[^\w#]|_")


def normalize(text: str) -> str:
    """Letters only, numbers masked: what copying keeps when a clerk updates the figures."""
    return _NOT_TEXT.sub("", _DIGITS.sub("#", text))


def reused_share(text: str, previous: str) -> float | None:
    """The share (0..1) of ``text`` found in ``previous``; None when ``text`` is too short to judge."""
    this, last = normalize(text), normalize(previous)
    if len(this) < MIN_CHARS:
        return None
    if len(last) < SHINGLE:
        return 0.0
    seen = {last[i : i + SHINGLE] for i in range(len(last) - SHINGLE + 1)}
    covered = 0  # characters of ``this`` inside a shared run
    reach = 0  # ``this[:reach]`` is covered by the shared runs found so far
    for i in range(len(this) - SHINGLE + 1):
        if this[i : i + SHINGLE] in seen:
            covered += SHINGLE - max(0, reach - i)
            reach = i + SHINGLE
    return covered / len(this)
