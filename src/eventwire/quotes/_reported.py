"""Reported speech the dependency frames miss. What seems, appears or is expected, with no source ("⟦Trump seems to
be the classic New York personality⟧", "⟦The White House is expected to sign the measure⟧"): PolNeAR counts these
hedged assertions as attributions without a source; they are quotes of kind indirect whose speaker is null (the
subject of "seems" is what the assertion is about, not who made it). And the claim of a title-cased headline, which
the parser cannot read ("Clinton Says ⟦Russians Hacked DNC⟧")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ._content import Attribution
from ._cues import Cues


@dataclass
class Unsourced(Attribution):
    """An attribution whose text names no source: its speaker stays null."""


def impression_cue(cues: Cues, word: Token) -> bool:
    """"seems to …", "appears to …" and the passive "is expected to …" (with no by-agent: "is
    expected by analysts to …" names its source; "Trump expects to win" is his own hope, an infinitive frame)."""
    lemma = cues.lemma(word)
    if lemma not in cues.impression_words or any(c.dep_ == "agent" for c in word.children):
        return False
    passive = any(c.dep_ == "auxpass" for c in word.children)
    return passive == (lemma in cues.expectation_verbs)


_TITLE_SHARE = 0.7  # a headline when this share of its words is capitalised


def headline_cue(cues: Cues, word: Token) -> tuple[int, int] | None:
    """The claim of a title-cased headline, which the parser cannot read ("Clinton Says ⟦Russians Hacked DNC⟧",
    "Super PAC Chief Praises ⟦Rubio Donor's Campaign⟧"): a verb of saying or judging in the present tense, after
    a name, in the text's first line; the claim runs to the end of the line or to the next such verb after a comma."""
    doc = word.doc
    if word.i == 0 or not word.text[:1].isupper() or not _present_cue(cues, word.lower_):
        return None
    line = []
    for t in doc[:word.i + 40]:
        if "\n" in t.text and line:
            break
        line.append(t)
    if word.i >= len(line):
        return None
    words = [t for t in line if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[:1].isupper() for t in words) < _TITLE_SHARE * len(words):
        return None
    before = doc[word.i - 1]
    if not before.text[:1].isupper() or before.pos_ not in ("PROPN", "NOUN"):
        return None  # the source, a name, comes before the verb ("How Many States" has none)
    rest = line[word.i + 1:]
    for k, t in enumerate(rest):
        if t.text == "," and k + 1 < len(rest) and _present_cue(cues, rest[k + 1].lower_):
            rest = rest[:k]  # "…, Calls Trump's Remarks 'Troubling'": a second claim
            break
    while rest and (rest[-1].is_punct and rest[-1].text not in "”’\"'" or rest[-1].is_space):
        rest.pop()
    if len([t for t in rest if t.is_alpha]) < 2:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1])


def _present_cue(cues: Cues, form: str) -> bool:
    """"says", "praises", "denies", "slams": the third person of a cue verb of saying or judging."""
    verbs = cues.speech_verbs | cues.object_verbs | cues.naming_verbs
    if form.endswith("ies") and form[:-3] + "y" in verbs:
        return True
    return form.endswith("s") and (form[:-1] in verbs or form.endswith("es") and form[:-2] in verbs)
