"""Places stage: toponyms resolved against the offline gazetteer, and event locations.

``find_places(doc, actors)`` lists the document's places, one per mention, each resolved in the
context of the whole document (see :mod:`._resolve`). Metonyms — a capital or city standing for its
government ("Washington said") — are left out of ``places``; a country that acts ("Venezuela
rejected …") stays a place (it names the land as well as the state), but no metonymic mention is
ever an event location. A place inside an organisation's name ("Minnesota Department of
Transportation") is a toponym but no place of the document. A street or numbered road ("Main Street",
"Highway 10") is a place of feature ``street`` at its town's point, without a GeoNames id. :func:`resolved_toponyms` gives every
toponym with its flags (what ``eventwire eval places`` scores). ``locate_events(events, places, doc)`` sets each event's ``location`` from
the locative phrase of its clause (see :mod:`._locate`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import GeoName, gazetteer
from ..records import Actor, Event, Place, Span
from ._locate import locate
from ._resolve import distance_km, resolve
from ._toponyms import Toponym, find_toponyms
from ._words import place_words

GEOGRAPHIC_WORDS = place_words("geographic_words")

__all__ = ["distance_km", "find_places", "locate_events", "places_and_locations", "resolved_toponyms"]


def resolved_toponyms(doc: Doc, actors: list[Actor], text: str | None = None) -> list[tuple[Toponym, Place]]:
    """Every toponym mention (metonymic ones too, flagged on the toponym) with its resolved place."""
    text = doc.text if text is None else text
    gaz = gazetteer()
    toponyms = find_toponyms(doc, text, actors, gaz)
    mentioned = {(m.span.start, m.span.end) for a in actors for m in a.mentions}
    # a name the gazetteer does not know is kept only when it says what it is ("Lake Vermont", "Zion National
    # Park"): most are the NER's mistakes ("Brexit", "G7", a surname)
    return [(t, _place(t, g)) for t, g in zip(toponyms, resolve(toponyms, text, actors, gaz))
            if g is not None or ((t.start, t.end) not in mentioned and t.text.split()[-1] in GEOGRAPHIC_WORDS)]


def find_places(doc: Doc, actors: list[Actor], text: str | None = None) -> list[Place]:
    """The document's places in text order, metonymic cities (a capital for its government) left out."""
    return [place for toponym, place in resolved_toponyms(doc, actors, text) if _literal(toponym, place)]


def locate_events(events: list[Event], places: list[Place], doc: Doc,
                  metonyms: set[tuple[int, int]] = frozenset()) -> None:
    """Give each event the place its clause's locative phrase names (else leave ``location`` None).

    ``metonyms``: (start, end) character spans of places that stand for a government (never a location).
    """
    by_token: dict[int, Place] = {}
    for place in places:
        if (place.span.start, place.span.end) in metonyms:
            continue
        tokens = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        for token in tokens or ():
            by_token[token.i] = place
    locate(events, by_token, doc, gazetteer())


def places_and_locations(doc: Doc, actors: list[Actor], events: list[Event], text: str | None = None) -> list[Place]:
    """The pipeline's stage: :func:`find_places`, then :func:`locate_events` without the metonyms."""
    found = resolved_toponyms(doc, actors, text)
    places = [p for t, p in found if _literal(t, p)]
    locate_events(events, places, doc, {(t.start, t.end) for t, _ in found if t.metonymic})
    return places


def _literal(toponym: Toponym, place: Place) -> bool:
    """Whether a mention goes into ``places``: not a capital for its government, not part of an organisation's
    name, and known to the gazetteer unless the NER tagged it a place by itself."""
    return not (toponym.metonymic and place.feature == "city") and not toponym.embedded


def _place(toponym: Toponym, g: GeoName | None) -> Place:
    span = Span(toponym.start, toponym.end, toponym.text)
    if g is None:
        return Place(span=span, name=toponym.text)
    return Place(span=span, name=g.name, country=g.country, admin1=g.admin1, geonames_id=g.geonames_id,
                 lat=round(g.lat, 5), lon=round(g.lon, 5), feature=g.feature)
