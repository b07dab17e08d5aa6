"""``govtui export`` as a user runs it: every format, default paths, stdout, refusals."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from govtui.cli import main
from govtui.io import toml_file
from govtui.io.exporters import BY_NAME, EXPORTERS

SAMPLE = Path(__file__).parent.parent / "sample" / "yunxi-scjg-2024.toml"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(SAMPLE, tmp_path / "报告.toml"))


@pytest.mark.parametrize("name", [e.name for e in EXPORTERS])
def test_each_format_is_written_next_to_the_report(
    name: str, report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(report_file), "--format", name]) == 0
    written = report_file.with_suffix(BY_NAME[name].suffix)
    assert f"已写出 / written: {written}" in capsys.readouterr().out
    data = written.read_bytes()
    if name == "docx":
        document = docx.Document(str(written))
        assert document.paragraphs[0].text == "云溪县市场监督管理局2024年政府信息公开工作年度报告"
    else:
        assert "云溪县市场监督管理局2024年政府信息公开工作年度报告" in data.decode("utf-8")


def test_markdown_stays_the_default(report_file: Path) -> None:
    assert main(["export", str(report_file)]) == 0
    assert report_file.with_suffix(".md").read_text(encoding="utf-8").startswith("# 云溪县")


@pytest.mark.parametrize("name", ["md", "html", "json"])
def test_text_formats_go_to_stdout(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE), "-f", name, "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.encode("utf-8") == BY_NAME[name].render(toml_file.load(SAMPLE))
    if name == "json":
        assert json.loads(out)["ok"] is True


def test_word_to_a_terminal_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SAMPLE), "--format", "docx", "-o", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "二进制文件，不能输出到终端" in captured.err


def test_named_output_and_refusal_to_overwrite_the_report(
    report_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = report_file.parent / "发布" / "年报.html"
    target.parent.mkdir()
    assert main(["export", str(report_file), "-f", "html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    before = report_file.read_bytes()
    assert main(["export", str(report_file), "-f", "md", "-o", str(report_file)]) == 2
    assert "就是报告文件本身" in capsys.readouterr().err
    assert report_file.read_bytes() == before


def test_unreadable_report_exits_2_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "坏.toml"
    broken.write_text('schema = 1\nform = "2021"\n[report]\nagency = \n', encoding="utf-8")
    assert main(["export", str(broken), "-f", "html"]) == 2
    assert "坏.toml" in capsys.readouterr().err
    assert not broken.with_suffix(".html").exists()


def test_missing_word_extra_gives_the_install_command(
    report_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    assert main(["export", str(report_file), "-f", "docx"]) == 2
    assert "pip install 'govtui[docx]'" in capsys.readouterr().err
    assert not report_file.with_suffix(".docx").exists()


def test_word_without_lxml_gives_the_install_command_too(report_file: Path) -> None:
    """python-docx installed but not lxml, which it needs: a fresh process, as a user's."""
    script = (
        "import sys\nsys.modules['lxml'] = None\nfrom govtui.cli import main\n"
        f"sys.exit(main(['export', {str(report_file)!r}, '-f', 'docx']))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "pip install 'govtui[docx]'" in done.stderr
    assert not report_file.with_suffix(".docx").exists()


def test_the_list_of_formats_for_the_editor() -> None:
    assert [e.name for e in EXPORTERS] == ["md", "html", "docx", "json"]
    assert all(e.label and e.suffix == f".{e.name}" for e in EXPORTERS)
    assert [e.name for e in EXPORTERS if not e.text] == ["docx"]
    assert all(e.available() for e in EXPORTERS)  # the test extra installs python-docx
