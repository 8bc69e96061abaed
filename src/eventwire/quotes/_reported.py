"""Reported speech the dependency frames miss. What seems, appears or is expected, with no source ("⟦Trump seems to
be the classic New York personality⟧", "⟦The White House is expected to sign the measure⟧"): PolNeAR counts these
hedged assertions as attributions without a source; they are quotes of kind indirect whose speaker is null (the
subject of "seems" is what the assertion is about, not who made it). The claim of a title-cased headline, which
the parser cannot read ("Clinton Says ⟦Russians Hacked DNC⟧"). And a stance stated with an adjective ("Graham has
been critical of ⟦Trump⟧", "donors remain confident ⟦that he will win⟧"; ``data/quotes/stance.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.strings import hash_string
from spacy.symbols import NOUN, VERB, agent, auxpass, ccomp, dobj, mark, nsubj, nsubjpass, xcomp
from spacy.tokens import Doc, Token

from . import _frames as frames
from ._content import Attribution, agent_of
from ._cues import Cues
from ._syntax import clause_span, noun_author, subject_of, without_aside


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


@dataclass(frozen=True)
class _Stance:
    linking_verbs: frozenset[str]
    words: dict[str, frozenset[str]]  # adjective → the words that introduce its content ("of", "that", "to")
    hashes: frozenset[int]  # the adjectives' lowercase-form hashes, to find them off the token array
    light_verbs: frozenset[str]  # "raised questions about …": the verb makes its object noun a statement
    phrases: dict[str, tuple[str, str]]  # "in favor of": middle word → (the words around it)
    phrase_hashes: frozenset[int]
    saying_verbs: frozenset[str]  # verbs whose object, when long, is a misread clause ("said families … file …")
    poll_quantities: frozenset[str]  # words of a poll-style subject the parser read as a number ("Most say …")


@lru_cache(maxsize=1)
def _stance() -> _Stance:
    text = resources.files("eventwire").joinpath("data/quotes/stance.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    words: dict[str, set[str]] = {}
    phrases = {middle: (before, after) for before, middle, after in (
        str(p).lower().split() for p in data["stance_phrases"])}
    for pair in data["stance_adjectives"]:
        adjective, word = str(pair).lower().split()
        words.setdefault(adjective, set()).add(word)
    return _Stance(frozenset(data["linking_verbs"]), {a: frozenset(w) for a, w in words.items()},
                   _hashes(frozenset(words)), frozenset(data["light_verbs"]), phrases, _hashes(frozenset(phrases)),
                   frozenset(data["saying_verbs"]), frozenset(data["poll_quantities"]))


_NO_VIEW = {"it", "there", "this", "that", "what", "which"}  # subjects that hold no view


class _Arrays:
    """Token attributes as arrays, to pick the few candidate words without building a Token for every word (costly in
    spaCy); sets of words are matched by their string hashes."""

    def __init__(self, doc: Doc) -> None:
        pos, lemma, dep, lower, head = doc.to_array([POS, LEMMA, DEP, LOWER, HEAD]).T
        self.pos, self.lemma, self.dep, self.lower = pos, lemma, dep, lower
        self.heads = np.arange(len(doc)) + head.astype(np.int64)  # HEAD is an offset
        self.size = len(doc)

    def forms(self, hashes: frozenset[int]) -> list[int]:
        """Indexes of the tokens whose lowercase form is one of ``hashes``."""
        return [i for i, h in enumerate(self.lower.tolist()) if h in hashes]

    def verbs(self, lemmas: frozenset[str]) -> np.ndarray:
        """A mask of the verbs whose lemma is one of ``lemmas``."""
        hashes = _hashes(lemmas)
        out = np.zeros(self.size, dtype=bool)
        for i in np.flatnonzero(self.pos == VERB).tolist():
            out[i] = int(self.lemma[i]) in hashes
        return out

    def with_child(self, *deps: int, lower: str | None = None) -> np.ndarray:
        """A mask of the tokens with a child of one of ``deps`` (and of the form ``lower``, if given)."""
        mask = np.zeros(self.size, dtype=bool)
        for dep in deps:
            mask |= self.dep == dep
        if lower is not None:
            mask &= self.lower == hash_string(lower)
        out = np.zeros(self.size, dtype=bool)
        out[self.heads[mask]] = True
        return out


def stance_cues(cues: Cues, doc: Doc, skip: set[int]) -> list[Attribution]:
    """Attributions no cue-word frame finds: stances stated with an adjective after a linking verb ("Graham has
    been critical of ⟦Trump⟧", "donors remain confident ⟦that he will win⟧") or a phrase ("voted in support of
    ⟦the ACA⟧"), judgements in the passive with a by-agent ("⟦the plan⟧ was criticized by Democrats"), statements named by a cue noun that a light verb makes its subject's ("Trump raised questions about
    ⟦Obama's birthplace⟧"), clauses of saying the parser misread and as-clauses of saying ("As the Times reported,
    ⟦…⟧"). The cue is a verb (its subject is the speaker); tokens in ``skip`` (quotations, cues already read) are
    passed over, and a verb is the cue of one attribution."""
    stance = _stance()
    arrays = _Arrays(doc)
    found = _light_verb_cues(cues, stance, arrays, doc, skip) + _phrase_cues(stance, arrays, doc, skip) + \
        _misread_clauses(cues, stance, arrays, doc, skip) + _as_clauses(cues, arrays, doc, skip)
    found += _adjective_cues(stance, arrays, doc, skip) + _passive_cues(cues, arrays, doc)
    kept: dict[int, Attribution] = {}
    for a in found:
        if a.cue.i not in skip:
            kept.setdefault(a.cue.i, a)
    return list(kept.values())


def _adjective_cues(stance: _Stance, arrays: _Arrays, doc: Doc, skip: set[int]) -> list[Attribution]:
    found = []
    for i in arrays.forms(stance.hashes):
        adjective = doc[i]
        verb = adjective.head
        if i in skip or adjective.dep_ != "acomp" or verb.lemma_.lower() not in stance.linking_verbs:
            continue
        subject = subject_of(verb)
        if subject is None or subject.lower_ in _NO_VIEW:
            continue
        content = _stance_content(adjective, stance.words[adjective.lower_])
        if content is not None:
            found.append(Attribution(verb, content, "indirect"))
    return found


def _stance_content(adjective: Token, words: frozenset[str]) -> tuple[int, int] | None:
    for child in adjective.children:
        if child.i < adjective.i:
            continue
        if child.dep_ == "prep" and child.lower_ in words:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            return frames.complement_span(child, obj) if obj is not None else None
        marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
        if child.dep_ == "ccomp" and "that" in words and marks <= {"that"}:
            return clause_span(adjective.doc, child, adjective)
        if child.dep_ == "xcomp" and "to" in words and any(a.lower_ == "to" for a in child.children):
            return frames.complement_span(adjective, child)
    return None


def _light_verb_cues(cues: Cues, stance: _Stance, arrays: _Arrays, doc: Doc, skip: set[int]) -> list[Attribution]:
    found = []
    for i in np.flatnonzero((arrays.pos == NOUN) & (arrays.dep == dobj)).tolist():
        noun = doc[i]
        verb = noun.head
        if i in skip or verb.pos_ != "VERB" or verb.lemma_.lower() not in stance.light_verbs:
            continue
        lemma = cues.lemma(noun)
        if noun_author(noun) is not None or not (lemma in cues.noun_cues or lemma in cues.noun_frames):
            continue  # a noun with its own author is read as a cue noun of its own ("his statement that …"); a
            # decision or plan made is an act, not a statement ("made plans to build bunkers")
        subject = subject_of(verb)
        if subject is None or subject.dep_ != "nsubj" or subject.lower_ in _NO_VIEW or not _named(subject):
            continue  # "his decision raises questions about …": a thing raises no question of its own
        # the noun's frame, or the same frame the parser hung on the verb ("made the case ⟦for …⟧")
        content = _noun_frame(cues, lemma, noun) or _noun_frame(cues, lemma, verb, after=noun.i)
        if content is not None:
            found.append(Attribution(verb, content, "indirect"))
    return found


def _named(subject: Token) -> bool:
    """A subject that names who speaks: a name, a pronoun or a named group ("the Security Council")."""
    return subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _noun_frame(cues: Cues, lemma: str, head: Token, after: int = -1) -> tuple[int, int] | None:
    """What a cue noun frames, read off ``head`` (the noun or its verb, then only dependents after ``after``): its
    that-clause, to-infinitive or prepositional object."""
    clause = next((c for c in head.children if c.i > after and c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is not None and lemma in cues.noun_cues:
        return clause_span(head.doc, clause, head)
    content = None
    if lemma in cues.infinitive_nouns and (content := frames.infinitive(head)) is not None and content[0] > head.idx:
        return content
    if lemma in cues.noun_frames:
        content = frames.prepositional_object(head, cues.noun_frames[lemma])
    return content if content is not None and content[0] > head.doc[max(after, 0)].idx else None


def _phrase_cues(stance: _Stance, arrays: _Arrays, doc: Doc, skip: set[int]) -> list[Attribution]:
    """"Sanders voted in support of ⟦the ACA⟧", "she argued in favor of ⟦Britain's remaining⟧": the verb the phrase
    hangs on is the cue, its named subject the speaker."""
    found = []
    for i in arrays.forms(stance.phrase_hashes):
        middle = doc[i]
        before, after = stance.phrases[middle.lower_]
        opening, verb = middle.head, middle.head.head
        if i in skip or middle.dep_ != "pobj" or opening.lower_ != before or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(verb)
        if subject is None or subject.dep_ != "nsubj" or subject.lower_ in _NO_VIEW:
            continue
        closing = next((c for c in middle.children if c.dep_ == "prep" and c.lower_ == after), None)
        obj = next((c for c in closing.children if c.dep_ in ("pobj", "pcomp")), None) if closing else None
        if obj is not None and (content := frames.complement_span(closing, obj)) is not None:
            found.append(Attribution(verb, content, "indirect"))
    return found


_LATER_COMPLEMENTS = frozenset({"prep", "ccomp", "xcomp", "dative", "dobj"})  # more after an object: it was no clause
_SHORT_OBJECT = 3  # "said it", "said little", "say the wrong thing": an object this short is no clause


def _misread_clauses(cues: Cues, stance: _Stance, arrays: _Arrays, doc: Doc, skip: set[int]) -> list[Attribution]:
    """What a verb of saying says when the parser misread its clause: as an object or a participle ("the candidate
    said ⟦families of people killed by police file lawsuits⟧", "Gomez said ⟦seeing so many officers was a welcome
    sight⟧"), or its poll-style subject as a number ("⟦About 4 in 10⟧ say ⟦they want …⟧", the share its speaker)."""
    found = []
    speech = arrays.verbs(cues.speech_verbs)
    unsaid = speech & arrays.with_child(ccomp) & ~arrays.with_child(nsubj, nsubjpass)  # a clause, no subject
    misread = arrays.verbs(stance.saying_verbs) & arrays.with_child(dobj, xcomp) & ~arrays.with_child(ccomp)
    for i in np.flatnonzero(unsaid | misread).tolist():
        if i in skip:
            continue
        verb = doc[i]
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > i), None)
        if clause is not None:
            left = [c for c in verb.children if c.i < i and c.dep_ != "punct"]
            if subject_of(verb) is None and left and any(
                    t.pos_ == "NUM" or t.lower_ in stance.poll_quantities for t in left[0].subtree):
                found.append(Attribution(verb, clause_span(doc, clause, verb), "indirect", source=left[0]))
            continue
        said = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.i > i), None)
        if said is None or len(list(said.subtree)) <= _SHORT_OBJECT or not frames.has_speaker(verb) or (
                said.dep_ == "xcomp" and any(a.lower_ == "to" for a in said.children)):
            continue
        if any(c.i > said.right_edge.i and c.dep_ in _LATER_COMPLEMENTS for c in verb.children):
            continue  # "told ⟦one of her aides⟧ on a regular basis that …": whom it was told to, the rest says it
        if (content := frames.complement_span(verb, said)) is not None:
            found.append(Attribution(verb, content, "indirect"))
    return found


@lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(w) for w in words)


def _as_clauses(cues: Cues, arrays: _Arrays, doc: Doc, skip: set[int]) -> list[Attribution]:
    """An as-clause of saying before the clause it vouches for: "⟦that⟧, as Trump points out, ⟦is quite a bit⟧", "As
    The Daily Caller reported, ⟦the star gave …⟧" (the sentence around the cue is what was said; "as people continue
    to cross …", with a complement of its own, is a time, not a source)."""
    found = []
    candidates = arrays.verbs(cues.speech_verbs | cues.belief_verbs) & arrays.with_child(mark, lower="as") & \
        arrays.with_child(nsubj) & ~arrays.with_child(ccomp, dobj, xcomp)
    for i in np.flatnonzero(candidates).tolist():
        verb = doc[i]
        if i in skip or verb.head.i <= i or verb.head.i in skip or verb.dep_ not in ("advcl", "parataxis", "ccomp"):
            continue
        if (content := frames.host_clause(verb)) is not None:
            found.append(Attribution(verb, content, "indirect"))
    return found


_PASSIVE_SAID = frozenset({"oprd", "xcomp", "acomp", "ccomp"})  # what completes a passive judgement
_PASSIVE_SAID_PREPS = frozenset({"as", "for", "of", "about", "over"})  # "seen by some ⟦as a demotion⟧"


