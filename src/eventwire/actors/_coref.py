"""References back: a bare title ("the president") or a subject pronoun joins the actor it refers back to.

``history`` lists (token index of the mention head, draft actor) in text order; drafts have ``is_person``,
``role``, ``country``, ``sectors``, ``former`` and ``gender``.
"""

from __future__ import annotations

from ._mentions import Candidate


# words before a title that introduce someone new ("a minister", "one official"), not someone named before
_NEW_PERSON_WORDS = ("a", "an", "another", "one")


def title_antecedent(c: Candidate, history, head_titles=frozenset()):
    """"the president" → the most recently mentioned person whose role has that title ("the official" is no
    head of state or government: news calls them by their title)."""
    if c.head.tag_ in ("NNS", "NNPS") or c.head.doc[c.start].lower_ in _NEW_PERSON_WORDS:
        return None  # "a minister", "ministers": someone else
    title = (c.role or "").lower()
    if not title:
        return None
    doc = c.head.doc
    if c.country is None and any(t.ent_type_ in ("NORP", "GPE") for t in doc[c.start : c.end]):
        return None  # "the Soviet leader": of a state we could not place, so not someone named before
    for _, draft in reversed(history):
        if not draft.is_person or not draft.role:
            continue
        role = draft.role.lower()
        if title not in role and not (title in ("leader", "official") and draft.sectors):
            continue
        if title == "official" and any(head in role for head in head_titles):
            continue
        if c.country and draft.country and c.country != draft.country:
            continue
        if draft.former and not c.former:
            continue
        return draft
    return None


def pronoun_antecedent(c: Candidate, history, sentence_of):
    """"he", "she" as subject → the person it refers back to: in its own sentence the subject of the governing
    clause, else the nearest person; else the subject of the last sentence that named a person."""
    sentence = sentence_of.get(c.head.i, 0)

    def compatible(d) -> bool:
        return d.is_person and (d.gender is None or d.gender == c.gender)

    # Same sentence first: the subject of the clause that governs the pronoun, else the nearest person.
    same = [(i, d) for i, d in history if sentence_of.get(i) == sentence and i < c.head.i and compatible(d)]
    if c.head.lower_ == "old":
        same = []  # "“Donald is a leader,” the 46-year-old said": a person named before, not one quoted here
    if same:
        doc = c.head.doc
        subjects = [(i, d) for i, d in same if doc[i].dep_ in ("nsubj", "nsubjpass")]
        return (subjects or same)[-1][1]
    earlier = [(i, d) for i, d in history if sentence_of.get(i, 0) < sentence and compatible(d)]
    if not earlier:
        return None
    last_sentence = sentence_of.get(earlier[-1][0])
    doc = c.head.doc
    in_last = [(i, d) for i, d in earlier if sentence_of.get(i) == last_sentence]
    subjects = [(i, d) for i, d in in_last if doc[i].dep_ in ("nsubj", "nsubjpass")]
    return (subjects or in_last)[0][1] if subjects else in_last[-1][1]
