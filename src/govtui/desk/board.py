"""The desk as a whole: every unit's status, findings and indicators, the sum, the leftovers.

:func:`build` is what ``govtui desk`` prints and what the desk screen and the workbook are
drawn from; :meth:`Board.as_json` is the JSON of ``govtui desk --json``. Building reads (or
takes from the cache) every report and records in the ledger the date each unit's report
was first seen.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govtui.desk import indicators, ledger
from govtui.desk.cache import Cache, content_hash, file_hash
from govtui.desk.collection import (
    Matched,
    Matcher,
    Read,
    Reader,
    by_agency,
    last_years_files,
    match,
    report_files,
)
from govtui.desk.data import board_json
from govtui.desk.indicators import Values
from govtui.desk.readers import readers
from govtui.desk.status import (
    CHANGED_AFTER,
    READ,
    Reviewed,
    computed_status,
    review,
    tally,
)
from govtui.errors import SaveError
from govtui.finding import Finding
from govtui.outcome import Totals

if TYPE_CHECKING:
    from govtui.model import Report
from govtui.io.roster import Roster, Unit
from govtui.profile import find
from govtui.profile import load as load_profile


@dataclass
class UnitView:
    """One unit of the roster as the desk shows it."""

    unit: Unit
    status: str
    due: datetime.date | None = None
    received: datetime.date | None = None
    late: bool = False
    read: Read | None = None  # the report used
    reason: str = ""  # why it is unreadable
    findings: list[Reviewed] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    indicators: Values = field(default_factory=dict)
    previous_indicators: Values = field(default_factory=dict)
    previous: Path | None = None  # last year's report compared with
    decision: ledger.UnitRecord | None = None  # approved / returned, as recorded
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def counted(self) -> bool:
        """The sum counts this unit: its report could be read."""
        return self.status in READ

    @property
    def unresolved(self) -> bool:
        """Makes the sum provisional: returned, or an error open or confirmed."""
        return self.status == "returned" or (self.counted and self.errors > 0)

    @property
    def needs_attention(self) -> bool:
        """What makes ``govtui desk`` exit 1."""
        return self.status in ("missing", "overdue", "unreadable", "returned", "errors")


@dataclass
class Office:
    """The collecting office's own report, checked against the sum of the counted units
    (``parent_sum``) with every other rule."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    problem: str = ""  # why it cannot be read


@dataclass
class Board:
    roster: Roster
    ledger_path: Path
    as_of: datetime.date
    year: int | None
    units: list[UnitView]
    not_on_roster: list[tuple[Read, str]]
    other_years: list[Read]
    notes: list[str]
    parsed: int = 0  # files examined this run; the rest came from the cache
    office: Office | None = None  # the office's own report (``collection.report``), checked
    profile: Path | None = None  # the rule profile every unit was checked with

    @property
    def counted(self) -> list[UnitView]:
        return [u for u in self.units if u.counted]

    @property
    def provisional(self) -> list[UnitView]:
        return [u for u in self.units if u.unresolved]

    def total(self) -> Totals:
        """Every count cell and the fee summed over the counted units, as ``aggregate`` sums."""
        total = Totals()
        for unit in self.counted:
            assert unit.read is not None
            total.add(unit.read.outcome.counts, unit.read.outcome.fees)
        return total

    def sum_counts(self) -> tuple[int, ...]:
        """The sum's count cells (``batch.CELLS`` order), for the indicators."""
        return tuple(self.total().counts)

    def sum_report(self, agency: str, base: Report | None = None) -> Report:
        """The summed report for ``agency``; ``base`` keeps an earlier sum's prose and title."""
        # no report read and no year on the roster: a blank sum of some year, never an error
        year = self.year or self.roster.collection.year or 2000
        report: Report = readers().sum_report(self.total(), agency, year, base)
        return report

    def as_json(self) -> dict[str, Any]:
        return board_json(self)


def build(
    roster: Roster,
    *,
    as_of: datetime.date | None = None,
    settings: Mapping[str, float] | None = None,
    jobs: int = 0,
    skip: tuple[Path, ...] = (),
    record_received: bool = True,
    advance: Callable[[int], None] | None = None,
    cache: Cache | None = None,
    profile: Path | None = None,
    no_profile: bool = False,
    arrived: Callable[[UnitView], None] | None = None,
) -> Board:
    """Read the collection of ``roster`` and judge every unit as of ``as_of`` (today).

    For a progress bar, ``advance`` is called first with minus the number of files to read,
    then with 1 for each file read (or found in the cache). ``record_received`` writes the
    date each unit's report was first seen into the ledger. ``arrived`` is given each unit
    as soon as its report is known, judged on its own (the findings across units, which need
    every report, come with the board), while other reports are still to be read: the desk
    screen fills its table as reports are read.
    """
    today = as_of or datetime.date.today()
    store = cache or Cache()
    # The profile found from the roster's folder applies to every unit (rule-profile issue),
    # wherever a unit's file lies; --profile names another, --no-profile none.
    used = None if no_profile else profile or find(roster.path)
    if used is not None:
        load_profile(used)  # a bad profile stops the run here, naming its file, line and key
    reader = Reader(store, settings or {}, jobs, used, no_profile)
    ledger_path = ledger.path_for(roster.path)
    book = ledger.load(ledger_path)
    preview = Matcher(roster, roster.collection.year)

    def each(read: Read) -> None:
        # A unit on its own only while other reports are still read: otherwise the board
        # follows at once, and judging every unit twice would only delay it.
        wanted = arrived is not None and reader.pending > 0
        unit = preview.add(read) if wanted else None
        if arrived is not None and unit is not None:
            arrived(_judge(roster, unit, preview.matched, book, today, {}))
        if advance is not None:
            advance(1)

    try:
        last, previous, notes = last_years_files(roster, reader)
        paths = report_files(roster, skip)
        named = {u.file: u.name for u in roster.units if u.file is not None}
        jobs_list = [(p, previous.get(named[p]) if p in named else None) for p in paths]
        if advance is not None:
            advance(-len(jobs_list))
        reads = reader.read(jobs_list, by_agency(roster, previous), each)
        matched = match(roster, reads)
        copied = _copied_from_units(roster, matched, settings or {}, store)
    finally:
        if cache is None:
            store.close()
    units = [_judge(roster, unit, matched, book, today, copied) for unit in roster.units]
    new = {u.name: u.received for u in units if u.received and _unrecorded(book, u)}
    if record_received and new:
        try:
            ledger.update(ledger_path, _record_received(new))
        except SaveError as error:  # a read-only copy of the collection can still be looked at
            notes.append(f"收到日期未能记入审核记录：{error}")
    for unit in units:
        known = last is None or unit.name in previous
        if unit.read is not None and unit.read.outcome.previous is None and not known:
            unit.notes.append("上年名单中没有找到这个单位的报告：未做跨年度校验。")
    not_on_roster = [(r, _why_unlisted(r)) for r in matched.not_on_roster]
    board = Board(
        roster,
        ledger_path,
        today,
        matched.year,
        units,
        not_on_roster,
        matched.other_years,
        notes,
        reader.parsed,
    )
    board.profile = used
    if roster.collection.report is not None and board.counted:
        store = cache or Cache()
        try:
            board.office = _office(board, roster.collection.report, store)
        finally:
            if cache is None:
                store.close()
    return board


def _office(board: Board, path: Path, store: Cache) -> Office:
    """The office's report checked with ``parent_sum`` against the units the sum counts;
    cached by the file's content and the sum, so that looking again parses nothing."""
    total = board.total()
    counted = tuple(u.name for u in board.counted)
    digest = file_hash(path)
    key = Cache.key("office", digest, tuple(total.counts), str(total.fees), counted)
    found = store.get(key) if digest else None
    if isinstance(found, Office):
        return found
    findings, problem = readers().check_office(path, board.sum_report, counted)
    office = Office(path, findings, problem)
    if digest and not problem:
        store.put(key, office)
    return office


def _nothing() -> None:
    """The progress callback when nobody shows progress."""


def _unrecorded(book: ledger.Ledger, view: UnitView) -> bool:
    record = book.units.get(view.name)
    return record is None or record.received is None


