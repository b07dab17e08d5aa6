"""The report file: every load error names the place; saving is atomic and byte-stable."""

from __future__ import annotations

import stat
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from govtui.errors import LoadError, SaveError
from govtui.io import atomic, toml_file
from govtui.model import Report
from strategies import reports

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def load_error(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "报告.toml")
    return caught.value


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", sorted(SAMPLE.parent.glob("*.toml")), ids=lambda p: p.name)
def test_saving_a_loaded_sample_changes_no_byte(path: Path) -> None:
    assert toml_file.dumps(toml_file.load(path)).encode() == path.read_bytes()


@given(reports())
def test_save_then_load_is_the_identity(report: Report) -> None:
    text = toml_file.dumps(report)
    again = toml_file.loads(text)
    assert again == report
    assert toml_file.dumps(again) == text


def test_fees_survive_exactly(tmp_path: Path) -> None:
    report = Report.blank("测试局", 2024)
    report.fees = Decimal("24252.311082")
    toml_file.save(report, tmp_path / "r.toml")
    assert 'fees = "24252.311082"' in (tmp_path / "r.toml").read_text(encoding="utf-8")
    assert toml_file.load(tmp_path / "r.toml").fees == Decimal("24252.311082")


def _other_spelling(report: Report) -> str:
    """The same report as a person might write it: dotted keys and inline tables, no comments."""
    q = tomli_w.dumps
    lines = ["schema = 1", 'form = "2021"']
    lines.append("report.agency = " + q({"x": report.agency})[4:].strip())
    lines.append(f"report.year = {report.year}")
    lines.append("report.title = " + q({"x": report.title})[4:].strip())
    prose: dict[str, dict[str, str]] = {}
    for key, text in report.prose.items():
        table, _, leaf = key.partition(".")
        prose.setdefault(table, {})[leaf] = text
    for table, fields in prose.items():
        lines += [
            f"{table}.{leaf} = " + q({"x": text})[4:].strip() for leaf, text in fields.items()
        ]
    for row, cells in report.proactive.items():
        for column, value in cells.items():
            key = f"proactive.{row}" if len(cells) == 1 else f"proactive.{row}.{column}"
            lines.append(f"{key} = {value}")
    lines.append(f"proactive.fees = {report.fees}")  # a bare decimal: read exactly, not as a float
    lines.append("[requests]")
    for row, cells in report.requests.items():
        inline = ", ".join(f"{c} = {v}" for c, v in cells.items())
        lines.append(f"{row} = {{ {inline} }}")
    lines.append("[appeals]")
    for row, cells in report.appeals.items():
        lines += [f"{row}.{c} = {v}" for c, v in cells.items()]
    return "\n".join(lines) + "\n"


@given(reports())
def test_any_toml_spelling_loads(report: Report) -> None:
    assert toml_file.loads(_other_spelling(report)) == report


def test_sample_in_another_spelling_loads() -> None:
    report = toml_file.load(SAMPLE)
    assert toml_file.loads(_other_spelling(report)) == report


def _leaves(data: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for key, value in data.items():
        out += _leaves(value, (*path, key)) if isinstance(value, dict) else [(*path, key)]
    return out


_ANY_VALUE = st.one_of(
    st.integers(min_value=-2, max_value=2),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), -0.0]),
    st.sampled_from([Decimal("1e999999999"), Decimal("1e-999999999"), Decimal("1e13")]),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["x", "total", "agency"]), st.integers(), max_size=2),
    st.none(),  # the key left out
)


@settings(max_examples=200)
@given(st.data())
def test_one_value_made_wrong_anywhere_is_refused_or_a_valid_report(data: st.DataObject) -> None:
    """One value anywhere in the file made wrong (unbounded numbers, inf and nan included) is
    refused with a LoadError, never an exception of another kind, or gives a report that the
    model's validator accepts again."""
    parsed = tomllib.loads(sample_text())
    path = data.draw(st.sampled_from(_leaves(parsed)))
    value = data.draw(_ANY_VALUE)
    table = parsed
    for key in path[:-1]:
        table = table[key]
    if value is None:
        del table[path[-1]]
    else:
        table[path[-1]] = value
    try:
        report = toml_file.loads(tomli_w.dumps(parsed))
    except LoadError:
        return
    assert Report.model_validate(report.model_dump()) == report


# --------------------------------------------------------------------------- load errors


def test_broken_toml_syntax_names_the_line() -> None:
    text = sample_text().replace("licensing = 1864", "licensing = = 1864")
    error = load_error(text)
    (problem,) = error.problems
    assert problem.line == line_of(text, "licensing = =")
    assert "TOML 语法错误" in problem.message
    assert error.describe().startswith(f"报告.toml:{problem.line}：")


def test_unknown_key_is_named_with_its_line() -> None:
    text = sample_text().replace("commercial     = 9  # 商业企业", "comercial = 9", 1)
    error = load_error(text)
    messages = {p.key: (p.line, p.message) for p in error.problems}
    assert messages["requests.new.comercial"] == (
        line_of(text, "comercial = 9"),
        "不认识这个键（拼写错误？）",
    )
    assert "缺少这一格" in messages["requests.new.commercial"][1]


