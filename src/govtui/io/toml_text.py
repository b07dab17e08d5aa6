"""A TOML file's text, read safely and parsed with errors that name the place: the part of
:mod:`govtui.io.toml_file` that knows nothing of reports, so that a roster, a ledger or a rule
profile is read without loading the model (and pydantic) — a look at the desk with nothing
changed needs no more than this."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from govtui.errors import LoadError, Problem
from govtui.io.atomic import describe_os_error

# A report of several hundred pages of prose is still far below this; beyond it, refuse.
MAX_FILE_BYTES = 32 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text, or a :class:`LoadError` that says in Chinese why it cannot be read."""
    return decode(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`LoadError` (missing, a folder, too large, unreadable).

    Shared with the importer of published reports, which decodes more leniently. Only a
    regular file is read: a named pipe would block forever and a link to ``/dev/zero`` would
    read until memory runs out, so the file is opened without blocking, its kind checked on
    the open descriptor (no race with a swapped name), and at most the cap plus one byte read.
    """

    def refuse(message: str) -> LoadError:
        return LoadError(path, [Problem(message)])

    def too_large(size: int) -> LoadError:
        return refuse(f"文件太大（{size // 1024 // 1024} MB），不像是年度报告")

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise refuse("文件不存在") from None
    except IsADirectoryError:
        raise refuse("这是一个文件夹，不是报告文件") from None
    except OSError as error:
        raise refuse(f"无法读取：{describe_os_error(error)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise refuse("这是一个文件夹，不是报告文件")
        if not stat.S_ISREG(info.st_mode):
            kind = "命名管道" if stat.S_ISFIFO(info.st_mode) else "设备或其他特殊文件"
            raise refuse(f"这不是普通文件（{kind}），不能当作报告读取")
        if info.st_size > MAX_FILE_BYTES:  # refused unread
            raise too_large(info.st_size)
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # the file may grow while it is read
    except OSError as error:
        raise refuse(f"无法读取：{describe_os_error(error)}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise too_large(len(data))
    return data


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


def parse(text: str, path: Path | str | None = None, *, exact: bool = True) -> dict[str, Any]:
    """TOML text as data (floats as Decimal, or as float where ``exact`` is off: a setting, not
    an amount); a syntax error is a :class:`LoadError` in Chinese."""
    try:
        return tomllib.loads(text, parse_float=Decimal if exact else float)
    except tomllib.TOMLDecodeError as error:
        raise LoadError(path, [_toml_syntax_problem(error)]) from None
    except ValueError:
        # tomllib lets Python's int() refuse a number of thousands of digits, without a place.
        long_number = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise LoadError(
            path, [Problem("数字位数太多（上千位），不是报告里的数", line=line)]
        ) from None


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
