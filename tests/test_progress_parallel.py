"""The progress line on a terminal, and order-keeping parallel mapping."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import partial

import pytest

from govtui import parallel
from govtui.cli import progress
from govtui.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_erases_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(float(t) for t in range(100))
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    screen = Terminal()
    with Progress(4, "汇总", screen) as bar:
        for _ in range(4):
            bar.advance()
    text = screen.getvalue()
    assert "\r汇总 [##################------] 3/4  75%" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared at the end


def test_progress_stays_silent_when_not_a_terminal() -> None:
    pipe = io.StringIO()
    with Progress(10_000, "校验", pipe) as bar:
        for _ in range(10_000):
            bar.advance()
    assert pipe.getvalue() == ""


def test_imap_keeps_the_order_in_worker_processes() -> None:
    items = list(range(500))
    results = list(parallel.imap(partial(pow, exp=2), items, jobs=2, chunksize=7))
    assert results == [i * i for i in items]


def test_imap_reads_its_input_lazily() -> None:
    taken: list[int] = []

    def source() -> Iterator[int]:
        for i in range(10_000):
            taken.append(i)
            yield i

    results = parallel.imap(partial(pow, exp=2), source(), jobs=2, chunksize=10)
    assert next(results) == 0
    # Only a few chunks per worker are in flight, not the whole input.
    assert len(taken) <= 2 * 4 * 10 + 10
    results.close()
