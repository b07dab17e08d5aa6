"""``govtui diff``: the cells that differ and the prose that changed, at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from govtui.cli import main
from govtui.cli.layout import width
from govtui.compare import inline, paragraphs

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def diff(capsys: pytest.CaptureFixture[str], old: Path, new: Path) -> tuple[int, list[str]]:
    code = main(["diff", str(old), str(new)])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def test_only_the_cells_that_differ_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = diff(
        capsys, SAMPLE / "yunxi-scjg-2024.toml", FIXTURES / "yunxi-scjg-2025-in-force.toml"
    )
    assert code == 1
    text = "\n".join(lines)
    block = text[
        text.index("二、主动公开政府信息情况") : text.index("三、收到和处理政府信息公开申请情况")
    ]
    assert [line.split() for line in block.splitlines()[1:] if line.strip()][:4] == [
        ["行政规范性文件"],
        ["本年制发件数", "3", "→", "2", "-1"],
        ["本年废止件数", "1", "→", "3", "+2"],
        ["现行有效件数", "12", "→", "13", "+1"],
    ]
    assert "规章" not in block  # 0 in both years
    assert "本年收费金额（单位：万元）  12.8650 → 13.0420  +0.1770" in text
    # Totals the form prints are compared too.
    assert any(line.split() == ["总计", "51", "→", "59", "+8"] for line in lines)
    assert all(width(line) <= 80 for line in lines)


def test_an_edited_paragraph_shows_the_changed_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, lines = diff(
        capsys, SAMPLE / "yunxi-scjg-2024.toml", FIXTURES / "yunxi-scjg-2025-copied.toml"
    )
    text = "\n".join(lines)
    assert "（一）主动公开（100% 的文字与旧报告相同）" in text
    assert "    ~ 全年通过县政府门户网站“市场监管”专栏主动公开政府信息[-316-]{+358+}条" in text
    assert "（一）存在问题" not in text  # copied word for word: unchanged
    assert all(width(line) <= 80 for line in lines)


def test_identical_reports(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SAMPLE)
    same = Path("yunxi-scjg-2024.toml")
    assert diff(capsys, same, same) == (
        0,
        [
            "旧：yunxi-scjg-2024.toml  云溪县市场监督管理局 2024 年",
            "新：yunxi-scjg-2024.toml  云溪县市场监督管理局 2024 年",
            "",
            "两份报告的数字和文字都相同。",
        ],
    )


def test_an_unreadable_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["diff", str(SAMPLE / "yunxi-scjg-2024.toml"), str(tmp_path / "x.toml")]) == 2
    assert "x.toml：文件不存在" in capsys.readouterr().err


def test_paragraphs_pair_edits_and_separate_rewrites() -> None:
    old = "第一段不变。\n全年公开信息316条，工作动态88条。\n旧的第三段讲的是培训。"
    new = "第一段不变。\n全年公开信息358条，工作动态88条。\n完全不同的内容关于平台建设。"
    assert [(p.kind, p.text) for p in paragraphs(old, new)] == [
        ("~", "全年公开信息358条，工作动态88条。"),
        ("-", "旧的第三段讲的是培训。"),
        ("+", "完全不同的内容关于平台建设。"),
    ]


def test_inline_treats_a_number_as_one_unit() -> None:
    assert inline("收费12.8650万元", "收费13.0420万元") == (
        ("=", "收费"),
        ("-", "12.8650"),
        ("+", "13.0420"),
        ("=", "万元"),
    )
