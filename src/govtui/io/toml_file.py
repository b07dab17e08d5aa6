"""The report's TOML file (schema 1): loading with errors that name the place, saving byte-stable.

Loading walks the parsed TOML along :mod:`govtui.form`, so every problem — an unknown or
missing key, a negative or fractional count, a fee that is not a decimal, a newer schema — is
collected with its dotted key and, found by a small scan of the text, its line. All problems
are reported at once, so a hand-edited file is fixed in one pass.

Saving writes one canonical layout, commented with the official labels so that a person
editing the file over SSH always knows which cell a number is. Loading and saving a file
written here reproduces it byte for byte.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from govtui import controls, form
from govtui.errors import LoadError, Problem
from govtui.io.atomic import atomic_write, describe_os_error
from govtui.model import Acceptance, Report
from govtui.numbers import MAX_COUNT, format_fee

# A report of several hundred pages of prose is still far below this; beyond it, refuse.
MAX_FILE_BYTES = 32 * 1024 * 1024

_REPORT_KEYS = {"agency", "year", "title", "preface", "previous"}
_OPTIONAL = {"report.title", "report.preface", "report.previous"}
_ACCEPTANCE_KEYS = {"rule", "place", "reason"}


# =========================================================================== loading


def load(path: Path | str) -> Report:
    """Read a report file; :class:`LoadError` names every problem with file and line."""
    path = Path(path)
    return loads(read_text(path), path)


def read_text(path: Path) -> str:
    """The file's text, or a :class:`LoadError` that says in Chinese why it cannot be read."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`LoadError` (missing, a folder, too large, unreadable).

    Shared with the importer of published reports, which decodes more leniently.
    """
    try:
        if path.is_dir():
            raise LoadError(path, [Problem("这是一个文件夹，不是报告文件")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                path, [Problem(f"文件太大（{size // 1024 // 1024} MB），不像是年度报告")]
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, [Problem("文件不存在")]) from None
    except OSError as error:
        raise LoadError(path, [Problem(f"无法读取：{describe_os_error(error)}")]) from None


def decode(data: bytes, path: Path | str | None = None) -> str:
    """UTF-8 text (a leading BOM tolerated); anything else is refused, not guessed."""
    if b"\x00" in data:
        raise LoadError(path, [Problem("文件含有二进制内容，不是文本格式的报告文件")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LoadError(
            path,
            [Problem("文件不是 UTF-8 编码（可能是 GBK）：请另存为 UTF-8 后再打开", line=line)],
        ) from None
    return text.removeprefix("\ufeff")


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_MESSAGES = {
    "Cannot overwrite a value": "同一个键写了两次",
    "Cannot declare": "同一个表写了两次",
    "Invalid value": "值的写法不对（文字要加引号，数字不加）",
    "Invalid statement": "这一行不是有效的 TOML（应为 键 = 值）",
    "Unclosed": "引号或括号没有闭合",
    "Expected '=' after a key": "键的后面缺少 =",
    "Found invalid character": "含有不允许的字符",
    "Illegal character": "文字中含有不允许的控制字符",
}


def _toml_syntax_problem(error: tomllib.TOMLDecodeError) -> Problem:
    text = str(error)
    match = _TOML_POSITION.search(text)
    line = int(match.group(1)) if match else None
    detail = _TOML_POSITION.sub("", text).strip()
    plain = next((zh for en, zh in _TOML_MESSAGES.items() if detail.startswith(en)), "")
    message = f"TOML 语法错误：{plain}（{detail}）" if plain else f"TOML 语法错误（{detail}）"
    return Problem(message, line=line)


def parse(text: str, path: Path | str | None = None) -> dict[str, Any]:
    """TOML text as data (floats as Decimal); a syntax error is a :class:`LoadError` in Chinese."""
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise LoadError(path, [_toml_syntax_problem(error)]) from None
    except ValueError:
        # tomllib lets Python's int() refuse a number of thousands of digits, without a place.
        long_number = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise LoadError(
            path, [Problem("数字位数太多（上千位），不是报告里的数", line=line)]
        ) from None


def loads(text: str, path: Path | str | None = None) -> Report:
    """Parse and validate a report from TOML text."""
    data = parse(text, path)
    reader = _Reader(text)
    report = reader.read(data)
    if reader.problems or report is None:
        raise LoadError(path, reader.problems)
    return report


class _Reader:
    """Walks parsed TOML along the form, collecting problems with their keys and lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[Problem] = []
        self._lines: dict[str, int] | None = None

    # ------------------------------------------------------------ reporting

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(message, key=key, line=self.line_of(key)))

    def line_of(self, key: str) -> int | None:
        """The line where ``key`` (or, failing that, its nearest parent) is written."""
        if self._lines is None:
            self._lines = key_lines(self.text)
        while key:
            if key in self._lines:
                return self._lines[key]
            # accepted[2].reason → accepted[2] → accepted
            key = key.rpartition("[")[0] if key.endswith("]") else key.rpartition(".")[0]
        return None

    # ------------------------------------------------------------ values

    def table(self, value: Any, key: str, allowed: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(key, f"应为一个表（[{key}]），而不是{_kind(value)}")
            return None
        for extra in sorted(value.keys() - allowed):
            self.problem(f"{key}.{extra}" if key else extra, "不认识这个键（拼写错误？）")
        return value

    def required(self, table: dict[str, Any], name: str, key: str) -> Any:
        if name not in table:
            if key in _OPTIONAL:
                return ""
            self.problem(key, "缺少这个键")
            return None
        return table[name]

    def count(self, value: Any, key: str, label: str) -> int:
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.problem(key, f"{label}：应为整数（不加引号），而不是{_kind(value)}")
            return 0
        if value < 0:
            self.problem(key, f"{label}：件数不能是负数（{value}）")
            return 0
        if isinstance(value, Decimal):
            if value != value.to_integral_value():
                self.problem(key, f"{label}：件数必须是整数（{value}）")
                return 0
            value = int(value)
        if value > MAX_COUNT:
            self.problem(key, f"{label}：数字太大（{value}），请检查")
            return 0
        return int(value)

    def fee(self, value: Any, key: str, label: str) -> Decimal:
        if value is None:
            return Decimal(0)
        if isinstance(value, str):
            if re.fullmatch(r"\d+(\.\d+)?", value):
                return Decimal(value)
            self.problem(key, f'{label}：「{value}」不是金额，应写成如 "12.5" 的十进制数')
            return Decimal(0)
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.problem(key, f'{label}：应为金额（如 "12.5"），而不是{_kind(value)}')
            return Decimal(0)
        if value < 0:
            self.problem(key, f"{label}：金额不能是负数（{value}）")
            return Decimal(0)
        return Decimal(value)

    def string(self, value: Any, key: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(key, f"应为文字（加引号），而不是{_kind(value)}")
            return ""
        found = controls.first(value)
        if found is not None:
            # TOML can spell any character ("\u001b"); a report has no use for invisible ones,
            # and some of them would drive the terminal that shows the text.
            index, char = found
            paragraph = value.count("\n", 0, index) + 1
            column = index - (value.rfind("\n", 0, index) + 1) + 1
            where = f"第 {paragraph} 段第 {column} 个字" if "\n" in value else f"第 {column} 个字"
            self.problem(
                key,
                f"文字中有看不见的控制字符 {controls.describe(char)}（{where}）："
                "报告中不能有控制字符，请用文本编辑器删除",
            )
            return controls.clean(value)
        return value

    # ------------------------------------------------------------ the file

    def read(self, data: dict[str, Any]) -> Report | None:
        schema = data.get("schema")
        if schema is None:
            self.problem("schema", "缺少 schema（文件格式版本）：这不像是 govtui 的报告文件")
            return None
        if isinstance(schema, bool) or not isinstance(schema, int):
            self.problem("schema", f"schema 应为整数，而不是{_kind(schema)}")
            return None
        if schema > form.SCHEMA_VERSION:
            self.problem(
                "schema",
                f"此文件是较新版本的 govtui 写的（格式版本 {schema}，本程序只认识到 "
                f"{form.SCHEMA_VERSION}）：请升级 govtui 后再打开",
            )
            return None
        if schema < 1:
            self.problem("schema", f"格式版本 {schema} 无效")
            return None
        self.table(data, "", {"schema", "form", "report", *_table_names()})
        form_id = data.get("form")
        if form_id != form.FORM_ID:
            self.problem(
                "form",
                f'表格式应为 "{form.FORM_ID}"（2021 年国家格式），而不是 {form_id!r}'
                if form_id is not None
                else '缺少 form（表格式，应为 "2021"）',
            )

        prose: dict[str, str] = {}
        info = self.table(data.get("report", {}), "report", _REPORT_KEYS) or {}
        agency = self.string(self.required(info, "agency", "report.agency"), "report.agency")
        if "agency" in info and not agency.strip():
            self.problem("report.agency", "机关名称不能为空")
        year_value = self.required(info, "year", "report.year")
        year = 0
        if year_value is not None:
            if isinstance(year_value, bool) or not isinstance(year_value, int):
                self.problem("report.year", f"年度应为整数，如 2024，而不是{_kind(year_value)}")
            elif not 1900 <= year_value <= 9999:
                self.problem("report.year", f"年度 {year_value} 不合理")
            else:
                year = year_value
        title = self.string(info.get("title"), "report.title")
        previous = self.string(info.get("previous"), "report.previous")

        sections = {
            name: self.table(data.get(name, {}), name, names)
            for name, names in _prose_tables().items()
            if name != "report"
        }
        for field in form.PROSE_FIELDS:
            name, _, leaf = field.key.partition(".")
            table = info if name == "report" else sections.get(name)
            if table is None:
                prose[field.key] = ""
                continue
            prose[field.key] = self.string(self.required(table, leaf, field.key), field.key)

        grids: dict[str, dict[str, dict[str, int]]] = {}
        fees = Decimal(0)
        for definition in form.TABLES:
            grid, fee = self.grid(definition, data.get(definition.key))
            grids[definition.key] = grid
            if fee is not None:
                fees = fee
        accepted = self.acceptances(data.get("accepted", []))
        if self.problems:
            return None
        # Everything above was checked along the form, as strictly as the model's validators
        # would (the tests hold the two to the same reports): construct without a second pass.
        return Report.model_construct(
            agency=agency,
            year=year,
            title=title,
            prose=prose,
            proactive=grids["proactive"],
            fees=fees,
            requests=grids["requests"],
            appeals=grids["appeals"],
            previous=previous,
            accepted=accepted,
        )

    def acceptances(self, value: Any) -> list[Acceptance]:
        """``[[accepted]]``: warnings accepted with a reason; an error can never be accepted."""
        from govtui.rules.finding import is_place
        from govtui.rules.policy import reason_refusal, rule_refusal

        if not isinstance(value, list):
            self.problem("accepted", f"应写成 [[accepted]] 表的数组，而不是{_kind(value)}")
            return []
        out: list[Acceptance] = []
        seen: set[tuple[str, str]] = set()
        for number, item in enumerate(value, start=1):
            key = f"accepted[{number}]"
            entry = self.table(item, key, _ACCEPTANCE_KEYS)
            if entry is None:
                continue
            rule, place, reason = (
                self.string(self.required(entry, name, f"{key}.{name}"), f"{key}.{name}")
                for name in ("rule", "place", "reason")
            )
            refused = rule_refusal(rule)
            if "rule" in entry and refused:
                self.problem(f"{key}.rule", refused)
            if "place" in entry and not is_place(place):
                self.problem(f"{key}.place", f"位置「{place}」不是报告中的文字栏目或表格单元格")
            refused = reason_refusal(reason)
            if "reason" in entry and refused:
                self.problem(f"{key}.reason", refused)
            if (rule, place) in seen:
                self.problem(key, f"同一条警告（{rule}，{place}）接受了两次")
            seen.add((rule, place))
            if rule and place and reason.strip():
                out.append(Acceptance.model_construct(rule=rule, place=place, reason=reason))
        return out

    def grid(
        self, table: form.Table, data: Any
    ) -> tuple[dict[str, dict[str, int]], Decimal | None]:
        key = table.key
        if data is None:
            self.problem(key, f"缺少 [{key}]（{form.section_of(table.section).heading}）")
            return {}, None
        tops = {r.key.partition(".")[0] for r in table.input_rows}
        root = self.table(data, key, tops)
        if root is None:
            return {}, None
        # Group tables such as requests.withheld may hold only their own rows.
        for group in sorted({r.key.partition(".")[0] for r in table.input_rows if "." in r.key}):
            leaves = {
                r.key.partition(".")[2] for r in table.input_rows if r.key.startswith(group + ".")
            }
            if group in root:
                self.table(root[group], f"{key}.{group}", leaves)
        grid: dict[str, dict[str, int]] = {}
        fee: Decimal | None = None
        for row in table.input_rows:
            row_key = f"{key}.{row.key}"
            value = _dig(root, row.key)
            if value is None:
                self.problem(row_key, f"缺少「{row.full_label}」这一行")
                continue
            if row.kind == "decimal":
                fee = self.fee(value, row_key, row.label)
                continue
            columns = table.columns_of(row)
            if row.scalar:
                grid[row.key] = {columns[0].key: self.count(value, row_key, row.label)}
                continue
            cells = self.table(value, row_key, {c.key for c in columns})
            if cells is None:
                continue
            grid[row.key] = {}
            for col in columns:
                cell_key = f"{row_key}.{col.key}"
                label = f"{row.label} / {col.label}"
                if col.key not in cells:
                    self.problem(cell_key, f"{label}：缺少这一格")
                grid[row.key][col.key] = self.count(cells.get(col.key), cell_key, label)
        return grid, fee


def _dig(root: dict[str, Any], dotted: str) -> Any:
    node: Any = root
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _prose_tables() -> dict[str, set[str]]:
    tables: dict[str, set[str]] = {}
    for field in form.PROSE_FIELDS:
        name, _, leaf = field.key.partition(".")
        tables.setdefault(name, set()).add(leaf)
    return tables


def _table_names() -> list[str]:
    """The top-level tables after [report]; ``accepted`` is the array of accepted warnings."""
    prose = [name for name in _prose_tables() if name != "report"]
    return [*prose, *(t.key for t in form.TABLES), "accepted"]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"真假值 {str(value).lower()}"
    if isinstance(value, str):
        return f'文字 "{value[:20]}"'
    if isinstance(value, dict):
        return "一个表"
    if isinstance(value, list):
        return "一个数组"
    if isinstance(value, Decimal):
        return f"小数 {value}"
    return f"{type(value).__name__} {value}"


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")
_ASSIGN = re.compile(
    r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)
_INLINE_KEY = re.compile(r"([A-Za-z0-9_-]+)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Map dotted keys to the line that writes them: a scan, not a parser, used only on errors.

    Multi-line strings are skipped so that prose containing ``x = y`` is not mistaken for keys.
    """
    lines: dict[str, int] = {}
    arrays: dict[str, int] = {}
    table = ""
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            if line.lstrip().startswith("[["):  # an array of tables: number its entries
                arrays[table] = arrays.get(table, 0) + 1
                lines.setdefault(table, number)
                table = f"{table}[{arrays[table]}]"
            lines.setdefault(table, number)
            continue
        assign = _ASSIGN.match(line)
        if not assign:
            continue
        key = _dotted(assign.group(1))
        full = f"{table}.{key}" if table else key
        lines.setdefault(full, number)
        rest = line[assign.end() :]
        if rest.lstrip().startswith("{"):
            for inner in _INLINE_KEY.finditer(rest):
                lines.setdefault(f"{full}.{inner.group(1)}", number)
        for quote in ('"""', "'''"):
            if rest.count(quote) == 1:
                in_string = quote
    return lines


def _dotted(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


# =========================================================================== saving

_FILE_HEADER = (
    f"# {form.TITLE_SUFFIX} · govtui 文件（格式版本 {form.SCHEMA_VERSION}，2021 年国家格式）\n"
    "# 可以手工编辑：键名保持不变；各“总计”由程序计算，不写在文件里。\n"
)


def _value(value: str | int) -> str:
    import tomli_w  # writing only: opening a file does not need it

    return tomli_w.dumps({"v": value}, multiline_strings=True)[len("v = ") :].rstrip("\n")


def dumps(report: Report) -> str:
    """The canonical text of a report file; ``loads(dumps(r)) == r`` and it is stable."""
    out = [_FILE_HEADER, f"schema = {form.SCHEMA_VERSION}\n", f'form = "{form.FORM_ID}"\n']
    prose_tables: dict[str, list[form.ProseField]] = {}
    for field in form.PROSE_FIELDS:
        prose_tables.setdefault(field.key.partition(".")[0], []).append(field)

    out.append("\n[report]\n")
    out.append(f"agency = {_value(report.agency)}\n")
    out.append(f"year = {report.year}\n")
    out.append(f"title = {_value(report.title)}\n")
    for field in prose_tables.pop("report"):
        out.append(_prose_line(report, field))
    if report.previous:
        out.append("# 上年度报告（相对于本文件的路径），用于跨年度校验\n")
        out.append(f"previous = {_value(report.previous)}\n")

    closing = prose_tables.pop("closing")
    for name, fields in prose_tables.items():
        heading = form.section_of(fields[0].section).heading
        out.append(f"\n# {heading}\n[{name}]\n")
        out.extend(_prose_line(report, field) for field in fields)

    out.append(_proactive(report))
    out.append(_grid(report, form.REQUESTS))
    out.append(_grid(report, form.APPEALS))

    headings = "；".join(dict.fromkeys(form.section_of(f.section).heading for f in closing))
    out.append(f"\n# {headings}\n[closing]\n")
    out.extend(_prose_line(report, field) for field in closing)
    if report.accepted:
        out.append("\n# 已接受的警告：规则、位置和理由（错误不能接受，只能改正）\n")
    for acceptance in report.accepted:
        out.append("\n[[accepted]]\n")
        out.extend(
            f"{name} = {_value(getattr(acceptance, name))}\n"
            for name in ("rule", "place", "reason")
        )
    return "".join(out)


def _prose_line(report: Report, field: form.ProseField) -> str:
    leaf = field.key.partition(".")[2]
    return f"# {field.label}\n{leaf} = {_value(report.prose[field.key])}\n"


def _proactive(report: Report) -> str:
    table = form.PROACTIVE
    out = [f"\n# {form.section_of(table.section).heading}\n[{table.key}]\n"]
    for row in table.input_rows:
        columns = table.columns_of(row)
        labels = "、".join(c.label for c in columns)
        if row.kind == "decimal":
            value = _value(format_fee(report.fees))
        elif row.scalar:
            value = str(report.proactive[row.key][columns[0].key])
        else:
            cells = report.proactive[row.key]
            value = "{ " + ", ".join(f"{c.key} = {cells[c.key]}" for c in columns) + " }"
        out.append(f"{row.key} = {value}  # {row.label}：{labels}\n")
    return "".join(out)


def _grid(report: Report, table: form.Table) -> str:
    heading = form.section_of(table.section).heading
    columns = table.input_columns
    legend = "，".join(f"{c.key} {c.label}" for c in columns)
    out = [f"\n# {heading}\n# 列：{legend}；总计由程序计算。\n"]
    width = max(len(c.key) for c in columns)
    for row in table.input_rows:
        out.append(f"\n[{table.key}.{row.key}]  # {row.full_label}\n")
        cells = report.grid(table.key)[row.key]
        for col in columns:
            out.append(f"{col.key.ljust(width)} = {cells[col.key]}  # {col.label}\n")
    return "".join(out)


def save(report: Report, path: Path | str) -> None:
    """Write the report atomically; :class:`govtui.errors.SaveError` if the disk says no."""
    atomic_write(Path(path), dumps(report).encode("utf-8"))
