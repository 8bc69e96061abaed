"""Names the phrase matcher cannot find: later surnames, surnames of known people alone, misspelt states.

A mixin of :class:`~eventwire.actors._mentions.MentionFinder`; each method adds entries to ``kb_at`` (token index →
(start, end, knowledge-base references)).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ._kb import SurfaceRef, surname_forms
from ._places import _known_place


class NameFinder:
    """Name lookups of a mention finder (needs ``kb`` and ``typos``)."""

    def _add_surnames(self, doc: Doc, kb_at, ent_at, tokens: list) -> None:
        """Later mentions of a person by surname ("Petro") that NER missed or mislabelled."""
        forms: dict[str, list[SurfaceRef]] = {}
        for ent in {id(e): e for e in ent_at.values()}.values():
            if ent.label_ == "PERSON" and len(ent) > 1:
                refs = self.kb.surfaces.get(ent.text, [])
                for form in surname_forms(ent.text):
                    forms.setdefault(form, [r for r in refs if r.kind == "person"])
        for s, e, refs in {(s, e): (s, e, refs) for s, e, refs in kb_at.values()}.values():
            for ref in refs:
                if ref.kind == "person":
                    for form in surname_forms(doc[s:e].text):
                        forms.setdefault(form, [ref])
        if not forms:
            return
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            if token.text in forms and token.i not in kb_at and token.pos_ == "PROPN":
                ent = ent_at.get(token.i)
                if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
                    continue  # part of a full name, found already
                kb_at[token.i] = (token.i, token.i + 1, forms[token.text] or [SurfaceRef("surname", token.text)])

    def _add_known_surnames(self, doc: Doc, kb_at, ent_at, tokens: list) -> None:
        """A surname alone that only one person of the knowledge base bears ("Erdogan said"): news name leaders
        so without a first mention in full. Not a sentence's first word unless NER calls it a person, nor a
        word NER places."""
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            if token.i in kb_at or token.pos_ != "PROPN" or len(token.text) < 5:
                continue
            ids = self.kb.surnames.get(token.text)
            if not ids or len(ids) != 1:
                continue
            ent = ent_at.get(token.i)
            label = token.ent_type_  # not a DATE ("Friday"), a place or a people
            if label not in ("PERSON", "ORG", "") or (ent is not None and len(ent) > 1):
                continue
            if label != "PERSON" and token.is_sent_start:
                continue
            kb_at[token.i] = (token.i, token.i + 1, [SurfaceRef("person", ids[0])])

    def _add_typos(self, doc: Doc, kb_at, ent_at, tokens: list) -> None:
        """Misspelt state names, peoples and capitals ("Ethopia", "Ghanians") the knowledge base missed."""
        for token in tokens:  # the Doc's tokens, listed once: every pass over a Doc builds them anew
            if token.i in kb_at or token.pos_ not in ("PROPN", "NOUN", "ADJ") or not token.is_title:
                continue
            ent = ent_at.get(token.i)
            if ent is not None and (ent.label_ == "PERSON" or len(ent) > 1 + (ent[0].lower_ == "the")):
                continue
            refs = self.typos.correct(token.text)
            if refs and _known_place(token.text) in (None, refs[0].id):  # not "Columbia" (USA) for Colombia
                kb_at[token.i] = (token.i, token.i + 1, refs)
