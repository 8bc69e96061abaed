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

from ..records import Actor, ActorRef
from ._kb import ActorKB, KBError, load_kb
from ._mentions import MentionFinder
from ._resolve import Resolver

__all__ = ["ActorKB", "ActorResolver", "KBError", "actor_resolver", "load_kb", "mention_index", "resolve_actors"]


class ActorResolver:
    """A knowledge base bound to one spaCy vocabulary; build once, use for every document."""

    def __init__(self, kb: ActorKB, nlp) -> None:
        self.kb = kb
        self.finder = MentionFinder(kb, nlp)
        self.resolver = Resolver(kb)

    def __call__(self, doc: Doc, day: str | date | None) -> list[Actor]:
        if isinstance(day, str):
            day = date.fromisoformat(day)
        return self.resolver.resolve(doc, self.finder.find(doc, day), day)


@lru_cache(maxsize=4)
def actor_resolver(nlp, actors_files: tuple[str, ...] = ()) -> ActorResolver:
    """The (cached) resolver for pipeline ``nlp`` with the built-in KB plus ``actors_files``."""
    return ActorResolver(load_kb(actors_files), nlp)


def resolve_actors(doc: Doc, day: str | date | None, nlp, actors_files: tuple[str, ...] = ()) -> list[Actor]:
    """The actors of ``doc`` (parsed by ``nlp``, an article dated ``day``)."""
    return actor_resolver(nlp, tuple(actors_files))(doc, day)


def mention_index(doc: Doc, actors: list[Actor]) -> dict[int, ActorRef]:
    """Token index → the actor mention covering it (the innermost, shortest mention wins), for the stages that
    read actors off the parse (events, quotes)."""
    spans = sorted(((m.span, a.id) for a in actors for m in a.mentions), key=lambda x: -(x[0].end - x[0].start))
    index: dict[int, ActorRef] = {}
    for span, actor_id in spans:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        for token in tokens:
            index[token.i] = ActorRef(actor_id, span)
    return index
