"""Word files as offices make them, Excel sheets, old Office formats, and what an importer may
spend on one file (issue 12, point 5).

The Word and Excel fixtures are made once by ``tools/make_import_fixtures.py``; the hostile
files here are made in the test, each a few KB at most.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from tools.make_import_fixtures import _word_table

from govtui import form
from govtui.cli import main
from govtui.errors import LoadError
from govtui.io import layout, outline, toml_file
from govtui.io.importers import docx as docx_reader
from govtui.io.importers import import_file, limits
from govtui.model import Report

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SAMPLES = ROOT / "sample"


def cells(report: Report) -> dict[str, object]:
    return {
        "proactive": report.proactive,
        "fees": report.fees,
        "requests": report.requests,
        "appeals": report.appeals,
        "agency": report.agency,
        "year": report.year,
    }


def refused(path: Path) -> str:
    with pytest.raises(LoadError) as error:
        import_file(path)
    return error.value.describe()


# --------------------------------------------------------------------------- Word as offices make it


def test_an_office_word_file_reads_back_cell_for_cell() -> None:
    """The matrix split in two tables at a page break, its header copied above the second
    part; header cells over two paragraphs; 三、本年度办理结果 one character per paragraph in a
    cell merged down its rows; numbers typed in two runs or under an empty paragraph."""
    imported = import_file(FIXTURES / "yunxi-2025-office.docx")
    expected = toml_file.load(SAMPLES / "yunxi-scjg-2025.toml")
    assert cells(imported.report) == cells(expected)
    assert imported.notes == ()
    assert imported.report.prose == expected.prose


def test_the_second_part_of_a_split_table_is_read_without_its_copied_header() -> None:
    lines, _ = docx_reader.read((FIXTURES / "yunxi-2025-office.docx").read_bytes())
    headers = [line for line in lines if line.cells and "申请人情况" in line.cells]
    assert len(headers) == 1  # the copy above the second part is gone
    labels = {cell for line in lines if line.cells for cell in line.cells}
    assert "三、本年度办理结果" in labels  # one character per paragraph, read as one word
    assert "自然人" in labels  # 自然 / 人 over two paragraphs


@pytest.mark.parametrize(("suffix", "save_as"), [(".doc", ".docx"), (".xls", ".xlsx")])
def test_old_office_files_are_refused_with_how_to_convert(
    tmp_path: Path, suffix: str, save_as: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"年报{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    message = refused(path)
    assert "旧版" in message and f"保存为 {save_as} 格式后再导入" in message
    assert main(["check", str(path)]) == 2
    assert f"保存为 {save_as} 格式" in capsys.readouterr().out


def test_an_old_word_file_renamed_to_docx_is_refused_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "年报.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "另存为”，保存为 .docx 格式" in refused(path)


# --------------------------------------------------------------------------- Excel


def test_the_form_as_an_excel_sheet_reads_back_cell_for_cell() -> None:
    imported = import_file(FIXTURES / "yunxi-2024-broken-form.xlsx")
    expected = toml_file.load(SAMPLES / "yunxi-scjg-2024-broken.toml")
    assert cells(imported.report) == cells(expected)
    assert str(imported.report.fees) == "12.8650"  # the decimals the sheet's format shows
    assert not [n for n in imported.notes if "按 0 读入" in n or "未读入" in n]


def test_check_finds_the_errors_of_a_report_sent_as_a_sheet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(FIXTURES / "yunxi-2024-broken-form.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "「自然人」列不平衡" in out and "「法律服务机构」列不平衡" in out


# --------------------------------------------------------------------------- resources (issue 12.5)


def zip_with(entries: dict[str, bytes], big: tuple[str, int] | None = None) -> bytes:
    """A zip archive; ``big`` adds an entry of that many zero bytes, deflated (a bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if big is not None:
            with archive.open(big[0], "w", force_zip64=True) as stream:
                chunk = b"\x00" * (1 << 20)
                for _ in range(big[1] >> 20):
                    stream.write(chunk)
    return buffer.getvalue()


def sample_parts(name: str) -> dict[str, bytes]:
    with zipfile.ZipFile(SAMPLES / name) as archive:
        return {entry: archive.read(entry) for entry in archive.namelist()}


def test_a_zip_bomb_docx_is_refused_before_python_docx_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PART", 4 << 20)
    path = tmp_path / "炸弹.docx"
    path.write_bytes(zip_with(sample_parts("yunxi-scjg-2024.docx"), ("word/media/x.bin", 8 << 20)))
    assert path.stat().st_size < 64 * 1024
    assert "「word/media/x.bin」解压后有 8 MB，超过 4 MB 的上限（可能是压缩炸弹）" in refused(path)


def test_all_parts_together_are_capped_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNZIPPED", 2 << 20)
    parts = sample_parts("yunxi-scjg-2024.docx")
    path = tmp_path / "大.docx"
    path.write_bytes(zip_with(parts, ("word/media/y.bin", 3 << 20)))
    assert "Word 文件解压后有 3 MB，超过 2 MB 的上限" in refused(path)


def test_a_zip_bomb_xlsx_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PART", 4 << 20)
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(FIXTURES / "yunxi-2024-broken-form.xlsx") as archive:
        parts = {entry: archive.read(entry) for entry in archive.namelist()}
    path.write_bytes(zip_with(parts, ("xl/worksheets/sheet9.xml", 8 << 20)))
    assert "解压后有 8 MB" in refused(path)


def _docx_with(tmp_path: Path, change: tuple[bytes, bytes]) -> Path:
    parts = sample_parts("yunxi-scjg-2024.docx")
    document = parts["word/document.xml"]
    assert change[0] in document
    parts["word/document.xml"] = document.replace(change[0], change[1], 1)
    path = tmp_path / "坏表格.docx"
    path.write_bytes(zip_with(parts))
    return path


def test_a_grid_span_of_two_thousand_million_is_refused_at_once(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, (b'<w:gridSpan w:val="4"/>', b'<w:gridSpan w:val="2000000000"/>'))
    assert "横向合并的列数为 2000000000，超过 64 的上限" in refused(path)


def test_a_malformed_vertical_merge_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    # The first cell of the first table continues a merge from a row that is not there.
    path = _docx_with(tmp_path, (b"<w:tcPr>", b"<w:tcPr><w:vMerge/>"))
    assert "表格结构有误（合并单元格不完整）" in refused(path)


def test_a_merged_range_of_a_whole_sheet_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "yunxi-2024-broken-form.xlsx") as archive:
        parts = {entry: archive.read(entry) for entry in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"<mergeCell ", b'<mergeCell ref="A1:XFD1048576"/><mergeCell ', 1
    )
    path = tmp_path / "合并.xlsx"
    path.write_bytes(zip_with(parts))
    assert "合并的范围为 A1:XFD1048576，超过 64 的上限" in refused(path)


