"""Event locations: the place attached to an event's clause by a locative phrase.

From the trigger, its own locative prepositional phrases ("clashed in Caracas", "the attack near
Damascus", "troops on the border with Colombia") are searched first, then those of the clauses
it sits in (a noun event as a light verb's object: "carried out an attack in Aleppo"; an
infinitive or coordinated verb), never across a speech or belief verb's complement: where a
speaker spoke is not where the reported act happened. "X's capital" is X's capital city. A place
that is the event's source or target ("attacked Venezuela", "sanctions on Russia") is not its
location, nor is a metonymic toponym. No locative phrase: no location — never simply the first
place in the article.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer
from ..records import Event, Place
from ._words import place_words

LOCATIVE_PREPS = place_words("locative_prepositions")
ON_NOUNS = place_words("on_nouns")
CLIMB_DEPS = {"xcomp", "conj", "dobj", "advcl", "acl", "pobj", "prep", "nsubjpass", "attr", "appos"}
MAX_CLIMB = 3
CAPITAL_NOUNS = place_words("capital_nouns")


def locate(events: list[Event], places_by_token: dict[int, Place], doc: Doc, gazetteer: Gazetteer) -> None:
    """Set ``location`` on each event whose clause has a locative phrase naming a known place."""
    if not places_by_token:
        return
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None or not len(trigger):
            continue
        actor_chars = {(r.span.start, r.span.end) for r in (*event.source, *event.target)}
        place = _clause_place(trigger.root, places_by_token, actor_chars, gazetteer)
        if place is not None:
            event.location = place


def _clause_place(token: Token, places: dict[int, Place], actor_chars, gazetteer: Gazetteer) -> Place | None:
    for _ in range(MAX_CLIMB + 1):
        for prep in _locative_preps(token):
            place = _place_in(prep, places, actor_chars, gazetteer)
            if place is not None:
                return place
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _locative_preps(token: Token) -> list[Token]:
    """The token's locative phrases, then those its object carries: the parser often hangs "in Caracas" of
    "clashed with police in Caracas" on "police"."""
    direct = [c for c in token.children if c.dep_ == "prep"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
    objects += [g for c in direct if c.lower_ not in LOCATIVE_PREPS for g in c.children if g.dep_ == "pobj"]
    nested = [c for o in objects for c in o.children if c.dep_ == "prep"]
    return [p for p in direct + nested if _is_locative(p)]


def _is_locative(prep: Token) -> bool:
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return True
    if word == "on":
        return any(child.dep_ == "pobj" and child.lower_ in ON_NOUNS for child in prep.children)
    return False


def _place_in(prep: Token, places: dict[int, Place], actor_chars, gazetteer: Gazetteer) -> Place | None:
    """The first place in the prepositional phrase (or, for "X's capital", X's capital city)."""
    for token in prep.subtree:
        place = places.get(token.i)
        if place is None or (place.span.start, place.span.end) in actor_chars:
            continue
        if token.dep_ == "poss" and token.head.lower_ in CAPITAL_NOUNS and place.feature == "country":
            capital = gazetteer.capital_of(place.country)
            if capital is not None:
                return replace(place, name=capital.name, admin1=capital.admin1, geonames_id=capital.geonames_id,
                               lat=capital.lat, lon=capital.lon, feature="city")
        return place
    return None
