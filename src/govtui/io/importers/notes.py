"""What the importer had to assume, said once per kind and section, in Chinese.

A report that writes "/" in forty cells should get one note naming the places, not forty.
"""

from __future__ import annotations

_SHOWN = 6  # places listed before "等 N 处"


class Notes:
    def __init__(self) -> None:
        self._items: list[str] = []
        self._places: dict[tuple[str, str], list[str]] = {}

    def add(self, text: str) -> None:
        """A note of its own."""
        if text not in self._items:
            self._items.append(text)

    def at(self, section: str, what: str, place: str) -> None:
        """One more place where the same assumption was made (grouped per section and kind)."""
        places = self._places.setdefault((section, what), [])
        if place not in places:
            places.append(place)

    def all(self) -> tuple[str, ...]:
        grouped = []
        for (section, what), places in self._places.items():
            shown = "；".join(places[:_SHOWN])
            more = f" 等 {len(places)} 处" if len(places) > _SHOWN else ""
            grouped.append(f"{section}：{what}：{shown}{more}")
        return (*self._items, *grouped)
