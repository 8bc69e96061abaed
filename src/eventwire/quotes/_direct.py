"""The cue of a direct quotation: the nearest verb of saying or prepositional cue outside any quotation in the
sentences around it, a dash signature, or the attribution in the sentence before ("Kasich resisted: “…”")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ._cues import Cues
from ._marks import Quoted
from ._state import State
from ._syntax import (
    dash_cue,
    named_after,
    phrase_cue,
    signed_before,
    subject_of,
    token_at,
)


class DirectCues:
    """``find(doc, q, state)`` → the cue token of quotation ``q``, or None."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def prepositional(self, doc: Doc, token: Token) -> bool:
        """``token`` opens a prepositional cue ("according to")."""
        for words in self.cues.prepositional_cues:
            if token.lower_ == words[0] and all(
                token.i + k < len(doc) and doc[token.i + k].lower_ == w for k, w in enumerate(words[1:], 1)
            ):
                return True
        return False

    def find(self, doc: Doc, q: Quoted, state: State) -> Token | None:
        """The nearest cue outside any quotation in the sentences around ``q``."""
        first = token_at(doc, q.outer_start)
        last = token_at(doc, q.outer_end - 1)
        if first is None or last is None:
            return None
        start, end = first.sent.start, last.sent.end
        following = doc[last.i + 1:last.sent.end]
        own_end = end  # a cue in the quotation's own sentences comes before one in the sentence after
        if end < len(doc) and all(t.is_punct for t in following) and "\n" not in state.text[q.outer_end:doc[end].idx]:
            end = doc[end].sent.end  # "“….” he said." split into two sentences
        if start > 0 and not state.text[doc[start].idx:q.outer_start].strip():
            previous = doc[start - 1].sent  # "Petro said:" ends the sentence before the quotation
            if previous.text.rstrip().endswith(":"):
                start = previous.start
        text = state.text
        best, distance = None, None
        for token in doc[start:end]:
            if token.i in state.quoted_tokens or not self.is_cue(doc, token):
                continue
            if token.i < first.i:
                between = text[token.idx:q.outer_start]
                if "\n" in between and not between.rstrip().endswith(":"):
                    continue  # a cue in the paragraph before belongs to it, unless it ends with "said:"
            elif "\n" in text[q.outer_end:token.idx]:
                continue  # the next paragraph's cue is the next paragraph's
            if token.i >= own_end and any(t.i in state.quoted_tokens for t in doc[token.i + 1:token.i + 4]):
                continue  # "“A.” To which she said, “B.”": the next sentence's cue introduces its own quotation
            gap = range(token.i + 1, first.i) if token.i < first.i else range(last.i + 1, token.i)
            if any(i in state.utterance_tokens for i in gap):
                continue  # another quotation lies between: the cue is that one's
            d = min(abs(token.i - first.i), abs(token.i - last.i)) + (len(doc) if token.i >= own_end else 0)
            if distance is None or d < distance:
                best, distance = token, d
        return best or dash_cue(doc, last) or self._cue_before(doc, first, state)

    def _cue_before(self, doc: Doc, first: Token, state: State) -> Token | None:
        """The attribution in the sentence before, in the same paragraph: "Kasich resisted: “…”", "…, Clinton
        said. “…”" (a quotation opening its own sentence after someone's words goes on with them)."""
        k = first.i - 1
        while k > 0 and doc[k].is_space and ("\n" not in doc[k].text or doc[k - 1].text == ":"):
            k -= 1  # "Michael P. McDonald: \xa0“…”", "Sanders made the following comment:\n\n“…”"
        colon = doc[k] if k >= 0 and doc[k].text == ":" else None
        if colon is not None:
            if _dash_signed(colon):
                return colon  # "Pollsters agree - Carl Bialik: “…”": the name after the dash signs it
            verb = colon.head if colon.head.pos_ == "VERB" else colon.sent.root
            if verb.i < colon.i and verb.pos_ == "VERB" and verb.i not in state.quoted_tokens and (
                    subject_of(verb) is not None or named_after(verb) is not None):
                return verb
            if signed_before(colon) is not None:
                return colon  # "More from Jeffrey M. Jones: “…”"
        sent = first.sent
        if sent.start == 0 or first.i > sent.start + 1:
            return None
        previous = doc[sent.start - 1].sent
        if "\n" in state.text[previous.start_char:first.idx]:
            return None
        words = [t for t in previous if not t.is_punct and not t.is_space]
        if not words or any(t.i in state.quoted_tokens for t in previous):
            return None
        if previous.text.rstrip().endswith(":") and previous.root.pos_ == "VERB":
            verb = previous.root
            if subject_of(verb) is not None or named_after(verb) is not None:
                return verb
        cues = [t for t in previous if t.pos_ == "VERB" and t.lemma_.lower() in self.cues.speech_verbs
                and subject_of(t) is not None and not any(c.dep_ == "ccomp" for c in t.children)]
        return cues[-1] if cues else None

    def is_cue(self, doc: Doc, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.cues.speech_verbs:
            return True
        return self.prepositional(doc, token) or phrase_cue(token, self.cues.speech_phrases)


def _dash_signed(colon: Token) -> bool:
    """A run of names between a dash and a colon ("… - Carl Bialik: “…”", "– Frank Newport and Jim Harter:")."""
    k = colon.i - 1
    while k >= 0 and (colon.doc[k].pos_ == "PROPN" or colon.doc[k].lower_ == "and" and k < colon.i - 1):
        k -= 1
    return k < colon.i - 1 and k >= 0 and colon.doc[k].text in ("-", "–", "—", "―", "--")
