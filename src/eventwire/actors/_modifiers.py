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
