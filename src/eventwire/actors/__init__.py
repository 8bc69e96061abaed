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

from ..records import Actor, ActorRef, Span
from ._kb import ActorKB, KBError, load_kb
from ._mentions import MentionFinder
from ._resolve import Resolver

__all__ = ["ActorKB", "ActorResolver", "KBError", "actor_resolver", "coordinated_index", "load_kb", "mention_index",
           "resolve_actors"]


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


def coordinated_index(doc: Doc, actors: list[Actor]) -> dict[int, list[ActorRef]]:
    """Token index → every actor of a phrase whose modifiers name several states ("US and British activists":
    USA and GBR activists), for the tokens of the noun they share; :func:`mention_index` gives those tokens only
    the last state's actor.

    Such a phrase is one actor per state, each mentioned from its state's word to the shared noun ("US and British
    activists", "British activists"), so the mentions of one phrase end together and nest."""
    by_end: dict[int, list[tuple[Span, str]]] = {}
    for actor in actors:
        for m in actor.mentions:
            if m.label != "PRON":
                by_end.setdefault(m.span.end, []).append((m.span, actor.id))
    text = doc.text
    index: dict[int, list[ActorRef]] = {}
    for spans in by_end.values():
        if len({actor_id for _, actor_id in spans}) < 2:
            continue
        spans.sort(key=lambda x: x[0].start)
        outer, inner = spans[0][0], spans[-1][0]
        gap = text[outer.start : inner.start].split()
        if not any(w.strip(",").lower() in ("and", "or", "&") or w.endswith(",") for w in gap):
            continue  # nested, not coordinated
        tokens = doc.char_span(inner.start, inner.end, alignment_mode="expand")
        refs = list({actor_id: ActorRef(actor_id, span) for span, actor_id in spans}.values())
        for token in tokens or ():
            index[token.i] = refs
    return index
