"""The cue words of quotations and reported speech (``eventwire/data/quotes/cues.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class Cues:
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    noun_cues: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    noun_frames: dict[str, frozenset[str]]  # noun lemma → the prepositions that introduce the content
    infinitive_nouns: frozenset[str]
    prepositional_verbs: dict[str, frozenset[str]]  # verb lemma → the prepositions that introduce the content
    prepositional_cues: tuple[tuple[str, ...], ...]  # lowercase word sequences: ("according", "to")
    channels: dict[str, str]  # noun (or "compound noun") lemma → channel label
    channel_verbs: dict[str, str]
    platforms: dict[tuple[str, ...], str]  # lowercase words → name as usually written
    scare_quote_max_words: int


def load_cues() -> Cues:
    """The built-in cue lists."""
    text = resources.files("eventwire").joinpath("data/quotes/cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    lower = lambda words: frozenset(str(w).lower() for w in words)
    return Cues(
        speech_verbs=lower(data["speech_verbs"]),
        belief_verbs=lower(data["belief_verbs"]),
        noun_cues=lower(data["noun_cues"]),
        infinitive_verbs=lower(data["infinitive_verbs"]),
        object_verbs=lower(data["object_verbs"]),
        naming_verbs=lower(data["naming_verbs"]),
        noun_frames=_by_verb(data["noun_frames"]),
        infinitive_nouns=lower(data["infinitive_nouns"]),
        prepositional_verbs=_by_verb(data["prepositional_verbs"]),
        prepositional_cues=tuple(tuple(c.lower().split()) for c in data["prepositional_cues"]),
        channels={str(k).lower(): str(v) for k, v in data["channels"].items()},
        channel_verbs={str(k).lower(): str(v) for k, v in data["channel_verbs"].items()},
        platforms={tuple(str(p).lower().split()): str(p) for p in data["platforms"]},
        scare_quote_max_words=int(data["scare_quote_max_words"]),
    )


def _by_verb(pairs: list[str]) -> dict[str, frozenset[str]]:
    """["talk about", "talk of"] → {"talk": {"about", "of"}} (also nouns: "comment on")."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        verb, prep = str(pair).lower().split()
        out.setdefault(verb, set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in out.items()}
