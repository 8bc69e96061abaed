"""Unspecified codes made specific by the words that qualify what is done: the kind of aid ("humanitarian aid",
"$50 million in military assistance": 070 → 073, 072, by ``aid_kind_codes``), exercises done together ("joint
military exercises": a show of force, 150, becomes military cooperation, 062, by ``joint_codes``) and a place taken
("captured East Jerusalem": an abduction, 181, becomes an occupation, 192, by ``place_object_codes``)."""

from __future__ import annotations

from spacy.tokens import Token

from ._lexicon import Lexicon

# the code each word map refines
QUALIFIED = {"070": "aid_kind_codes", "150": "joint_codes"}
_QUALIFIERS = ("amod", "compound")
_PLACES = ("GPE", "LOC", "FAC")


def qualified(trigger: Token, code: str, lexicon: Lexicon, states: int = 1) -> str:
    """``code`` made specific when a word map refines it and what is given or done is qualified by one of its words:
    the trigger noun's own modifiers ("humanitarian aid to Syria", "joint drills"), or a verb's object and what its
    in/of phrase names ("provided $50 million in humanitarian aid", "held joint exercises"). A joint act is also one
    whose source holds actors of several ``states`` ("China and Russia held naval drills")."""
    taken = lexicon.code_maps.get("place_object_codes", {}).get(code)
    if taken and trigger.pos_ == "VERB" and any(o.ent_type_ in _PLACES for c in trigger.children
                                                if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.children)
                                                if o.dep_ in ("dobj", "nsubjpass", "compound")):
        return taken  # "Israel captured East Jerusalem": a place taken is territory occupied, no one abducted
    kinds = lexicon.code_maps.get(QUALIFIED.get(code, ""), {})
    if not kinds:
        return code
    if QUALIFIED[code] == "joint_codes" and states > 1:
        return kinds.get("joint", code)
    if trigger.pos_ == "VERB":
        things = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
        things += [g for t in things for p in t.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                   for g in p.children if g.dep_ == "pobj"]
    else:
        things = [trigger]
    for thing in things:
        for word in (thing, *(c for c in thing.children if c.dep_ in _QUALIFIERS)):
            kind = kinds.get(word.lemma_.lower()) or kinds.get(word.lower_)
            if kind:
                return kind
    return code
