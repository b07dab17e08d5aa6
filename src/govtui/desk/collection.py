"""A collection: the roster, the report files in its folder, last year's, and which is whose.

Every report file is read once per content — through :func:`govtui.batch.examine`, in worker
processes, the same outcome ``check`` gets — and what was found is cached by the file's hash
(:mod:`govtui.desk.cache`). Then the files are matched to the roster's units: a unit's own
``file`` first; otherwise by agency name or alias among the reports of the collection's year.
Last year's report of each unit comes from last year's roster (``[collection] previous``),
matched the same way, and is given to the cross-year rules for every unit, whatever format
it filed in.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from govtui.desk.cache import Cache, file_hash
from govtui.desk.readers import readers
from govtui.errors import LoadError
from govtui.io.inputs import Inputs
from govtui.io.roster import Roster, Unit, normalize_name
from govtui.io.roster import load as load_roster
from govtui.outcome import Options, Outcome


def _where(path: Path | str) -> str:
    """A file's place, to tell the same file named twice: absolute and normalised (not
    ``realpath``, which asks the disk about every folder on the way, thousands of times)."""
    return os.path.normpath(os.path.abspath(path))


@dataclass(frozen=True)
class Read:
    """One report file as the desk saw it."""

    path: Path
    hash: str | None
    outcome: Outcome
    # The prose, still pickled, of an outcome that came from the cache without it: only the
    # comparison across units needs it, and then only when a unit's report changed.
    packed: bytes = b""

    def prose(self) -> dict[str, str]:
        """The report's prose fields (empty when it has none or could not be read)."""
        if self.outcome.prose or not self.packed:
            return dict(self.outcome.prose)
        return dict(pickle.loads(self.packed))


@dataclass
class Matched:
    """Which files belong to which unit, and what belongs to none."""

    year: int | None
    files: dict[str, list[Read]] = field(default_factory=dict)  # unit name → its file(s)
    named: set[str] = field(default_factory=set)  # units whose file the roster names
    not_on_roster: list[Read] = field(default_factory=list)
    other_years: list[Read] = field(default_factory=list)
    ignored: dict[str, list[Read]] = field(default_factory=dict)  # beside a named file


def report_files(roster: Roster, skip: Iterable[Path] = ()) -> list[Path]:
    """The files named by the roster, then every report file in its folder, each once; the
    roster's own companions (ledger, last year's roster, the office's report, the sum) left out."""
    collection = roster.collection
    leave = {
        _where(p)
        for p in (roster.path, collection.previous, collection.report, *skip)
        if p is not None
    }
    seen: set[str] = set()
    out: list[Path] = []
    for path in (*roster.files(), *Inputs([str(roster.path.parent)])):
        real = _where(path)
        if real in seen or real in leave or path.name.lower().endswith(".review.toml"):
            continue
        seen.add(real)
        out.append(path)
    return out


class Reader:
    """Reads report files through the cache: only files whose content (or last year's file)
    changed are examined, in worker processes when there are many."""

    def __init__(
        self,
        cache: Cache,
        settings: Mapping[str, float],
        jobs: int,
        profile: Path | None = None,
        no_profile: bool = False,
    ) -> None:
        """``profile``: the rule profile every unit is checked with (found from the roster's
        folder, or ``--profile``); ``no_profile``: the defaults, whatever ``govtui.toml`` is
        found. A cached outcome is one checked under the same profile, as it is now."""
        self.cache = cache
        self.settings = dict(sorted(settings.items()))
        self.jobs = jobs
        self.profile = profile
        self.no_profile = no_profile
        used = "" if no_profile or profile is None else f"{profile}:{file_hash(profile)}"
        self._rules = (self.settings, no_profile, used)
        self._hashes: dict[str, str | None] = {}
        self.parsed = 0  # files examined this run (the rest came from the cache)
        self.pending = 0  # files of the current :meth:`read` not examined yet (this one counts)

    def hash(self, path: Path) -> str | None:
        """The hash of the file's content (read once per run)."""
        key = _where(path)
        if key not in self._hashes:
            self._hashes[key] = file_hash(path)
        return self._hashes[key]

    def read(
        self,
        jobs: list[tuple[Path, Path | None]],
        by_agency: Mapping[str, Path],
        each: Callable[[Read], None] = lambda read: None,
    ) -> list[Read]:
        """Each ``(file, last year's file or None)``, in order; ``by_agency`` gives last year's
        file of a report the roster does not name, by its agency. ``each`` is called with every
        file as soon as it is known: first those the cache holds (:attr:`pending` says how
        many are still to be read), then each one read."""
        results: list[Read | None] = [None] * len(jobs)
        todo: list[tuple[int, Path, Path | None]] = []
        for index, (path, given) in enumerate(jobs):
            digest = self.hash(path)
            hit = self._cached(digest, given, by_agency)
            if hit is not None:
                outcome, packed = hit
                outcome = dataclasses.replace(outcome, path=path)
                results[index] = Read(path, digest, outcome, packed)
            else:
                todo.append((index, path, given))
        self.pending = len(todo)
        for read in results:
            if read is not None:
                each(read)
        if not todo:
            return [r for r in results if r is not None]
        options = Options(
            settings=self.settings,
            counts=True,
            previous_counts=True,
            prose=True,
            previous_by_agency=by_agency,
            profile=self.profile,
            no_profile=self.no_profile,
        )
        outcomes = readers().examine_all(
            [(path, given) for _, path, given in todo], options, self.jobs
        )
        for (index, path, given), outcome in zip(todo, outcomes, strict=True):
            digest = self.hash(path)
            results[index] = read = Read(path, digest, outcome)
            self._store(digest, given, by_agency, outcome)
            self.parsed += 1
            each(read)
            self.pending -= 1
        return [r for r in results if r is not None]

    def _given(self, given: Path | None, agency: str, by_agency: Mapping[str, Path]) -> str:
        path = given if given is not None else by_agency.get(normalize_name(agency))
        return str(path) if path is not None else ""

    def _store(
        self, digest: str | None, given: Path | None, by_agency: Mapping[str, Path], o: Outcome
    ) -> None:
        if digest is None:
            return
        given_text = self._given(given, o.agency, by_agency) if o.readable else ""
        deps = {p: self.hash(Path(p)) for p in {given_text, str(o.previous or "")} if p}
        # The prose pickled on its own: unpickling it is most of a cached outcome's cost.
        packed = pickle.dumps(o.prose, pickle.HIGHEST_PROTOCOL)
        entry = (dataclasses.replace(o, prose=()), given_text, deps, packed)
        self.cache.put(Cache.key("outcome", digest, self._rules), entry)

    def _cached(
        self, digest: str | None, given: Path | None, by_agency: Mapping[str, Path]
    ) -> tuple[Outcome, bytes] | None:
        if digest is None:
            return None
        entry = self.cache.get(Cache.key("outcome", digest, self._rules))
        if not isinstance(entry, tuple) or len(entry) != 4:
            return None
        outcome, given_text, deps, packed = entry
        if not isinstance(outcome, Outcome) or not isinstance(packed, bytes):
            return None
        if outcome.readable and self._given(given, outcome.agency, by_agency) != given_text:
            return None
        if any(self.hash(Path(p)) != h for p, h in deps.items()):
            return None
        return outcome, packed

    def identify(self, paths: list[Path]) -> list[tuple[Path, str, int] | None]:
        """The agency and year of each file (last year's, to match them to units); cached."""
        out: list[tuple[Path, str, int] | None] = []
        todo: list[tuple[int, Path]] = []
        for path in paths:
            digest = self.hash(path)
            found = self.cache.get(Cache.key("identity", digest)) if digest else None
            if isinstance(found, tuple):
                out.append((path, found[0], found[1]))
            else:
                out.append(None)
                todo.append((len(out) - 1, path))
        if not todo:
            return out
        found_all = readers().identify_all([p for _, p in todo], self.jobs)
        for (index, path), found in zip(todo, found_all, strict=True):
            self.parsed += 1
            digest = self.hash(path)
            if found is not None:
                out[index] = (path, *found)
                if digest:
                    self.cache.put(Cache.key("identity", digest), found)
        return out


