"""The bounds of actor noun phrases, and person names a headline's title case ran into its verb.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder` (needs ``kb``, ``member_heads``, ``state_heads``,
``count_nouns`` and the sector lookups of :class:`~eventwire.actors._bodies.BodyFinder`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Dependents that stay inside a noun phrase to the left of its head.
_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "quantmod", "flat", "prep",
              "pobj", "cc", "advmod", "npadvmod"}
_CLIMB_DEPS = {"compound", "amod", "poss", "nmod", "flat"}


class PhraseFinder:
    """Noun-phrase lookups of a mention finder."""

    cuts: frozenset[int] = frozenset()  # tokens no phrase runs across: the verbs of headline names (set by ``find``)

    def _is_actor_head(self, token: Token, kb_at, ent_at) -> bool:
        if token.i in kb_at:
            kinds = {r.kind for r in kb_at[token.i][2]}
            if kinds & {"person", "org", "seat"}:
                return True
        ent = ent_at.get(token.i)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return True
        return self._noun_sector(token)[0] is not None or self._title_at(token)

    def _members_of_org(self, token: Token, kb_at) -> bool:
        """``token`` names a known organisation whose members its head is ("Four Taliban members")."""
        return (token.head.lower_ in self.member_heads and token.i in kb_at
                and any(r.kind == "org" for r in kb_at[token.i][2]))

    def _np_head(self, token: Token, kb_at, ent_at) -> Token:
        """Climb from a name to the head of the noun phrase it modifies, if that head is an actor."""
        head = token
        while (head.dep_ in _CLIMB_DEPS and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN")
               and not (self.cuts and any(min(head.i, head.head.i) < i <= max(head.i, head.head.i) for i in self.cuts))
               and (self._is_actor_head(head.head, kb_at, ent_at) or self._members_of_org(head, kb_at)
                    or head.head.lower_ in self.state_heads)):
            head = head.head
        # "the president of Colombia": a country in an of-phrase belongs to the title it follows
        if (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN")
                and head.ent_type_ != "PERSON"):
            owner = head.head.head
            if self._title_at(owner) or self._noun_sector(owner)[0]:
                return owner
        return head

    def _np_range(self, head: Token) -> tuple[int, int]:
        start = head.i
        for child in head.lefts:
            if child.dep_ in _LEFT_DEPS and not (child.pos_ == "VERB" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.lefts)) and not (  # a clause misparsed as a modifier
                    head.pos_ == "PROPN" and (child.dep_ in ("advmod", "npadvmod")  # "Hours earlier Maduro"
                                              or any(c.dep_ == "npadvmod" for c in child.children))):
                start = min(start, child.left_edge.i)
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in ("flat", "compound") and child.i == end:
                end = child.right_edge.i + 1
            elif child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj and pobj[0].ent_type_ != "PERSON" and (
                        pobj[0].ent_type_ in ("GPE", "NORP", "ORG") or pobj[0].pos_ == "PROPN" or self._of_title(head)):
                    end = pobj[0].right_edge.i + 1
        # "Hundreds of thousands of people", "dozens of protesters": the count heads the phrase in the parse
        of = head.doc[start - 1] if start > 0 else None
        if (head.dep_ == "pobj" and of is not None and of.i == head.head.i and of.lower_ == "of"
                and of.head.i < of.i and of.head.pos_ in ("NOUN", "NUM")
                and (of.head.ent_type_ == "CARDINAL" or of.head.lemma_.lower() in self.count_nouns)):
            start = of.head.left_edge.i
        if self.cuts:  # not across a headline verb
            start = max([start, *(i + 1 for i in self.cuts if start <= i < head.i)])
        # never start on punctuation or a conjunction
        while start < head.i and head.doc[start].dep_ in ("punct", "cc", "case", "prep"):
            start += 1
        return start, end



def verb_lemmas(nlp) -> frozenset[str]:
    """The verbs the pipeline's lemmatizer knows (its rule tables' verb index), or none if it has no such table."""
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    except (KeyError, ValueError, AttributeError):
        return frozenset()


def headline_names(doc, verbs: frozenset[str], kb) -> tuple[list[Span], frozenset[int]]:
    """The Doc's entities, with a person's name that title case ran on into its verb cut there ("Senator Lindsey
    Graham Slams Biden" → "Lindsey Graham", "Biden"), and the tokens so cut.

    Only in a title-case line, only from a name's third word on ("Maxine Waters Says" keeps her surname), and only a
    verb's third-person form ("Slams", "Criticizes") that no known person bears as a name."""
    ents, cuts = list(doc.ents), []
    if not any(ent.label_ == "PERSON" and len(ent) > 2 for ent in ents):
        return ents, frozenset()
    ents = []
    for ent in doc.ents:
        cut = None
        if ent.label_ == "PERSON" and len(ent) > 2:
            cut = next((t for t in ent[2:] if _verb_form(t, verbs) and t.text not in kb.surnames
                        and t.text not in kb.surfaces and _title_case_line(t.sent)), None)
        if cut is None:
            ents.append(ent)
            continue
        cuts.append(cut.i)
        ents.append(Span(doc, ent.start, cut.i, label=ent.label_))
        if cut.i + 1 < ent.end:
            ents.append(Span(doc, cut.i + 1, ent.end, label=ent.label_))
    return ents, frozenset(cuts)


def _verb_form(token: Token, verbs: frozenset[str]) -> bool:
    word = token.text
    if not (word[:1].isupper() and word[1:].islower() and word.endswith("s")):
        return False
    low = word.lower()
    stems = (low[:-1], low[:-2] if low.endswith("es") else None, low[:-3] + "y" if low.endswith("ies") else None)
    return any(stem in verbs for stem in stems if stem)


def _title_case_line(sent) -> bool:
    """Most of the longer words of the sentence are capitalised: a headline."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)
