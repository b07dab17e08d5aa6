"""Property tests: govtui's own Markdown reads back exactly; any input yields a report or a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govtui.errors import LoadError
from govtui.io import markdown
from govtui.io.importers import Imported, import_file, import_report
from govtui.model import Report
from govtui.rules import check
from strategies import reports

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
