"""Which tokens may be cues, read off the document's token arrays: the indirect-speech pass then builds Token
objects (costly in spaCy) only for these, not for every word of the article."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from ._cues import Cues

_CACHE_MAX = 200_000  # (part of speech, form, lemma) triples remembered across documents


class CueCandidates:
    """``tokens(doc, skip)`` → the tokens outside ``skip`` that may open an attribution: a verb, auxiliary or noun
    whose (corrected) lemma is a cue word, the first word of a prepositional cue ("according"), or a colon."""

    def __init__(self, cues: Cues, verb_words: frozenset[str], aux_words: frozenset[str],
                 noun_words: frozenset[str]) -> None:
        self.cues = cues
        self.by_pos = {VERB: verb_words, AUX: aux_words, NOUN: noun_words}
        self.first_words = frozenset(words[0] for words in cues.prepositional_cues) | {":"}
        self._known: dict[tuple[int, int, int], bool] = {}

    def tokens(self, doc: Doc, skip: set[int]) -> list[Token]:
        known = self._known
        if len(known) > _CACHE_MAX:
            known.clear()
        found = []
        for i, key in enumerate(map(tuple, doc.to_array([POS, LOWER, LEMMA]).tolist())):
            wanted = known.get(key)
            if wanted is None:
                wanted = known[key] = self._wanted(doc, *key)
            if wanted and i not in skip:
                found.append(doc[i])
        return found

    def _wanted(self, doc: Doc, pos: int, lower: int, lemma: int) -> bool:
        form = doc.vocab.strings[lower]
        if form in self.first_words:
            return True
        words = self.by_pos.get(pos)
        if words is None:
            return False
        return self.cues.lemma_of(form, doc.vocab.strings[lemma]) in words
