"""Where actors are: the states that place names, place phrases and city names stand for.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder`: "students throughout Indonesia", "a terror group
based in Trinidad", "the president of Colombia", "the deputy governor of the Tyumen region", "rockets hit Sderot".
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ._kb import SurfaceRef

_LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "within", "around",
                   "toward", "towards", "through", "throughout", "via", "between", "on", "over", "off"}
_POSSESSIVES = ("'s", "’s", "'", "’")
_PLACE_KINDS = ("country", "demonym", "capital", "region")
_CLAUSE_PLACE_PREPS = {"in", "at", "near", "across", "throughout", "outside", "inside", "around"}
_DIRECTIONS = {f"{p}{d}{s}" for d in ("north", "south", "east", "west") for p in ("", "-") for s in ("", "ern")} | {
    f"{a}{sep}{b}{s}" for a in ("north", "south") for b in ("east", "west") for sep in ("", "-") for s in ("", "ern")
} | {"central"}
_TOWN_POPULATION = 100_000  # a town NER took for an organisation is read as a town from this size on
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

    doc_states: frozenset[str] = frozenset()  # the states the document being read names (set by ``find``)

    def _read_states(self, doc, kb_at) -> None:
        """Note the states the document names (``doc_states``), after dropping capitals that name a namesake."""
        spans = {(s, e): refs for s, e, refs in kb_at.values()}
        named = {key: {self._state_of(r) for r in refs if r.kind in _PLACE_KINDS} for key, refs in spans.items()}
        for (s, e), refs in spans.items():
            if refs and all(r.kind == "capital" for r in refs):
                others = frozenset().union(*(v for k, v in named.items() if k != (s, e)))
                if others and _capital_namesake(doc[s:e].text, refs[0].id, others):
                    for i in range(s, e):
                        del kb_at[i]
                    named[(s, e)] = set()
        self.doc_states = frozenset().union(*named.values()) if named else frozenset()

    def _shared_names(self, doc: Doc, kb_at, day: date | None) -> None:
        """Read a short name two states share ("Congo") as the one the document or its date says."""
        if not self.shared_names:
            return
        for s, e, refs in {(s, e): (s, e, refs) for s, e, refs in kb_at.values()}.values():
            if not refs or refs[0].kind != "country":
                continue
            shared = self.shared_names.get(doc[s:e].text.casefold())
            if shared is None:
                continue
            now, before, since = shared
            others = {self._state_of(r) for s2, e2, rs in kb_at.values() if (s2, e2) != (s, e) for r in rs
                      if r.kind in _PLACE_KINDS}
            if (now in others) != (before in others):
                state = now if now in others else before
            else:
                state = now if day is not None and day >= since else before
            for i in range(s, e):
                kb_at[i] = (s, e, [SurfaceRef("country", state)])

    def _city(self, ent):
        return _city(ent, self.doc_states)

    def _towns_as_places(self, ents: list) -> list:
        """The entities, with a big town NER called an organisation where a place phrase names it ("Police in
        Karachi") relabelled a place: no body the knowledge base knows, none its name says."""
        from ._bodies import _letters

        out = []
        for ent in ents:
            if (ent.label_ == "ORG" and _clean_name(ent.text) not in self.kb.surfaces and _is_locative(ent.root)
                    and self._org_name_sector(ent) is None):
                city = _city(ent)
                if city is not None and city.population >= _TOWN_POPULATION and (
                        _letters(city.name) == _letters(_clean_name(ent.text))):
                    ent = Span(ent.doc, ent.start, ent.end, label="GPE")
            out.append(ent)
        return out

    def _state_of(self, ref: SurfaceRef) -> str:
        return self.kb.regions[ref.id].country if ref.kind == "region" else ref.id

    def _place(self, head: Token, kb_at, ent_at, end: int) -> tuple[str | None, int]:
        """The state a group is in, from a place phrase right after it ("students throughout Indonesia",
        "a terror group based in Trinidad", "settlers in the West Bank city of Hebron"), and the end of the
        phrase that then includes the place."""
        preps = ("in", "from", "inside", "throughout", "across", "of", "near")
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
            city = self._city(ent)
            return city.country if city is not None else None
        return None

    def _possessor_state(self, head: Token, kb_at, sent: bool = False) -> str | None:
        """The state "its"/"their" on a group stands for: the subject of the clause around it ("Russia said its
        troops would leave", "Argentina apologized for one of its gunboats"); with ``sent``, also the state that
        sends a force ("Britain is deploying 300 troops")."""
        sending = sent and head.dep_ == "dobj" and head.head.lemma_.lower() in self.sending_verbs
        if not sending and not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.lefts):
            return None
        token = head
        while token.head.i != token.i:
            token = token.head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i), None)
            if subject is not None:
                for ref in kb_at.get(subject.i, (0, 0, []))[2]:
                    if ref.kind in _PLACE_KINDS:
                        return self._state_of(ref)
                    if ref.kind == "seat":
                        return self.kb.seats[ref.id].country
                    if ref.kind == "org" and self.kb.organizations[ref.id].country:
                        return self.kb.organizations[ref.id].country
                return None
        return None

    def _clause_place(self, head: Token, kb_at, ent_at) -> str | None:
        """The state where the clause a group takes part in happens ("Hundreds of thousands of people blocked
        streets in Hong Kong", "Prisoners rioted at a jail in Dili"): people are placed by what they do there."""
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i < head.i:
            head = head.head.head  # "thousands of people": the count is the verb's argument
        if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = head.head
        scopes = [c for c in verb.children if c.dep_ == "dobj" and c.i != head.i] + [verb]
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            scopes.append(verb.head)  # "rioted at a jail in Dili, joining thousands of demonstrators"
        for scope in scopes:
            for prep in scope.children:
                if prep.dep_ == "prep" and prep.lower_ in _CLAUSE_PLACE_PREPS:
                    iso3 = self._place_in(prep, kb_at, ent_at, depth=2)
                    if iso3:
                        return iso3
        return None

    def _place_in(self, prep: Token, kb_at, ent_at, depth: int) -> str | None:
        """The state of a place phrase's object, or of a place phrase on it ("at a jail in Dili")."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        for t in (pobj, *(c for c in pobj.lefts if c.dep_ in ("compound", "poss", "amod"))):
            for ref in kb_at.get(t.i, (0, 0, []))[2]:
                if ref.kind in _PLACE_KINDS:
                    return self._state_of(ref)
                if ref.kind in ("person", "org", "people", "seat"):
                    return None
        ent = ent_at.get(pobj.i)
        if ent is not None and ent.label_ == "GPE":
            city = self._city(ent)
            return city.country if city is not None else None
        if depth > 1 and pobj.pos_ == "NOUN" and not self._is_actor_head(pobj, kb_at, ent_at):
            for child in pobj.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "of", "near", "outside"):
                    iso3 = self._place_in(child, kb_at, ent_at, depth - 1)
                    if iso3:
                        return iso3
        return None

    def _conjunct_state(self, first: Token, kb_at) -> str | None:
        """The state a group noun's first conjunct is of, which a bare conjunct shares ("Israeli helicopters and
        tanks", "Iraqi police and soldiers")."""
        if self._group_sector(first) is None:
            return None
        for child in first.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                for ref in kb_at.get(child.i, (0, 0, []))[2]:
                    if ref.kind in _PLACE_KINDS:
                        return self._state_of(ref)
        return None

    def _sentence_state(self, head: Token, kb_at, start: int, end: int) -> str | None:
        """The one state the sentence of a group names (its places and seats of power), for a group that says
        too little without one ("Peru refused, government officials said"); None when it names none or several,
        or the group is "foreign"."""
        doc = head.doc
        if any(t.lower_ == "foreign" for t in doc[start:end]):
            return None
        states = set()
        for token in head.sent:
            for ref in kb_at.get(token.i, (0, 0, []))[2]:
                if ref.kind in _PLACE_KINDS:
                    states.add(self._state_of(ref))
                elif ref.kind == "seat":
                    states.add(self.kb.seats[ref.id].country)
        return states.pop() if len(states) == 1 else None

    def _first_state(self, head: Token, kb_at, kin: str | None) -> str | None:
        """The first state the sentence of an ethnic minority names other than the one its name comes from: where
        it lives ("Ethnic Albanians have sworn to fight ... near Macedonia's border" → MKD)."""
        for token in head.sent:
            for ref in kb_at.get(token.i, (0, 0, []))[2]:
                if ref.kind in _PLACE_KINDS and self._state_of(ref) != kin:
                    return self._state_of(ref)
        return None

    def _of_country(self, head: Token, kb_at, preps: tuple[str, ...], ent_at=None) -> str | None:
        """The state named in a prepositional phrase on ``head`` ("the president of Colombia"); with ``ent_at``
        also by a place the gazetteer knows ("Sen. Richard Shelby of Alabama", "the mayor of Chicago")."""
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
                    ent = ent_at.get(pobj.i) if ent_at is not None and pobj.i not in kb_at else None
                    place = self._city(ent) if ent is not None and ent.label_ == "GPE" and ent.root == pobj else None
                    if place is not None and place.country:
                        return place.country
        return None