def _record_received(
    new: Mapping[str, datetime.date | None],
) -> Callable[[ledger.Ledger], None]:
    def change(book: ledger.Ledger) -> None:
        for name, date in new.items():
            record = book.unit(name)
            if record.received is None:  # another run may have recorded it meanwhile
                record.received = date

    return change


def _why_unlisted(read: Read) -> str:
    outcome = read.outcome
    if not outcome.readable:
        return "无法读取：" + "；".join(outcome.problems)
    return f"机关「{outcome.agency}」不在名单上"


def _copied_from_units(
    roster: Roster, matched: Matched, settings: Mapping[str, float], store: Cache
) -> dict[str, list[Finding]]:
    """``copied_from_unit`` for every unit with one readable report of the collection's year:
    its prose against every other unit's (:mod:`govtui.rules.copy_index`). Cached by every
    such unit's names and file content: with nothing changed, no prose is compared again
    (for 3 000 units that took longer than the rest of a look from the cache)."""
    compared: list[tuple[Unit, Read]] = []
    for unit in roster.units:
        reads = matched.files.get(unit.name, [])
        if len(reads) != 1:
            continue
        outcome = reads[0].outcome
        if outcome.readable and outcome.year == matched.year:
            compared.append((unit, reads[0]))
    if len(compared) < 2:
        return {}
    who = [(u.name, u.names, r.outcome.agency, r.hash) for u, r in compared]
    digest = content_hash(repr((sorted(settings.items()), who)).encode())
    key = Cache.key("copied", digest)
    cacheable = all(r.hash is not None for _, r in compared)
    found = store.get(key) if cacheable else None
    if isinstance(found, dict):
        return found
    prose = ((u.name, r.prose(), (*u.names, r.outcome.agency)) for u, r in compared)
    copied: dict[str, list[Finding]] = readers().copied_from_units(prose, settings)
    if cacheable:
        store.put(key, copied)
    return copied


def _judge(
    roster: Roster,
    unit: Unit,
    matched: Matched,
    book: ledger.Ledger,
    today: datetime.date,
    copied: Mapping[str, list[Finding]],
) -> UnitView:
    due = roster.due(unit)
    record = book.units.get(unit.name)
    reads: list[Read] = [
        r for r in matched.files.get(unit.name, []) if r.hash is not None or r.path.exists()
    ]
    received = record.received if record else None
    view = UnitView(unit, "missing", due=due, received=received)
    if record is not None and record.decision:
        view.decision = record
    if reads and received is None:
        received = view.received = today  # first seen now; recorded in the ledger
    if not reads or (received is not None and received > today):
        # Looking back (--as-of before the report came in): it had not been received then.
        view.received = None
        view.status = "overdue" if due is not None and today > due else "missing"
        if unit.file is not None and not reads:
            view.notes.append(f"名单写明的文件 {unit.file} 不存在")
        return view
    view.late = due is not None and received is not None and received > due
    if len(reads) > 1:
        view.status = "unreadable"
        view.reason = "有多份报告：" + "、".join(str(r.path) for r in reads)
        return view
    read = reads[0]
    view.read = read
    outcome = read.outcome
    if not outcome.readable or outcome.skipped:
        view.status = "unreadable"
        view.reason = "；".join(outcome.problems) or f"{read.path} 是{outcome.skipped}，不是报告"
        return view
    if matched.year is not None and outcome.year != matched.year:
        view.status = "unreadable"
        view.reason = f"是 {outcome.year} 年的报告，本次收的是 {matched.year} 年"
        return view
    for other in matched.ignored.get(unit.name, []):
        view.notes.append(f"另有报告 {other.path} 未采用（名单写明了 file）")
    findings = (*outcome.findings, *copied.get(unit.name, ()))
    view.findings = review(unit.name, findings, book)
    view.errors, view.warnings = tally(view.findings)
    view.indicators = indicators.of_counts(outcome.counts)
    view.previous_indicators = indicators.of_counts(outcome.previous_counts)
    view.previous = outcome.previous
    view.notes.extend(outcome.notes)
    view.status = computed_status(view.findings)
    if record is not None and record.decision:
        if record.hash == read.hash:
            view.status = record.decision
        else:
            view.notes.insert(0, CHANGED_AFTER[record.decision])
    return view
