"""Mutated reports of every input format: a report or a message, never a traceback.

Real files of each format the readers take — govtui's TOML, Markdown, a web page, a Word file —
are damaged the way received files are (bytes changed, cut, repeated) and salted with what
attackers and broken converters write (`inf`, a thousand `[`, `<![ `, tags nested five hundred
deep, a span of two billion columns, escape sequences). The one door every command reads
through must give a report or refuse the file with a Chinese message naming it; `check` on a
folder of such files must give each its own entry, valid JSON and exit 2 at worst.

Runs under the suite's hypothesis profile (``ci``: derandomized, so a fixed seed). The
subprocess's timeout is generous: it only turns a hang into a failure, it measures nothing.
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtui.errors import LoadError
from govtui.io.reading import read_report

SAMPLES = Path(__file__).parent.parent / "sample"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS: dict[str, list[bytes]] = {
    ".toml": [(SAMPLES / "yunxi-scjg-2024.toml").read_bytes()],
    ".md": [
        (SAMPLES / "yunxi-scjg-2024.md").read_bytes(),
        (FIXTURES / "muye-gongxin-2024-seed.md").read_bytes(),
    ],
    ".html": [
        (SAMPLES / "yunxi-scjg-2024.html").read_bytes(),
        (FIXTURES / "mixed-headings.html").read_bytes(),
    ],
    ".docx": [(SAMPLES / "yunxi-scjg-2024.docx").read_bytes()],
}
# What hostile and broken files hold, spliced in anywhere.
SALT = [
    b"inf",
    b"nan",
    b"-0.0",
    b"1e999999999",
    b"9" * 5000,
    b"[" * 1000,
    b"{" * 1000,
    b"<![ ",
    b"<!--",
    b"<div>" * 500,
    b"<table><tr><td colspan=2000000000 rowspan=2000000000>1</td></tr></table>",
    b"\x00",
    b"\x1b[2J\x1b]0;x\x07",
    "\u202e\u200f\u200b".encode(),
    b"\xff\xfe",
    b"\r\n" * 50,
    "三、收到和处理政府信息公开申请情况\n".encode(),
    "（七）总计 | 1 | 2 | 3\n".encode(),
    b'"""',
    b"]]",
]


# Where a value starts: after `= ` in TOML, `>` in markup, `|` in a Markdown table.
VALUE = re.compile(rb"= |>|\| ")
VALUE_END = re.compile(rb"[\n<|]")


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` after one to three edits: a value replaced by salt, salt spliced in anywhere,
    a byte changed, a piece cut out or repeated, the end cut off."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["value", "value", "salt", "byte", "cut", "repeat", "end"]))
        if edit == "value":  # a value replaced, where the readers look hardest
            starts = [m.end() for m in VALUE.finditer(data)] or [at]
            at = draw(st.sampled_from(starts))
            end = VALUE_END.search(data, at)
            rest = data[end.start() :] if end else b""
            data = data[:at] + draw(st.sampled_from(SALT)) + rest
        elif edit == "salt":
            data = data[:at] + draw(st.sampled_from(SALT)) + data[at:]
        elif edit == "byte":
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
        elif edit == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 400)) :]
        elif edit == "repeat":
            data = data[:at] + data[at : at + 200] * draw(st.integers(2, 50)) + data[at:]
        else:  # cut off
            data = data[:at]
    return data


@st.composite
def documents(draw: st.DrawFn, suffix: str) -> bytes:
    """A damaged file of ``suffix``. A Word file is a zip: mostly its XML is damaged and the
    zip rebuilt (so the damage reaches the reader), sometimes the zip's own bytes."""
    seed = draw(st.sampled_from(SEEDS[suffix]))
    if suffix != ".docx" or draw(st.integers(0, 4)) == 0:
        return draw(mutated(seed))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = draw(word_xml(content))
            target.writestr(item, content)
    return out.getvalue()


# Word's own ways to be hostile, each valid XML: cells merged over many columns, a vertical
# merge of a value python-docx does not know.
WORD_SALT = [
    b'<w:gridSpan w:val="400"/>',
    b'<w:gridSpan w:val="0"/>',
    b'<w:vMerge w:val="bogus"/>',
    b"<w:vMerge/>",
]


@st.composite
def word_xml(draw: st.DrawFn, xml: bytes) -> bytes:
    """A Word document's XML still well formed (so the damage reaches govtui's reader): text
    replaced by salt, cell properties added; now and then damaged as bytes."""
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.sampled_from(["text", "text", "cell", "bytes"]))
        if edit == "bytes":
            return draw(mutated(xml))
        mark = b"<w:tcPr>" if edit == "cell" else b"<w:t>"
        places = [m.end() for m in re.finditer(re.escape(mark), xml)] or [0]
        at = draw(st.sampled_from(places))
        if edit == "cell":
            xml = xml[:at] + draw(st.sampled_from(WORD_SALT)) + xml[at:]
        else:
            salt = html.escape(draw(st.sampled_from(SALT)).decode("utf-8", "replace"))
            salt = "".join(c for c in salt if c >= " " or c in "\t\n")  # XML 1.0 characters
            end = xml.find(b"</w:t>", at)
            xml = xml[:at] + salt.encode() + (xml[end:] if end >= 0 else b"")
    return xml


def any_document() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(sorted(SEEDS)).flatmap(
        lambda suffix: documents(suffix).map(lambda data: (suffix, data))
    )


CHINESE = re.compile("[\u4e00-\u9fff]")


@given(any_document())
def test_the_reader_gives_a_report_or_a_message(
    tmp_path_factory: pytest.TempPathFactory, doc: tuple[str, bytes]
) -> None:
    suffix, data = doc
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"r{suffix}"
    path.write_bytes(data)
    try:
        loaded = read_report(path)
    except LoadError as error:
        assert error.problems
        message = error.describe()
        assert message.startswith(str(path)) and CHINESE.search(message), message
    else:
        assert loaded.report.agency and loaded.report.year


@settings(max_examples=4)
@given(st.lists(any_document(), min_size=4, max_size=8))
def test_check_on_a_folder_of_damaged_files_gives_each_its_entry(
    tmp_path_factory: pytest.TempPathFactory, docs: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("fuzzdir")
    names = []
    for number, (suffix, data) in enumerate(docs):
        names.append(f"{number:02}{suffix}")
        (folder / names[-1]).write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "govtui", "check", "--json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,  # a hang, not a speed: the run takes about a second
        check=False,
    )
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    entries = json.loads(result.stdout)["files"]
    assert sorted(Path(e["path"]).name for e in entries) == names
    for entry in entries:
        assert entry.get("unreadable") or "findings" in entry
    assert (result.returncode == 2) == any("unreadable" in e for e in entries)
