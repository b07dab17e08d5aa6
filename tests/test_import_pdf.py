"""PDF reports: the committed PDFs of three producers read back cell for cell; page furniture,
repeated headers and stamps left out and listed; scans and hostile PDFs refused with a message.

The fixtures are made once by ``tools/make_import_fixtures.py`` (never during the tests):
Chromium's print of a sample's HTML export, LibreOffice's conversion of its Word export and
of a Word file laid out as offices do, and two PDFs written by hand: one without table
borders, one drawing each cell as a stroked rectangle.
The hostile PDFs below are a few hundred bytes, written here.
"""

from __future__ import annotations

import base64
import sys
import zlib
from pathlib import Path

import pytest

from govtui.cli import main
from govtui.errors import LoadError
from govtui.io import toml_file
from govtui.io.importers import import_file, pdf
from govtui.io.reading import read_report
from govtui.model import Report
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.import_prompt import ImportScreen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SAMPLES = ROOT / "sample"

# Each committed PDF and the sample report it was made from.
PDFS = {
    "yunxi-2024-chromium.pdf": "yunxi-scjg-2024.toml",
    "yunxi-2024-libreoffice.pdf": "yunxi-scjg-2024.toml",
    "yunxi-2025-office-libreoffice.pdf": "yunxi-scjg-2025.toml",
    "yunxi-2023-borderless.pdf": "yunxi-scjg-2023.toml",
    "yunxi-2024-broken-boxed.pdf": "yunxi-scjg-2024-broken.toml",  # cells as stroked boxes
}


def cells(report: Report) -> dict[str, object]:
    """Every number a report holds, by table."""
    return {
        "proactive": report.proactive,
        "fees": report.fees,
        "requests": report.requests,
        "appeals": report.appeals,
        "agency": report.agency,
        "year": report.year,
    }


@pytest.mark.parametrize("name", sorted(PDFS))
def test_each_committed_pdf_reads_back_cell_for_cell(name: str) -> None:
    imported = import_file(FIXTURES / name)
    expected = toml_file.load(SAMPLES / PDFS[name])
    assert cells(imported.report) == cells(expected)
    # No cell was guessed: nothing read as 0 for want of a row, no stray or extra numbers.
    assert not [n for n in imported.notes if "按 0 读入" in n or "未读入" in n]


@pytest.mark.parametrize(
    "name", ["yunxi-2024-chromium.pdf", "yunxi-2024-libreoffice.pdf", "yunxi-2023-borderless.pdf"]
)
def test_the_exports_printed_to_pdf_keep_their_prose(name: str) -> None:
    """Paragraphs come back whole though the PDF wrapped them over lines and pages; a closing
    sentence with a heading's words (无其他需要报告的事项。) stays prose."""
    imported = import_file(FIXTURES / name)
    assert imported.report.prose == toml_file.load(SAMPLES / PDFS[name]).prose


def test_page_numbers_and_repeated_table_headers_are_left_out_and_listed() -> None:
    notes = import_file(FIXTURES / "yunxi-2024-chromium.pdf").notes
    assert "略去了页码、页眉和页脚：「—1—」、「—2—」、「—3—」、「—4—」、「—5—」、「—6—」" in notes
    assert "表格跨页：略去了第 4、5 页上重复的表头" in notes


def test_a_row_broken_by_the_page_is_put_back_together() -> None:
    """LibreOffice breaks the row 4.无正当理由大量反复申请 over two pages in the office file."""
    lines = pdf.read((FIXTURES / "yunxi-2025-office-libreoffice.pdf").read_bytes()).lines
    labels = [cell for line in lines if line.cells for cell in line.cells]
    assert "4.无正当理由大量反复申请" in labels
    assert "正当理由大量反复申请" not in labels


def test_borderless_pdf_running_header_footer_and_stamp_are_listed() -> None:
    imported = import_file(FIXTURES / "yunxi-2023-borderless.pdf")
    notes = "\n".join(imported.notes)
    assert "「云溪县市场监督管理局政府信息公开」" in notes  # the running header
    assert "「第 1 页 共 3 页」" in notes
    assert "略去了印章等旋转或红色的文字：第 3 页：云溪县市场监督管理局" in notes
    expected = toml_file.load(SAMPLES / "yunxi-scjg-2023.toml")
    for key in ("overview.lead", "overview.on_request", "closing.problems"):
        assert imported.report.prose[key] == expected.prose[key]


def test_a_scan_without_text_says_so_and_what_to_do() -> None:
    with pytest.raises(LoadError) as error:
        import_file(FIXTURES / "scanned.pdf")
    message = error.value.describe()
    assert "没有文字层（是扫描件或图片）" in message
    assert "OCR" in message and "Word（.docx）" in message


def test_check_and_import_read_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    source = folder / "云溪.pdf"
    source.write_bytes((FIXTURES / "yunxi-2024-libreoffice.pdf").read_bytes())
    (folder / "扫描件.pdf").write_bytes((FIXTURES / "scanned.pdf").read_bytes())
    assert main(["check", str(folder)]) == 2  # the scan cannot be read
    out = capsys.readouterr()
    assert "云溪.pdf  ✓ 没有错误" in out.out
    assert "扫描件" in out.out + out.err and "没有文字层" in out.out + out.err
    target = tmp_path / "云溪.toml"
    assert main(["import", str(source), "-o", str(target)]) == 0
    assert cells(toml_file.load(target)) == cells(toml_file.load(SAMPLES / "yunxi-scjg-2024.toml"))


