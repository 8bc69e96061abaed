"""Verb frames of attribution beyond the that-clause: what a speaker vowed or urged others to do ("Trump vowed to
build a wall", "Obama urged Congress to act"), what they cited, praised or called something ("Clinton cited her
record", "Trump called the deal a disaster", "she accused him of lying"), and what they talked about or called
for ("Sanders called for a recount"). Each frame gives the content as a character span, or None.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import SUBJECTS, without_aside

# Right-hand dependents that belong to what was said; adjuncts after a comma, coordinated verbs and
# participle clauses ("…, saying …") do not.
_COMPLEMENTS = {"dobj", "dative", "oprd", "xcomp", "ccomp", "prep", "acomp", "attr", "pobj", "advmod", "npadvmod",
                "agent"}
_BREAKS = {",", ";", ":", "—", "–", "-", "--", "(", "."}
_STOP = {"punct", "cc", "conj", "advcl", "parataxis", "mark", "relcl"}
# Prepositions of the verb that set the scene (when, where) rather than complete what was said
_SCENE_PREPS = {"during", "after", "before", "since", "amid", "at", "in", "while", "despite", "following"}
_DASHES = {"—", "–", "-", "--", ";"}
_SCENE_ONLY = {"during", "amid", "despite", "following"}  # never part of what was said, wherever attached
# Prepositions whose gerund is something the subject of their verb said or stood for ("after praising …", "in
# calling for …", "decided against recommending …"); with "by", "for", "of", "on" it was so in fewer than half of
# the uses in PolNeAR's training split ("held in contempt for refusing …" is what others blamed).
_SPEAKER_PREPS = {"in", "after", "before", "from", "against", "since"}


def infinitive(verb: Token) -> tuple[int, int] | None:
    """The to-infinitive (with the object before it) of "vowed to …", "urged Congress to …" (of a noun too: "his
    refusal to …")."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("xcomp", "acl", "ccomp") and _has_to(child):
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i), None)
            return complement_span(verb, obj or child)  # "urged ⟦regulators to act⟧"
        if child.i > verb.i and child.dep_ == "dobj" and any(
                k.dep_ in ("xcomp", "acl", "ccomp") and k.i > child.i and _has_to(k) for k in child.children):
            return complement_span(verb, child)
    return None


def direct_object(verb: Token, predicate: bool = False) -> tuple[int, int] | None:
    """The object and its complements: "cited ⟦her record⟧", "called ⟦the deal a disaster⟧" (``predicate``: only
    with a predicate or an as-phrase after the object, as "called a meeting" or "saw the film" is no judgement)."""
    if any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" for c in verb.children):
        return None  # "Clinton was criticized for …": the object is the subject
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i), None)
    if obj is None and not predicate:
        obj = _gerund(verb)  # "proposed ⟦dropping carried interest⟧", "admitted ⟦using the tax code⟧"
    if obj is None or obj.is_punct:
        return None
    swallowed = obj.dep_ == "oprd" and obj.left_edge.pos_ in ("DET", "NOUN", "PROPN", "PRON")  # "the merger reckless"
    if predicate and not swallowed and not any(
            (c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "as") and c.i > obj.i
            for c in verb.children):
        return None
    return complement_span(verb, obj)


def _gerund(verb: Token) -> Token | None:
    """A gerund clause the parser made the verb's complement instead of its object: "proposed ⟦dropping …⟧"; not
    one with a subject or auxiliary of its own ("…, saying", "was seen leaving")."""
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and c.tag_ == "VBG"
                 and not any(k.dep_ in ("nsubj", "aux", "mark") for k in c.children)), None)


