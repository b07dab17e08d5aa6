"""The HTML page as a real browser draws it: headless Chromium (Debian's ``chromium``) renders
each sample, and the tables' geometry is measured from the drawn cells, not read from the
markup: where each cell starts and how many rows and columns it covers on screen.

Without Chromium these tests skip, unless ``GOVTUI_REQUIRE_BROWSER`` is set (see
``tests/browser.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.browser import chromium, headless, needs_browser

from govtui.io import html, toml_file
from official import ASSERT_TABLE, Placed

SAMPLES = sorted((Path(__file__).parent.parent / "sample").glob("*.toml"))
pytestmark = needs_browser

MEASURE = """
window.govtuiProbe = (() => {
  const tables = {};
  for (const table of document.querySelectorAll('table[data-table]')) {
    const cells = [];
    [...table.rows].forEach((tr, index) => {
      for (const cell of tr.cells) {
        const box = cell.getBoundingClientRect();
        cells.push({tr: index, rowSpan: cell.rowSpan, colSpan: cell.colSpan,
                    text: cell.textContent, left: box.left, right: box.right,
                    top: box.top, bottom: box.bottom});
      }
    });
    const wrap = table.parentElement;
    tables[table.dataset.table] = {cells, scroll: wrap.scrollWidth, client: wrap.clientWidth};
  }
  return {tables, page: document.documentElement.scrollWidth, viewport: window.innerWidth,
          resources: performance.getEntriesByType('resource').length};
})();
"""


def _edges(values: list[float]) -> list[float]:
    """Distinct positions, drawn borders within a pixel of each other counted as one."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > 1.0:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _drawn(cells: list[dict[str, Any]]) -> list[Placed]:
    """Each cell's place and spans as drawn: the grid lines are the cells' left and top edges."""
    lefts = _edges([c["left"] for c in cells])
    tops = _edges([c["top"] for c in cells])
    placed = []
    for cell in cells:
        row, col = _index(tops, cell["top"]), _index(lefts, cell["left"])
        colspan = sum(1 for x in lefts if cell["left"] - 1 <= x < cell["right"] - 1)
        rowspan = sum(1 for y in tops if cell["top"] - 1 <= y < cell["bottom"] - 1)
        assert row == cell["tr"], (
            f"{cell['text']!r} drawn in row {row}, written in row {cell['tr']}"
        )
        assert (rowspan, colspan) == (cell["rowSpan"], cell["colSpan"]), cell
        placed.append(Placed(row, col, rowspan, colspan, cell["text"]))
    return placed


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_chromium_draws_the_official_tables(path: Path, tmp_path: Path) -> None:
    report = toml_file.load(path)
    found = headless.probe(chromium(), html.render(report), MEASURE, 1100, 900, tmp_path)
    assert set(found["tables"]) == set(ASSERT_TABLE)
    for key, table in found["tables"].items():
        ASSERT_TABLE[key](_drawn(table["cells"]), report)
    assert found["resources"] == 0  # nothing fetched: the page is self-contained
    assert found["page"] <= found["viewport"]


def test_on_a_phone_wide_tables_scroll_inside_their_box(tmp_path: Path) -> None:
    """At the narrowest window Chromium allows, the page itself does not scroll sideways;
    the 三 and 四 tables do, inside their containers."""
    page = html.render(toml_file.load(SAMPLES[0]))
    found = headless.probe(chromium(), page, MEASURE, 400, 800, tmp_path)
    assert found["viewport"] <= 500
    assert found["page"] <= found["viewport"]
    for key in ("requests", "appeals"):
        table = found["tables"][key]
        assert table["scroll"] > table["client"], key


def test_printing_gives_a4_pages(tmp_path: Path) -> None:
    source = tmp_path / "report.html"
    source.write_text(html.render(toml_file.load(SAMPLES[0])), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    headless.run(chromium(), source.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert len(boxes) >= 3
    for width, height in boxes:  # A4 is 595.3 × 841.9 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2
