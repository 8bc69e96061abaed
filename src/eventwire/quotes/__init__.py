"""Quote stage: direct quotations and reported speech, with speaker, cue and channel.

``quote_finder().find(doc, actors)`` returns the quotes of a parsed document whose actors are resolved;
``link_events(events, quotes)`` marks the events told inside a quote as reported by its speaker. The cue words
are in ``eventwire/data/quotes/cues.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from ..records import Event, Quote
from ._attribute import QuoteFinder
from ._cues import Cues, CuesError, load_cues
from ._marks import Quoted, find_quoted

__all__ = ["Cues", "CuesError", "QuoteFinder", "Quoted", "find_quoted", "link_events", "load_cues", "quote_finder"]


@lru_cache(maxsize=4)
def quote_finder(quotes_files: tuple[str, ...] = ()) -> QuoteFinder:
    """The (cached) finder with the built-in cue lists plus the user's cue files."""
    return QuoteFinder(load_cues(quotes_files))


def link_events(events: list[Event], quotes: list[Quote]) -> None:
    """An event whose trigger lies inside a quote with a known speaker is reported by that speaker."""
    attributed = [q for q in quotes if q.speaker is not None]
    for event in events:
        if event.reported_by:
            continue
        for quote in attributed:
            if quote.content.start <= event.trigger.start and event.trigger.end <= quote.content.end:
                event.reported_by = [quote.speaker]
                break
