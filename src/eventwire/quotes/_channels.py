"""The channel a quote came through, as the text names it: "In a press statement, X said …" → ``press
statement``, "tweeted" → ``post on X``, "a report by the New York Times" → ``report by the New York Times``."""

from __future__ import annotations

from spacy.tokens import Token

from ._cues import Cues
from ._syntax import RELATIVE, phrase_text, subject_of

_CUE_PREPS = {"in", "on", "during", "via", "through", "at", "to"}


def channel(cues: Cues, cue: Token) -> str | None:
    """The channel the text names for this cue: "press statement", "post on X", "report by the … Times"."""
    candidates = [cue] + ([cue.head] if cue.dep_ in ("advcl", "conj", "xcomp") else [])
    for verb in candidates:
        label = cues.channel_verbs.get(verb.lemma_.lower())
        if label:
            return label + (_platform_suffix(cues, verb) or "")
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _CUE_PREPS:
                for noun in prep.children:
                    found = _channel_noun(cues, noun)
                    if found:
                        return found
        subject = subject_of(verb)
        if subject is not None and subject.lower_ in RELATIVE and verb.dep_ == "relcl":
            subject = verb.head
        if subject is not None:
            found = _channel_noun(cues, subject)
            if found:
                return found
    return None

def _channel_noun(cues: Cues, noun: Token) -> str | None:
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    compound = " ".join(t.lower_ for t in noun.children if t.dep_ == "compound" and t.i < noun.i)
    label = cues.channels.get(f"{compound} {noun.lemma_.lower()}".strip()) or \
        cues.channels.get(noun.lemma_.lower())
    if label is None:
        return None
    if label.endswith(" on X"):
        return label
    platform = _platform_suffix(cues, noun)
    if platform:
        return label + platform
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "with", "from"):
            who = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if who is not None:
                return f"{label} {prep.lower_} {phrase_text(who)}"
    return label

def _platform_suffix(cues: Cues, token: Token) -> str | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "via"):
            words = [t for t in prep.subtree if t.i > prep.i]
            for i in range(len(words)):
                for size in (2, 1):
                    key = tuple(t.lower_ for t in words[i:i + size])
                    if key in cues.platforms and (size > 1 or words[i].text[:1].isupper()):
                        return f" on {cues.platforms[key]}"
            if any(t.lower_ == "media" for t in words):
                return " on social media"
    return None
