"""Copying between the units of one collection: the measure behind ``copied_from_unit``.

Assessments deduct points for a report "与其他单位雷同". The measure is the one of
``copied_text`` (:mod:`govtui.rules.similarity`: numbers masked, punctuation dropped, a
character counts as taken over when it lies in a run of :data:`~govtui.rules.similarity.SHINGLE`
characters also found in the other text), with two differences that a collection needs:

* **Template wording is not copying.** Units write from the same notice and often from the
  office's model text; a sentence (numbers masked) that stands in more than a quarter of the
  collection's reports is template wording (``desk.md``), and so are the form's headings and
  labels. Such sentences are left out of the measure: neither counted as copied nor as the
  field's own text. So in a collection of fewer than eight reports a sentence two units share
  is already template wording: copying shows from eight units on.
* **It must scale.** Comparing every pair of 3 000 units is 4.5 million comparisons. Instead
  each unit's remaining text is reduced to *fingerprints* by winnowing (Schleimer, Wilkerson and
  Aiken, 2003: the smallest hash of every window of :data:`WINDOW` consecutive runs), which
  guarantees that any shared passage of ``SHINGLE + WINDOW - 1`` characters or more shares a
  fingerprint. A sorted array of (fingerprint, unit) pairs gives, for each unit, the few others
  it shares anything with; only those pairs are measured exactly. The work is about linear in
  the collection's text; memory is the units' normalised text and two machine words a
  fingerprint.

The finding names the unit copied from and the share; above the ``copied_text`` threshold
(50 %) it is a warning.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from govtui import form
from govtui.rules.similarity import MIN_CHARS, SHINGLE, normalize

TEMPLATE_SHARE = 0.25  # a sentence in more than this share of the reports is template wording
WINDOW = 8  # winnowing window: a passage of SHINGLE + WINDOW - 1 = 15 characters is always seen

_SENTENCE_END = re.compile(r"[。！？；!?;\n\r]+")


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, normalised (numbers masked, letters only), empty ones dropped."""
    out = []
    for part in _SENTENCE_END.split(text):
        normal = normalize(part)
        if normal:
            out.append(normal)
    return out


def _without(text: str, names: Iterable[str]) -> str:
    for name in names:
        text = text.replace(name, "")
    return text


def _official_wording() -> frozenset[str]:
    """The form's headings and labels, normalised: never the unit's own text."""
    words = {s.heading for s in form.SECTIONS}
    words |= {f.heading for f in form.PROSE_FIELDS if f.heading}
    words |= {f.label for f in form.PROSE_FIELDS}
    words.add(form.TITLE_SUFFIX)
    return frozenset(normalize(w) for w in words)


_OFFICIAL = _official_wording()


def _runs(text: str) -> Iterator[int]:
    """A stable hash of every run of SHINGLE characters within a sentence (crc32: the same in
    every process, so a collection gives the same findings every time)."""
    for i in range(len(text) - SHINGLE + 1):
        run = text[i : i + SHINGLE]
        if "|" not in run:
            yield zlib.crc32(run.encode("utf-8"))


def fingerprints(text: str) -> set[int]:
    """The winnowed hashes of ``text``: the smallest of every WINDOW consecutive run hashes."""
    hashes = list(_runs(text))
    if len(hashes) <= WINDOW:
        return {min(hashes)} if hashes else set()
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


@dataclass(frozen=True, slots=True)
class Copied:
    """A prose field of one unit, mostly found in another unit's report."""

    field: str  # the prose key
    other: str  # the unit it is found in
    share: float  # of the field's own (non-template) text


class CopyIndex:
    """The prose of every unit of a collection, indexed to find who shares text with whom.

    Add every unit (:meth:`add`), then ask for each unit's copied fields (:meth:`copied`).
    Units are named as the collection names them; a unit added twice replaces its text.
    """

    def __init__(self) -> None:
        self._prose: dict[str, dict[str, list[str]]] = {}  # unit → field → sentences
        self._built = False
        self._template: set[str] = set()
        self._text: dict[str, str] = {}  # unit → its non-template text, sentences joined
        self._partners: dict[str, set[str]] = {}

    def add(self, unit: str, prose: Mapping[str, str], names: Iterable[str] = ()) -> None:
        """``unit``'s prose; ``names`` (the unit's name, aliases, the agency its report names)
        are taken out first, as numbers are masked: a text the office's model has every unit
        write under its own name is the same text in every report."""
        own = sorted({unit, *names} - {""}, key=len, reverse=True)
        self._prose[unit] = {key: sentences(_without(text, own)) for key, text in prose.items()}
        self._built = False

    def __len__(self) -> int:
        return len(self._prose)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        frequency: Counter[str] = Counter()
        for fields in self._prose.values():
            frequency.update({s for found in fields.values() for s in found})
        limit = len(self._prose) * TEMPLATE_SHARE
        self._template = {s for s, n in frequency.items() if n > limit} | _OFFICIAL
        units = sorted(self._prose)
        number = {unit: i for i, unit in enumerate(units)}
        pairs = array("Q")  # fingerprint << 32 | unit number, sorted to group by fingerprint
        self._text = {}
        for unit in units:
            own = [s for found in self._prose[unit].values() for s in found]
            text = "|".join(s for s in own if s not in self._template)
            self._text[unit] = text
            pairs.extend(h << 32 | number[unit] for h in fingerprints(text))
        ordered = sorted(pairs)
        self._partners = defaultdict(set)
        common = len(units) * TEMPLATE_SHARE
        start = 0
        while start < len(ordered):
            key = ordered[start] >> 32
            end = start
            while end < len(ordered) and ordered[end] >> 32 == key:
                end += 1
            # A run found in many reports is template wording that the sentence split missed.
            if 1 < end - start <= common:
                group = [units[v & 0xFFFFFFFF] for v in ordered[start:end]]
                for unit in group:
                    self._partners[unit].update(group)
            start = end
        for unit, others in self._partners.items():
            others.discard(unit)
        self._built = True

    # ------------------------------------------------------------------ asking

    def copied(self, unit: str, threshold: float) -> list[Copied]:
        """Each prose field of ``unit`` of which more than ``threshold`` (judged in whole percent,
        as shown) is found in one other unit's report, with the unit it is most found in."""
        if not self._built:
            self._build()
        found = []
        for key, own in self._prose.get(unit, {}).items():
            text = "|".join(s for s in own if s not in self._template)
            if len(text.replace("|", "")) < MIN_CHARS:
                continue
            best: Copied | None = None
            for other in sorted(self._partners.get(unit, ())):
                share = _shared(text, self._text[other])
                if best is None or share > best.share:
                    best = Copied(key, other, share)
            if best is not None and round(best.share * 100) > round(threshold * 100):
                found.append(best)
        return found

    def units(self) -> Iterable[str]:
        return self._prose.keys()


def _shared(text: str, other: str) -> float:
    """The share of ``text``'s letters lying in a run of SHINGLE characters found in ``other``.

    ``|`` separates sentences: a run never spans two, so that the joins of a unit's sentences
    do not create runs found nowhere in its report.
    """
    seen = {
        other[i : i + SHINGLE]
        for i in range(len(other) - SHINGLE + 1)
        if "|" not in other[i : i + SHINGLE]
    }
    covered = reach = 0
    for i in range(len(text) - SHINGLE + 1):
        run = text[i : i + SHINGLE]
        if "|" not in run and run in seen:
            start = max(i, reach)
            covered += i + SHINGLE - start
            reach = i + SHINGLE
    letters = len(text) - text.count("|")
    return covered / letters if letters else 0.0
