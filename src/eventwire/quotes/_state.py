"""Per-document state of the quote stage: which actor a speaker phrase names, speakers the actor stage did not
know (new actors, the writer), pronouns it left unresolved, and the speaker a cue-less quotation goes on with."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from ..actors import mention_index
from ..records import Actor, ActorRef, Mention, Span
from ._gender import PRONOUN_GENDER, actor_gender
from ._marks import Quoted
from ._syntax import phrase_bounds, phrase_tokens, strip_determiner, token_at, tokens

# Pronouns whose antecedent is a person named just before (by the actor stage's PERSON or the quote stage's
# SPEAKER mentions); "they" is left unresolved: the group named last is too often not the one meant.
_PERSONAL = {"he", "she", "him", "his", "her"}
_PERSON_LABELS = frozenset({"PERSON", "SPEAKER"})
_WRITER = {"i", "we", "my", "our"}  # outside quotation marks: the writer of the article
_WRITER_KEY = "\0writer"  # not a phrase key: the writer is never merged with a named speaker
_ANTECEDENT_CHARS = 600  # how far back a pronoun's antecedent may be named
# "“…,” the Times wrote. “…,” it added": "it"/"they" speaking right after a source of the same number spoke
_CARRIED = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}
_CARRY_CHARS = 400
_AGE = re.compile(r"\d+-year-old$")
_NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}  # "5:45 p.m. … said"
_UNRESOLVABLE = {"i", "we", "you", "it", "this", "that", "these", "those", "one", "who", "which"}


@lru_cache(maxsize=2)
def _speaker_words(key: str) -> frozenset[str]:
    """A word list of data/quotes/speakers.yaml: ``indefinite`` pronouns and quantifiers that name their own speaker
    ("someone in the audience"), the ``shares`` of a poll ("63 percent")."""
    text = resources.files("eventwire").joinpath("data/quotes/speakers.yaml").read_text(encoding="utf-8")
    return frozenset(str(w).lower() for w in yaml.safe_load(text)[key])


def _next_actor_id(actors: list[Actor]) -> str:
    numbers = [int(a.id[1:]) for a in actors if a.id[:1] == "a" and a.id[1:].isdigit()]
    return f"a{max(numbers, default=0) + 1}"


class State:
    """Per-document lookups: which actor mention covers a token; speakers created so far; the last quote."""

    def __init__(self, doc: Doc, actors: list[Actor], sentence_starts: list[int] | None,
                 speech_verbs: frozenset[str] = frozenset(), text: str | None = None) -> None:
        self.speech_verbs = speech_verbs
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token: the pipeline has the text
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        self.actors = actors
        self.sentence_starts = sentence_starts or [s.start_char for s in doc.sents]
        self.quoted_tokens: set[int] = set()
        self.utterance_tokens: set[int] = set()
        self.last_direct: tuple[Quoted, ActorRef | None] | None = None
        self.actor_at = mention_index(doc, actors)
        self.new_speakers: dict[str, Actor] = {}
        self.genders: dict[str, str | None] = {}

    def actor_for(self, who: Token) -> ActorRef | None:
        """The actor named by the speaker phrase headed by ``who``."""
        if who.is_punct or who.is_space:
            return None  # a parser's odd subject ("“" as nsubj) names nobody
        for token in phrase_tokens(who):
            if token.i in self.actor_at:
                return self.actor_at[token.i]
        if who.lower_ in _PERSONAL:
            return self._antecedent(who)
        if who.lower_ == "old" and _AGE.search(self.text[who.left_edge.idx:who.idx + 3]):
            return self._antecedent(who)  # "the 46-year-old": the person named just before, like "she"
        if who.lower_ in _WRITER:
            return self._writer(who)
        if who.lower_ in _CARRIED:
            return self._previous_source(who)
        if who.lower_ in _speaker_words("indefinite"):
            return self._new_speaker(who, merge=False)  # "someone in the audience", "Another": the phrase itself
        if who.lower_ in _speaker_words("shares") and who.ent_type_ == "PERCENT" or who.pos_ == "NUM" and any(
                c.lower_ == "in" for c in who.children):
            # "63 percent said …", "About 4 in 10 say …": a poll's share is its own speaker
            return self._new_speaker(who, merge=False)
        if who.pos_ == "PRON" or who.lower_ in _UNRESOLVABLE or who.pos_ not in ("NOUN", "PROPN") or \
                who.ent_type_ in _NOT_SPEAKERS:
            return None  # "it", "we" that coreference could not resolve: unknown, not guessed
        return self._new_speaker(who)

    def _antecedent(self, pronoun: Token) -> ActorRef | None:
        """A "he"/"his" speaker the actor stage left unresolved: the person named last before it, close by (news
        English names a speaker, then goes on with the pronoun), in the pronoun's words."""
        named = [(m.span.start, m.span.end, a.id) for a in self.actors for m in a.mentions
                 if m.label in _PERSON_LABELS and pronoun.idx - _ANTECEDENT_CHARS <= m.span.start
                 and m.span.end <= pronoun.idx]
        wanted = PRONOUN_GENDER.get(pronoun.lower_)
        fitting: list[str] = []
        for _, end, actor_id in sorted(named, reverse=True):
            last = token_at(self.doc, end - 1)
            if last is None or last.tag_ in ("NNS", "NNPS") or last.i in self.quoted_tokens:
                continue  # not "the protesters", nor a name inside someone's words
            if wanted is not None and self._gender(actor_id) not in (None, wanted):
                continue  # "she" is not the man named last
            if actor_id not in fitting:
                fitting.append(actor_id)
        if len(fitting) != 1:
            return None  # nobody, or two people the pronoun could mean: unknown, not guessed
        return ActorRef(fitting[0], Span.of(self.text, pronoun.idx, pronoun.idx + len(pronoun)))

    def _previous_source(self, pronoun: Token) -> ActorRef | None:
        """An "it"/"they" speaker the actor stage left unresolved: the subject of the last verb of saying before it
        (in its paragraph or the one before, close by), when that subject is a thing or body of the same number
        ("the Times wrote … it added", "the groups say … They argue"); else unknown."""
        text = self.text
        floor = max(0, pronoun.idx - _CARRY_CHARS)
        breaks = text.count("\n\n", floor, pronoun.idx)
        if breaks > 1:
            floor = text.rfind("\n\n", floor, text.rfind("\n\n", floor, pronoun.idx))
        for token in reversed(self.doc[:pronoun.i]):
            if token.idx < floor:
                return None
            if token.dep_ != "nsubj" or token.i in self.quoted_tokens or \
                    token.head.lemma_.lower() not in self.speech_verbs:
                continue  # words inside quotation marks are the speaker's, not the writer's attribution
            number_agrees = token.tag_ in _CARRIED[pronoun.lower_] or (
                pronoun.lower_ == "it" and token.ent_type_ == "ORG")  # "the Times wrote … it added"
            if token.pos_ == "PRON" or token.ent_type_ == "PERSON" or not number_agrees:
                return None  # the last source is a person, a pronoun or of the other number: not guessed
            ref = self.actor_for(token)
            return ActorRef(ref.actor_id, Span.of(text, pronoun.idx, pronoun.idx + len(pronoun))) if ref else None
        return None

    def _gender(self, actor_id: str) -> str | None:
        if actor_id not in self.genders:
            actor = next((a for a in self.actors if a.id == actor_id), None)
            self.genders[actor_id] = actor_gender(actor, self.text) if actor is not None else None
        return self.genders[actor_id]

    def _writer(self, pronoun: Token) -> ActorRef:
        """"I said", "we know" outside quotation marks: the article's writer, one actor per document."""
        span = Span.of(self.text, pronoun.idx, pronoun.idx + len(pronoun))
        mention = Mention(span=span, label="SPEAKER", sentence=self._sentence_of(span.start))
        actor = self.new_speakers.get(_WRITER_KEY)
        if actor is None:
            actor = Actor(id=_next_actor_id(self.actors), name="the writer", mentions=[mention])
            self.actors.append(actor)
            self.new_speakers[_WRITER_KEY] = actor
        else:
            actor.mentions.append(mention)
        return ActorRef(actor.id, span)

    def _new_speaker(self, head: Token, merge: bool = True) -> ActorRef:
        """A speaker the actor stage did not know; phrases of the same words are one actor when ``merge``."""
        start, end = phrase_bounds(head)
        span = Span.of(self.text, start, end)
        key = " ".join(t.lemma_.lower() for t in phrase_tokens(head) if t.dep_ != "det")
        actor = self.new_speakers.get(key) if merge else None
        mention = Mention(span=span, label="SPEAKER", sentence=self._sentence_of(start))
        if actor is None:
            actor = Actor(id=_next_actor_id(self.actors), name=strip_determiner(span.text), mentions=[mention])
            self.actors.append(actor)
            if merge:
                self.new_speakers[key] = actor
        else:
            actor.mentions.append(mention)
        ref = ActorRef(actor.id, span)
        for t in tokens(self.doc, start, end):
            self.actor_at[t.i] = ref
        return ref

    def line_of(self, char: int) -> int:
        """How many line breaks come before ``char``: two offsets share a line when this is the same."""
        return bisect.bisect_left(self.newlines, char)

    def _sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def carried_speaker(self, q: Quoted) -> ActorRef | None:
        """A quotation with no cue goes on with the speaker of the quote before it, in its paragraph or (when it
        opens the paragraph) the one before."""
        if self.last_direct is None:
            return None
        previous, speaker = self.last_direct
        text = self.text
        line_start = text.rfind("\n", 0, q.outer_start) + 1
        if speaker is None:
            return None
        if text[line_start:q.outer_start].strip():
            # "“A,” said Ann Lee, a lawyer who … “B.”": a quotation later in the paragraph of another goes on with it
            return speaker if line_start <= previous.outer_start and q.outer_start - previous.outer_end <= 240 else None
        between = text[previous.outer_end:line_start].strip()
        if "\n" in between or len(between) > 80:
            return None  # another paragraph, or more than an attribution, lies between
        return speaker
