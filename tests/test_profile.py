"""The rule profile (govtui.toml): found like ruff's configuration, refused with its place when
wrong, never able to hide an error, always named where findings are shown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.tui_helpers import app_on, screen_text

from govtui.cli import main
from govtui.errors import LoadError
from govtui.profile import Profile, for_report, load
from govtui.rules.years import THRESHOLD_SETTING

SAMPLE = Path(__file__).parent.parent / "sample"
PROFILE = """\
[rules]
disable = ["fee_statement"]
copied_threshold = 0.6
overview_max_chars = 1000

[required]
"overview.proactive" = ["政策解读", "回应关切"]
"""


def office(tmp_path: Path, profile: str = PROFILE) -> Path:
    """An office's folder with its profile at the top and a unit's report two levels down."""
    (tmp_path / "govtui.toml").write_text(profile, encoding="utf-8")
    unit = tmp_path / "2024" / "scjg"
    unit.mkdir(parents=True)
    report = unit / "scjg.toml"
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", report)
    return report


def test_the_profile_is_found_in_a_parent_folder(tmp_path: Path) -> None:
    report = office(tmp_path)
    profile = for_report(report)
    assert profile.path is not None and profile.path.name == "govtui.toml"
    assert profile.settings[THRESHOLD_SETTING] == 0.6
    assert profile.disable == {"fee_statement"}
    assert profile.required == {"overview.proactive": ("政策解读", "回应关切")}
    assert profile.sources["copied_threshold"].endswith("govtui.toml:3")
    assert for_report(report, ignore=True) == Profile()


def test_check_names_the_profile_and_marks_what_it_produced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = office(tmp_path)
    assert main(["check", str(report)]) == 0
    out = capsys.readouterr().out
    assert "规则配置：" in out and "govtui.toml" in out
    assert "[required_content] （一）主动公开" in out
    assert "（依据规则配置 " in out
    assert main(["check", "--json", str(report)]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert entry["profile"].endswith("govtui.toml")
    (finding,) = entry["findings"]
    assert finding["rule"] == "required_content" and finding["profile"] == entry["profile"]


def test_no_profile_ignores_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = office(tmp_path)
    assert main(["check", "--no-profile", "--json", str(report)]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    assert entry["findings"] == [] and "profile" not in entry


def test_a_profile_turns_warnings_off_but_never_errors(tmp_path: Path) -> None:
    report = office(tmp_path, '[rules]\ndisable = ["empty_section", "balance"]\n')
    with pytest.raises(LoadError) as caught:
        for_report(report)
    assert caught.value.describe().endswith(
        "govtui.toml:2：rules.disable：「balance」是错误规则，不能关闭"
    )


def test_unknown_keys_and_bad_values_are_refused_with_file_line_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[rules]\ncopied_threshold = 5\ncolour = "red"\n\n[required]\n"overview.nowhere" = ["x"]\n'
        "[extra]\n",
        encoding="utf-8",
    )
    report = tmp_path / "r.toml"
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", report)
    assert main(["check", "--profile", str(bad), str(report)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"{bad}:7：extra：不认识这个键（可用：rules、required）"
    assert lines[1].startswith(f"{bad}:2：rules.copied_threshold：5 不合适")
    assert lines[2].startswith(f"{bad}:3：rules.colour：不认识这个键")
    assert lines[3].startswith(f"{bad}:6：required.overview.nowhere：「overview.nowhere」不是")


def test_a_bad_profile_found_beside_a_report_makes_it_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = office(tmp_path, "[rules]\nswing_factor = 0.5\n")
    assert main(["check", str(report)]) == 2
    assert "govtui.toml:2：rules.swing_factor" in capsys.readouterr().out


def test_the_command_line_wins_over_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = office(tmp_path)
    profile = load(tmp_path / "govtui.toml").with_options({THRESHOLD_SETTING: 0.9})
    assert profile.settings[THRESHOLD_SETTING] == 0.9
    assert profile.sources["copied_threshold"] == "命令行"
    assert "copied_text" not in profile.produced  # the command line decided it, not the file
    assert main(["profile", str(report)]) == 0
    out = capsys.readouterr().out
    assert "copied_threshold = 0.6" in out and "govtui.toml:3" in out
    assert "swing_factor = 3    # 默认" in out


def test_profile_without_a_file_prints_the_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("规则配置：无（使用默认设置）")
    assert "overview_max_chars = （不检查）" in out


async def test_the_editor_checks_with_the_profile_and_names_it_on_the_findings_screen(
    tmp_path: Path,
) -> None:

    report = office(tmp_path)
    app = app_on(report, start="findings")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [f.rule for f in app.session.findings] == ["required_content"]
        assert app.session.findings[0].profile.endswith("govtui.toml")
        text = screen_text(app)
        assert f"规则配置：{(tmp_path / 'govtui.toml').resolve()}" in text
        assert "没有写到“政策解读”、“回应关切”" in text and "（依据规则配置）" in text


async def test_the_editor_opens_despite_a_bad_profile_and_says_so(tmp_path: Path) -> None:

    report = office(tmp_path, "[rules]\ncopied_threshold = 2\n")
    app = app_on(report, start="findings")
    async with app.run_test(size=(100, 30)):
        assert app.session.profile == Profile()
        assert any("规则配置无法使用" in note for note in app.session.notes)


def test_the_editor_refuses_a_bad_profile_before_opening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[rules]\ndisable = ["carry_over"]\n', encoding="utf-8")
    report = tmp_path / "r.toml"
    shutil.copy(SAMPLE / "yunxi-scjg-2024.toml", report)
    assert main(["edit", str(report), "--profile", str(bad)]) == 2
    assert f"{bad}:2：rules.disable：「carry_over」是错误规则，不能关闭" in capsys.readouterr().err


def test_a_profile_that_is_not_toml_is_refused_in_chinese_at_its_line(tmp_path: Path) -> None:
    """A broken govtui.toml is read as every TOML file is: its line, and the reason in Chinese."""
    path = tmp_path / "govtui.toml"
    path.write_text("[rules]\ncopied_threshold = 0.5\n[required\n", encoding="utf-8")
    with pytest.raises(LoadError) as raised:
        load(path)
    assert raised.value.describe().startswith(f"{path}:3：TOML 语法错误")
    path.write_bytes(b"[rules]\ncopied_threshold = 0.5 # \xff\n")
    with pytest.raises(LoadError, match="UTF-8"):
        load(path)
