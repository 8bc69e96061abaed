"""Placing actors their own phrase left stateless ("President Laurent Gbagbo", "Darfur rebels", "Judge Rivera") by
the one state their sentences name.

Runs on the resolver's drafts after every mention is attached. Which mentions may place which actors:

- a news outlet is where a story came from, not whose its actors are ("rebel commanders told AFP");
- a person, or a named body, is not placed by another person's state;
- a person or a state body (``state_body_sectors``) is not placed by a state (or an organisation's home state) the
  sentence names only as a place, a topic or an object ("Defense Secretary William Perry said troops arrived in
  Bosnia", "Senator X slams Israel aid", "Obama faces pressure from Congress to help Iran", "The war on ISIS …,
  deputy national security adviser Ben Rhodes said"): such a state is where something happens or what is done to,
  not whose official acts; unless the place is in the official's own clause ("President X threatened to impose a
  curfew in Algiers").
"""

from __future__ import annotations

from spacy.tokens import Token

# dependencies of a state's name that make it a place, a topic or what is acted on, not the actor whose officials
# speak ("in Bosnia", "Israel aid", "pressure to help Iran")
_PLACE_DEPS = {"pobj", "compound", "nmod", "npadvmod", "dobj", "dative"}
# prepositions whose object is what is acted on, not where an act is ("a strike against Iranian facilities")
_TARGET_PREPS = {"against", "on", "toward", "towards"}
# dependencies that open a clause of its own (reported content, a subordinate or coordinated clause)
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"}


def clause_of(token: Token) -> int:
    """The token index of the head of the clause ``token`` belongs to (an xcomp belongs to its governing clause)."""
    while token.dep_ not in _CLAUSE_DEPS and token.head.i != token.i:
        token = token.head
    return token.i


def place_clause(kind: str, head: Token) -> int | None:
    """For a mention of a state, town or organisation ("the war on ISIS") that names only where something is, what
    it is about or what is done to it, the clause it belongs to (-1 for an object, which places no one); None for
    others."""
    if kind == "country" and head.dep_ == "amod" and _acted_on(head.head):
        return -1  # a demonym on what is acted on ("a strike against the Iranian nuclear facilities")
    if kind not in ("country", "city", "org") or head.dep_ not in _PLACE_DEPS:
        return None
    if head.dep_ in ("dobj", "dative"):
        return -1  # "Congress sanctioned Iran": not Congress's state, even in its own clause
    return clause_of(head) if head.dep_ == "pobj" or head.head.pos_ in ("NOUN", "PROPN") else None


def _acted_on(noun: Token) -> bool:
    """A thing (no person) that is the object of a verb or of a preposition of force or of a topic."""
    if noun.pos_ != "NOUN":
        return False
    return noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in _TARGET_PREPS)


def place_from_context(drafts, kb, code, places: dict[int, int], heads: dict, sectors: tuple[frozenset, frozenset]
                       ) -> None:
    """Give each unplaced actor the one state its sentences name, if they name exactly one (in place). ``places``
    maps the character offset of each mention that names a state only as a place to its clause, ``heads`` that of
    every mention to its head token; ``sectors`` are the placeable and the state-body sectors; ``code`` builds a
    CAMEO code."""
    placeable, state_bodies = sectors
    everything: dict[int, set[str]] = {}
    no_people: dict[int, set[str]] = {}  # a person is not placed by another person's state
    parties: dict[int, set[str]] = {}  # an official is not placed by a state named only as a place
    party_bodies: dict[int, set[str]] = {}  # an official person or named body by neither
    by_clause: dict[int, set[str]] = {}  # the states of place phrases, by clause
    for d in drafts:
        if d.country and d.country not in ("IGO", "NGO") and "MED" not in d.sectors:
            for start, _, _, sentence in d.mentions:
                everything.setdefault(sentence, set()).add(d.country)
                if start in places:
                    by_clause.setdefault(places[start], set()).add(d.country)
                else:
                    parties.setdefault(sentence, set()).add(d.country)
                if not d.is_person:
                    no_people.setdefault(sentence, set()).add(d.country)
                    if start not in places:
                        party_bodies.setdefault(sentence, set()).add(d.country)
    for d in drafts:
        if d.country or d.kb_id or not (d.role or set(d.sectors) & placeable):
            continue
        if "foreign" in d.name.lower().split():
            continue  # "foreign forces" are not of the state their sentence names
        official = bool(set(d.sectors) & state_bodies)
        if d.is_person or d.key[0] == "orgname":
            source = party_bodies if official else no_people
        else:
            source = parties if official else everything
        around = set().union(*(source.get(m[3], set()) for m in d.mentions if m[2] != "PRON"))
        if official and by_clause:  # and the places of its own clause
            for m in d.mentions:
                if m[2] != "PRON":
                    around |= by_clause.get(clause_of(heads[m[0]]), set())
        if len(around) == 1:
            d.country = next(iter(around))
            d.cameo_code = code(kb, d.country, d.sectors)
