"""Make the binary import fixtures — PDFs, Word files as offices make them, an Excel sheet.

    .venv/bin/python tools/make_import_fixtures.py [--force]

Files already there are kept (PDF producers stamp the time, so every run differs in bytes);
``--force`` makes them all again.

Run once; the files are committed under ``tests/fixtures/import/`` and the tests only read
them (no PDF is made during a test run). Each comes from a sample report, whose cells the
tests expect back exactly (``tests/test_import_pdf.py`` lists which):

- ``yunxi-2024-chromium.pdf``: headless Chromium's ``--print-to-pdf`` of the sample's HTML
  export (ruled tables, the matrix over three pages with its header repeated, “— 1 —”);
- ``yunxi-2024-libreoffice.pdf``: LibreOffice's conversion of the sample's Word export;
- ``yunxi-2025-office.docx``: a Word file laid out by hand as offices do — no heading
  styles, the matrix split in two tables at a page break with its header copied above the
  second part, header cells wrapped over several paragraphs, 三、本年度办理结果 one
  character per paragraph in a cell merged down the rows, numbers in several runs and
  paragraphs (made with python-docx);
- ``yunxi-2025-office-libreoffice.pdf``: that Word file through LibreOffice;
- ``yunxi-2023-borderless.pdf``: a PDF written by hand (this script), as WPS prints a table
  without borders: labels and numbers placed by position, no ruling lines, a running
  header, “第 1 页 共 3 页” footers and a red, turned stamp over the date;
- ``yunxi-2024-broken-boxed.pdf``: a PDF written by hand whose tables draw every cell as a
  stroked rectangle (``re S``, as some office suites do) instead of separate lines; the
  matrix runs over two pages, its rows placed without a repeated header, and
  三、本年度办理结果 is written sideways down its cell (turned characters, not a stamp's);
- ``scanned.pdf``: a page holding only an image, as a scanner makes it (no text layer);
- ``yunxi-2024-broken-form.xlsx``: the three tables in one sheet as the official form lays them
  out, merged cells included (made with openpyxl).

Needs the extras ``docx`` and ``xlsx`` (the test extra has them), ``chromium`` and
``libreoffice`` (``apt-get install chromium libreoffice-writer-nogui fonts-noto-cjk``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govtui import form
from govtui.io import layout, outline, toml_file
from govtui.model import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
OUT = ROOT / "tests" / "fixtures" / "import"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--no-pdf-header-footer",
)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    force = "--force" in sys.argv[1:]
    load = toml_file.load
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        office = OUT / "yunxi-2025-office.docx"
        makers: dict[str, Callable[[Path], None]] = {
            "yunxi-2024-chromium.pdf": lambda t: chromium(SAMPLE / "yunxi-scjg-2024.html", t, work),
            "yunxi-2024-libreoffice.pdf": lambda t: libreoffice(
                SAMPLE / "yunxi-scjg-2024.docx", t, work
            ),
            office.name: lambda t: office_docx(load(SAMPLE / "yunxi-scjg-2025.toml"), t),
            "yunxi-2025-office-libreoffice.pdf": lambda t: libreoffice(office, t, work),
            "yunxi-2023-borderless.pdf": lambda t: t.write_bytes(
                borderless_pdf(load(SAMPLE / "yunxi-scjg-2023.toml"))
            ),
            "yunxi-2024-broken-boxed.pdf": lambda t: t.write_bytes(
                boxed_pdf(load(SAMPLE / "yunxi-scjg-2024-broken.toml"))
            ),
            "scanned.pdf": lambda t: t.write_bytes(scanned_pdf()),
            "yunxi-2024-broken-form.xlsx": lambda t: form_xlsx(
                load(SAMPLE / "yunxi-scjg-2024-broken.toml"), t
            ),
        }
        for name, make in makers.items():
            target = OUT / name
            if target.exists() and not force:
                print(f"kept:    {target.relative_to(ROOT)}")
                continue
            make(target)
            print(f"written: {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")
    return 0


# --------------------------------------------------------------------------- producers


def chromium(page: Path, target: Path, work: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is needed: apt-get install chromium fonts-noto-cjk")
    subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}",
         f"--print-to-pdf={target}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def libreoffice(document: Path, target: Path, work: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise SystemExit("libreoffice is needed: apt-get install libreoffice-writer-nogui")
    subprocess.run(
        [office, f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(document)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.move(work / f"{document.stem}.pdf", target)


# --------------------------------------------------------------------------- Word, by hand


def office_docx(report: Report, target: Path) -> None:
    """The report as an office types it in Word: see the module's docstring."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    title = document.add_paragraph()
    title.add_run(form.standard_title(report.agency, report.year)).bold = True
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            paragraph = document.add_paragraph()
            paragraph.add_run(part.text).bold = True  # bold, not a heading style
        elif isinstance(part, outline.Prose):
            for line in part.text.split("\n"):
                if line.strip():
                    paragraph = document.add_paragraph(line)
                    paragraph.paragraph_format.first_line_indent = Pt(24)
        else:
            grid = grids[part.section]
            if part.section == form.REQUESTS.section:
                # The matrix split in two at a page break, its header copied above part two.
                split = grid.header_rows + 11
                _word_table(document, grid, range(0, split))
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                _word_table(
                    document, grid, [*range(grid.header_rows), *range(split, len(grid.rows))]
                )
            else:
                _word_table(document, grid, range(len(grid.rows)))
    document.core_properties.author = "office"
    document.save(str(target))


