"""Actor stage: who is who in a document, as of its date.

``resolve_actors(doc, date, kb)`` finds every actor mention (names, titles,
seats of power, group nouns, pronouns), codes it from the knowledge base
(country, sector, office on the document date, CAMEO code) and merges the
mentions of one real-world actor into one :class:`~eventwire.records.Actor`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from ..records import Actor
from ._kb import ActorKB, KBError, load_kb
from ._mentions import MentionFinder
from ._resolve import Resolver

__all__ = ["ActorKB", "ActorResolver", "KBError", "actor_resolver", "load_kb", "resolve_actors"]


class ActorResolver:
    """A knowledge base bound to one spaCy vocabulary; build once, use for every document."""

    def __init__(self, kb: ActorKB, nlp) -> None:
        self.kb = kb
        self.finder = MentionFinder(kb, nlp)
        self.resolver = Resolver(kb)

    def __call__(self, doc: Doc, day: str | date | None) -> list[Actor]:
        if isinstance(day, str):
            day = date.fromisoformat(day)
        return self.resolver.resolve(doc, self.finder.find(doc), day)


@lru_cache(maxsize=4)
def actor_resolver(nlp, actors_files: tuple[str, ...] = ()) -> ActorResolver:
    """The (cached) resolver for pipeline ``nlp`` with the built-in KB plus ``actors_files``."""
    return ActorResolver(load_kb(actors_files), nlp)


def resolve_actors(doc: Doc, day: str | date | None, nlp, actors_files: tuple[str, ...] = ()) -> list[Actor]:
    """The actors of ``doc`` (parsed by ``nlp``, an article dated ``day``)."""
    return actor_resolver(nlp, tuple(actors_files))(doc, day)
