"""Who said it: ``speaker_of(cue, state, cues)``, with the speakers the parser hides: the cue's subject when the
parser took a word of the quotation, gave a verb two subjects, hung the cue on a verb of the quotation, or made a
relative pronoun a clause's subject of its own."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef, Span
from ._cues import Cues
from ._state import State
from ._syntax import (
    RELATIVE,
    SUBJECTS,
    loose_subject,
    named_after,
    named_before,
    noun_author,
    prepositional_object,
    subject_of,
)


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


def _described_by(cue: Token, channels) -> Token | None:
    """Whom a participle cue describes: "a voice over saying: “…”" (the voice); "issued a statement saying “…”"
    (who issued it)."""
    noun = cue.head
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in channels:
        return noun_author(noun) or _issuer(noun)
    return noun

def speaker_of(cue: Token, state: State, cues: Cues) -> ActorRef | None:
    """The actor who said what ``cue`` attributes: its subject, the name a dash or colon signs with, the author of
    a cue noun or the object of "according to", resolved through ``state`` (None when nobody can be named)."""
    if cue.is_punct:  # "“…” ― Carla Sanchez", "Pence: …"
        who = named_after(cue) if cue.text != ":" else named_before(cue)
    elif cue.pos_ == "NOUN":
        who = noun_author(cue)
    elif cue.lower_ in {w[0] for w in cues.prepositional_cues}:
        who = prepositional_object(cue)
    else:
        quoted = state.quoted_tokens if cue.i not in state.quoted_tokens else set()
        who = nearest_subject(cue, quoted) or subject_of(cue) or _described_by(cue, cues.channels) or loose_subject(cue)
        if who is not None and who.dep_ in SUBJECTS and who.head.i != cue.i:
            who = nearest_subject(who.head, quoted) or who  # "…, calling him": the nearest of its verb's
        if who is not None and who.i in quoted:  # the parser took a word of the quotation
            who = name_beside(cue, quoted) or subject_before(cue, quoted, state.text)
        if who is not None and who.lower_ in RELATIVE and who.head.dep_ != "relcl" and who.i > 0:
            # "the Chicago Police Department which reported …" parsed as a clause of its own
            antecedent = noun_before(who)
            ref = state.actor_for(antecedent) if antecedent is not None else None
            return ActorRef(ref.actor_id, Span.of(state.text, who.idx, who.idx + len(who))) if ref else None
        before = cue.doc[cue.i - 1] if cue.i else None
        if cue.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.dep_ != "nsubj":
            who = before  # "footage of Hillary Clinton asking, “…”": the person the participle describes
        if who is not None and who.lower_ in RELATIVE and who.head.dep_ == "relcl":
            antecedent = who.head.head
            if not (antecedent.pos_ == "NOUN" and antecedent.lemma_.lower() in cues.channels):
                # "Mike Lee, who declared …": Lee's actor, in the words that play the role here
                ref = state.actor_for(antecedent)
                return ActorRef(ref.actor_id, Span.of(state.text, who.idx, who.idx + len(who))) if ref else None
            who = antecedent  # "a report … that said": the report's author, below
        if who is not None and who.pos_ == "NOUN" and who.lemma_.lower() in cues.channels:
            # "a report by the New York Times": the Times; "Trump released a video that said": Trump
            who = noun_author(who) or (_issuer(who) if who.dep_ == "dobj" else None) or who
        if who is None and _after_quotation(cue, quoted):
            who = name_beside(cue, quoted)  # "“…,” said Richard Trumka, …" with the name hung on the next clause
    if who is None:
        return None
    return state.actor_for(who)


def _issuer(noun: Token) -> Token | None:
    """Who issued, released or sent the statement or video ``noun`` names: the subject of the verb it hangs on
    ("Trump released a video that said …": Trump), else the loose subject of that verb ("Said Ellis:")."""
    verb = noun.head
    if verb.pos_ != "VERB":
        return None
    return subject_of(verb) or loose_subject(verb)


def _after_quotation(cue: Token, quoted: set[int]) -> bool:
    """The cue follows a closing quotation mark, past punctuation only ("“…,” said …")."""
    k = cue.i - 1
    while k >= 0 and k not in quoted and (cue.doc[k].is_punct or cue.doc[k].is_space):
        k -= 1
    return k >= 0 and k in quoted
