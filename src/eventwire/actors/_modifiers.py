"""What the words before a phrase's head say about it: the states, body, people and seat of power they name.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder` (needs ``kb``, ``_state_of`` and ``_city``):
"U.S. and Russian negotiators", "Hamas activists", "Hutu rebels", "White House officials", and places the
knowledge base does not list but the gazetteer does ("Ohio Sen. Sherrod Brown", "the Basra police chief").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ._kb import People, SurfaceRef
from ._places import _PLACE_KINDS

_ETHNIC = People("ethnic", (), "ethnic", None)  # "ethnic Albanians": a people placed by the text, not a state
_MODIFIER_DEPS = ("compound", "nmod", "poss", "amod")
_BODY_PREPS = ("of", "at", "for", "with")


@dataclass
class Modifiers:
    countries: list[tuple[int, str]] = field(default_factory=list)  # (token index, iso3) of state words
    org: str | None = None  # a known body named in the phrase ("Hamas activists")
    people: People | None = None  # an ethnic or religious community ("Hutu rebels")
    kin: str | None = None  # the state an "ethnic" demonym names, which is not where that people lives here
    seat: str | None = None  # a seat of power ("White House officials", "Pentagon spokesman")
    head_refs: list[SurfaceRef] = field(default_factory=list)  # what the head's own name refers to


class ModifierFinder:
    def _modifiers(self, head: Token, scan: range, kb_at, ent_at) -> Modifiers:
        doc = head.doc
        found = Modifiers()
        seen_spans = set()
        for i in scan:
            if i not in kb_at:
                self._gazetteer_modifier(head, i, ent_at, found)
                continue
            s, e, refs = kb_at[i]
            if (s, e) in seen_spans:
                continue
            seen_spans.add((s, e))
            if s <= head.i < e:
                found.head_refs = refs
                continue
            for ref in refs:
                if ref.kind == "people":
                    found.people = found.people or self.kb.peoples[ref.id]
                    break
                if ref.kind == "demonym" and s > 0 and doc[s - 1].lower_ == "ethnic":
                    found.people = found.people or _ETHNIC  # "ethnic Albanian guerrillas" in Macedonia
                    found.kin = ref.id
                    break
                if ref.kind in _PLACE_KINDS:
                    iso3 = self._state_of(ref)
                    if iso3 not in [c for _, c in found.countries]:
                        found.countries.append((s, iso3))
                    break
                if ref.kind == "org" and found.org is None:
                    found.org = ref.id
                if ref.kind == "seat" and found.seat is None and e <= head.i:
                    found.seat = ref.id  # "White House officials": the seat's state and sector
                    seat = self.kb.seats[ref.id]
                    if seat.country not in [c for _, c in found.countries]:
                        found.countries.append((s, seat.country))
        return found

    def _gazetteer_modifier(self, head: Token, i: int, ent_at, found: Modifiers) -> None:
        """A place name the knowledge base does not list, modifying the head from its left, places it by the
        gazetteer: a US state or a town ("Ohio Sen. Sherrod Brown", "Chicago police", "the Basra police chief")."""
        ent = ent_at.get(i)
        if (ent is None or ent.start != i or ent.label_ != "GPE" or ent.end > head.i
                or ent.root.dep_ not in _MODIFIER_DEPS or not ent.end <= ent.root.head.i <= head.i):
            return
        place = self._city(ent)
        if place is not None and place.country and place.country not in [c for _, c in found.countries]:
            found.countries.append((i, place.country))

    def _body_title_sector(self, title: Token, sector: str | None, kb_at, ent_at) -> str | None:
        """The sector of an office an organisation the knowledge base does not know gives (``body_titles``): a
        state body's by a word of its name ("chairman of the House Foreign Relations Committee" LEG), else the
        body's by the word heading its name ("Richard Haass, president of the Council on Foreign Relations" NGO);
        an unknown body's government title is of no sector we know ("National Partnership vice president")."""
        body = _title_body(title, ent_at)
        if body is None or any(i in kb_at for i in range(body.start, body.end)):
            return sector
        heads = self.kb.org_heads
        state = next((heads[t.text] for t in body if heads.get(t.text) in self.state_body_sectors), None)
        named = state or self._org_name_sector(body)
        return named or (None if sector == "GOV" else sector)


def _title_body(title: Token, ent_at):
    """The organisation a title is held in: a name before it ("Exxon chairman") or in an of/at/for phrase on it
    ("president of the Council on Foreign Relations", "vice president for economic policy at Third Way")."""
    doc = title.doc
    first = title.left_edge.i
    for child in title.lefts:
        ent = ent_at.get(child.i)
        if child.dep_ in ("compound", "poss", "nmod") and ent is not None and ent.label_ == "ORG" and ent.end <= title.i:
            return ent
    for token in doc[title.i + 1 : title.right_edge.i + 1]:
        ent = ent_at.get(token.i)
        if (token.dep_ == "pobj" and token.head.lower_ in _BODY_PREPS and ent is not None and ent.label_ == "ORG"
                and ent.start > first):
            return ent
    return None