async def test_the_editor_offers_to_import_a_pdf(tmp_path: Path) -> None:

    source = tmp_path / "年报.pdf"
    source.write_bytes((FIXTURES / "yunxi-2024-chromium.pdf").read_bytes())
    target = source.with_suffix(".toml")
    app = GovtuiApp(None, path=target, prompt=ImportScreen(read_report(source), target))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert cells(toml_file.load(target)) == cells(toml_file.load(SAMPLES / "yunxi-scjg-2024.toml"))


def test_without_pypdfium2_it_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(LoadError) as error:
        import_file(FIXTURES / "yunxi-2024-chromium.pdf")
    assert "pip install 'govtui[pdf]'" in error.value.describe()


# --------------------------------------------------------------------------- hostile PDFs


def tiny_pdf(content: bytes, box: str = "0 0 595 842", pages: int = 1) -> bytes:
    """A minimal PDF: ``pages`` pages sharing one deflated content stream."""
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + i} 0 R".encode() for i in range(pages))
        + f"] /Count {pages} >>".encode(),
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
    ]
    for _ in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents 3 0 R >>".encode()
        )
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def refusal(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "坏的.pdf"
    path.write_bytes(data)
    with pytest.raises(LoadError) as error:
        import_file(path)
    return error.value.describe()


def test_a_deflate_bomb_is_refused_before_pdfium_inflates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_INFLATED", 1024 * 1024)
    message = refusal(tmp_path, tiny_pdf(b" " * (3 * 1024 * 1024)))
    assert "压缩数据解压后超过 1 MB（第 1 个数据流）" in message


def test_too_many_pages_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    assert "PDF 有 4 页，超过 3 页的上限" in refusal(tmp_path, tiny_pdf(b"", pages=4))


def test_a_huge_page_is_refused(tmp_path: Path) -> None:
    message = refusal(tmp_path, tiny_pdf(b"", box="0 0 14400 14400"))
    assert "PDF 第 1 页的页面太大（5080×5080 毫米" in message


def test_a_page_of_too_many_drawings_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_PATHS_PER_PAGE", 50)
    lines = b"".join(f"{i} 0 m {i} 100 l S\n".encode() for i in range(60))
    assert "PDF 第 1 页的图形超过 50 个" in refusal(tmp_path, tiny_pdf(lines))


def test_a_file_that_is_no_pdf_is_refused(tmp_path: Path) -> None:
    assert "不是有效的 PDF 文件" in refusal(tmp_path, b"<html>not a pdf</html>")
    assert "PDF 文件已损坏" in refusal(tmp_path, b"%PDF-1.7\n" + b"\x00garbage" * 20)


def test_a_page_that_cannot_be_loaded_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """The page tree counts two pages and holds one: PDFium fails on the second."""
    damaged = tiny_pdf(b"").replace(b"/Count 1", b"/Count 2")
    assert "PDF 文件已损坏，无法读取（Failed to load page.）" in refusal(tmp_path, damaged)


def test_a_page_of_too_many_ruling_lines_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_RULES_PER_PAGE", 40)
    lines = b"".join(f"0 {10 + i * 5} 500 0.5 re f\n".encode() for i in range(50))
    assert "PDF 第 1 页的表格线超过 40 条" in refusal(tmp_path, tiny_pdf(lines))


def test_a_table_of_too_many_cells_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_GRID", 100)
    grid = b"".join(f"{50 + i * 10} 50 0.5 300 re f\n".encode() for i in range(20))
    grid += b"".join(f"50 {50 + i * 10} 200 0.5 re f\n".encode() for i in range(20))
    assert "PDF 第 1 页的表格有 19 行 19 列，超过 100 格的上限" in refusal(tmp_path, tiny_pdf(grid))


def test_a_deflate_bomb_behind_a_text_encoding_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setattr(pdf, "MAX_INFLATED", 1024 * 1024)
    bomb = zlib.compress(b" " * (3 * 1024 * 1024))
    data = tiny_pdf(b"").replace(b"/Filter /FlateDecode", b"/Filter [/A85 /FlateDecode]")
    start = data.index(b"stream\n") + len(b"stream\n")
    end = data.index(b"\nendstream")
    data = data[:start] + base64.a85encode(bomb) + b"~>" + data[end:]
    assert "压缩数据解压后超过 1 MB（第 1 个数据流）" in refusal(tmp_path, data)


def test_lzw_outside_images_is_refused(tmp_path: Path) -> None:
    data = tiny_pdf(b"").replace(b"/Filter /FlateDecode", b"/Filter /LZWDecode")
    assert "PDF 用了旧式的 LZW 压缩，无法安全读取" in refusal(tmp_path, data)


def test_text_turned_sideways_in_a_table_cell_is_the_cells_not_a_stamp() -> None:
    name = "yunxi-2024-broken-boxed.pdf"
    lines = pdf.read((FIXTURES / name).read_bytes()).lines
    assert any(line.cells and line.cells[0] == "三、本年度办理结果" for line in lines)
    assert not [n for n in import_file(FIXTURES / name).notes if "印章" in n]


def test_text_that_maps_to_no_chinese_is_said_to_be_unreadable_not_a_scan(tmp_path: Path) -> None:
    """A font without a map back to characters: text is there, but not as Chinese."""
    words = b"BT /F1 10 Tf 50 700 Td (" + b"Xq7 " * 80 + b") Tj ET"
    data = tiny_pdf(words).replace(
        b"/MediaBox [0 0 595 842]",
        b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font "
        b"/Subtype /Type1 /BaseFont /Helvetica >> >> >>",
    )
    message = refusal(tmp_path, data)
    assert "文字无法还原成汉字" in message and "OCR" in message
