"""The kind of aid an event gives, from the words that qualify it ("humanitarian aid", "$50 million in military
assistance"): CAMEO 070 made specific (071 economic, 072 military, 073 humanitarian) by ``aid_kind_codes``."""

from __future__ import annotations

from spacy.tokens import Token

_QUALIFIERS = ("amod", "compound")


def aid_kind(trigger: Token, code: str, kinds: dict[str, str]) -> str:
    """``code`` made specific when it is unspecified aid (070) and what is given is qualified by a kind word: the
    trigger noun's own modifiers ("humanitarian aid to Syria"), or a verb's object and what its in/of phrase names
    ("provided $50 million in humanitarian aid", "sent military aid")."""
    if code != "070" or not kinds:
        return code
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
