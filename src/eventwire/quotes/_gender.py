"""Grammatical gender of a person actor, so that a "he"/"she" speaker goes to a person it can refer to.

Only from the text: a title ("Mr.", "Mrs.", "Ms.") in or just before a mention, or a "he"/"she" the actor stage
already bound to the actor. A first-name list (``gender-guesser``) was tried: it costs about a second to load and
changed no speaker on PolNeAR, where the actor stage resolves most pronouns itself. Unknown stays unknown: it never
rules a person out.
"""

from __future__ import annotations

from ..records import Actor

MALE, FEMALE = "m", "f"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_TITLES = {"mr": MALE, "mr.": MALE, "sir": MALE, "mrs": FEMALE, "mrs.": FEMALE, "ms": FEMALE, "ms.": FEMALE,
           "miss": FEMALE, "madam": FEMALE, "lady": FEMALE}


def actor_gender(actor: Actor, text: str) -> str | None:
    """``"m"``, ``"f"`` or None (unknown) for a person actor in a document's ``text``."""
    votes = set()
    for m in actor.mentions:
        if m.label == "PRON":
            gender = PRONOUN_GENDER.get(m.span.text.lower())
        else:
            words = m.span.text.split() or [""]
            before = text[max(0, m.span.start - 6):m.span.start].split()
            gender = _TITLES.get(words[0].lower()) or (_TITLES.get(before[-1].lower()) if before else None)
        if gender:
            votes.add(gender)
    if len(votes) == 1:
        return votes.pop()
    return None  # unknown, or the text says both

