"""Mapping a function over a long stream of inputs on every core, in order, in bounded memory.

``concurrent.futures``' own ``map`` submits the whole input at once, and ``multiprocessing``'s
``imap`` feeds it to the workers as fast as it can: either way memory grows with the number of
inputs. Here only a few chunks per worker are in flight; the next is submitted when the oldest
is collected, so a run over fifty thousand files holds no more than one over fifty.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
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
) -> Iterator[R]:
    """``function`` over ``items``, results in input order; in ``jobs`` processes when it pays.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of one).
    """
    if jobs <= 1 or (expected is not None and expected < MIN_PARALLEL):
        yield from map(function, items)
        return
    source = iter(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[R]]] = deque()
        run_chunk = partial(_run_chunk, function)

        def submit() -> bool:
            chunk = list(islice(source, chunksize))
            if chunk:
                pending.append(pool.submit(run_chunk, chunk))
            return bool(chunk)

        for _ in range(jobs * 4):
            if not submit():
                break
        while pending:
            results = pending.popleft().result()
            submit()
            yield from results


def _run_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]
