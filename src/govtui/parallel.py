"""Mapping a function over a long stream of inputs on every core, in order, in bounded memory.

``concurrent.futures``' own ``map`` submits the whole input at once, and ``multiprocessing``'s
``imap`` feeds it to the workers as fast as it can: either way memory grows with the number of
inputs. Here only a few chunks per worker are in flight; the next is submitted when the oldest
is collected, so a run over fifty thousand files holds no more than one over fifty.

A worker process that dies (killed for its memory, a crash inside a C library) breaks the
whole pool and every chunk in flight with it. The chunks that did not come back are then run
again one input at a time in a process of their own, so that the input that kills its process
is found and gets its own verdict (``crashed``), and the others their real results; the run
then goes on in a fresh pool.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many inputs, starting worker processes costs more than it saves (bench/).
MIN_PARALLEL = 64


def workers(jobs: int | None) -> int:
    """How many processes to use: ``jobs`` when given, else one per core the process may use."""
    if jobs:
        return max(1, jobs)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def imap(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    chunksize: int = 32,
    expected: int | None = None,
    crashed: Callable[[T], R] | None = None,
) -> Iterator[R]:
    """``function`` over ``items``, results in input order; in ``jobs`` processes when it pays.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of one).
    ``crashed(item)`` stands for the result of an item whose process died; without it, a dead
    worker raises :class:`BrokenProcessPool` as ``concurrent.futures`` does.
    """
    if jobs <= 1 or (expected is not None and expected < MIN_PARALLEL):
        yield from map(function, items)
        return
    source = iter(items)
    while True:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            broken = yield from _through(pool, function, source, jobs, chunksize, crashed)
        if not broken:
            return


def _through(
    pool: ProcessPoolExecutor,
    function: Callable[[T], R],
    source: Iterator[T],
    jobs: int,
    chunksize: int,
    crashed: Callable[[T], R] | None,
) -> Generator[R, None, bool]:
    """Results of ``source`` through ``pool`` until it ends (``False``) or the pool breaks
    (``True``: what was in flight has been redone one by one, the rest of ``source`` is left)."""
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    run_chunk = partial(_run_chunk, function)

    def submit() -> bool:
        chunk = list(islice(source, chunksize))
        if chunk:
            pending.append((chunk, pool.submit(run_chunk, chunk)))
        return bool(chunk)

    for _ in range(jobs * 4):
        if not submit():
            break
    broken = False
    while pending:
        chunk, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            if crashed is None:
                raise
            broken = True  # nothing more goes to this pool
            results = list(_one_by_one(function, chunk, crashed))
        if not broken:
            submit()
        yield from results
    return broken


def _run_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def _one_by_one(
    function: Callable[[T], R], chunk: list[T], crashed: Callable[[T], R]
) -> Iterator[R]:
    """``chunk`` again, each item alone in one worker: the item whose process dies is known."""
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        for item in chunk:
            try:
                yield pool.submit(function, item).result()
            except BrokenProcessPool:
                yield crashed(item)
                pool.shutdown(wait=True)
                pool = ProcessPoolExecutor(max_workers=1)
    finally:
        pool.shutdown(wait=True)
