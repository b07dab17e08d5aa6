"""What a rule reports: :class:`Finding` and its places, where the rules find them.

The type itself lives below the rules, in :mod:`govtui.finding` (the desk unpickles findings
without loading the engine); the places in :mod:`govtui.places`.
"""

from govtui.finding import SEVERITY_LABEL, Counts, Finding, count, verdict_json
from govtui.places import CellRef, parse_cell, place_key, place_label
from govtui.policy import Severity

__all__ = [
    "SEVERITY_LABEL",
    "CellRef",
    "Counts",
    "Finding",
    "Severity",
    "count",
    "parse_cell",
    "place_key",
    "place_label",
    "verdict_json",
]