def test_missing_row_is_named() -> None:
    text = sample_text()
    start = text.index("[requests.withheld.state_secret]")
    end = text.index("[requests.withheld.prohibited_by_law]")
    error = load_error(text[:start] + text[end:])
    (problem,) = error.problems
    assert problem.key == "requests.withheld.state_secret"
    assert "1.属于国家秘密" in problem.message


def test_negative_count_names_row_and_column_labels() -> None:
    text = sample_text().replace("natural_person = 38  # 自然人", "natural_person = -38", 1)
    (problem,) = load_error(text).problems
    assert problem.key == "requests.new.natural_person"
    assert problem.line == line_of(text, "natural_person = -38")
    assert "一、本年新收政府信息公开申请数量 / 自然人" in problem.message
    assert "负数" in problem.message


@pytest.mark.parametrize(
    ("value", "reason"),
    [("3.5", "整数"), ('"3"', "应为整数"), ("true", "应为整数"), ("3.0e2", None)],
)
def test_non_integer_counts_are_refused(value: str, reason: str | None) -> None:
    text = sample_text().replace("licensing = 1864", f"licensing = {value}")
    if reason is None:  # 3.0e2 is exactly 300: a whole number, accepted
        assert toml_file.loads(text).proactive["licensing"]["decisions"] == 300
        return
    (problem,) = load_error(text).problems
    assert problem.key == "proactive.licensing"
    assert reason in problem.message
    assert "行政许可" in problem.message


@pytest.mark.parametrize("value", ['"12,5"', '"abc"', '"-1"', '"1e3"', "-2.5"])
def test_fee_that_is_not_a_decimal_is_refused(value: str) -> None:
    text = sample_text().replace('fees = "12.8650"', f"fees = {value}")
    (problem,) = load_error(text).problems
    assert problem.key == "proactive.fees"
    assert "行政事业性收费" in problem.message


def test_fee_written_as_a_toml_number_is_read_exactly() -> None:
    text = sample_text().replace('fees = "12.8650"', "fees = 0.1")
    assert toml_file.loads(text).fees == Decimal("0.1")


def test_newer_schema_is_refused_with_advice() -> None:
    (problem,) = load_error(sample_text().replace("schema = 1", "schema = 2")).problems
    assert problem.key == "schema"
    assert "升级 govtui" in problem.message


def test_a_file_that_is_not_a_report() -> None:
    (problem,) = load_error('title = "购物清单"\n').problems
    assert "不像是 govtui 的报告文件" in problem.message


def test_wrong_form_is_refused() -> None:
    error = load_error(sample_text().replace('form = "2021"', 'form = "2019"'))
    assert any(p.key == "form" and "2021" in p.message for p in error.problems)


def test_every_problem_is_reported_at_once() -> None:
    text = (
        sample_text()
        .replace("licensing = 1864", "licensing = -1")
        .replace("penalties = 327", "penalties = 3.5")
        .replace("upheld    = 2", "uphold = 2", 1)
    )
    keys = {p.key for p in load_error(text).problems}
    assert {"proactive.licensing", "proactive.penalties", "appeals.review.uphold"} <= keys


def test_empty_agency_and_bad_year() -> None:
    text = (
        sample_text()
        .replace('agency = "云溪县市场监督管理局"', 'agency = " "')
        .replace("year = 2024", "year = 24")
    )
    keys = {p.key: p.message for p in load_error(text).problems}
    assert "不能为空" in keys["report.agency"]
    assert "不合理" in keys["report.year"]


def test_prose_that_looks_like_keys_does_not_confuse_line_numbers() -> None:
    report = toml_file.load(SAMPLE)
    report.prose["overview.lead"] = "第一行\nlicensing = 5\n第三行"
    text = toml_file.dumps(report).replace("licensing = 1864", "licensing = -1")
    (problem,) = load_error(text).problems
    assert problem.line == line_of(text, "licensing = -1")


# --------------------------------------------------------------------------- reading files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="文件不存在"):
        toml_file.load(tmp_path / "nope.toml")


def test_a_folder_is_not_a_report(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="文件夹"):
        toml_file.load(tmp_path)


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(LoadError, match="二进制"):
        toml_file.load(path)


def test_gbk_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(sample_text().encode("gbk", errors="replace"))
    with pytest.raises(LoadError, match="UTF-8") as caught:
        toml_file.load(path)
    assert caught.value.problems[0].line == 1  # the first line with a Chinese character


def test_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert toml_file.load(path) == toml_file.load(SAMPLE)


# --------------------------------------------------------------------------- saving


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.toml"
    path.write_bytes(SAMPLE.read_bytes())
    report = toml_file.load(path)
    report.agency = "改过的名称"

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(SaveError, match="磁盘已满"):
        toml_file.save(report, path)
    assert path.read_bytes() == SAMPLE.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["report.toml"]  # no temporary file left


def test_save_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_bytes(SAMPLE.read_bytes())
    path.chmod(0o640)
    toml_file.save(toml_file.load(path), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_save_without_permission_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(SaveError, match="没有写入权限"):
        toml_file.save(Report.blank("测试局", 2024), tmp_path / "r.toml")
    assert not (tmp_path / "r.toml").exists()


def test_save_onto_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="文件夹"):
        toml_file.save(Report.blank("测试局", 2024), tmp_path)
