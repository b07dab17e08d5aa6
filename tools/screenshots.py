"""Pictures of what is published: the HTML page as headless Chromium draws it, and the Word
file's pages with tables as LibreOffice prints them, as PNG files under ``docs/screenshots/``.

    .venv/bin/python tools/screenshots.py [sample/REPORT.toml ...]

Without arguments it pictures ``sample/yunxi-scjg-2024.toml``. Needs Debian's packages
``chromium`` and ``fonts-noto-cjk`` (for the page), and ``libreoffice-writer-nogui`` and
``poppler-utils`` (for the Word pages; skipped with a note when they are missing):

    apt-get install chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils

The machine's fonts decide the look: where 仿宋_GB2312 or 方正小标宋简体 are missing, the
pictures show the substitutes (Noto CJK), as a reader's browser or Word would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import headless
from govtui import form
from govtui.io import docx, html, toml_file

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DEFAULT = ROOT / "sample" / "yunxi-scjg-2024.toml"
WIDTH = 1000  # a desktop browser window
DPI = 100  # Word pages: 827 × 1169 pixels

# The Word pages worth looking at: every page from where the first table (二) starts to where
# 四 is, each found by a label printed on one line.
FIRST_TABLE = form.PROACTIVE.blocks[0].label
LAST_TABLE = form.APPEALS.row("litigation_direct").label


def html_page(binary: str, source: Path, folder: Path) -> Path:
    """The whole page at desktop width: measure its height, then shoot a window that tall."""
    page = html.render(toml_file.load(source))
    height = headless.probe(
        binary,
        page,
        "window.govtuiProbe = document.documentElement.scrollHeight;",
        WIDTH,
        800,
        folder,
    )
    path = folder / f"{source.stem}.html"
    path.write_text(page, encoding="utf-8")
    target = OUT / f"{source.stem}-html.png"
    headless.run(
        binary, path.as_uri(), f"--window-size={WIDTH},{int(height)}", f"--screenshot={target}"
    )
    return target


def word_pages(source: Path, folder: Path) -> list[Path]:
    """The Word file through LibreOffice to PDF, then the table pages to PNG."""
    document = folder / f"{source.stem}.docx"
    document.write_bytes(docx.render(toml_file.load(source)))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = document.with_suffix(".pdf")
    pages = _page_texts(pdf)
    first = next(i for i, text in enumerate(pages, start=1) if FIRST_TABLE in text)
    last = next(i for i, text in enumerate(pages, start=1) if LAST_TABLE in text)
    for old in OUT.glob(f"{source.stem}-docx-p*.png"):
        old.unlink()
    written = []
    for number in range(first, last + 1):
        prefix = OUT / f"{source.stem}-docx-p{number}"
        subprocess.run(
            [
                *("pdftoppm", "-r", str(DPI), "-f", str(number), "-l", str(number)),
                *("-png", "-singlefile", str(pdf), str(prefix)),
            ],
            check=True,
            timeout=120,
        )
        written.append(prefix.with_suffix(".png"))
    return written


def _page_texts(pdf: Path) -> list[str]:
    """Each page's text, with line breaks removed so that a label wrapped in a cell is found."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return ["".join(page.split()) for page in text.split("\f")]


def main(arguments: list[str]) -> int:
    sources = [Path(a) for a in arguments] or [DEFAULT]
    OUT.mkdir(parents=True, exist_ok=True)
    binary = headless.find()
    if binary is None:
        print("找不到 chromium：请安装 / install it: apt-get install chromium", file=sys.stderr)
        return 2
    office = all(shutil.which(tool) for tool in ("soffice", "pdftoppm", "pdftotext"))
    if not office:
        print(
            "没有 LibreOffice 或 poppler-utils，跳过 Word 页面 / skipping the Word pages: "
            "apt-get install libreoffice-writer-nogui poppler-utils",
            file=sys.stderr,
        )
    for source in sources:
        with tempfile.TemporaryDirectory(prefix="govtui-shots-") as name:
            folder = Path(name)
            written = [html_page(binary, source, folder)]
            if office:
                written += word_pages(source, folder)
        for path in written:
            print(f"已写出 / written: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