def prepositional_object(verb: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    """What was talked about or called for: the object of the verb's preposition ("talked about ⟦…⟧")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i > verb.i and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                tokens = list(prep.subtree)[1:]
                goes_on = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and _has_to(c)
                                and c.left_edge.i == tokens[-1].i + 1), None)
                if goes_on is not None:  # "called for ⟦Silicon Valley to roll back the encryption⟧"
                    tokens += list(goes_on.subtree)
                return _trimmed(tokens)
    for clause in verb.children:  # "called for ⟦the United States to step up …⟧", read as a clause with "for"
        if clause.dep_ == "advcl" and clause.i > verb.i and _has_to(clause) and any(
                m.dep_ == "mark" and m.lower_ in preps and m.i == verb.i + 1 for m in clause.children):
            return _trimmed([t for t in clause.subtree if t.i > verb.i + 1])
    return None


def complement_span(verb: Token, first: Token) -> tuple[int, int] | None:
    """From ``first``'s phrase to the end of the verb's last complement, stopping at a comma, a coordinated verb,
    a participle clause, a dash aside or the scene ("… during a campaign stop", "… at a rally")."""
    tokens = [t for t in first.subtree]
    later = [c for c in verb.children if c.i > first.i]
    for k, child in enumerate(later):
        if child.dep_ == "punct" and child.text not in _BREAKS:
            continue  # quotation marks and brackets inside the complement
        if _goes_on(verb, first, child, later[k + 1:]):
            tokens.extend(child.subtree)
            continue
        if child.dep_ in _STOP or child.dep_ not in _COMPLEMENTS or (
                child.dep_ == "prep" and child.lower_ in _SCENE_PREPS) or (
                child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")):
            break  # "blasted ⟦Clinton as a “disgrace”⟧ Wednesday on …": the scene is not what was said
        tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    cut = next((k for k, t in enumerate(tokens) if k and (
        t.text in _DASHES and t.nbor(-1).whitespace_ or t.dep_ == "prep" and t.lower_ in _SCENE_ONLY
        or t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME") and t.nbor(-1).is_punct)), None)
    tokens = tokens[:cut]
    return _trimmed(without_aside(tokens) if tokens else tokens)


def _goes_on(verb: Token, first: Token, child: Token, rest: list[Token]) -> bool:
    """A right-hand dependent the parser hung on the cue verb that still belongs to what was said: a second
    infinitive or object coordinated with the first ("agreed ⟦to share a currency and rely on one another⟧",
    "called ⟦the citation and the demand a ploy⟧"; with its comma or conjunction), and a scene-like phrase the
    object's predicate follows ("called ⟦her vote in favor of the war a mistake⟧")."""
    if child.dep_ in ("cc", "punct"):
        nxt = next((c for c in rest if c.dep_ not in ("cc", "punct")), None)
        return nxt is not None and _coordinated(verb, first, nxt)
    if child.dep_ in ("conj", "dep"):
        return _coordinated(verb, first, child)
    return child.dep_ == "prep" and child.lower_ in _SCENE_PREPS and child.lower_ not in _SCENE_ONLY and any(
        c.dep_ == "oprd" for c in rest)


def _coordinated(verb: Token, first: Token, conj: Token) -> bool:
    """``conj`` continues the complement that starts at ``first``: a noun after an object, or a bare infinitive
    after a to-infinitive of a verb that is not itself bare (so it cannot be the verb's own conjunct)."""
    if conj.dep_ not in ("conj", "dep"):
        return False
    if conj.pos_ in ("NOUN", "PROPN") and first.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    return conj.tag_ == "VB" and verb.tag_ != "VB" and first.tag_ == "VB" and _has_to(first) and not any(
        c.dep_ in SUBJECTS for c in conj.children)


def host_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts or follows ("The plan, he said, will fail")."""
    aside = {t.i for t in verb.subtree}
    return _trimmed([t for t in verb.head.subtree if t.i not in aside])


def has_speaker(verb: Token) -> bool:
    """An active verb with a subject that can speak (not "it", "there", "this"), or a participle describing a noun
    ("a super PAC backing …": about half of these matched PolNeAR's train split)."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject.dep_ == "nsubj" and subject.lower_ not in ("it", "there", "this", "that", "what")
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _SPEAKER_PREPS:
            verb = verb.head.head  # "…, after ⟦praising the union⟧": the subject of the verb it hangs on
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
            return True  # "a group backing ⟦Bush⟧", "a resolution condemning ⟦…⟧": the noun it describes speaks
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
            verb = verb.head  # "voters are more likely to support ⟦Clinton⟧"
            continue
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return verb.dep_ == "relcl"  # "a senator who cited …"
        verb = verb.head
    return False


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’" or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"'‘" or tokens[0].is_space):
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def impression(verb: Token) -> tuple[int, int] | None:
    """What seems, appears or is expected, without a source: "⟦Trump seems to be the classic New York
    personality⟧", "⟦The White House is expected to sign the measure⟧", "it appears ⟦that …⟧" (the subject and the
    to-infinitive, with the cue between; the content of a that-clause after "it")."""
    to_verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and _has_to(c)), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if to_verb is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None or subject is None or subject.lower_ != "it":
            return None
        return _trimmed(list(clause.subtree))
    if subject is None or subject.lower_ in ("it", "there"):
        return None
    return _trimmed([t for t in verb.doc[subject.left_edge.i:to_verb.right_edge.i + 1]])
