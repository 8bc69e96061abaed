"""What a noun phrase says of the body or group it names: sectors of group nouns and titles, bodies NER missed,
places held or lived in, and when a capital is its government.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder` (needs ``kb`` and the word lists it reads from
``resolution.yaml``).
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Token

from ._places import _is_locative


class BodyFinder:
    """Sector lookups of a mention finder."""

    def _noun_sector(self, token: Token) -> tuple[str | None, int]:
        """Sector of a group noun at ``token`` ("armed forces" → MIL), with its length in tokens."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None, 0
        doc = token.doc
        if token.lower_ in self.compound_ends:  # only then can a multi-word noun end here
            for length in (3, 2):
                if token.i - length + 1 >= 0:
                    words = " ".join(t.lower_ for t in doc[token.i - length + 1 : token.i + 1])
                    if words in self.kb.nouns:
                        return self.kb.nouns[words], length
        for form in (token.lower_, token.lemma_.lower()):
            if form in self.kb.nouns and not (form in self.capitalised_nouns and token.is_lower):
                if token.pos_ == "PROPN" and (token.ent_type_ in ("PERSON", "GPE") or self.kb.nouns[form] == "CVL"):
                    return None, 0  # "Community" in "European Community" names no civilians
                return self.kb.nouns[form], 1
        return None, 0

    def _title_at(self, token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and token.tag_ not in ("NNS", "NNPS") and (
            token.lower_ in self.kb.titles or token.lemma_.lower() in self.kb.titles or self._of_title(token)
        )

    def _of_title(self, token: Token) -> bool:
        """``token`` begins a title of the form "X of Y" whose first word is no title ("head of state")."""
        doc = token.doc
        return (token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of"
                and f"{token.lower_} of {doc[token.i + 2].lower_}" in self.kb.titles)

    def _title(self, doc: Doc, start: int, end: int) -> tuple[str | None, str | None, int, int]:
        """The longest title inside tokens [start, end): (text, sector, title start, title end)."""
        best: tuple[str | None, str | None, int, int] = (None, None, 0, 0)
        words = [t.lower_ for t in doc[start:end]]
        lemmas = [t.lemma_.lower() for t in doc[start:end]]
        for i in range(len(words)):
            for n in range(min(self.kb.max_title_words, len(words) - i), 0, -1):
                for seq in (words[i : i + n], lemmas[i : i + n]):
                    key = " ".join(seq).replace(" - ", "-")
                    if key in self.kb.titles and n >= best[3] - best[2]:  # a tie: the later, nearer the head
                        best = (doc[start + i : start + i + n].text, self.kb.titles[key], start + i, start + i + n)
        return best

    def _described_body(self, head: Token) -> tuple[str, Token] | None:
        """The sector and noun of a body a name stands in apposition to ("the newspaper La Prensa")."""
        noun = head.head
        if head.dep_ != "appos" or noun.i > head.i or noun.tag_ != "NN" or self._title_at(noun):
            return None
        sector = self._noun_sector(noun)[0]
        return (sector, noun) if sector not in (None, "CVL") else None

    def _body_sector(self, token: Token, ent_at) -> str | None:
        """Sector of a capitalised name NER missed whose last word says what body it is ("Kenya Anti-Corruption
        Commision" → GOV), tolerating one wrong letter in that word."""
        if (token.pos_ != "PROPN" or not token.is_title or token.i in ent_at
                or not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_alpha for c in token.lefts)):
            return None
        word = token.text
        if word in self.kb.org_heads:
            return self.kb.org_heads[word]
        if len(word) >= 7:
            for head_word, sector in self.kb.org_heads.items():
                if " " not in head_word and abs(len(head_word) - len(word)) <= 1 and _one_edit(word, head_word):
                    return sector
        return None

    def _member_of(self, head: Token, kb_at) -> str | None:
        """The known organisation an of/from phrase on a group noun names as the group's own ("members of the
        Muslim Brotherhood", "activists from the Fatah Party")."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for i in range(pobj.left_edge.i, pobj.i + 1):
                    refs = kb_at.get(i, (0, 0, []))[2]
                    if refs and all(r.kind == "org" for r in refs):
                        return refs[0].id
        return None

    def _body_of(self, head: Token, kb_at) -> tuple[str | None, str | None]:
        """The state and sector of a (state's) body an of/from/in phrase on a group noun names as the group's own
        ("four officers in the Russian military" → RUS MIL, "members of the Iraqi parliament" → IRQ LEG), also when
        the parse hangs the phrase right after the group on its verb ("barred officers in the Russian military")."""
        doc = head.doc
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        verb_preps = [after] if after is not None and after.dep_ == "prep" and after.head.i == head.head.i else []
        for prep in [*head.rights, *verb_preps]:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "in"):
                continue
            for pobj in prep.children:
                sector = self._group_sector(pobj) if pobj.dep_ == "pobj" else None
                if sector is None:
                    continue
                for child in pobj.lefts:
                    if child.dep_ in ("amod", "compound", "poss", "nmod"):
                        for ref in kb_at.get(child.i, (0, 0, []))[2]:
                            if ref.kind in ("country", "demonym", "capital", "region"):
                                return self._state_of(ref), sector
                return None, sector  # "leaders of the opposition coalition": its sector, placed by the text
        return None, None

    def _the_government(self, head: Token) -> bool:
        """``head`` is "the government" of a text that names no state: an actor all the same, coded GOV (as
        PETRARCH codes an agent it cannot place, "---GOV")."""
        return head.lower_ == "government" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)

    def _generic_head(self, head: Token) -> bool:
        return head.lemma_.lower() in self.generic_heads or head.lower_ in self.generic_heads

    def _held_place(self, head: Token) -> Token | None:
        """The place a group noun says its holders hold: "rebel" in "rebel-held territory" → territory."""
        participle = head.head
        if (head.dep_ in ("npadvmod", "compound") and participle.i == head.i + 2 and head.nbor().text == "-"
                and participle.lower_ in self.holding_participles and participle.dep_ == "amod"
                and participle.head.pos_ in ("NOUN", "PROPN")):
            return participle.head
        return None

    def _civilian_place(self, token: Token) -> bool:
        """A place of civilian life that is what a clause acts on ("shelled villages", "control of villages")."""
        if token.pos_ != "NOUN" or not (token.lemma_.lower() in self.civilian_places or token.lower_ in self.civilian_places):
            return False
        if any(c.dep_ in ("compound", "amod") and self._noun_sector(c)[0] not in (None, "CVL") for c in token.lefts):
            return False  # "guerrilla camps", "army homes": the group's place, not civilians'
        if token.dep_ == "pobj":
            return token.head.lower_ in ("of", "on", "against", "into", "to")
        return token.dep_ in ("dobj", "nsubjpass", "nsubj")

    def _capital_is_government(self, head: Token) -> bool:
        """A capital stands for its government ("Washington said", "an embassy in Tehran"), unless it is the place
        something happens or the city an attack hits ("shelling in Baghdad", "rebels shelled Juba"): its people."""
        if _is_locative(head):
            post = head.head.head
            if head.head.lower_ == "from":  # "support from Moscow": who gives it
                return post.pos_ == "NOUN" and post.lemma_.lower() in self.capital_source_nouns
            return head.head.lower_ == "in" and (post.lemma_.lower() in self.diplomatic_posts
                                                 or post.lower_ in self.diplomatic_posts)
        if head.dep_ == "appos":  # "shelled the regional capital, Juba"
            head = head.head
        return not (head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in self.assault_verbs)

    def _group_sector(self, head: Token) -> str | None:
        """Sector of a group phrase: a specific modifier beats a generic head ("intelligence officials" → SPY);
        a plural title names a group of its sector ("generals" → MIL)."""
        sector, _ = self._noun_sector(head)
        if sector is None and head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in self.kb.titles:
            sector = self.kb.titles[head.lemma_.lower()]
        if (sector in self.generic_sectors or head.lemma_.lower() in self.generic_heads
                or head.lower_ in self.generic_heads) and head.lemma_.lower() not in self.government_heads:
            for child in head.lefts:
                if child.dep_ in ("compound", "amod") and child.i == head.i - 1:
                    modifier = self.kb.nouns.get(child.lower_) or self.kb.nouns.get(child.lemma_.lower())
                    if modifier and (modifier not in self.generic_sectors or sector is None):
                        return modifier
        return sector

    def _org_name_sector(self, span) -> str | None:
        """Sector of an organisation the knowledge base does not know, from the word that heads its name:
        the last word before "of"/"for"/"(" ("National Union for …" → Union, "Ministry of Defence" → Ministry)."""
        tokens = list(span) if not isinstance(span, Token) else [span]
        words: list[str] = []
        for token in tokens:
            if token.lower_ in ("of", "for", "(", "'s", "’s", "in", "on") and words:
                break
            if token.lower_ != "the":
                words.append(token.text)
        for n in (3, 2, 1):
            key = " ".join(words[-n:])
            if len(words) >= n and key in self.kb.org_heads:
                return self.kb.org_heads[key]
        return None


def _letters(name: str) -> str:
    """A name's letters, without case or diacritics ("Sāmarrā’" → "samarra")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalpha() and c.isascii())


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter added, dropped or changed."""
    if len(a) > len(b):
        a, b = b, a
    i = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :] and a != b