def _word_table(document: Any, grid: layout.Grid, rows: Any, into: Any = None) -> None:
    """Some printed rows of ``grid`` as a Word table (group labels cut to the rows shown),
    in the document or ``into`` a cell of a layout table."""
    rows = list(rows)
    where = {printed: index for index, printed in enumerate(rows)}
    table = (into or document).add_table(rows=len(rows), cols=grid.width)
    table.style = document.styles["Table Grid"]
    cells = [row.cells for row in table.rows]
    for printed in rows:
        for cell in grid.rows[printed]:
            covered = [r for r in range(cell.row, cell.row + cell.rowspan) if r in where]
            top, bottom = where[printed], where[covered[-1]]
            target = cells[top][cell.col]
            if bottom > top or cell.colspan > 1:
                target = target.merge(cells[bottom][cell.col + cell.colspan - 1])
            _office_text(target, cell)


def _office_text(target: Any, cell: layout.Cell) -> None:
    """How offices fill a cell: a vertical label one character per paragraph, a two-line
    header broken by hand, a number typed in two runs, a number under an empty paragraph."""
    text = cell.text
    first = target.paragraphs[0]
    if cell.vertical:
        first.add_run(text[0])
        for char in text[1:]:
            target.add_paragraph(char)
    elif cell.role == "column" and len(text) in (3, 4, 6) and "第" not in text:
        half = len(text) // 2
        first.add_run(text[:half])
        target.add_paragraph(text[half:])
    elif cell.role == "value" and len(text) >= 2:
        first.add_run(text[:1])
        first.add_run(text[1:])
    elif cell.role == "value" and cell.row_key == "granted":
        target.add_paragraph(text)  # an empty paragraph above the number
    else:
        first.add_run(text)


# --------------------------------------------------------------------------- Excel


