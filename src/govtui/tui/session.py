"""The editor's state apart from any widget: one report, its file, its findings, its undo history.

Screens and widgets read and change the report only through a :class:`Session`, so that every
change takes the same path: write the model, record the step for undo, rerun the rule engine,
tell the app to repaint. Nothing here imports Textual; the tests drive it directly.

Last year's report, when the file names it (``[report] previous``), is read once, as ``check``
reads it: the cross-year rules then run on every change with the others, and the grids can show
last year's value of a cell. A predecessor that cannot be used is a note, never an error.

The file itself — its lock, what it held when read, the backup, the atomic save, the recovery
copy — is a :class:`~govtui.io.document.Document`, the same that every command writes through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from govtui import controls, form
from govtui.errors import LoadError, SaveError
from govtui.io.document import ChangedOnDisk as ChangedOnDisk  # re-exported: saving.py, tests
from govtui.io.document import Document
from govtui.io.exporters import BY_NAME
from govtui.io.previous import Previous, find_previous, relative_path
from govtui.model import Acceptance, Report
from govtui.profile import Profile, for_report
from govtui.rules import Counts, Finding, check, count, refusal, unused_acceptances
from govtui.rules.similarity import reused_share
from govtui.tui.history import AcceptEdit, CellChange, Edit, History, Step, TextEdit

Value = int | Decimal

# Section 二's fee is a cell of the grid but a field of the model (``Report.fees``).
FEE_CELL = ("proactive", "fees", "amount")


@dataclass(frozen=True, slots=True)
class ColumnBalance:
    """The balance line's entry for one column of 三.

    ``left`` is 一＋二 and ``right`` is （七）总计＋四, both read from the model;
    ``difference`` is right − left as the ``balance`` finding of that column states it,
    or ``None`` when the rule engine found nothing wrong there.
    """

    column: form.Column
    left: int
    right: int
    difference: int | None


class ReadOnly(SaveError):
    """The report was opened read-only: it cannot be saved (and was never changed)."""


class Session:
    """One report being edited, and everything about it that is not on screen.

    ``read_only`` is why the report cannot be changed (no write permission, another govtui
    holds it), or ``None``; a read-only session refuses every change. ``notes`` are what the
    user should be told on opening (the report was drafted from last year's, last year's report
    could not be read); ``previous`` is last year's report as found.
    """

    def __init__(
        self,
        report: Report,
        path: Path,
        *,
        saved: bool = True,
        read_only: str | None = None,
        previous: Previous | None = None,
        notes: Sequence[str] = (),
        document: Document | None = None,
        profile: Profile | None = None,
    ) -> None:
        self.report = report
        # The file: what it held when it was read (to notice a save by someone else), its lock.
        self.document = document if document is not None else Document(path)
        # What the file holds (``None``: nothing yet), to tell whether the report differs.
        self._saved: Report | None = report.model_copy(deep=True) if saved else None
        self._dirty = not saved
        self.read_only = read_only
        self.previous = previous if previous is not None else find_previous(path, report)
        self.notes: tuple[str, ...] = (*notes, *self.previous.notes)
        if profile is None:
            try:  # the govtui.toml of the report's folder or a parent, as check finds it
                profile = for_report(path)
            except LoadError as error:
                profile = Profile()
                self.notes = (*self.notes, f"规则配置无法使用，按默认设置校验：{error.describe()}")
        self.profile = profile
        self.findings: list[Finding] = self._check()
        self.counts: Counts = count(self.findings)
        self.history = History()
        self._listeners: list[Callable[[], None]] = []

    def _check(self) -> list[Finding]:
        return check(self.report, previous=self.previous.report, **self.profile.check_options())

    @property
    def path(self) -> Path:
        return self.document.path

    @path.setter
    def path(self, path: Path) -> None:
        """Name another file for the report: a document of its own (this one's lock let go)."""
        self.document.release()
        self.document = Document(path)

    # ------------------------------------------------------------------ observing

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change (the app repaints what shows the report)."""
        self._listeners.append(listener)

    @property
    def dirty(self) -> bool:
        """Whether the report differs from the file: an edit taken back by hand or by undo
        leaves it clean again."""
        return self._dirty

    @dirty.setter
    def dirty(self, dirty: bool) -> None:
        """``False``: the file now holds the report (it was saved); ``True``: it does not."""
        self._saved = None if dirty else self.report.model_copy(deep=True)
        self._dirty = dirty

    def _changed(self) -> None:
        self._dirty = self._saved is None or self.report != self._saved
        self.findings = self._check()
        self.counts = count(self.findings)
        for listener in self._listeners:
            listener()

    @property
    def errors(self) -> int:
        return self.counts.errors

    @property
    def warnings(self) -> int:
        """Warnings that count: those the report has not accepted."""
        return self.counts.warnings

    @property
    def open_findings(self) -> list[Finding]:
        """The findings still to be dealt with: every error, and the warnings not accepted."""
        return [f for f in self.findings if not f.accepted]

    def findings_for_field(self, key: str) -> list[Finding]:
        return [f for f in self.findings if f.field == key]

    # ------------------------------------------------------------------ last year

    def last_value(self, table: str, row: str, column: str) -> Value | None:
        """Last year's value of a cell as the grid shows it, or ``None`` without last year."""
        last = self.previous.report
        if last is None:
            return None
        if (table, row, column) == FEE_CELL:
            return last.fees
        return last.value(table, row, column)

    def copied_share(self, key: str) -> float | None:
        """The share of a prose field's text that is last year's, as ``copied_text`` measures
        it; ``None`` without last year or for a text too short to judge."""
        last = self.previous.report
        if last is None:
            return None
        return reused_share(self.report.prose[key], last.prose[key])

    # ------------------------------------------------------------------ accepted warnings

    def accept(self, finding: Finding, reason: str) -> None:
        """Accept a warning with a reason, stored in the report (saved with it)."""
        reason = controls.clean(reason).strip()
        if self.read_only:
            raise ValueError("只读打开：不能接受警告。")
        refused = refusal(finding.rule, reason)
        if refused:
            raise ValueError(f"{refused}。")
        before = tuple(self.report.accepted)
        self.report.accept(finding.rule, finding.place, reason)
        self.history.record(AcceptEdit(before, tuple(self.report.accepted)))
        self._changed()

    @property
    def stale_acceptances(self) -> list[Acceptance]:
        """Acceptances whose warning is gone (it was corrected): 校验 lists them so that they
        can be removed, as ``check`` notes them."""
        return unused_acceptances(
            self.findings, self.report.accepted, previous=self.previous.report is not None
        )

    def unaccept(self, finding: Finding | Acceptance) -> bool:
        """Count an accepted warning again, or drop an acceptance whose warning is gone;
        ``False`` when there was no such acceptance (or the report is read-only)."""
        before = tuple(self.report.accepted)
        if self.read_only or not self.report.unaccept(finding.rule, finding.place):
            return False
        self.history.record(AcceptEdit(before, tuple(self.report.accepted)))
        self._changed()
        return True

    def balance(self) -> tuple[ColumnBalance, ...]:
        """Per column of 三: the two sides of the 勾稽关系 and the ``balance`` finding's verdict."""
        table = form.REQUESTS
        stated = {
            f.column: int(f.actual) - int(f.expected)
            for f in self.findings
            if f.rule == "balance" and isinstance(f.actual, int) and isinstance(f.expected, int)
        }
        out = []
        for column in table.columns:
            values = self.report.column_values(table.key, column.key)
            out.append(
                ColumnBalance(
                    column,
                    sum(values[k] for k in form.BALANCE_LEFT),
                    sum(values[k] for k in form.BALANCE_RIGHT),
                    stated.get(column.label),
                )
            )
        return tuple(out)

    # ------------------------------------------------------------------ cells

    def cell(self, table: str, row: str, column: str) -> Value:
        """Any cell of a table as shown in the grid, computed cells and the fee included."""
        if (table, row, column) == FEE_CELL:
            return self.report.fees
        return self.report.value(table, row, column)

    def _set(self, table: str, row: str, column: str, value: Value) -> None:
        if (table, row, column) == FEE_CELL:
            if not isinstance(value, Decimal):
                raise TypeError("the fee is a Decimal")
            self.report.set_fee(value)
        elif isinstance(value, int):
            self.report.set_count(table, row, column, value)
        else:
            raise TypeError(f"{table}.{row}.{column} holds a count, not {value!r}")

    def write(self, cells: Iterable[tuple[str, str, str, Value]]) -> Edit | None:
        """Set input cells as one undoable step; ``None`` when nothing actually changed."""
        if self.read_only:
            return None
        changes = tuple(
            CellChange(t, r, c, self.cell(t, r, c), v)
            for t, r, c, v in cells
            if not _same(self.cell(t, r, c), v)
        )
        if not changes:
            return None
        edit = Edit(changes)
        self._apply(edit)
        self.history.record(edit)
        self._changed()
        return edit

    def _apply(self, step: Step) -> None:
        """Make the report what ``step`` changed it to."""
        if isinstance(step, Edit):
            for change in step.changes:
                self._set(change.table, change.row, change.column, change.new)
        elif isinstance(step, AcceptEdit):
            self.report.accepted = list(step.new)
        elif step.key in form.PROSE_BY_KEY:
            self.report.prose[step.key] = str(step.new)
        elif step.key == "year":
            self.report.year = int(step.new)
            self.previous = find_previous(self.path, self.report)
        else:
            setattr(self.report, step.key, str(step.new))

    def undo(self) -> Step | None:
        """Take back the last edit of any kind; returns it, or ``None`` if there is none."""
        if self.read_only:
            return None
        step = self.history.undo()
        if step is not None:
            self._apply(step.inverse())
            self._changed()
        return step

    def redo(self) -> Step | None:
        if self.read_only:
            return None
        step = self.history.redo()
        if step is not None:
            self._apply(step)
            self._changed()
        return step

    # ------------------------------------------------------------------ texts

    def set_prose(self, key: str, text: str) -> None:
        text = controls.clean(text)
        if self.read_only:
            return
        old = self.report.prose[key]
        if old != text:
            self.report.prose[key] = text
            self.history.record(TextEdit(key, old, text))
            self._changed()

    def set_identity(
        self, *, agency: str | None = None, year: int | None = None, title: str | None = None
    ) -> None:
        """Agency, year or title; the caller has checked them (non-empty agency, sane year)."""
        if self.read_only:
            return
        before: tuple[str, int, str] = (self.report.agency, self.report.year, self.report.title)
        if agency is not None:
            self.report.agency = controls.clean(agency)
        if year is not None:
            self.report.year = year
        if title is not None:
            self.report.title = controls.clean(title)
        after: tuple[str, int, str] = (self.report.agency, self.report.year, self.report.title)
        if after != before:
            for index, key in enumerate(("agency", "year", "title")):
                if before[index] != after[index]:
                    self.history.record(TextEdit(key, before[index], after[index]))
            if year is not None and year != before[1]:
                # Last year is another year now: look for it again (or stop comparing).
                self.previous = find_previous(self.path, self.report)
            self._changed()

    # ------------------------------------------------------------------ files

    def save_as(self, target: Path) -> Path:
        """Write the report to the new file ``target`` and edit that one from now on: the way on
        from a read-only report. Last year's file, named relative to the report, is named
        relative to the copy. :class:`govtui.errors.SaveError` leaves all as it was (a file
        there already, another govtui holding that name)."""
        named = self.report.previous
        if named:
            self.report.previous = relative_path(self.path.parent / named, target)
        try:
            copy = self.document.save_as(self.report, target)
        except SaveError:
            self.report.previous = named
            raise
        self.document.release()
        self.document = copy
        self.read_only = None
        self.dirty = False
        for listener in self._listeners:
            listener()
        return target

    def save(self, *, overwrite: bool = False) -> Path:
        """Write the TOML file atomically; :class:`govtui.errors.SaveError` leaves all as it was.

        :class:`ReadOnly` when the session is read-only; :class:`ChangedOnDisk` when the file
        changed since it was read, unless ``overwrite``. The file as it was is kept as the
        backup (``报告.toml~``) at the first save of the session, and again before a changed
        file is overwritten, so that someone else's version is never simply lost.
        """
        if self.read_only:
            raise ReadOnly(
                f"「{controls.visible(self.path.name)}」是只读打开的（{self.read_only}），不能保存"
            )
        self.document.save(self.report, overwrite=overwrite)
        self.dirty = False
        for listener in self._listeners:
            listener()
        return self.path

    @property
    def backup_path(self) -> Path:
        return self.document.backup_path

    def restore(self, report: Report) -> None:
        """Take the edits of a recovery copy: the report becomes ``report``, unsaved (and its
        last year is looked for again: the copy may be of another year)."""
        self.report = report
        self.previous = find_previous(self.path, report)
        self.history.clear()
        self._changed()

    def export(self, name: str = "md") -> Path:
        """Write the report in the format ``name`` of :data:`govtui.io.exporters.EXPORTERS`
        next to the TOML file; :class:`govtui.errors.GovtuiError` when it cannot be written."""
        exporter = BY_NAME[name]
        target = exporter.default_path(self.path)
        exporter.write(self.report, target, through_link=False)
        return target

    def markdown(self) -> str:
        """The report as ``govtui export`` writes it in Markdown (预览 shows it). The exporter
        imports its module when it first renders: the editor's start-up does not need it."""
        return BY_NAME["md"].render(self.report).decode("utf-8")


def _same(a: Value, b: Value) -> bool:
    # Decimal("1.0") == Decimal("1") but the file keeps the digits as typed: compare spellings.
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return str(a) == str(b)
    return a == b
