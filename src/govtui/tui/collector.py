"""The garbage collector around an app's session.

``govtui`` starts an app with the collector off (``cli.APPS``): start-up makes hundreds of
thousands of objects, and each automatic collection would walk every module made so far again.
Everything made by then lives as long as the app, so :func:`collecting` freezes it (out of the
collector's sight for good, as a full collection once walked it in the first frame, ~40 ms) and
turns the collector on for the session: a day at the desk or in the editor must not grow
without bound.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collecting() -> Iterator[None]:
    """Run an app's session with the collector on and what start-up made frozen."""
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
