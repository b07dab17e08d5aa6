"""The rule profile, ``govtui.toml``: a collecting office's thresholds and requirements, written once.

A city's notice sets the length of 一、总体情况, the copied share it tolerates, the phrases each
section must contain; the office writes them in a ``govtui.toml`` at the top of the folder the
units' reports live in, and every ``check``, the editor and the desk apply it. It is found as
ruff finds its configuration: in the report's folder or the nearest parent that has one;
``--profile FILE`` names one, ``--no-profile`` ignores them all.

Because a shared folder can hold a planted ``govtui.toml``, a profile can only make checking
stricter or quieter about *warnings*: error rules can never be turned off (the acceptance
policy decides, :mod:`govtui.rules.policy`), and the profile in force is always named where
the findings are shown. Anything it does not understand is refused with its file, line and key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from govtui import form
from govtui.errors import LoadError, Problem
from govtui.io.toml_text import key_lines, parse, read_text
from govtui.policy import (
    COPIED_THRESHOLD,
    FACTOR_SETTING,
    FEE_FLOOR_SETTING,
    FLOOR_SETTING,
    OVERVIEW_SETTING,
    SWING_FACTOR,
    SWING_FEE_FLOOR,
    SWING_FLOOR,
    THRESHOLD_SETTING,
    disable_refusal,
)

FILE_NAME = "govtui.toml"
DEFAULT = "默认"
COMMAND_LINE = "命令行"


@dataclass(frozen=True)
class Option:
    """One setting of ``[rules]``: the engine's name for it, its default, the rules it
    changes, and how to read a value (``None`` and a reason when it is not one)."""

    setting: str
    default: float | None
    rules: tuple[str, ...]
    meaning: str


OPTIONS: dict[str, Option] = {
    "copied_threshold": Option(
        THRESHOLD_SETTING,
        COPIED_THRESHOLD,
        ("copied_text", "copied_from_unit"),
        "与上年或其他单位雷同的比例阈值（0 到 1）",
    ),
    "swing_factor": Option(
        FACTOR_SETTING, SWING_FACTOR, ("swing",), "与上年相比的变化倍数（大于 1）"
    ),
    "swing_floor": Option(
        FLOOR_SETTING, SWING_FLOOR, ("swing",), "两年中较大的数小于此数不报（件）"
    ),
    "swing_fee_floor": Option(
        FEE_FLOOR_SETTING,
        SWING_FEE_FLOOR,
        ("swing",),
        "两年中较大的收费小于此数不报（万元，写成字符串）",
    ),
    "overview_max_chars": Option(
        OVERVIEW_SETTING, None, ("overview_length",), "一、总体情况的字数上限（不写则不检查）"
    ),
}
_TOP = ("rules", "required")


@dataclass(frozen=True)
class Profile:
    """The rule settings in force for a report, and where each came from."""

    path: Path | None = None  # the govtui.toml; None: the defaults
    settings: Mapping[str, float] = field(default_factory=dict)  # the engine's names
    disable: frozenset[str] = frozenset()
    required: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # profile key -> "file:line"

    @property
    def name(self) -> str:
        return str(self.path) if self.path else ""

    def with_options(self, settings: Mapping[str, float]) -> Profile:
        """The profile with command-line settings over its own (``--copied-threshold`` wins)."""
        if not settings:
            return self
        merged = {**self.settings, **settings}
        sources = dict(self.sources)
        for key, option in OPTIONS.items():
            if option.setting in settings:
                sources[key] = COMMAND_LINE
        return Profile(self.path, merged, self.disable, self.required, sources)

    @property
    def produced(self) -> dict[str, str]:
        """The rules whose findings this profile's file decided, mapped to its name: a
        finding of one of them says that the profile produced it."""
        if self.path is None:
            return {}
        ids: set[str] = set()
        for key, option in OPTIONS.items():
            if key in self.sources and self.sources[key] != COMMAND_LINE:
                ids.update(option.rules)
        if self.required:
            ids.add("required_content")
        return dict.fromkeys(sorted(ids), self.name)

    def check_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`govtui.rules.check`."""
        return {
            "settings": dict(self.settings),
            "required": dict(self.required),
            "disable": self.disable,
            "from_profile": self.produced,
        }

    def describe(self) -> list[str]:
        """What ``govtui profile`` prints: every setting, its value and where it came from."""
        where = f"规则配置：{self.path}" if self.path else "规则配置：无（使用默认设置）"
        lines = [where, "[rules]"]
        for key, option in OPTIONS.items():
            value = self.settings.get(option.setting, option.default)
            shown = "（不检查）" if value is None else _number(value)
            lines.append(
                f"  {key} = {shown}    # {self.sources.get(key, DEFAULT)}；{option.meaning}"
            )
        disabled = "、".join(sorted(self.disable)) or "（无）"
        lines.append(f"  disable = {disabled}    # {self.sources.get('disable', DEFAULT)}")
        lines.append("[required]")
        if not self.required:
            lines.append("  （无）")
        for key, phrases in self.required.items():
            label = form.PROSE_BY_KEY[key].label
            said = "、".join(phrases)
            lines.append(f"  {key}（{label}）：{said}    # {self.sources.get('required.' + key)}")
        return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def find(start: Path) -> Path | None:
    """The ``govtui.toml`` in ``start``'s folder (``start`` itself when it is a folder) or the
    nearest parent folder that has one."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        path = candidate / FILE_NAME
        if path.is_file():
            return path
    return None


def for_report(report_path: Path, explicit: Path | None = None, *, ignore: bool = False) -> Profile:
    """The profile in force for a report: ``explicit`` (``--profile``), else the one found
    from its folder; the defaults with ``ignore`` (``--no-profile``) or when there is none.
    :class:`LoadError` names the profile's file, line and key when it cannot be used."""
    if ignore:
        return Profile()
    path = explicit or find(report_path)
    return load(path) if path is not None else Profile()


