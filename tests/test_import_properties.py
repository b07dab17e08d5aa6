"""Property tests: govtui's own Markdown reads back exactly; any input yields a report or a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtui import form
from govtui.errors import LoadError
from govtui.io import markdown
from govtui.io.importers import Imported, import_file, import_report
from govtui.model import Report
from govtui.rules import check
from strategies import reports, small_counts

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = [*sorted((FIXTURES / "import").iterdir()), FIXTURES / "muye-gongxin-2024-seed.md"]


@given(reports())
def test_markdown_export_imports_to_the_same_report(report: Report) -> None:
    imported = import_report(markdown.render(report))
    assert imported.report == report
    assert imported.notes == ()
    # The export prints every total as computed: none of them is a finding.
    assert not [
        f for f in check(imported.report, printed=imported.printed) if f.rule == "stated_total"
    ]


def _survives(source: str | bytes, suffix: str, tmp_path: Path) -> None:
    """Importing never raises anything but a LoadError, and what it returns is valid."""
    path = tmp_path / f"input{suffix}"
    path.write_bytes(source if isinstance(source, bytes) else source.encode("utf-8"))
    try:
        imported = import_file(path)
    except LoadError as error:
        assert error.problems and error.describe()
        return
    assert isinstance(imported, Imported)
    Report.model_validate(imported.report.model_dump())
    check(imported.report, printed=imported.printed)


_SUFFIXES = st.sampled_from([".md", ".txt", ".html", ".docx"])
_FUZZ = settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_FUZZ
@given(st.binary(max_size=2000), _SUFFIXES)
def test_random_bytes_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    _survives(data, suffix, tmp_path)


_TOKENS = st.sampled_from(
    [
        "三、收到和处理政府信息公开申请情况", "一、总体情况", "四、政府信息公开行政复议、行政诉讼情况",
        "二、主动公开政府信息情况", "（七）总计", "3.其他", "（六）其他处理", "规章", "|", "||", "\t", "\n",
        " ", "0", "12", "123012018", "/", "—", "一、本年新收政府信息公开申请数量", "# ", "## ", "<td>",
        "<tr>", "</table>", "<table>", "rowspan=99", "2024年", "。", "（", "）", "<br>", "&#32;", "\\",
        "第二十条第（一）项", "22（其中 3 件）", "- 4 -", "<!-- govtui agency: 局 | year: 2024 -->",
    ]
)  # fmt: skip


@_FUZZ
@given(
    st.lists(_TOKENS | st.text(max_size=8), max_size=80).map("".join),
    _SUFFIXES.filter(lambda s: s != ".docx"),
)
def test_random_junk_made_of_report_words_never_crashes(
    tmp_path: Path, text: str, suffix: str
) -> None:
    _survives(text, suffix, tmp_path)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_truncations_of_every_fixture_never_crash(tmp_path: Path, source: Path) -> None:
    data = source.read_bytes()
    step = max(1, len(data) // 40)  # forty cuts a file, evenly spread, plus both ends
    for cut in [*range(0, len(data), step), len(data) - 1]:
        _survives(data[:cut], source.suffix, tmp_path)


# --------------------------------------------------------------------------- text that lost its shape
#
# Any report, rendered into each text shape that published reports come in (notes/real-layouts.md),
# imports back to the same numbers — or a note names the row whose reading is in doubt. The shapes
# are made from govtui's own Markdown export: its headings and tables, the prose replaced by fixed
# sentences (a shape that lost its line breaks cannot tell prose quoting a heading from the
# heading; the property is about the numbers). Section 二's prose states the 规范性文件 numbers,
# as real reports do.

_PROSE = {
    "overview.lead": "本机关扎实推进政府信息公开工作。",
    "overview.proactive": "本年制发行政规范性文件{issued}件，废止{repealed}件，现行有效{in_force}件。",
    "overview.on_request": "依法办理政府信息公开申请。",
    "overview.management": "完善公开审核流程。",
    "overview.platforms": "以门户网站为第一平台。",
    "overview.oversight": "开展自查。",
    "closing.problems": "公开内容不够全面。",
    "closing.improvements": "扩大公开范围。",
    "closing.other_matters": "本年度未收取信息处理费。",
}


def _with_plain_prose(report: Report) -> Report:
    report = report.model_copy(deep=True)
    stated = report.proactive["normative_documents"]
    for key in report.prose:
        report.prose[key] = _PROSE.get(key, "").format(**stated)
    report.title = ""
    return report


def _lines(report: Report) -> list[list[str]]:
    """The export's lines as cells: a table row its cells, any other line one cell."""
    out: list[list[str]] = []
    for raw in markdown.render(report).splitlines():
        line = raw.lstrip("#").strip()
        if not line or line.startswith("<!--") or set(line) <= set("|-: "):
            continue
        if line.startswith("|"):
            out.append([c.strip() for c in line.strip("|").split("|")])
        else:
            out.append([line])
    return out


