"""Reading a govtui HTML export with the standard library's parser, as a test sees the page:
its tags, its identity tags, its headings and the text of each prose field."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str, str | None]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[str, str]] = field(default_factory=list)
    prose: dict[str, list[str]] = field(default_factory=dict)  # field key -> its <p> texts
    title: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._field: str | None = None
        self._capture: str | None = None  # the tag whose text is being collected
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append(tag)
        self.page.attributes.extend((tag, name, value) for name, value in attrs)
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.page.meta[values["name"] or ""] = values.get("content") or ""
        if tag == "div" and values.get("data-field"):
            self._field = values["data-field"]
            self.page.prose[self._field or ""] = []
        if tag in ("p", "h1", "h2", "h3", "title"):
            self._capture, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self._field = None
        if tag != self._capture:
            return
        text = "".join(self._text)
        if tag == "p" and self._field is not None:
            self.page.prose[self._field].append(text)
        elif tag == "title":
            self.page.title = text
        elif tag != "p":
            self.page.headings.append((tag, text))
        self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._text.append(data)


def read(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page
