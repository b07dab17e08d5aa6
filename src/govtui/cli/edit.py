"""``govtui edit FILE.toml`` (also ``govtui FILE.toml`` and plain ``govtui``): the editor.

The report is read before any screen, so a file that cannot be read is reported on the
terminal like ``check`` does, and the editor opens only on a report it can show. A missing
file starts a new report (next year's draft from last year's, or a blank one) saved to that
name. A published report (``govtui 报告.docx``) is read the same way and the editor offers to
import it into a TOML file beside it, or to open the one already there; without a terminal the
command says how to import it. A roster or a folder opens the desk instead
(:mod:`govtui.cli.desk_tui`, chosen by :func:`govtui.cli.main`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from textual.screen import ModalScreen

from govtui.cli.common import EXIT_OK, EXIT_UNREADABLE
from govtui.cli.terminal import editor_refusal, terminal_refusal, theme_for_terminal
from govtui.controls import visible
from govtui.errors import LoadError
from govtui.io import recovery, toml_file
from govtui.io.reading import IMPORT_SUFFIXES, contained, read_report
from govtui.model import Report
from govtui.profile import Profile
from govtui.profile import load as load_profile
from govtui.tui.app import GovtuiApp
from govtui.tui.screens.import_prompt import ImportScreen, OpenImportedScreen
from govtui.tui.session import Session


def run(args: argparse.Namespace) -> int:
    """Open the editor. The collector is off while it starts (see :data:`govtui.cli.APPS`)."""
    path = Path(args.file) if args.file else None
    view = path is not None and args.read_only
    if path is not None and not view and path.suffix.lower() in IMPORT_SUFFIXES and path.exists():
        return _published(path)
    if path is not None and not path.exists() and path.suffix.lower() != ".toml":
        name, toml = visible(str(path)), visible(str(path.with_suffix(".toml")))
        print(
            f"{name} 不存在。新建报告请给出 .toml 文件名，如 {toml}\n"
            f"{name} does not exist; a new report needs a .toml name",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    try:
        found = _viewed(path) if view and path is not None else read_for_editing(path)
    except LoadError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_UNREADABLE
    profile: Profile | None = Profile() if args.no_profile else None
    if args.profile and not args.no_profile:
        try:
            profile = load_profile(Path(args.profile))
        except LoadError as error:
            print(error.describe(), file=sys.stderr)
            return EXIT_UNREADABLE
    refusal = editor_refusal()
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_UNREADABLE

    session = None
    if found is not None and path is not None:
        session = Session(
            found[0],
            path,
            saved=found[1],
            read_only=VIEWING if view else None,
            profile=profile,
        )
    return _run(GovtuiApp(session, path=path, theme=theme_for_terminal()))


# ``--read-only``: why the report cannot be changed, as the editor says it.
VIEWING = "收报台查看，只读"


def _viewed(path: Path) -> tuple[Report, bool]:
    """Any report govtui reads, for ``--read-only``: the desk's view of a unit's report (a
    Word, HTML or PDF file shown as imported; nothing is written beside it)."""
    with contained(path):
        return read_report(path).report, True


def _run(app: GovtuiApp) -> int:
    app.run()
    if app.guard is not None and app.guard.farewell:
        print(app.guard.farewell, file=sys.stderr)
    return app.return_code or EXIT_OK


def _published(source: Path) -> int:
    """A published report: import it beside itself and edit that (asked first), or open the
    TOML file an earlier import left there."""
    target = source.with_suffix(".toml")
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        name, toml = visible(str(source)), visible(str(target))
        print(
            f"{name} 是已发布的报告，不是 govtui 的报告文件（.toml）。"
            f"请先导入：govtui import {name} -o {toml}，再用 govtui {toml} 编辑。\n"
            f"{name} is a published report; import it first: govtui import {name} -o {toml}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    refusal = terminal_refusal()
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        # A link that points nowhere counts as a file there: refused, never written through.
        with contained(target):
            existing = toml_file.load(target) if os.path.lexists(target) else None
        loaded = None if existing is not None else read_report(source)
    except LoadError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_UNREADABLE

    if existing is not None:
        prompt: ModalScreen[Session | None] = OpenImportedScreen(source, Session(existing, target))
    else:
        assert loaded is not None
        prompt = ImportScreen(loaded, target)
    return _run(GovtuiApp(None, path=target, prompt=prompt, theme=theme_for_terminal()))


def read_for_editing(path: Path | None) -> tuple[Report, bool] | None:
    """The report to open and whether it is saved as it is; ``None`` to ask for a new one.

    A missing file with a recovery copy beside it is a new report that was never saved: it
    opens blank under the copy's agency and year, unsaved, and the editor offers the copy
    (rather than asking for the agency again). :class:`LoadError` when the file is unreadable.
    """
    if path is None:
        return None
    if path.exists():
        with contained(path):
            return toml_file.load(path), True
    try:
        with contained(recovery.recovery_path(path)):
            copy = recovery.read(path)
    except LoadError:
        return None  # the editor sets the copy aside and says so
    return (Report.blank(copy.agency, copy.year), False) if copy is not None else None
