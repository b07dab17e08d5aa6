"""Control characters, direction overrides and escape sequences never reach the model raw,
nor a terminal, nor a published report (the policy of :mod:`govtui.controls`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.tui_helpers import SAMPLES, copy_sample

from govtui import controls
from govtui.cli import main
from govtui.errors import LoadError
from govtui.io import html, markdown, roster, toml_file
from govtui.io.importers import import_report
from govtui.tui.session import Session

SAMPLE = (SAMPLES / "yunxi-scjg-2024.toml").read_text(encoding="utf-8")
HOSTILE = "前\x1b[2J\x1b]0;标题\x07中\u202e后\u2066隔\u2069离\x00\x08\x7f\x9b末"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def test_clean_drops_controls_and_keeps_lines_and_tabs() -> None:
    assert controls.clean(HOSTILE) == "前[2J]0;标题中后隔离末"
    assert controls.clean("一\r\n二\r三\u2028四\t五") == "一\n二\n三\n四\t五"
    assert controls.clean("平常的文字，没有控制字符。") == "平常的文字，没有控制字符。"


@given(st.text())
def test_clean_leaves_nothing_a_terminal_would_obey(text: str) -> None:
    cleaned = controls.clean(text)
    assert not RAW.search(cleaned)
    assert controls.clean(cleaned) == cleaned


@given(st.text())
def test_visible_spells_out_every_control_character(text: str) -> None:
    shown = controls.visible(text)
    assert not RAW.search(shown) and "\n" not in shown and "\t" not in shown
    assert not RAW.search(controls.visible(text, lines=True))


def test_visible_names_look_like_python_escapes() -> None:
    assert controls.visible("报告\x1b[31m.toml") == "报告\\x1b[31m.toml"
    assert controls.visible("a\u202eb\nc") == "a\\u202eb\\nc"
    assert controls.visible("a\nb", lines=True) == "a\nb"


# --------------------------------------------------------------------------- report files


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\u001b[2J", "U+001B（ESC）"),
        ("\\u202E", "U+202E（从右到左强制）"),
        ("\\u2067", "U+2067（从右到左隔离）"),
        ("\\u0085", "U+0085"),
        ("\\r", "U+000D（CR）"),
    ],
)
def test_a_file_with_control_characters_is_refused_naming_the_place(
    escape: str, shown: str
) -> None:
    text = SAMPLE.replace(
        'agency = "云溪县市场监督管理局"', f'agency = "云溪县{escape}市场监督管理局"'
    )
    assert text != SAMPLE
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "x.toml")
    message = caught.value.describe()
    line = text[: text.index("云溪县" + escape)].count("\n") + 1
    assert f"x.toml:{line}：report.agency：" in message
    assert shown in message and "第 4 个字" in message
    assert not RAW.search(message)


def test_a_control_character_in_a_long_text_is_placed_by_paragraph() -> None:
    lead = toml_file.loads(SAMPLE).prose["overview.management"]
    paragraphs = lead.split("\n")
    assert len(paragraphs) > 1
    last = paragraphs[-1]
    text = SAMPLE.replace(last, last[:3] + "\\u202e" + last[3:], 1)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "x.toml")
    message = caught.value.describe()
    assert "overview.management：文字中有看不见的控制字符 U+202E" in message
    assert f"第 {len(paragraphs)} 段第 4 个字" in message


def test_a_hostile_toml_key_is_shown_escaped() -> None:
    text = SAMPLE.replace("[report]", '[report]\n"\\u001b[2J" = 1', 1)
    with pytest.raises(LoadError) as caught:
        toml_file.loads(text, "x.toml")
    message = caught.value.describe()
    assert "report.\\x1b[2J" in message and "\x1b" not in message


# --------------------------------------------------------------------------- the editor


def test_text_typed_into_the_session_is_cleaned(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    session = Session(toml_file.load(path), path)
    session.set_prose("overview.lead", HOSTILE)
    session.set_identity(agency="云溪\x1b[31m县\u202e局", title="标\x00题")
    report = session.report
    assert report.prose["overview.lead"] == controls.clean(HOSTILE)
    assert (report.agency, report.title) == ("云溪[31m县局", "标题")
    session.save()
    toml_file.load(path)  # what the editor saves, the loader reads


# --------------------------------------------------------------------------- imports


def test_a_published_report_with_control_characters_imports_clean() -> None:
    text = (SAMPLES / "yunxi-scjg-2024.md").read_text(encoding="utf-8")
    hostile = text.replace("全年", "全\x1b[31m年\u202e", 1).replace("2024", "20\u206624", 1)
    imported = import_report(hostile, suffix=".md")
    report = imported.report
    for value in (report.agency, report.title, *report.prose.values(), *imported.notes):
        assert not RAW.search(value), value
    assert "全[31m年" in "".join(report.prose.values())


# --------------------------------------------------------------------------- exports


def test_exports_of_text_typed_with_controls_carry_none(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    session = Session(toml_file.load(path), path)
    session.set_prose("overview.lead", f"<script>alert(1)</script>{HOSTILE}\n# 不是标题 | 表")
    rendered = markdown.render(session.report)
    page = html.render(session.report)
    for text in (rendered, page):
        assert not RAW.search(text)
    assert "<script>" not in page
    assert markdown.render(toml_file.loads(toml_file.dumps(session.report))) == rendered


# --------------------------------------------------------------------------- the command line


def test_check_shows_hostile_file_names_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", folder / "\x1b[2J\u202e清屏.toml")
    (folder / "\x1b]0;坏\x07.toml").write_text("schema = 1\nform = 3\n", encoding="utf-8")
    code = main(["check", str(folder)])
    captured = capsys.readouterr()
    assert code == 2
    assert "\\x1b[2J\\u202e清屏.toml" in captured.out
    assert "\\x1b]0;坏\\x07.toml" in captured.out + captured.err
    assert not RAW.search(captured.out + captured.err)


def test_a_roster_name_with_control_characters_is_refused(tmp_path: Path) -> None:

    path = tmp_path / "units.toml"
    path.write_text(
        '[[unit]]\nname = "甲局"\n\n[[unit]]\nname = "乙\\u001b[2J局"\n', encoding="utf-8"
    )
    with pytest.raises(LoadError) as caught:
        roster.load(path)
    message = caught.value.describe()
    assert f"{path}:5：unit[2].name：名称中有控制字符 U+001B（ESC），请删除" == message
