"""``govtui desk init``: a roster to start from — the reports in a folder, or a list of names.

The roster written is meant to be edited: the ``[collection]`` keys are there with comments,
each unit has the name its report uses and its file. Reports that cannot be read, of another
year, or two for one agency are not guessed at: they are listed for the office to decide.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import tomli_w

from govtui.controls import clean
from govtui.desk.cache import Cache
from govtui.desk.collection import Reader
from govtui.io.inputs import Inputs, what_else
from govtui.io.roster import normalize_name
from govtui.io.toml_text import read_text


def _quoted(text: str) -> str:
    return tomli_w.dumps({"v": text})[4:].strip()


def roster_text(units: list[tuple[str, str | None]], year: int | None, comments: list[str]) -> str:
    """The roster's text: ``[collection]`` ready to fill in, then a ``[[unit]]`` per unit."""
    out = [
        "# 收报台名单（govtui desk init 生成）：请核对单位名称，补上别名、截止日期等。\n",
        *(f"# {line}\n" for line in comments),
        "\n[collection]\n",
        'agency = ""                       # 汇总单位（本机关）名称\n',
        f"year = {year}                       # 收报年度\n" if year else "# year = 2025\n",
        "# due = 2026-01-26                 # 报送截止日期（TOML 日期，不加引号）\n",
        '# previous = "../上年/名单.toml"    # 上年名单：跨年度校验与指标同比\n',
        '# report = "本机关报告.toml"        # 本机关自己的报告\n',
    ]
    for name, file in units:
        out.append(f"\n[[unit]]\nname = {_quoted(name)}\n")
        if file:
            out.append(f"file = {_quoted(file)}\n")
    return "".join(out)


def from_folder(folder: Path, output: Path) -> tuple[str, list[str]]:
    """The roster of the reports in ``folder`` (files relative to ``output``), and notes."""
    cache = Cache()
    try:
        reader = Reader(cache, {}, 0)
        paths = [p for p in Inputs([str(folder)]) if not p.name.endswith(".review.toml")]
        found = reader.identify(paths)
    finally:
        cache.close()
    notes: list[str] = []
    readable = []
    for path, item in zip(paths, found, strict=True):
        if item is None and not what_else(path):  # a roster is no report, and no news
            notes.append(f"{path} 无法读取，未列入")
        elif item is None:
            continue
        else:
            readable.append(item)
    years = Counter(year for _, _, year in readable)
    year = years.most_common(1)[0][0] if years else None
    by_agency: dict[str, list[tuple[Path, str]]] = {}
    for path, agency, report_year in readable:
        if report_year != year:
            notes.append(f"{path} 是 {report_year} 年的报告（多数是 {year} 年），未列入")
            continue
        by_agency.setdefault(normalize_name(agency), []).append((path, agency))
    units: list[tuple[str, str | None]] = []
    for entries in by_agency.values():
        agency = entries[0][1]
        if len(entries) > 1:
            names = "、".join(str(p) for p, _ in entries)
            notes.append(f"「{agency}」有多份报告（{names}），未写 file：请在名单中指定一份")
            units.append((agency, None))
        else:
            relative = os.path.relpath(entries[0][0], output.parent)
            units.append((agency, Path(relative).as_posix()))
    units.sort(key=lambda u: u[0])
    return roster_text(units, year, [f"来自 {folder} 中的 {len(readable)} 份报告"]), notes


def from_names(names_file: Path) -> tuple[str, list[str]]:
    """The roster of the unit names in a text file, one per line (blank lines skipped)."""
    names = list(dict.fromkeys(clean(line).strip() for line in read_text(names_file).splitlines()))
    units: list[tuple[str, str | None]] = [(n, None) for n in names if n]
    return roster_text(units, None, [f"来自 {names_file} 中的 {len(units)} 个单位名称"]), []
