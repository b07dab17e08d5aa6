"""Damaged PDF, Word and Excel files: a message or a report, never a traceback.

Each example takes one of the committed import fixtures and overwrites, deletes or inserts
a few runs of bytes (the damage of a cut download or a bad USB stick), then imports it. The
readers' own limits bound the work; the profile in ``conftest.py`` fixes the examples in CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtui.errors import LoadError
from govtui.io.importers import import_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SOURCES = (
    "yunxi-2024-libreoffice.pdf",
    "yunxi-2023-borderless.pdf",
    "yunxi-2024-broken-boxed.pdf",
    "yunxi-2025-office.docx",
    "yunxi-2024-broken-form.xlsx",
)
DATA = {name: (FIXTURES / name).read_bytes() for name in SOURCES}

damage = st.lists(
    st.tuples(
        st.sampled_from(("overwrite", "delete", "insert")),
        st.floats(min_value=0, max_value=1, exclude_max=True),
        st.binary(min_size=1, max_size=40),
    ),
    min_size=1,
    max_size=8,
)


def damaged(data: bytes, changes: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for how, where, what in changes:
        at = int(where * len(out))
        if how == "overwrite":
            out[at : at + len(what)] = what
        elif how == "delete":
            del out[at : at + len(what) * 50]
        else:
            out[at:at] = what
    return bytes(out)


@settings(max_examples=60)
@given(name=st.sampled_from(SOURCES), changes=damage)
def test_a_damaged_file_gives_a_message_or_a_report(
    tmp_path_factory: pytest.TempPathFactory, name: str, changes: list[tuple[str, float, bytes]]
) -> None:
    path = tmp_path_factory.mktemp("damaged") / name
    path.write_bytes(damaged(DATA[name], changes))
    try:
        imported = import_file(path)
    except LoadError as error:
        assert error.describe().startswith(str(path))
    else:
        assert imported.report.year > 0
