"""Speakers the parser hides: the cue's subject when the parser took a word of the quotation, gave a verb two
subjects, hung the cue on a verb of the quotation, or made a relative pronoun a clause's subject of its own."""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import SUBJECTS


def name_beside(cue: Token, quoted: set[int]) -> Token | None:
    """The name right before or after a cue verb, outside quotation marks: the speaker when the parser hung the
    cue on the quotation ("“…,” Tulsa police Chief Chuck Jordan said Monday", "“…,” said Ann Lee")."""
    doc = cue.doc
    k = cue.i - 1
    while k >= cue.sent.start and (doc[k].is_punct or doc[k].is_space) and k not in quoted:
        k -= 1
    if k >= cue.sent.start and k not in quoted and doc[k].pos_ in ("NOUN", "PROPN"):
        who = doc[k]
        while who.dep_ in ("appos", "compound") and who.head.i < cue.i and who.head.i not in quoted:
            who = who.head  # "Flynn, a top Trump surrogate, said": Flynn
        if who.pos_ == "PROPN":
            return who
    after = [t for t in doc[cue.i + 1:cue.i + 4] if t.pos_ != "DET" and not t.is_space]
    if after and after[0].pos_ == "PROPN" and after[0].i not in quoted and after[0].ent_type_ not in ("DATE", "TIME"):
        k = after[0].i
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].i not in quoted:
            k += 1
        return doc[k]
    return None


def nearest_subject(cue: Token, quoted: set[int]) -> Token | None:
    """The cue's own subject nearest to it, in its paragraph and outside quotation marks: the parser sometimes
    gives a verb two ("5:45 p.m.\n\nGary Johnson's doctor is calling …": the doctor; "Flynn said on “Fox and
    Friends”": Flynn)."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and c.i not in quoted
                and not any("\n" in t.text for t in cue.doc[min(c.i, cue.i):max(c.i, cue.i)])]
    return min(subjects, key=lambda c: abs(c.i - cue.i)) if subjects else None


def noun_before(pronoun: Token) -> Token | None:
    """The noun a relative pronoun follows ("the Chicago Police Department which"), if it follows one."""
    k = pronoun.i - 1
    if k >= 0 and pronoun.doc[k].text == ",":
        k -= 1
    return pronoun.doc[k] if k >= 0 and pronoun.doc[k].pos_ in ("NOUN", "PROPN") else None


def subject_before(cue: Token, quoted: set[int], text: str) -> Token | None:
    """The subject of the nearest verb before a cue, outside quotation marks and in its paragraph: the speaker of
    a participle cue the parser hung on the quotation ("Sanders said, suggesting questions, including, “…”",
    "Mr. Trump hardly clarified the matter … asserting, “…”")."""
    if cue.tag_ != "VBG" and cue.dep_ not in ("xcomp", "advcl", "conj"):
        return None  # "…,” Sanders said, going on to say that …": a cue hung on another verb
    for token in reversed(cue.doc[max(0, cue.i - 40):cue.i]):
        if "\n" in token.text or token.text in (".", "!", "?") and token.i not in quoted:
            return None  # not past its sentence
        if token.i in quoted or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECTS and c.i not in quoted), None)
        if subject is not None:
            return subject
    return None
