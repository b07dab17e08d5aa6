"""The exports in ``sample/`` are what the code produces now (regenerate them with
``python tools/regen_samples.py``). The Word file is compared part by part — the same parts in
the same order with the same content — so that a different zlib cannot fail the test."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govtui.io import toml_file
from govtui.io.exporters import EXPORTERS, Exporter

SAMPLES = sorted((Path(__file__).parent.parent / "sample").glob("*.toml"))
HINT = "sample exports are stale: run `python tools/regen_samples.py` and commit the result"


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.name)
@pytest.mark.parametrize("source", SAMPLES, ids=lambda p: p.stem)
def test_sample_export_matches_the_code(source: Path, exporter: Exporter) -> None:
    published = exporter.default_path(source)
    assert published.exists(), HINT
    produced = exporter.render(toml_file.load(source))
    if exporter.text:
        assert published.read_bytes().decode("utf-8") == produced.decode("utf-8"), HINT
    else:
        assert _parts(published.read_bytes()) == _parts(produced), HINT
