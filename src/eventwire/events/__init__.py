"""Event stage: who did what to whom, coded in CAMEO and PLOVER, with negation, hypotheticals and reported speech.

``event_coder(files)(doc, actors, sentences, day)`` returns the events of a parsed document whose actors are
resolved. The knowledge (triggers, codes, modality words) is in ``eventwire/data/events/``.
"""

from __future__ import annotations

from functools import lru_cache

from ._detect import EventDetector
from ._lexicon import CameoCode, Entry, Lexicon, LexiconError, load_lexicon

__all__ = ["CameoCode", "Entry", "EventDetector", "Lexicon", "LexiconError", "event_coder", "load_lexicon"]


@lru_cache(maxsize=4)
def event_coder(events_files: tuple[str, ...] = ()) -> EventDetector:
    """The (cached) detector with the built-in lexicon plus ``events_files``."""
    return EventDetector(load_lexicon(events_files))
