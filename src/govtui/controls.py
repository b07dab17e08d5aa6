"""Invisible characters that must never reach a terminal or a report: one policy, three doors.

A terminal obeys the control characters it is sent: ``ESC [ 2 J`` clears it, ``ESC ] 0 ;``
retitles it, and Textual passes them through raw from any widget that shows text. The
direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what a reader sees
without changing what is there ("Trojan source"). A government report needs neither.

The policy:

* **Text entering the model from a person** — typed or pasted into the editor, brought back
  from ``$EDITOR``, read by the importer from a published report — is :func:`clean`: line
  breaks become ``\\n``, the other controls are dropped. Tabs and line breaks stay.
* **A report file** (hand-edited TOML can spell ``"\\u001b"``) is refused by the loader, naming
  the key, the paragraph and the character (:func:`first`), like any other bad value.
* **Names that come from outside** — file and folder names, TOML keys quoted in a message —
  are shown :func:`visible`: each control as ``\\x1b`` or ``\\u202e``, never raw.

So the model never holds a control character, and every output built from it (the editor,
``check``, ``diff``, ``export -o -``, the HTML and Word files) is safe by construction.
"""

from __future__ import annotations

import re

# C0 except tab and line feed, DEL, C1; the bidi embeddings, overrides and isolates, and the
# direction marks (U+200E, U+200F, U+061C); the zero-width characters (space, non-joiner,
# joiner, word joiner and the invisible operators, the zero-width no-break space) and the tag
# characters (U+E0000–U+E007F), which hide text or change what a reader sees.
_CONTROL_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f"
)
_CONTROL = re.compile(f"[{_CONTROL_CLASS}\u2028\u2029]")
_ANY_CONTROL = re.compile(f"[{_CONTROL_CLASS}\u2028\u2029\t\n]")
_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")

_NAMES = {
    0x1B: "ESC",
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x0B: "VT",
    0x0C: "FF",
    0x0D: "CR",
    0x7F: "DEL",
    0x202E: "从右到左强制",
    0x202D: "从左到右强制",
    0x202A: "从左到右嵌入",
    0x202B: "从右到左嵌入",
    0x202C: "方向格式结束",
    0x2066: "从左到右隔离",
    0x2067: "从右到左隔离",
    0x2068: "首字方向隔离",
    0x2069: "方向隔离结束",
    0x2028: "行分隔符",
    0x2029: "段分隔符",
    0x200E: "从左到右标记",
    0x200F: "从右到左标记",
    0x061C: "阿拉伯文字母标记",
    0x200B: "零宽空格",
    0x200C: "零宽不连字",
    0x200D: "零宽连字",
    0x2060: "零宽不换行",
    0xFEFF: "零宽不换行空格",
}


def clean(text: str) -> str:
    """``text`` without control characters: CR LF, CR and the Unicode line and paragraph
    separators become ``\\n``; tabs and line feeds stay; the rest is dropped."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def first(text: str) -> tuple[int, str] | None:
    """The position and the character of the first control character in ``text``."""
    match = _CONTROL.search(text)
    return (match.start(), match.group()) if match else None


def describe(char: str) -> str:
    """How a message names a control character: its code point and, if it has one, its name."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X}（{name}）" if name else f"U+{code:04X}"


_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` safe to show on a terminal: every control character spelled out (``\\x1b``).

    With ``lines``, tabs and line feeds are kept (a message of several lines); without, they
    are spelled out too (a file name holds no line break that a reader should believe).
    """
    pattern = _CONTROL if lines else _ANY_CONTROL
    if not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a tag character: JSON spells it as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every invisible character
    written as a ``\\u`` escape: the same data, but nothing a terminal would obey when the JSON
    is printed on one. (JSON itself escapes only C0; C1's CSI, U+009B, is an escape too.)"""
    return _CONTROL.sub(_json_escape, text) if _CONTROL.search(text) else text