def load(path: Path) -> Profile:
    """Read and check a profile; cached per process (a batch run reads one file many times)."""
    resolved = path.resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError:
        raise LoadError(path, [Problem("规则配置文件不存在或无法读取")]) from None
    return _load(resolved, stamp, str(path))


@lru_cache(maxsize=32)
def _load(path: Path, stamp: int, shown: str) -> Profile:
    # Read as every TOML file is (only a regular file, UTF-8, capped; errors in Chinese with
    # their line), under the name the user gave.
    try:
        text = read_text(path)
    except LoadError as error:
        raise LoadError(shown, error.problems) from None
    data = parse(text, shown, exact=False)
    lines = key_lines(text)
    reader = _Reader(lines)
    for key in data:
        if key not in _TOP:
            reader.problem(key, f"不认识这个键（可用：{'、'.join(_TOP)}）")
    settings: dict[str, float] = {}
    sources: dict[str, str] = {}
    disable: frozenset[str] = frozenset()
    rules = reader.table(data, "rules")
    for key, value in rules.items():
        place = f"rules.{key}"
        if key == "disable":
            disable = reader.disable(value, place)
        elif key in OPTIONS:
            number = reader.option(key, value, place)
            if number is not None:
                settings[OPTIONS[key].setting] = number
        else:
            known = "、".join(("disable", *OPTIONS))
            reader.problem(place, f"不认识这个键（可用：{known}）")
            continue
        sources[key] = reader.where(shown, place)
    required: dict[str, tuple[str, ...]] = {}
    for key, value in reader.table(data, "required").items():
        place = f"required.{key}"
        phrases = reader.phrases(key, value, place)
        if phrases:
            required[key] = phrases
            sources[place] = reader.where(shown, place)
    if reader.problems:
        raise LoadError(shown, reader.problems)
    return Profile(Path(shown), settings, disable, required, sources)


class _Reader:
    """Collects every problem of a profile, each with its key and line."""

    def __init__(self, lines: Mapping[str, int]) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        line = self.lines.get(key) or self.lines.get(key.rsplit(".", 1)[0])
        self.problems.append(Problem(message, key, line))

    def where(self, shown: str, key: str) -> str:
        line = self.lines.get(key)
        return f"{shown}:{line}" if line else shown

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.problem(key, f"应写成 [{key}] 表")
            return {}
        return value

    def disable(self, value: Any, place: str) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(place, '应写成规则名的列表，如 ["empty_section"]')
            return frozenset()
        ok = set()
        for rule in value:
            refused = disable_refusal(rule)
            if refused:
                self.problem(place, refused)
            else:
                ok.add(rule)
        return frozenset(ok)

    def option(self, key: str, value: Any, place: str) -> float | None:
        if key == "swing_fee_floor":
            try:
                amount = Decimal(str(value)) if isinstance(value, str | int) else None
            except InvalidOperation:
                amount = None
            if amount is None or not amount.is_finite() or amount < 0:
                self.problem(
                    place, f'应是不小于 0 的金额（万元），写成字符串如 "1"，而不是 {value!r}'
                )
                return None
            return float(amount)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(place, f"应是数字，而不是 {value!r}")
            return None
        number = float(value)
        valid = {
            "copied_threshold": 0 < number <= 1,
            "swing_factor": number > 1,
            "swing_floor": number >= 0 and number.is_integer(),
            "overview_max_chars": number > 0 and number.is_integer(),
        }[key]
        if not valid or number != number:
            self.problem(place, f"{value!r} 不合适：{OPTIONS[key].meaning}")
            return None
        return number

    def phrases(self, key: str, value: Any, place: str) -> tuple[str, ...]:
        if key not in form.PROSE_BY_KEY:
            known = "、".join(f.key for f in form.PROSE_FIELDS)
            self.problem(place, f"「{key}」不是报告的文字栏目（可用：{known}）")
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            self.problem(place, '应写成要求出现的词语的列表，如 ["政策解读", "回应关切"]')
            return ()
        return tuple(v.strip() for v in value)
