"""What the importer had to assume, said once per kind and section, in Chinese.

A report that writes "/" in forty cells should get one note naming the places, not forty.
"""

from __future__ import annotations

from govtui import form

_SHOWN = 6  # places listed before "等 N 处"


class Notes:
    def __init__(self) -> None:
        self._items: list[str] = []
        # Cells printed blank, "/", "-" or "—" (table, row, column, as printed): blank_cell.
        self.blank_cells: list[tuple[str, str, str, str]] = []
        self._places: dict[tuple[str, str], dict[str, list[str]]] = {}

    def add(self, text: str) -> None:
        """A note of its own."""
        if text not in self._items:
            self._items.append(text)

    def at(self, section: str, what: str, place: str, detail: str = "") -> None:
        """One more place where the same assumption was made (grouped per section and kind;
        the details of one place, such as its columns, are listed together)."""
        details = self._places.setdefault((section, what), {}).setdefault(place, [])
        if detail and detail not in details:
            details.append(detail)

    def all(self) -> tuple[str, ...]:
        grouped = []
        for (section, what), by_place in self._places.items():
            places = [f"{p}（{'、'.join(d)}）" if d else p for p, d in by_place.items()]
            shown = "；".join(places[:_SHOWN])
            more = f" 等 {len(places)} 处" if len(places) > _SHOWN else ""
            grouped.append(f"{section}：{what}：{shown}{more}")
        return tuple(sorted((*self._items, *grouped), key=_section_order))


def _section_order(note: str) -> int:
    """Notes in the order of the report: general ones first, then by section."""
    for index, section in enumerate(form.SECTIONS):
        if note.startswith(section.heading):
            return index + 1
    return 0