def match(roster: Roster, reads: list[Read]) -> Matched:
    """Assign each read file to its unit (see the module's docstring)."""
    year = roster.collection.year
    if year is None:
        years = Counter(r.outcome.year for r in reads if r.outcome.readable)
        year = years.most_common(1)[0][0] if years else None
    matcher = Matcher(roster, year)
    for read in reads:
        matcher.add(read)
    return matcher.matched


class Matcher:
    """Files read files with their units one at a time, so that the desk screen can show each
    unit as soon as its report has been read (:func:`match` does it for a whole run)."""

    def __init__(self, roster: Roster, year: int | None) -> None:
        """``year``: the collection's; ``None`` takes the first readable report's, for a
        preview while the reports are read (:func:`match` knows the most common one)."""
        self.roster = roster
        self.by_file = {_where(u.file): u for u in roster.units if u.file is not None}
        self.office = normalize_name(roster.collection.agency)
        self.matched = Matched(year, named={u.name for u in roster.units if u.file is not None})

    def add(self, read: Read) -> Unit | None:
        """File ``read`` where it belongs; the unit it was given to, if any."""
        matched = self.matched
        named = self.by_file.get(_where(read.path))
        if named is not None:
            matched.files.setdefault(named.name, []).append(read)
            return named
        outcome = read.outcome
        if outcome.skipped:  # a roster lying among the reports: govtui's, but no report
            return None
        if not outcome.readable:
            matched.not_on_roster.append(read)
            return None
        if matched.year is None:
            matched.year = outcome.year
        if outcome.year != matched.year:
            matched.other_years.append(read)
            return None
        unit = self.roster.by_name(outcome.agency)
        if unit is None and self.office and normalize_name(outcome.agency) == self.office:
            return None  # the office's own report or a sum written earlier: no unit's
        if unit is None:
            matched.not_on_roster.append(read)
            return None
        if unit.name in matched.named:
            matched.ignored.setdefault(unit.name, []).append(read)
        else:
            matched.files.setdefault(unit.name, []).append(read)
        return unit


def last_years_files(
    roster: Roster, reader: Reader
) -> tuple[Roster | None, dict[str, Path], list[str]]:
    """Last year's roster, each of this year's units' last report, and what went wrong."""
    path = roster.collection.previous
    if path is None:
        return None, {}, []
    try:
        last = load_roster(path)
    except LoadError as error:
        return None, {}, [f"上年名单无法读取，未做跨年度校验：{error.describe()}"]
    files: dict[str, Path] = {u.name: u.file for u in last.units if u.file is not None}
    unnamed = {u.name for u in last.units if u.file is None}
    if unnamed:
        year = last.collection.year or (roster.collection.year or 0) - 1
        candidates = report_files(last, skip=[roster.path])
        named = {_where(p) for p in files.values()}
        candidates = [p for p in candidates if _where(p) not in named]
        found: dict[str, list[Path]] = {}
        for item in reader.identify(candidates):
            if item is None or item[2] != year:
                continue
            unit = last.by_name(item[1])
            if unit is not None and unit.name in unnamed:
                found.setdefault(unit.name, []).append(item[0])
        files.update({name: paths[0] for name, paths in found.items() if len(paths) == 1})
    previous: dict[str, Path] = {}
    for unit in roster.units:
        before = next((u for u in map(last.by_name, unit.names) if u is not None), None)
        if before is not None and before.name in files:
            previous[unit.name] = files[before.name]
    return last, previous, []


def by_agency(roster: Roster, previous: Mapping[str, Path]) -> dict[str, Path]:
    """Last year's file under every name and alias of each unit (blanks removed)."""
    out: dict[str, Path] = {}
    for unit in roster.units:
        if unit.name in previous:
            for name in unit.names:
                out[normalize_name(name)] = previous[unit.name]
    return out
