"""The cue words of quotations and reported speech (``eventwire/data/quotes/cues.yaml``), plus the user's cue
files: the same keys, whose words are added to the built-in lists (``channels``, ``channel_verbs``, ``word_forms``
and ``scare_quote_max_words`` replace the built-in values they name)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

_WORD_LISTS = ("speech_verbs", "belief_verbs", "noun_cues", "infinitive_verbs", "object_verbs", "naming_verbs",
               "noun_frames", "infinitive_nouns", "prepositional_verbs", "prepositional_cues", "platforms",
               "impression_words", "expectation_verbs", "not_speakers", "evidence_verbs", "question_verbs",
               "speech_phrases")
_MAPPINGS = ("channels", "channel_verbs", "word_forms")


class CuesError(ValueError):
    """A quote cue file that cannot be used; the message names file, line and problem."""


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
    impression_words: frozenset[str] = frozenset()  # "seems to …", "is expected to …": no source
    expectation_verbs: frozenset[str] = frozenset()  # of those, the ones that count only in the passive
    not_speakers: frozenset[str] = frozenset()  # line labels before a colon that name no speaker
    evidence_verbs: frozenset[str] = frozenset()  # object verbs whose subject must be a thing: "a poll shows …"
    question_verbs: frozenset[str] = frozenset()  # their if/whether clause is what was asked
    word_forms: dict[str, str] = field(default_factory=dict)  # lowercase word → its lemma, where the parser errs
    speech_phrases: dict[str, frozenset[str]] = field(default_factory=dict)  # verb lemma → objects: "put it"

    def lemma(self, token: Token) -> str:
        """The token's lowercase lemma, corrected for the forms the parser's lemmatiser gets wrong ("hoped" →
        "hop")."""
        return self.lemma_of(token.lower_, token.lemma_)

    def lemma_of(self, form: str, lemma: str) -> str:
        """:meth:`lemma` from a token's lowercase form and the parser's lemma."""
        return self.word_forms.get(form) or lemma.lower()


def load_cues(extra_files: Iterable[str] = ()) -> Cues:
    """The built-in cue lists plus the user's cue files (checked: a bad file raises :class:`CuesError`)."""
    return _load(tuple(extra_files))


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Cues:
    text = resources.files("eventwire").joinpath("data/quotes/cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for name in extra_files:
        _merge(data, _read_user_file(Path(name)), name)
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
        impression_words=lower(data["impression_words"]),
        expectation_verbs=lower(data["expectation_verbs"]),
        not_speakers=lower(data["not_speakers"]),
        evidence_verbs=lower(data["evidence_verbs"]),
        question_verbs=lower(data["question_verbs"]),
        word_forms={str(k).lower(): str(v).lower() for k, v in data["word_forms"].items()},
        speech_phrases=_by_verb(data["speech_phrases"]),
    )


def _read_user_file(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CuesError(f"{path}: cannot read quote cue file: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
        raise CuesError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CuesError(f"{path}: expected a mapping of cue lists (speech_verbs: [...], …)")
    return data


def _merge(base: dict, extra: dict, origin: str) -> None:
    """Add a user file's words to ``base`` in place, checking every key and value."""
    for key, value in extra.items():
        line = _line_of(origin, key)
        if key in _WORD_LISTS:
            if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
                raise CuesError(f"{line}: {key} must be a list of words")
            if key in ("noun_frames", "prepositional_verbs") and any(len(w.split()) != 2 for w in value):
                raise CuesError(f"{line}: {key} entries are 'word preposition' pairs, e.g. 'talk about'")
            if key == "speech_phrases" and any(len(w.split()) != 2 for w in value):
                raise CuesError(f"{line}: {key} entries are 'verb object' pairs, e.g. 'put it'")
            base[key] = list(base[key]) + value
        elif key in _MAPPINGS:
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise CuesError(f"{line}: {key} must map words to " + (
                    "their lemmas" if key == "word_forms" else "channel labels"))
            base[key] = dict(base[key]) | value
        elif key == "scare_quote_max_words":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CuesError(f"{line}: scare_quote_max_words must be a whole number")
            base[key] = value
        else:
            known = ", ".join(_WORD_LISTS + _MAPPINGS + ("scare_quote_max_words",))
            raise CuesError(f"{line}: unknown key {key!r}; known: {known}")


def _line_of(origin: str, key: str) -> str:
    """"file, line N" of a top-level key, for error messages."""
    try:
        for n, text in enumerate(Path(origin).read_text(encoding="utf-8").splitlines(), 1):
            if text.startswith(f"{key}:"):
                return f"{origin}, line {n}"
    except OSError:
        pass
    return origin


def _by_verb(pairs: list[str]) -> dict[str, frozenset[str]]:
    """["talk about", "talk of"] → {"talk": {"about", "of"}} (also nouns: "comment on")."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        verb, prep = str(pair).lower().split()
        out.setdefault(verb, set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in out.items()}