def _city(ent, states: frozenset[str] = frozenset()):
    """The best-known city of that name in the gazetteer, unless another country has one nearly as big or a US state
    that bigger has the name; a big enough namesake in a state the document names wins ("Tripoli" near "the north
    Lebanese port")."""
    from ..gazetteer import gazetteer

    name = _clean_name(ent.text)
    found = gazetteer().cities_named(name)
    if not found:
        return gazetteer().us_state(name)  # "Texas", "Ohio" (a US state the knowledge base does not list)
    state = gazetteer().us_state(name)
    if state is not None and state.population > found[0].population:
        # "Florida" is the US state, not a town of that name in Cuba or Colombia, even where the document names Cuba
        return state
    if states and found[0].country not in states:
        named = _namesake(found, name, states)
        if named is not None:
            return named
    if len(found) > 1 and found[1].country != found[0].country and found[1].population * 3 > found[0].population:
        return None
    return found[0]


def _namesake(found, name: str, states: frozenset[str]):
    """A city called ``name`` in one of ``states``, at least a tenth the size of the best-known one."""
    return next((c for c in found if c.country in states and c.name == name
                 and c.population * 10 >= found[0].population), None)


def _capital_namesake(name: str, country: str, states: frozenset[str]) -> bool:
    """A capital's name means a namesake city when the document names that city's state but not the capital's
    ("Tripoli ... the north Lebanese port")."""
    from ..gazetteer import gazetteer

    if country in states:
        return False
    return _namesake(gazetteer().cities_named(name), name, states) is not None


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
    if ent.end == span.end and _known_place(inner) is None and all(t.lower_ in _DIRECTIONS or t.lower_ == "the" for t in ent[: span.start - ent.start]):
        return False  # "Western Cambodia", "northern Iraq": a part of the state
    return (ent.start < span.start or ent.end > span.end) and inner != span.text and len(ent) > len(span) + (
        ent[0].lower_ == "the") + (ent[-1].lower_ in _POSSESSIVES)


def _is_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS
