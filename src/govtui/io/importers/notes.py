"""What the importer had to assume, said once per kind and section, in Chinese.

A report that writes "/" in forty cells should get one note naming the places, not forty.
"""

from __future__ import annotations

_SHOWN = 6  # places listed before "等 N 处"


class Notes:
    def __init__(self) -> None:
        self._items: list[str] = []
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
        return (*self._items, *grouped)
