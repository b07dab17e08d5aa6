"""The roster of a collecting office: the units that must file a report (``UNITS.toml``).

    # 汇总单位名单
    [[unit]]
    name = "云溪县市场监督管理局"          # required: the agency as its report names it
    file = "2024/yunxi-scjg.toml"        # optional: its report, relative to this file
    aliases = ["云溪县市场监管局"]         # optional: other names its reports go by

A report belongs to a unit when it is the unit's ``file``, or when its agency is the unit's
name or one of its aliases.

For the collecting office's desk (``govtui desk``) a roster may also say what it collects:

    [collection]
    agency = "云溪县人民政府办公室"        # the collecting office
    year = 2025                          # the year of the reports collected
    due = 2026-01-26                     # when units must file (a TOML date)
    previous = "../2024/名单.toml"        # last year's roster
    report = "云溪县2025年报告.toml"       # the office's own report

and each ``[[unit]]`` may have its own ``due`` date. Every key is optional; a roster without
them is read exactly as before.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govtui import controls
from govtui.errors import LoadError, Problem
from govtui.io import toml_text
from govtui.numbers import check_year


@dataclass(frozen=True)
class Unit:
    name: str
    file: Path | None = None
    aliases: tuple[str, ...] = ()
    due: datetime.date | None = None  # this unit's own deadline, else the collection's

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Collection:
    """What a roster's ``[collection]`` says; every part optional."""

    agency: str = ""
    year: int | None = None
    due: datetime.date | None = None
    previous: Path | None = None  # last year's roster
    report: Path | None = None  # the collecting office's own report


@dataclass(frozen=True)
class Roster:
    path: Path
    units: tuple[Unit, ...]
    collection: Collection = Collection()
    _by_file: dict[str, Unit] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, Unit] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_file = {os.path.realpath(u.file): u for u in self.units if u.file is not None}
        by_name = {normalize_name(n): u for u in self.units for n in (u.name, *u.aliases)}
        object.__setattr__(self, "_by_file", by_file)
        object.__setattr__(self, "_by_name", by_name)

    def files(self) -> list[Path]:
        """The reports the roster names, for a run given no other inputs."""
        return [u.file for u in self.units if u.file is not None]

    def match(self, path: Path, agency: str) -> Unit | None:
        """The unit a report belongs to: by its file first, then by its agency's name."""
        unit = self._by_file.get(os.path.realpath(path)) if self._by_file else None
        return unit or self._by_name.get(normalize_name(agency))

    def by_name(self, name: str) -> Unit | None:
        """The unit called ``name`` or having it as an alias (blanks ignored)."""
        return self._by_name.get(normalize_name(name))

    def due(self, unit: Unit) -> datetime.date | None:
        return unit.due or self.collection.due


def normalize_name(name: str) -> str:
    """An agency's name as compared: blanks (including full-width ones) removed."""
    return "".join(name.split())


def load(path: Path) -> Roster:
    """Read a roster; :class:`LoadError` names each problem with its line."""
    text = toml_text.read_text(path)
    data = toml_text.parse(text, path)
    lines = toml_text.key_lines(text)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        line = lines.get(key, lines.get(key.partition(".")[0], lines.get("unit")))
        problems.append(Problem(message, key=key, line=line))

    for extra in sorted(data.keys() - {"unit", "schema", "collection"}):
        problem(
            extra, "不认识这个键：名单只有 [collection] 和 [[unit]]（name、file、aliases、due）"
        )
    collection = _collection(data.get("collection", {}), path, problem)
    entries = data.get("unit", [])
    if not isinstance(entries, list) or not entries:
        problem("unit", "名单中没有单位：每个单位写一个 [[unit]]，至少有 name")
        raise LoadError(path, problems)
    units: list[Unit] = []
    seen: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        key = f"unit[{number}]"
        unit = _unit(entry, key, path, problem)
        if unit is None:
            continue
        for name in (unit.name, *unit.aliases):
            other = seen.get(normalize_name(name))
            if other is not None:
                problem(key, f"「{name}」在名单中出现了两次（另见 {other}）")
            seen[normalize_name(name)] = key
        units.append(unit)
    if problems:
        raise LoadError(path, problems)
    return Roster(path, tuple(units), collection)


_COLLECTION_KEYS = ("agency", "year", "due", "previous", "report")


def _collection(entry: Any, roster: Path, problem: Callable[[str, str], None]) -> Collection:
    if not isinstance(entry, dict):
        problem("collection", "[collection] 应是一个表（agency、year、due、previous、report）")
        return Collection()
    for extra in sorted(entry.keys() - set(_COLLECTION_KEYS)):
        problem(
            f"collection.{extra}",
            f"不认识这个键（[collection] 只有 {'、'.join(_COLLECTION_KEYS)}）",
        )
    agency = entry.get("agency", "")
    if not isinstance(agency, str):
        problem("collection.agency", '汇总单位名称应为文字（agency = "…"）')
        agency = ""
    year = entry.get("year")
    if year is not None:
        try:
            check_year(year)
        except ValueError as error:
            problem("collection.year", str(error))
            year = None
    due = _date(entry.get("due"), "collection.due", problem)
    paths = {}
    for key in ("previous", "report"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problem(f"collection.{key}", f"{key} 应为文件路径（相对于名单文件）")
            value = None
        paths[key] = Path(os.path.normpath(roster.parent / value)) if value else None
    return Collection(agency.strip(), year, due, paths["previous"], paths["report"])


def _date(value: Any, key: str, problem: Callable[[str, str], None]) -> datetime.date | None:
    """A TOML date (``2026-01-26``, no quotes); a date-time or text is refused."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        problem(key, "日期应写成 TOML 日期，不加引号，如 due = 2026-01-26")
        return None
    return value


def _unit(entry: Any, key: str, roster: Path, problem: Callable[[str, str], None]) -> Unit | None:
    if not isinstance(entry, dict):
        problem(key, "每个单位应是一个 [[unit]] 表")
        return None
    for extra in sorted(entry.keys() - {"name", "file", "aliases", "due"}):
        problem(f"{key}.{extra}", "不认识这个键（单位只有 name、file、aliases、due）")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        problem(f"{key}.name", '缺少单位名称（name = "…"）')
        return None
    for text in (name, *(a for a in entry.get("aliases", []) if isinstance(a, str))):
        found = controls.first(text)
        if found is not None:
            problem(f"{key}.name", f"名称中有控制字符 {controls.describe(found[1])}，请删除")
            return None
    file = entry.get("file")
    if file is not None and (not isinstance(file, str) or not file.strip()):
        problem(f"{key}.file", "file 应为报告文件的路径（相对于名单文件）")
        file = None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problem(f"{key}.aliases", 'aliases 应为名称的列表，如 ["某某局"]')
        aliases = []
    path = Path(os.path.normpath(roster.parent / file)) if file else None
    due = _date(entry.get("due"), f"{key}.due", problem)
    return Unit(name.strip(), path, tuple(a.strip() for a in aliases), due)
