"""The garbage collector around an app's session.

``govtui`` starts an app with the collector off (``cli.APPS``): start-up makes hundreds of
thousands of objects, and each automatic collection would walk every module made so far again.
Everything made by then lives as long as the app, so :class:`CollectingApp` freezes it (out of
the collector's sight for good, as a full collection once walked it in the first frame, ~40 ms)
and turns the collector on for the session: a day at the desk or in the editor must not grow
without bound.
"""

from __future__ import annotations

import gc
from typing import Any, TypeVar

from textual.app import App

ReturnType = TypeVar("ReturnType")


class CollectingApp(App[ReturnType]):
    """An app whose session runs with the collector on and what start-up made frozen."""

    def run(self, *args: Any, **kwargs: Any) -> Any:
        gc.freeze()
        gc.enable()
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.unfreeze()
