"""Hostile report files never crash the loader: a report or a clear LoadError, nothing else."""

from __future__ import annotations

from pathlib import Path

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from govtui import form
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.model import Report

SAMPLE = (Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml").read_text(
    encoding="utf-8"
)

# Keys that exist in real files, so that junk reaches deep into the walk, plus some that don't.
KEYS = sorted(
    {"schema", "form", "report", "agency", "year", "title", "preface", "fees", "x", "总计"}
    | {part for f in form.PROSE_FIELDS for part in f.key.split(".")}
    | {t.key for t in form.TABLES}
    | {part for t in form.TABLES for r in t.rows for part in r.key.split(".")}
    | {c.key for t in form.TABLES for c in t.columns}
)
scalars = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
junk = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)


def outcome(text: str) -> Report | LoadError:
    try:
        return toml_file.loads(text, "x.toml")
    except LoadError as error:
        assert error.problems and all(p.message for p in error.problems)
        return error


@given(st.binary(max_size=600))
def test_random_bytes(data: bytes) -> None:
    try:
        text = toml_file.decode(data, "x.toml")
    except LoadError:
        return
    outcome(text)


@given(st.dictionaries(st.sampled_from(KEYS), junk, max_size=8), st.booleans())
def test_structured_junk(data: dict[str, object], with_header: bool) -> None:
    if with_header:
        data = {"schema": 1, "form": "2021", **data}
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):  # tomli-w cannot spell some values (NaN is fine, mixed arrays?)
        return
    outcome(text)


@given(st.integers(0, len(SAMPLE)))
def test_truncated_files(position: int) -> None:
    result = outcome(SAMPLE[:position])
    if position < len(SAMPLE) - 200:
        assert isinstance(result, LoadError)


@given(
    st.integers(0, len(SAMPLE) - 1),
    st.sampled_from(['"', "[", "]", "=", "\n", "-", "x", "\x00", "{", "\\"]),
)
def test_one_character_changed(position: int, char: str) -> None:
    outcome(SAMPLE[:position] + char + SAMPLE[position + 1 :])


def test_huge_prose_loads() -> None:
    """1 MB of prose in one field is a long report, not an attack: it loads and saves."""
    report = toml_file.loads(SAMPLE)
    report.prose["overview.lead"] = ("很长的一段文字。" * 20 + "\n") * 6000
    assert toml_file.loads(toml_file.dumps(report)) == report


def test_dates_and_arrays_where_counts_belong() -> None:
    text = SAMPLE.replace("licensing = 1864", "licensing = 2024-01-01").replace(
        "penalties = 327", "penalties = [1, 2]"
    )
    error = outcome(text)
    assert isinstance(error, LoadError)
    assert {p.key for p in error.problems} == {"proactive.licensing", "proactive.penalties"}