def _is_number(cell: str) -> bool:
    return cell.replace(".", "", 1).isdigit()


def spaced(report: Report, draw: st.DrawFn) -> str:
    """PDF text: a row's label and numbers separated by blanks, one row per line."""
    return "\n".join(" ".join(c for c in cells if c) for cells in _lines(report))


def one_line(report: Report, draw: st.DrawFn) -> str:
    """A crawler's text: the whole body on one line, cells separated by blanks."""
    return " ".join(" ".join(c for c in cells if c) for cells in _lines(report))


def one_line_glued(report: Report, draw: st.DrawFn) -> str:
    """A copy that lost every break: the whole body on one line, no blank anywhere."""
    return "".join("".join(cells) for cells in _lines(report))


def glued_cells(report: Report, draw: st.DrawFn) -> str:
    """Rows whose numbers partly ran together (``20 0 0 0 02``, ``5800000 58``)."""
    out = []
    for cells in _lines(report):
        filled = [c for c in cells if c]
        text = filled[0] if filled else ""
        for cell in filled[1:]:
            glue = _is_number(cell) and draw(st.booleans())
            text += cell if glue else " " + cell
        out.append(text)
    return "\n".join(out)


def detached(report: Report, draw: st.DrawFn) -> str:
    """A converter's output: each table's labels in one block, then its numbers, ten a line."""
    out: list[str] = []
    labels: list[str] = []
    numbers: list[str] = []

    def flush() -> None:
        out.extend(labels)
        out.extend(" ".join(numbers[i : i + 10]) for i in range(0, len(numbers), 10))
        labels.clear()
        numbers.clear()

    for cells in _lines(report):
        values = [c for c in cells[1:] if c]
        if values and all(_is_number(c) for c in values):
            labels.append(cells[0])
            numbers.extend(values)
        else:
            flush()
            out.append(" ".join(c for c in cells if c))
    flush()
    return "\n".join(out)


SHAPES = [spaced, one_line, one_line_glued, glued_cells, detached]
_DOUBT = ("请核对", "按 0 读入", "无法")


def _misread(imported: Imported, report: Report) -> list[str]:
    """The cells read wrong without a note naming their row as in doubt."""
    doubtful = [n for n in imported.notes if any(word in n for word in _DOUBT)]
    wrong = []
    for table in form.TABLES:
        got, want = imported.report.grid(table.key), report.grid(table.key)
        for row in table.input_rows:
            if row.kind == "decimal":
                continue  # the fee, compared below
            names = (row.full_label, row.label)
            for column, value in want[row.key].items():
                if got[row.key][column] == value:
                    continue
                if not any(name in note for note in doubtful for name in names):
                    wrong.append(f"{row.full_label}/{column}: {got[row.key][column]} ≠ {value}")
    if imported.report.fees != report.fees:
        wrong.append(f"fees: {imported.report.fees} ≠ {report.fees}")
    return wrong


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(reports(value=small_counts), st.sampled_from(SHAPES), st.data())
def test_every_text_shape_reads_back_the_numbers_or_says_which_row_is_in_doubt(
    report: Report, shape: object, data: st.DataObject
) -> None:
    report = _with_plain_prose(report)
    assert callable(shape)
    text = shape(report, data.draw)
    imported = import_report(text, suffix=".txt")
    assert _misread(imported, report) == [], (shape, imported.notes)
    # The totals printed are the sums: when every cell was read right, a stated_total
    # finding would blame the report for a misread total.
    if all(imported.report.grid(t.key) == report.grid(t.key) for t in form.TABLES):
        findings = check(imported.report, printed=imported.printed)
        assert [f for f in findings if f.rule == "stated_total"] == [], (shape, imported.notes)