def test_a_page_nested_deeper_than_any_report_is_refused_naming_the_line(tmp_path: Path) -> None:
    page = (SAMPLES / "yunxi-scjg-2024.html").read_text(encoding="utf-8")
    body = page.index(">", page.index("<body")) + 1
    deep = page[:body] + "\n" + "<div>" * 450 + page[body:]
    path = tmp_path / "深.html"
    path.write_text(deep, encoding="utf-8")
    message = refused(path)
    assert "网页的元素嵌套超过 400 层" in message
    assert f"{path}:{page[:body].count(chr(10)) + 2}：" in message


def test_a_page_nested_as_deep_as_real_ones_still_reads(tmp_path: Path) -> None:
    page = (SAMPLES / "yunxi-scjg-2024.html").read_text(encoding="utf-8")
    body = page.index(">", page.index("<body")) + 1
    path = tmp_path / "布局.html"
    path.write_text(page[:body] + "<div>" * 60 + page[body:], encoding="utf-8")
    assert import_file(path).report == toml_file.load(SAMPLES / "yunxi-scjg-2024.toml")


def test_a_damaged_sheet_inside_the_workbook_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "yunxi-2024-broken-form.xlsx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("xl/worksheets/sheet1.xml")
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    for offset in range(start + 10, start + 20):  # the deflated data, not the headers
        data[offset] ^= 0xFF
    path = tmp_path / "坏的.xlsx"
    path.write_bytes(bytes(data))
    assert "Excel 文件已损坏，无法读取" in refused(path)


def test_a_page_whose_tables_would_cover_millions_of_cells_is_refused(tmp_path: Path) -> None:
    rows = '<tr><td colspan="64" rowspan="64">1</td></tr>' * 40
    path = tmp_path / "大表.html"
    path.write_text(
        f"<html><body><p>三、收到和处理政府信息公开申请情况</p><table>{rows}</table>", "utf-8"
    )
    message = refused(path)
    assert f"{path}：" in message and "个单元格，超过 100000 个的上限" in message


def test_a_zip_of_an_unknown_version_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    data = bytearray((SAMPLES / "yunxi-scjg-2024.docx").read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6] = 86  # "version needed to extract: 8.6", which zipfile does not know
    path = tmp_path / "新版.docx"
    path.write_bytes(bytes(data))
    assert "不是有效的 Word（.docx）文件：zip file version 8.6" in refused(path)


def test_a_workbook_with_one_sheet_per_table_named_after_its_section(tmp_path: Path) -> None:
    report = toml_file.load(SAMPLES / "yunxi-scjg-2025.toml")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for numeral, grid in layout.grids(report).items():
        sheet = book.create_sheet(form.section_of(numeral).heading[:31])  # Excel's limit
        if numeral == "二":
            sheet.append([form.standard_title(report.agency, report.year)])
        top = sheet.max_row + 1
        for printed in grid.rows:
            for cell in printed:
                value: object = cell.text
                if cell.role == "value":
                    value = float(cell.text) if "." in cell.text else int(cell.text)
                sheet.cell(row=top + cell.row, column=1 + cell.col, value=value)
                if cell.role == "value" and "." in cell.text:
                    sheet.cell(row=top + cell.row, column=1 + cell.col).number_format = "0.0000"
    path = tmp_path / "年报.xlsx"
    book.save(path)
    assert cells(import_file(path).report) == cells(report)


def test_a_report_laid_out_inside_a_one_cell_table_is_read_from_the_cell(tmp_path: Path) -> None:
    """Some offices and site templates put the whole report in a layout table."""
    report = toml_file.load(SAMPLES / "yunxi-scjg-2025.toml")
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = form.standard_title(report.agency, report.year)
    grids = layout.grids(report)
    for part in outline.parts(report):
        if isinstance(part, outline.Heading):
            frame.add_paragraph(part.text)
        elif isinstance(part, outline.Prose):
            for line in part.text.split("\n"):
                frame.add_paragraph(line)
        else:
            grid = grids[part.section]
            _word_table(document, grid, range(len(grid.rows)), into=frame)
            frame.add_paragraph("")
    path = tmp_path / "套表.docx"
    document.save(str(path))
    imported = import_file(path)
    assert cells(imported.report) == cells(report)
    assert imported.report.prose == report.prose
