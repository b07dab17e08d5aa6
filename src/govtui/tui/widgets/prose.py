"""A prose field of the report: its heading, a wrapping editor, a character count, its findings,
and, when last year's report is known, how much of the text is last year's (as ``copied_text``
measures it), so that a clerk rewriting a copied section sees the share fall.

Long sections are easier in a real editor, so ctrl+o hands the text to ``$VISUAL``/``$EDITOR``
with the app suspended (as vim users over SSH expect) and takes the result back.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from govtui import form
from govtui.controls import clean
from govtui.rules import Finding
from govtui.tui.messages import Notice
from govtui.tui.widgets.in_order import KeysInOrder


def count_characters(text: str) -> int:
    """字数 as clerks count it: every character that is not white space.

    Counted per keystroke, so in C: ``str.split`` splits at exactly the characters
    ``str.isspace`` calls white space (1 MB of text: milliseconds, not a quarter second).
    """
    return sum(map(len, text.split()))


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


class TextEditor(TextArea, KeysInOrder, inherit_bindings=False):
    """A wrapping text editor whose keys take effect in the order typed (see ``in_order``).

    Without TextArea's own undo and redo: ctrl+z and ctrl+y go to the editor's one history
    (``tui/history.py``), which takes the text back with every other kind of edit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b
        for b in TextArea.BINDINGS
        if not (isinstance(b, Binding) and b.action in ("undo", "redo"))
    ]


class ProseEditor(Vertical):
    """One prose field; posts :class:`ProseEditor.Changed` as the text changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+o",
            "external_edit",
            "外部编辑器",
            tooltip="用外部编辑器（$VISUAL 或 $EDITOR，默认 vi）编辑当前栏",
        ),
    ]

    DEFAULT_CSS = """
    ProseEditor {
        height: auto;
        margin-bottom: 1;
        & > .prose--heading { text-style: bold; color: $text-primary; }
        & > TextArea { height: auto; min-height: 4; max-height: 14; }
        & > .prose--meta { color: $text-muted; }
    }
    """

    class Changed(Message):
        def __init__(self, editor: ProseEditor, key: str, text: str) -> None:
            super().__init__()
            self.editor = editor
            self.key = key
            self.text = text

    def __init__(self, field: form.ProseField, text: str) -> None:
        super().__init__(id=field.key.replace(".", "-"))
        self.field = field
        self._text = text
        self._findings: tuple[tuple[str, str], ...] = ()  # (message, reason when accepted)
        self._share: float | None = None

    @property
    def text_area(self) -> TextArea:
        return self.query_one(TextArea)

    def compose(self) -> ComposeResult:
        yield Label(self.field.heading or self.field.label, classes="prose--heading")
        yield TextEditor(self._text, soft_wrap=True, tab_behavior="focus", compact=True)
        yield Static(self._meta(self._text), classes="prose--meta")

    def _meta(self, text: str) -> Content:
        parts = [Content(f"字数 {count_characters(text)}")]
        if self._share is not None:
            parts.append(Content(f"  与上年相同 {self._share:.0%}"))
        for message, reason in self._findings:
            if reason:
                parts.append(
                    Content.from_markup(
                        "  [$text-muted]已接受的警告：$message（理由：$reason）[/]",
                        message=message,
                        reason=reason,
                    )
                )
            else:
                parts.append(
                    Content.from_markup("  [$text-warning]警告：$message[/]", message=message)
                )
        return Content("").join(parts)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        self.query_one(".prose--meta", Static).update(self._meta(text))
        self.post_message(self.Changed(self, self.field.key, text))

    def show_findings(self, findings: Sequence[Finding], share: float | None = None) -> None:
        """The findings about this field, and the share of its text that is last year's."""
        shown = tuple((f.message, f.accepted) for f in findings)
        if (shown, share) != (self._findings, self._share):
            self._findings, self._share = shown, share
            self.query_one(".prose--meta", Static).update(self._meta(self.text_area.text))

    def set_text(self, text: str) -> None:
        """Replace the whole text as one undoable step of the editor."""
        area = self.text_area
        if area.text != text:
            area.replace(text, (0, 0), area.document.end)

    def action_external_edit(self) -> None:
        if self.text_area.read_only:
            self.post_message(Notice("只读打开：不能修改。", error=True))
            return
        command = editor_command()
        original = self.text_area.text
        # The name says which field it is (in the editor's title bar, in ``ps``).
        prefix = f"govtui-{self.field.key.replace('.', '-')}-"
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".txt")
        path = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                # A text file ends with a newline: a script appending a line must not join
                # it to the last paragraph. It is taken off again below.
                file.write(original if original.endswith("\n") else original + "\n")
            try:
                with self.app.suspend():
                    result = subprocess.run([*command, str(path)], check=False)
            except SuspendNotSupported:
                self.post_message(Notice("这个终端不能暂停程序，无法打开外部编辑器。", error=True))
                return
            except OSError as error:
                self.post_message(
                    Notice(f"无法启动编辑器「{' '.join(command)}」：{error.strerror}", error=True)
                )
                return
            if result.returncode != 0:
                self.post_message(
                    Notice(f"编辑器退出码 {result.returncode}，文字未改动。", error=True)
                )
                return
            text = path.read_text(encoding="utf-8")
        finally:
            path.unlink(missing_ok=True)
        text = clean(text)  # an editor can write anything: CR LF, escape sequences
        # Editors end the file with a newline that the text did not have.
        if text.endswith("\n") and not original.endswith("\n"):
            text = text[:-1]
        self.set_text(text)
        self.text_area.focus()
        self.post_message(Notice(f"已从外部编辑器取回「{self.field.label}」。"))
