"""The one place the desk loads its readers (:mod:`govtui.desk.reading`: the reports' readers,
the model, pydantic and the rule engine), the first time something must be read or checked.

A look with nothing changed since the last finds everything in the cache and needs none of
them: loading them anyway cost a warm 30-unit launch about 75 ms of imports, a third of it
(median of fresh processes, 2-core machine; see the README's desk speed section).
"""

from __future__ import annotations

from types import ModuleType


def readers() -> ModuleType:
    """:mod:`govtui.desk.reading`, imported on first use."""
    from govtui.desk import reading  # noqa: PLC0415 -- the model and the rules, only when needed

    return reading
