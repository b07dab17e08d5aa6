"""Text fields whose keys take effect in the order they were typed (Textualize/textual#6605).

Textual 8 inserts an Input's or a TextArea's printable characters in the widget's own key
handler, but runs its bound keys (Backspace, the arrows, Home, End...) only after the key event
has bubbled back up to the App, several queue hops later. Keys that arrive in one read — fast
typing over a slow SSH link, which batches them — then overtake each other: ``b a Backspace c``
became ``bac``, not ``bc``. The grid routes every key through its bindings; these fields run
their own bindings at once, in the key handler, as the upstream fix (PR #6631) does. Which
binding runs is unchanged: the focused widget is the first place the App would look anyway.
"""

from __future__ import annotations

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual.widget import Widget
from textual.widgets import Input

# Textual reads Esc and a digit arriving together (a fast typist over SSH: Esc to cancel, then
# the new number) as macOS's Option+digit, a symbol (Esc 7 is "¶"). No clerk types those in a
# report: each stands for the Esc and the digit it came from.
ESCAPED_DIGITS: dict[str, str] = {
    symbol: digit
    for digit in "0123456789"
    if isinstance(symbol := ANSI_SEQUENCES_KEYS.get(f"\x1b{digit}"), str)
}


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own binding of this key now, as the app would later; ``True`` when one
    ran (the event is then stopped). A binding whose ``check_action`` says no is passed over,
    so that the key goes on to the screen and the app."""
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class KeysInOrder(Widget):
    """Mixed in after a stock editing widget (``class Field(Input, KeysInOrder)``), so that the
    stock class stays first for Textual's CSS and component classes, and its key handler runs
    first: it takes the printable characters, this one the widget's own bound keys."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls ``_on_key`` of every class in the MRO until one prevents the default:
        # a printable character never gets here, and a key bound to nothing goes on as before.
        await run_own_binding(self, event)


# A year field takes digits only (full-width ones too, from a Chinese input method).
YEAR = r"[0-9０-９]*"


class TextField(Input, KeysInOrder):
    """A one-line text field (the multi-line one is :class:`~govtui.tui.widgets.prose.TextEditor`:
    TextArea's modules are loaded only for the screens that show prose)."""
