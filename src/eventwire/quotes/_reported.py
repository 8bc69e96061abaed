"""Reported speech with no source: what seems, appears or is expected ("⟦Trump seems to be the classic New York
personality⟧", "⟦The White House is expected to sign the measure⟧"). PolNeAR counts these hedged assertions as
attributions without a source; they are quotes of kind indirect whose speaker is null (the subject of "seems" is
what the assertion is about, not who made it)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ._content import Attribution
from ._cues import Cues


@dataclass
class Unsourced(Attribution):
    """An attribution whose text names no source: its speaker stays null."""


def impression_cue(cues: Cues, word: Token) -> bool:
    """"seems to …", "appears to …" and the passive "is expected to …" (with no by-agent: "is
    expected by analysts to …" names its source; "Trump expects to win" is his own hope, an infinitive frame)."""
    lemma = cues.lemma(word)
    if lemma not in cues.impression_words or any(c.dep_ == "agent" for c in word.children):
        return False
    passive = any(c.dep_ == "auxpass" for c in word.children)
    return passive == (lemma in cues.expectation_verbs)
