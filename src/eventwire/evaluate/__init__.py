"""Evaluations against the third-party gold sets in ``../shared/data`` (never shipped with eventwire).

Each ``evaluate_*`` function takes the data directory and settings and
returns a plain dict of scores plus the misses; ``eventwire eval`` prints it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._actors import evaluate_actors
from ._dates import evaluate_dates
from ._events import evaluate_events
from ._petrarch import evaluate_petrarch
from ._places import evaluate_places
from ._quotes import evaluate_quotes

__all__ = ["DataMissing", "default_data_dir", "evaluate_actors", "evaluate_dates", "evaluate_events",
           "evaluate_petrarch", "evaluate_places", "evaluate_quotes"]


class DataMissing(FileNotFoundError):
    """A gold set is not where the evaluation looks for it."""


def default_data_dir() -> Path:
    """``$EVENTWIRE_DATA``, else ``../shared/data`` from the working directory or from the source tree."""
    if os.environ.get("EVENTWIRE_DATA"):
        return Path(os.environ["EVENTWIRE_DATA"])
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"
