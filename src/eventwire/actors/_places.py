"""Where actors are: the states that place names, place phrases and city names stand for.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder`: "students throughout Indonesia", "a terror group
based in Trinidad", "the president of Colombia", "the deputy governor of the Tyumen region", "rockets hit Sderot".
"""

from __future__ import annotations

from spacy.tokens import Token

from ._kb import SurfaceRef

_LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "within", "around",
                   "toward", "towards", "through", "throughout", "via", "between", "on", "over", "off"}
_POSSESSIVES = ("'s", "’s", "'", "’")
_PLACE_KINDS = ("country", "demonym", "capital", "region")
_UNIT_NOUNS = {"province", "region", "state", "republic", "territory", "district", "enclave", "area"}


def _clean_name(text: str) -> str:
    name = " ".join(text.split())
    for suffix in _POSSESSIVES:
        name = name.removesuffix(suffix).rstrip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name


class PlaceFinder:
    """Place lookups of a mention finder (needs ``kb``, ``place_verbs``, ``_is_actor_head`` and ``_np_range``)."""

    def _state_of(self, ref: SurfaceRef) -> str:
        return self.kb.regions[ref.id].country if ref.kind == "region" else ref.id

    def _place(self, head: Token, kb_at, ent_at, end: int) -> tuple[str | None, int]:
        """The state a group is in, from a place phrase right after it ("students throughout Indonesia",
        "a terror group based in Trinidad", "settlers in the West Bank city of Hebron"), and the end of the
        phrase that then includes the place."""
        preps = ("in", "from", "inside", "throughout", "across", "of")
        for child in head.rights:
            if child.i != end:
                continue
            if child.dep_ == "prep" and child.lower_ in preps:
                found = self._place_of(child, kb_at, ent_at)
            elif child.dep_ in ("acl", "amod") and child.lower_ in self.place_verbs:
                prep = next((c for c in child.rights if c.dep_ == "prep" and c.lower_ in preps), None)
                found = self._place_of(prep, kb_at, ent_at) if prep is not None else None
            else:
                found = None
            if found:
                return found[0], found[1]
        return None, end

    def _place_of(self, prep: Token, kb_at, ent_at) -> tuple[str, int] | None:
        """The state a place phrase names, and where the phrase ends (None if it names no place)."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or (pobj.i not in kb_at and self._is_actor_head(pobj, kb_at, ent_at)):
            return None  # "doctors from two aid groups": a body, not a place
        end = max(self._np_range(pobj)[1], pobj.i + 1)
        iso3 = self._place_state(pobj, kb_at, ent_at)
        return (iso3, end) if iso3 else None

    def _place_state(self, pobj: Token, kb_at, ent_at) -> str | None:
        for token in pobj.subtree:
            for ref in kb_at.get(token.i, (0, 0, []))[2]:
                if ref.kind in _PLACE_KINDS:
                    return self._state_of(ref)
                if ref.kind in ("person", "org", "people"):
                    return None
        ent = ent_at.get(pobj.i)
        if ent is not None and ent.label_ == "GPE":
            city = _city(ent)
            return city.country if city is not None else None
        return None

    def _of_country(self, head: Token, kb_at, preps: tuple[str, ...]) -> str | None:
        """The state named in a prepositional phrase on ``head`` ("the president of Colombia")."""
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # "of Colombia", "of the Tyumen region"
                    for t in (pobj, *(c for c in pobj.lefts if c.dep_ in ("compound", "amod", "poss"))):
                        for ref in kb_at.get(t.i, (0, 0, []))[2]:
                            if ref.kind in _PLACE_KINDS:
                                return self._state_of(ref)
        return None


def _city(ent):
    """The best-known city of that name in the gazetteer, unless another country has one nearly as big."""
    from ..gazetteer import gazetteer

    name = _clean_name(ent.text)
    found = gazetteer().cities_named(name)
    if not found:
        return gazetteer().us_state(name)  # "Texas", "Ohio" (a US state the knowledge base does not list)
    if len(found) > 1 and found[1].country != found[0].country and found[1].population * 3 > found[0].population:
        return None
    return found[0]


def _known_place(name: str) -> str | None:
    """The state of the best-known real place of that name (a city, a US state): "Columbia" is no misspelt
    Colombia, "Khatmandu" is Nepal's capital all the same."""
    from ..gazetteer import gazetteer

    place = next(iter(gazetteer().cities_named(name)), None) or gazetteer().us_state(name)
    return place.country if place is not None else None


def _inside_other_place(span, ent_at) -> bool:
    ent = ent_at.get(span.start)
    if ent is None or ent.label_ not in ("GPE", "LOC", "FAC"):
        return False
    inner = _clean_name(ent.text)
    if ent.start == span.start and ent.end == span.end + 1 and ent[-1].lower_ in _UNIT_NOUNS:
        return False  # "Montenegro province": the state's name, with a word for what part of it is meant
    return (ent.start < span.start or ent.end > span.end) and inner != span.text and len(ent) > len(span) + (
        ent[0].lower_ == "the") + (ent[-1].lower_ in _POSSESSIVES)


def _is_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS
