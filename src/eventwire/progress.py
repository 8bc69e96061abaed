"""Progress reporting that shows on a terminal and stays quiet in pipes and CI."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from tqdm import tqdm


def progress_enabled(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("EVENTWIRE_NO_PROGRESS"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def progress_bar(total: int | None, *, enabled: bool, desc: str = "articles") -> tqdm:
    """A documents/s bar with ETA on stderr; a silent no-op when not ``enabled``."""
    return tqdm(
        total=total,
        disable=not enabled,
        desc=desc,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
        mininterval=0.5,
    )
