"""Regenerate every sample export — Markdown, HTML, Word and JSON — from ``sample/*.toml``.

    .venv/bin/python tools/regen_samples.py

Run it after changing an exporter, the form or a sample; ``tests/test_sample_exports.py``
fails until the files in ``sample/`` match what the code produces. Needs the Word extra
(``pip install -e '.[docx]'``; the test extra includes it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from govtui.io import toml_file
from govtui.io.exporters import EXPORTERS

SAMPLES = Path(__file__).resolve().parent.parent / "sample"


def main() -> int:
    for source in sorted(SAMPLES.glob("*.toml")):
        report = toml_file.load(source)
        for exporter in EXPORTERS:
            target = exporter.default_path(source)
            exporter.write(report, target)
            print(f"已写出 / written: {target.relative_to(SAMPLES.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
