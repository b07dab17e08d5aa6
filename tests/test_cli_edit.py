"""How the editor is started from the command line, and that other commands never load it."""

from __future__ import annotations

import gc
import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.tui_helpers import SAMPLES

from govtui.cli import COMMANDS, RUNNERS, main
from govtui.io import toml_file
from govtui.tui.app import GovtuiApp
from govtui.tui.session import Session


def test_check_and_export_never_import_textual() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "govtui", "check", str(SAMPLES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1  # the broken sample has errors
    imported = [line for line in done.stderr.splitlines() if "import time:" in line]
    assert any("govtui.rules" in line for line in imported)
    assert not [line for line in imported if "textual" in line]


def test_a_file_as_first_argument_opens_the_editor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Under pytest there is no terminal: the editor says so instead of starting.
    assert main([str(SAMPLES / "yunxi-scjg-2024.toml")]) == 2
    assert "需要在终端里运行" in capsys.readouterr().err
    assert main(["edit", str(tmp_path / "new.toml")]) == 2
    assert "需要在终端里运行" in capsys.readouterr().err


def test_an_unreadable_file_is_reported_before_any_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nform = "2021"\n[report]\nagency = ""\nyear = 2024\n', "utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "机关名称不能为空" in err


def test_no_argument_without_a_terminal_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "govtui 报告.toml" in capsys.readouterr().out


def test_a_mistyped_command_is_not_taken_for_a_new_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["chek", "x.toml"])
    assert exit_info.value.code == 2
    assert "chek" in capsys.readouterr().err


def test_the_collector_is_off_only_while_the_editor_starts(tmp_path: Path) -> None:
    """Start-up runs without the garbage collector (it would walk every new module again and
    again); a long editing session must have it back, and so must the caller when the
    command ends without an editor."""

    assert main([str(SAMPLES / "yunxi-scjg-2024.toml")]) == 2  # no terminal here
    assert gc.isenabled()
    path = SAMPLES / "yunxi-scjg-2024.toml"
    seen: list[bool] = []

    async def look(pilot: object) -> None:
        seen.append(gc.isenabled())
        app.exit()

    gc.disable()  # as ``govtui edit`` leaves it
    try:
        app = GovtuiApp(Session(toml_file.load(path), path), start="requests")
        app.run(headless=True, auto_pilot=look)
    finally:
        gc.enable()
    assert seen == [True]


def _modules_after(argv: list[str], cwd: Path | None = None) -> set[str]:
    """The modules a fresh ``govtui ARGV`` process has imported when it ends (no terminal)."""
    code = (
        "import sys; from govtui.cli import main\n"
        f"try: main({argv!r})\n"
        "except SystemExit: pass\n"
        "print(' '.join(sys.modules))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd)} if cwd else None
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd, env=env
    )
    return set(done.stdout.split())


def test_no_command_but_the_apps_loads_textual(tmp_path: Path) -> None:
    """The commands run on servers over thousands of files: none pays for the terminal UI."""
    report = tmp_path / "报告.toml"
    shutil.copyfile(SAMPLES / "yunxi-scjg-2024.toml", report)
    (tmp_path / "名单.toml").write_text('[[unit]]\nname = "云溪县统计局"\n', "utf-8")
    for argv in (
        ["export", "报告.toml", "-o", "-"],
        ["import", str(SAMPLES / "yunxi-scjg-2024.md"), "-o", "-"],
        ["new", "新.toml", "--agency", "青山镇人民政府", "--year", "2025"],
        ["diff", "报告.toml", "新.toml"],
        ["accept", "报告.toml"],
        ["aggregate", "报告.toml"],
        ["desk", "名单.toml"],
        ["profile"],
    ):
        loaded = _modules_after(argv, cwd=tmp_path)
        assert f"govtui.cli.{RUNNERS[argv[0]]}" in loaded, argv
        assert "textual" not in loaded, argv


def test_a_roster_or_a_folder_opens_the_desk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "名单.toml"
    roster.write_text('[[unit]]\nname = "云溪县市场监督管理局"\n', "utf-8")
    for target in (roster, tmp_path):
        assert main([str(target)]) == 2  # under pytest there is no terminal
        assert "govtui 收报台 需要在终端里运行" in capsys.readouterr().err


def test_the_editor_and_the_desk_load_only_their_own_screens(tmp_path: Path) -> None:
    """Each full-screen app starts without importing the other's (20-30 ms of a launch)."""
    roster = tmp_path / "名单.toml"
    roster.write_text('[[unit]]\nname = "云溪县市场监督管理局"\n', "utf-8")
    editor = _modules_after([str(SAMPLES / "yunxi-scjg-2024.toml")])
    desk = _modules_after([str(roster)])
    assert "govtui.tui.app" in editor and "govtui.tui.desk.app" not in editor
    assert "govtui.tui.desk.app" in desk and "govtui.tui.app" not in desk


def test_help_loads_no_command() -> None:
    """``govtui --help`` and a misspelt command answer without loading the model or the rules."""
    for argv in (["--help"], ["chek", "x.toml"], ["check", "--help"]):
        loaded = _modules_after(argv)
        assert "govtui.cli.arguments" in loaded
        assert not {"govtui.model", "govtui.rules", "textual", "govtui.cli.check"} & loaded


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_its_options_and_its_module(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """What ``govtui --help`` lists is declared in one place and run in another: each name
    has both."""
    with pytest.raises(SystemExit):
        main([name, "--help"])
    assert capsys.readouterr().out.startswith(f"用法 / usage: govtui {name} ")
    assert callable(importlib.import_module(f"govtui.cli.{RUNNERS[name]}").run)


def test_a_misused_desk_shows_the_same_usage_as_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The desk parses options among its words; its help and errors once showed
    ``用法 / usage: age: govtui desk``."""
    with pytest.raises(SystemExit):
        main(["desk", "--help"])
    usage = capsys.readouterr().out.split("\n\n")[0]
    assert usage.startswith("用法 / usage: govtui desk [-h] [--json]")
    with pytest.raises(SystemExit) as exit_info:
        main(["desk", "名单.toml", "--as-of", "昨天"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage + "\n")
    assert "「昨天」不是日期" in err
