"""``govtui import`` and ``govtui check`` on published reports, as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govtui.cli import main
from govtui.io import markdown, toml_file
from govtui.io.importers import import_file, import_report
from govtui.io.reading import expand, read_report

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "fixtures" / "muye-gongxin-2024-seed.md"
FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_seed_imports_to_the_sample_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "X.toml"
    assert main(["import", str(SEED), "-o", str(out)]) == 0
    assert out.read_bytes() == (ROOT / "sample" / "muye-gongxin-2024.toml").read_bytes()


def test_seed_import_assumes_nothing() -> None:
    imported = import_file(SEED)
    assert imported.notes == ()
    assert imported.report.title == ""  # "牧野区工业和信息化局 2024 年…" is the standard title


@pytest.mark.parametrize("name", ["muye-gongxin-2024", "yunxi-scjg-2024", "yunxi-scjg-2024-broken"])
def test_samples_exported_markdown_imports_to_the_same_report(name: str) -> None:
    imported = import_file(ROOT / "sample" / f"{name}.md")
    assert imported.report == toml_file.load(ROOT / "sample" / f"{name}.toml")
    assert imported.notes == ()


def test_import_writes_next_to_the_report_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "去年报告.md"
    shutil.copy(SEED, source)
    assert main(["import", str(source)]) == 0
    target = tmp_path / "去年报告.toml"
    assert target.read_bytes() == (ROOT / "sample" / "muye-gongxin-2024.toml").read_bytes()
    target.write_text("# 已经编辑过的报告\n", encoding="utf-8")
    assert main(["import", str(source)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# 已经编辑过的报告\n"
    assert main(["import", str(source), "--force"]) == 0
    assert target.read_bytes() == (ROOT / "sample" / "muye-gongxin-2024.toml").read_bytes()


def test_import_to_stdout_prints_the_file_and_the_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(FIXTURES / "defects.md"), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert toml_file.loads(out) == import_file(FIXTURES / "defects.md").report
    assert "[stated_total]" in err
    assert "印的是 0，但各项相加应为 6" in err
    assert "注意：三、收到和处理政府信息公开申请情况：「（六）其他处理」只印了一行" in err


def test_import_refuses_what_is_not_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "通知.txt"
    letter.write_text(
        "关于做好2024年度政府信息公开工作年度报告编制工作的通知\n各单位：请按时报送。\n",
        encoding="utf-8",
    )
    assert main(["import", str(letter)]) == 2
    err = capsys.readouterr().err
    assert "没有找到任何章节标题" in err and "文件开头是「关于做好" in err
    assert not (tmp_path / "通知.toml").exists()


def test_import_refusal_names_the_sections_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    cut = tmp_path / "半份.md"
    cut.write_text(text[: text.index("### 三、")], encoding="utf-8")
    assert main(["import", str(cut)]) == 2
    err = capsys.readouterr().err
    assert "没有找到「三、收到和处理政府信息公开申请情况」一节" in err
    assert "「一、总体情况」、「二、主动公开政府信息情况」" in err


def test_import_refuses_unknown_kinds_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path / "报告.rtf")]) == 2
    assert "不认识的文件类型「.rtf」" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "没有.md")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_check_a_published_report_reports_its_printed_totals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(FIXTURES / "defects.md")]) == 1
    out = capsys.readouterr().out
    assert out.count("[stated_total]") == 5
    assert "注意：三、收到和处理政府信息公开申请情况：「（六）其他处理」只印了一行" in out


def test_check_json_on_a_published_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(FIXTURES / "markers-traditional.txt")]) == 1
    result = json.loads(capsys.readouterr().out)
    findings = result["files"][0]["findings"]
    stated = {
        (f["row"], f["column"], f["actual"], f["expected"])
        for f in findings
        if f["rule"] == "stated_total"
    }
    assert stated == {
        ("三、本年度办理结果 （七）总计", "自然人", 8, 9),
        ("三、本年度办理结果 （七）总计", "总计", 8, 9),
    }


def test_a_folder_holds_published_reports_too(tmp_path: Path) -> None:
    for name in ("pipe-rows.txt", "word-export-gbk.html", "gfm-tables.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1 not a report}")
    assert [p.name for p in expand([str(tmp_path)])] == [
        "gfm-tables.md",
        "pipe-rows.txt",
        "word-export-gbk.html",
    ]
    assert main(["check", str(tmp_path)]) == 0


def test_read_report_returns_printed_totals_and_notes() -> None:
    loaded = read_report(FIXTURES / "pipe-rows.txt")
    assert loaded.report.agency == "青禾县自然资源局"
    assert loaded.printed is not None and len(loaded.printed) == 34
    assert any("「/」按 0 读入" in note for note in loaded.notes)


def test_custom_title_survives_through_the_identity_comment() -> None:
    report = toml_file.load(ROOT / "sample" / "yunxi-scjg-2024.toml")
    report.title = "云溪县市场监管局政务公开年报（2024）"
    text = markdown.render(report)
    assert "<!-- govtui agency: 云溪县市场监督管理局 | year: 2024 -->" in text

    assert import_report(text).report == report


def test_a_report_cut_inside_its_last_character_is_read_as_utf8(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    cut = data.index("依据《政府信息公开".encode()) + 2  # inside 依, the last section's first word
    path = tmp_path / "截断.md"
    path.write_bytes(data[:cut])
    imported = import_file(path)
    assert "文件末尾不完整（最后一个字被截断）" in imported.notes
    assert imported.report.prose["overview.lead"].startswith("2024 年，牧野区工信局")


def test_import_of_a_folder_points_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path)]) == 2
    assert "这是一个文件夹" in capsys.readouterr().err


# A fresh process as on a machine without the extra (its library hidden: ``import`` fails), or
# with python-docx but not lxml, which it needs in turn.
@pytest.mark.parametrize(
    ("name", "hidden", "extra"),
    [
        ("yunxi-2025-office.docx", "docx", "docx"),
        ("yunxi-2025-office.docx", "lxml", "docx"),
        ("yunxi-2024-broken-form.xlsx", "openpyxl", "xlsx"),
        ("yunxi-2024-chromium.pdf", "pypdfium2", "pdf"),
    ],
)
def test_without_its_extra_a_format_says_what_to_install(
    name: str, hidden: str, extra: str
) -> None:
    script = (
        f"import sys\nsys.modules[{hidden!r}] = None\nfrom govtui.cli import main\n"
        f"sys.exit(main(['check', {str(FIXTURES / name)!r}]))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert f"pip install 'govtui[{extra}]'" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