def _passive_cues(cues: Cues, arrays: _Arrays, doc: Doc) -> list[Attribution]:
    """"⟦The plan⟧ was criticized by Democrats", "⟦The meeting⟧ was first reported by Politico", "⟦he⟧ was accused
    by a reporter ⟦of grabbing her⟧": a verb of saying, stance or naming in the passive with a by-agent attributes
    what it acts on (its passive subject, with what completes the verb) to the agent (``Attribution.source``;
    PolNeAR's train split counted about 60% of these). Verbs of belief, intention or speaking about something
    matched it in fewer than 40% of their passive uses, and are left out."""
    verbs = cues.object_verbs | cues.speech_verbs | cues.naming_verbs
    found = []
    for i in np.flatnonzero(arrays.verbs(verbs) & arrays.with_child(agent) & arrays.with_child(auxpass)).tolist():
        verb = doc[i]
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < i), None)
        source = agent_of(verb)
        if subject is None or source is None or subject.lower_ == "there":
            continue
        tokens = [t for t in without_aside(list(subject.subtree)) if not t.is_punct or t.text in "“”\"'’"]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        said = next((c for c in verb.children if c.i > i and (
            c.dep_ in _PASSIVE_SAID or c.dep_ == "prep" and c.lower_ in _PASSIVE_SAID_PREPS)), None)
        if said is not None and (rest := frames.complement_span(verb, said)) is not None:
            end = max(end, rest[1])
        found.append(Attribution(verb, (start, end), "indirect", source=source))
    return found
