"""Two-way events: a symmetric act between coordinated actors is one event per direction.

"The Philippines and France agreed to …" is PHL→FRA and FRA→PHL, as triple coders (PETRARCH2, the PLOVER GSR)
code it; the codes that are symmetric are listed in ``data/events/reciprocal.yaml``.
"""

from __future__ import annotations

import dataclasses
from itertools import permutations

from spacy.tokens import Doc, Token

from ..records import ActorRef, Event


def _matches(code: str, prefixes: frozenset[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def _token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end)
    return span[0] if span is not None and len(span) else None


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for ref in refs:
        if all(ref.actor_id != o.actor_id for o in out):
            out.append(ref)
    return out


def _between(trigger: Token | None, refs: list[ActorRef]) -> list[ActorRef]:
    """The refs inside the trigger's "between" phrase ("talks between Israel and Syria")."""
    phrase = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"] if trigger else []
    if not phrase:
        return []
    start, end = phrase[0].left_edge.idx, phrase[0].right_edge.idx + len(phrase[0].right_edge)
    return [r for r in refs if start <= r.span.start and r.span.end <= end]


def _pairs(event: Event, trigger: Token | None, partner_roots: frozenset[str],
           side_preps: frozenset[str] = frozenset()) -> list[tuple[ActorRef, ActorRef]]:
    """The ordered (source, target) pairs of a two-way event, none when it is one-way: among a compound source with
    no target ("A and B agreed"), among a target inside a "between" phrase with no source ("talks between A and
    B"), and, for codes where a named partner is a party on equal terms, between source and target ("A met with
    B", both ways; "A and B met C" is no meeting of A with B)."""
    if event.source and event.target:
        if not _matches(event.cameo_code, partner_roots):
            return []
        sources, targets = _distinct(event.source), _distinct(event.target)
        return [(s, t) for s in sources for t in targets if s.actor_id != t.actor_id] + \
            [(t, s) for t in targets for s in sources if s.actor_id != t.actor_id]
    if not event.target and trigger is not None and any(
            c.dep_ == "prep" and c.lower_ in side_preps for c in trigger.children):
        return []  # "Russia, China and France, negotiating alongside the US": one side, not each other's counterparts
    parties = _distinct(event.source or _between(trigger, event.target))
    return list(permutations(parties, 2)) if len(parties) > 1 else []


def two_way(doc: Doc, events: list[Event], roots: frozenset[str], words: frozenset[str],
            partner_roots: frozenset[str], side_preps: frozenset[str] = frozenset()) -> list[Event]:
    """``events`` with each symmetric event between coordinated actors replaced by one event per ordered pair of
    two different actors (same trigger, sentence, codes, modality, reporter and confidence); ids renumbered."""
    out: list[Event] = []
    for event in events:
        trigger = _token(doc, event)
        symmetric = _matches(event.cameo_code, roots) or trigger is not None and trigger.lemma_.lower() in words
        pairs = _pairs(event, trigger, partner_roots, side_preps) if symmetric else []
        if not pairs:
            out.append(event)
            continue
        for source, target in pairs:
            out.append(dataclasses.replace(event, source=[source], target=[target],
                                           plover_contexts=list(event.plover_contexts),
                                           reported_by=list(event.reported_by)))
    for n, event in enumerate(out, 1):
        event.id = f"e{n}"
    return out
