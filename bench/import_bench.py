"""How fast published reports import, against baselines measured in the same run.

Builds 1 000 reports of typical size from the sample exports and the layout fixtures
(each with its own agency name, and every non-zero count changed, so no two files are
alike; zeros stay zeros, as in real reports), writes them to a temporary folder, and times:

- ``read``: reading the bytes of the same files (the floor);
- ``tomllib``: parsing the equivalent govtui TOML files with the standard library;
- ``import``: ``govtui.io.importers.import_file`` on every report;
- ``pdf``: the same on 100 copies of a committed PDF (LibreOffice's print of a Word
  report), in seconds per report against the text layouts'.

Run: ``.venv/bin/python bench/import_bench.py [COUNT]``. It prints reports per second and
the ratio of each to ``tomllib``; the aim is that 1 000 imports take a few seconds at most.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from govtui.io import toml_file
from govtui.io.importers import cells, import_file, labels

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
# The text layouts (Markdown, text, web pages); the binary fixtures are timed apart.
SOURCES = [
    *sorted((ROOT / "sample").glob("*.md")),
    *sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".html")),
]
# A PDF as offices receive them: LibreOffice's print of a Word report (5 pages, 137 KB).
PDF = FIXTURES / "yunxi-2024-libreoffice.pdf"
PDF_COUNT = 100
# A count in a table cell; zeros stay zeros (as most cells of real reports are).
_NUMBER = re.compile(r"(?<=[|\t ])([1-9]\d{0,2})(?=\s*[|\t\n])")


def corpus(folder: Path, count: int) -> tuple[list[Path], list[Path]]:
    """``count`` published reports and their TOML equivalents, all different."""
    reports, tomls = [], []
    for index in range(count):
        source = SOURCES[index % len(SOURCES)]
        data = source.read_bytes()
        if source.suffix != ".html":  # the GBK page is kept byte for byte
            text = data.decode("utf-8").replace("局", f"第{index}局", 1)
            factor = index + 3
            text = _NUMBER.sub(lambda m, f=factor: str(int(m.group(1)) * f % 997 + 1), text)
            data = text.encode("utf-8")
        path = folder / f"r{index:04d}{source.suffix}"
        path.write_bytes(data)
        reports.append(path)
        toml = folder / f"r{index:04d}.toml"
        toml.write_text(toml_file.dumps(import_file(path).report), encoding="utf-8")
        tomls.append(toml)
    return reports, tomls


def cold_caches() -> None:
    """Forget what building the corpus taught the importer's caches: time a cold start."""
    for function in (
        labels.norm,
        labels.split_numbering,
        labels.section_of,
        labels.prose_heading,
        cells.match,
        cells.glued,
        cells._plain_line,
        cells._cells_line,
    ):
        function.cache_clear()


def timed(label: str, paths: list[Path], work: Callable[[Path], object]) -> float:
    start = time.perf_counter()
    for path in paths:
        work(path)
    seconds = time.perf_counter() - start
    print(f"{label:<10} {len(paths):>5} files  {seconds:7.3f} s  {len(paths) / seconds:9.0f} /s")
    return seconds


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        reports, tomls = corpus(Path(folder), count)
        size = sum(p.stat().st_size for p in reports) / len(reports) / 1024
        print(f"{count} published reports, {size:.1f} KB each on average ({len(SOURCES)} layouts)")
        read = timed("read", reports, Path.read_bytes)
        parse = timed("tomllib", tomls, lambda p: tomllib.loads(p.read_text(encoding="utf-8")))
        cold_caches()
        imported = timed("import", reports, import_file)
        print(
            f"import / tomllib = {imported / parse:.1f}×   import / read = {imported / read:.0f}×"
        )
        pdfs = []
        for index in range(PDF_COUNT):
            copy = Path(folder) / f"p{index:03d}.pdf"
            copy.write_bytes(PDF.read_bytes())
            pdfs.append(copy)
        import_file(pdfs[0])  # PDFium's library loaded once, as in any run
        pdf = timed("pdf", pdfs, import_file)
        text_each, pdf_each = imported / len(reports), pdf / len(pdfs)
        print(
            f"seconds per report: text layouts {text_each * 1000:.1f} ms, PDF {pdf_each * 1000:.1f} ms"
            f" ({pdf_each / text_each:.0f}× the text layouts)"
        )


if __name__ == "__main__":
    main()