def form_xlsx(report: Report, target: Path) -> None:
    """One sheet: the title, and each table under its section heading, merged as the form."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "年报"
    sheet.append([form.standard_title(report.agency, report.year)])
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading) and part.level == 1:
            heading = part.text
        if not isinstance(part, outline.TableAt):
            continue
        sheet.append([heading])
        grid = grids[part.section]
        top = sheet.max_row + 1
        for printed in grid.rows:
            for cell in printed:
                row, column = top + cell.row, 1 + cell.col
                place = sheet.cell(row=row, column=column)
                if cell.role == "value" and cell.row_key == "fees":
                    place.value = float(cell.text)  # shown with the digits it was typed with
                    places = len(cell.text.partition(".")[2])
                    place.number_format = "0." + "0" * places if places else "0"
                elif cell.role == "value":
                    place.value = int(cell.text)
                else:
                    place.value = cell.text
                if cell.rowspan > 1 or cell.colspan > 1:
                    sheet.merge_cells(
                        start_row=row,
                        start_column=column,
                        end_row=row + cell.rowspan - 1,
                        end_column=column + cell.colspan - 1,
                    )
    book.properties.creator = "office"
    book.save(str(target))


# --------------------------------------------------------------------------- PDF, by hand

A4 = (595.0, 842.0)
MARGIN = 72.0
BODY = 12.0


class _Pdf:
    """A minimal PDF writer: pages of text in Adobe's STSong-Light (a font every PDF reader
    has, so nothing is embedded), written as UCS-2 with a ToUnicode map; optional images."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []

    def page(self) -> list[str]:
        self.pages.append([])
        return self.pages[-1]

    @staticmethod
    def text(x: float, y: float, text: str, size: float = BODY, **how: Any) -> str:
        hexed = "".join(f"{ord(c):04X}" for c in text)
        color = "1 0 0 rg " if how.get("red") else ""
        matrix = "0.866 0.5 -0.5 0.866" if how.get("turn") else "1 0 0 1"
        if how.get("down"):  # turned a quarter to the right: the text runs down the page
            matrix = "0 -1 1 0"
        return f"q BT {color}/F1 {size:g} Tf {matrix} {x:.1f} {y:.1f} Tm <{hexed}> Tj ET Q"

    def render(self, image: bool = False) -> bytes:
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        catalog = add(b"")
        pages = add(b"")
        cmap = _to_unicode()
        to_unicode = add(_stream(cmap))
        descendant = add(
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
            b"/FontDescriptor " + str(len(objects) + 2).encode() + b" 0 R /DW 1000 >>"
        )
        add(
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
            b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
            b"/CapHeight 880 /StemV 93 >>"
        )
        font = add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts ["
            + str(descendant).encode()
            + b" 0 R] /ToUnicode "
            + str(to_unicode).encode()
            + b" 0 R >>"
        )
        picture = 0
        if image:
            pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(48))
            picture = add(
                b"<< /Type /XObject /Subtype /Image /Width 48 /Height 64 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length "
                + str(len(zlib.compress(pixels))).encode()
                + b" >>\nstream\n"
                + zlib.compress(pixels)
                + b"\nendstream"
            )
        kids = []
        for content in self.pages:
            body = "\n".join(content)
            if image:
                body = f"q 451 0 0 602 72 120 cm /Im1 Do Q\n{body}"
            stream = add(_stream(body.encode("ascii"), deflate=True))
            resources = f"<< /Font << /F1 {font} 0 R >>"
            if picture:
                resources += f" /XObject << /Im1 {picture} 0 R >>"
            resources += " >>"
            kids.append(
                add(
                    f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {A4[0]:g} {A4[1]:g}] "
                    f"/Resources {resources} /Contents {stream} 0 R >>".encode("ascii")
                )
            )
        objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages} 0 R >>".encode()
        listed = " ".join(f"{k} 0 R" for k in kids)
        objects[pages - 1] = f"<< /Type /Pages /Kids [{listed}] /Count {len(kids)} >>".encode()
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            out += f"{offset:010d} 00000 n \n".encode()
        out += (
            f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R "
            f"/Info << /Producer (govtui tools/make_import_fixtures.py) >> >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _stream(data: bytes, deflate: bool = False) -> bytes:
    if deflate:
        data = zlib.compress(data)
        head = f"<< /Length {len(data)} /Filter /FlateDecode >>"
    else:
        head = f"<< /Length {len(data)} >>"
    return head.encode() + b"\nstream\n" + data + b"\nendstream"


def _to_unicode() -> bytes:
    """Each two-byte code is its own UCS-2 character."""
    ranges = "\n".join(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(256) if h < 0xD8)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{sum(1 for h in range(256) if h < 0xD8)} beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")


def borderless_pdf(report: Report) -> bytes:
    """The report as a borderless print: see the module's docstring."""
    pdf = _Pdf()
    width = int((A4[0] - 2 * MARGIN) // BODY)  # characters per line
    y = 0.0
    content: list[str] = []

    def new_page() -> None:
        nonlocal y, content
        content = pdf.page()
        content.append(pdf.text(MARGIN, A4[1] - 40, report.agency + "政府信息公开", 9))
        y = A4[1] - MARGIN

    def line(x: float, text: str, size: float = BODY) -> None:
        nonlocal y
        if y < MARGIN + size:
            new_page()
        content.append(pdf.text(x, y, text, size))
        y -= size * 1.6

    new_page()
    title = form.standard_title(report.agency, report.year)
    line(MARGIN + 20, title[:20], 16)
    line(MARGIN + 130, title[20:], 16)
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            line(MARGIN + 2 * BODY, part.text)
        elif isinstance(part, outline.Prose):
            for paragraph in part.text.split("\n"):
                text = "  " + paragraph  # two blanks: the first line's indent
                while text:
                    piece, text = text[:width], text[width:]
                    x = MARGIN + (2 * BODY if piece.startswith("  ") else 0)
                    line(x, piece.strip())
        else:
            for printed in grids[part.section].rows:
                if all(c.role != "value" for c in printed):
                    continue  # the header is left to the reader's eye here
                labels = " ".join(c.text for c in printed if c.role in ("group", "row"))
                values = [c for c in printed if c.role == "value"]
                step = (A4[0] - 2 * MARGIN - 200) / max(len(values), 1)
                if y < MARGIN + BODY:
                    new_page()
                pieces = [labels[i : i + 24] for i in range(0, len(labels), 24)] or [""]
                content.append(pdf.text(MARGIN, y, pieces[0], 8))
                for index, cell in enumerate(values):
                    content.append(pdf.text(MARGIN + 200 + index * step, y, cell.text, 8))
                for piece in pieces[1:]:  # a long label wraps under its numbers
                    y -= 10
                    content.append(pdf.text(MARGIN, y, piece, 8))
                y -= BODY * 1.4
    line(A4[0] - MARGIN - 180, f"{report.year + 1}年1月20日")
    content.append(pdf.text(A4[0] - MARGIN - 200, y + 30, report.agency, 14, red=True, turn=True))
    for number, page in enumerate(pdf.pages, 1):
        page.append(pdf.text(A4[0] / 2 - 40, 40, f"第 {number} 页 共 {len(pdf.pages)} 页", 9))
    return pdf.render()


def boxed_pdf(report: Report) -> bytes:
    """The report's tables with each cell drawn as a stroked rectangle: see the docstring."""
    pdf = _Pdf()
    size, leading = 8.0, 10.0
    content = pdf.page()
    y = A4[1] - MARGIN
    title = form.standard_title(report.agency, report.year)
    content.append(pdf.text(MARGIN, y, title, 14))
    y -= 30
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading) and part.level == 1:
            if y < MARGIN + 60:
                content, y = pdf.page(), A4[1] - MARGIN
            content.append(pdf.text(MARGIN, y, part.text, BODY))
            y -= 22
        elif isinstance(part, outline.Prose):
            continue
        elif isinstance(part, outline.TableAt):
            grid = grids[part.section]
            width = A4[0] - 2 * MARGIN
            edges = [MARGIN]
            for column in range(grid.width):
                edges.append(edges[-1] + width * grid.share(column))
            heights: list[float] = []
            for printed in grid.rows:
                tallest = 1
                for cell in printed:
                    if cell.rowspan == 1:
                        chars = max(
                            1, int((edges[cell.col + cell.colspan] - edges[cell.col] - 4) // size)
                        )
                        tallest = max(tallest, -(-len(cell.text) // chars))
                heights.append(tallest * leading + 6)
            row = 0
            while row < len(grid.rows):
                # As many rows as fit on this page; a group cell is cut at the page's end.
                last = row
                room = y - MARGIN
                while last < len(grid.rows) and sum(heights[row : last + 1]) <= room:
                    last += 1
                if last == row:
                    content, y = pdf.page(), A4[1] - MARGIN
                    continue
                tops = [y]
                for index in range(row, last):
                    tops.append(tops[-1] - heights[index])
                for index in range(row, last):
                    for cell in grid.rows[index]:
                        _boxed_cell(
                            pdf, content, cell, edges, tops, index - row, last - row, size, leading
                        )
                # Group cells that began on an earlier page go on here, cut to the rows shown.
                for earlier in range(0, row):
                    for cell in grid.rows[earlier]:
                        if earlier + cell.rowspan > row:
                            shifted = layout.Cell(
                                "", row, cell.col, earlier + cell.rowspan - row, cell.colspan
                            )
                            _boxed_cell(
                                pdf, content, shifted, edges, tops, 0, last - row, size, leading
                            )
                y = tops[-1] - 16
                row = last
                if row < len(grid.rows):
                    content, y = pdf.page(), A4[1] - MARGIN
    return pdf.render()


def _boxed_cell(
    pdf: _Pdf,
    content: list[str],
    cell: layout.Cell,
    edges: list[float],
    tops: list[float],
    index: int,
    shown: int,
    size: float,
    leading: float,
) -> None:
    bottom_row = min(index + cell.rowspan, shown)
    left, right = edges[cell.col], edges[cell.col + cell.colspan]
    top, bottom = tops[index], tops[bottom_row]
    content.append(f"0.6 w {left:.1f} {bottom:.1f} {right - left:.1f} {top - bottom:.1f} re S")
    if cell.vertical:  # 三、本年度办理结果 written sideways down its narrow cell
        content.append(pdf.text(left + 3, top - 4, cell.text, size, down=True))
        return
    chars = max(1, int((right - left - 4) // size))
    for line, start in enumerate(range(0, len(cell.text), chars)):
        piece = cell.text[start : start + chars]
        content.append(pdf.text(left + 2, top - 3 - size - line * leading, piece, size))


def scanned_pdf() -> bytes:
    pdf = _Pdf()
    pdf.page()
    return pdf.render(image=True)


if __name__ == "__main__":
    sys.exit(main())
