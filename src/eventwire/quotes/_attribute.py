"""Quotes with their speakers, cues and channels, from quotation marks and the dependency parse.

Direct quotes come from the marks (``_marks``); indirect ones from cue verbs with a ``that``-clause ("Rubio said
that …") or another attribution frame (``_frames``: "vowed to …", "cited her record", "called for …", "The plan,
he said, will fail"), cue nouns ("Petro's statement that …", "his comments on …") and prepositional cues ("…,
according to the president"). A
short quoted phrase inside reported speech makes it ``mixed``; one with no cue at all is a scare quote or a
title and is not reported. The speaker is the cue's subject, resolved through the actor stage's mentions (and so
its coreference); a subject the actor stage did not know ("a source", "campaign officials") becomes a new actor
of its own; a pronoun it could not resolve leaves the speaker null.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Actor, ActorRef, Quote, Span
from . import _frames as frames
from ._candidates import CueCandidates
from ._channels import channel
from ._content import (
    Attribution,
    closing_mark_kept,
    in_paragraph,
    outermost,
    transcript,
    whole_quotations,
)
from ._cues import Cues
from ._direct import DirectCues
from ._marks import Quoted, find_quoted
from ._reported import Unsourced, headline_cue, impression_cue, stance_cues
from ._runs import join_mixed_runs, merge_runs
from ._speakers import speaker_of
from ._state import State
from ._syntax import (
    clause_span,
    cue_span,
    holds,
    holds_clause,
    labels_line,
    noun_author,
    phrase_tokens,
    rest_of_line,
    rest_of_sentence,
    subject_of,
    title_cased,
    token_at,
    token_range,
    tokens,
    utterance,
)

_PHRASE_WORDS = 3  # a quoted phrase this long in a verb's object is the subject's words, whatever the verb
_GAP_WORDS = 12  # at most this many words between a reported clause and a quotation that goes on with it
_NOT_SAID_TAILS = frozenset({"cc", "conj", "relcl", "appos", "npadvmod"})  # a tail on the cue that is the writer's
_ASIDE_MARKS = frozenset({";", "-", "--", "–", "—", "―", "("})  # a tail after one of these is an aside
_SAID_COMPLEMENTS = frozenset({"ccomp", "prep"})  # the complements that carry what was said


class QuoteFinder:
    """``find(doc, actors)`` → the quotes of a parsed document whose actors are resolved."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self.speech_verbs = frozenset(cues.speech_verbs)
        self.clause_verbs = cues.speech_verbs | cues.belief_verbs  # verbs whose that-clause is reported
        self.cue_verbs = self.clause_verbs | cues.infinitive_verbs | cues.object_verbs | cues.naming_verbs | set(
            cues.prepositional_verbs)
        self.direct_cues = DirectCues(cues)
        self.candidates = CueCandidates(cues, self.cue_verbs | cues.impression_words, self.clause_verbs,
                                        cues.noun_cues | set(cues.noun_frames) | cues.infinitive_nouns)

    def find(self, doc: Doc, actors: list[Actor], sentence_starts: list[int] | None = None,
             text: str | None = None) -> list[Quote]:
        """The document's quotes in text order. Speakers the actor stage did not know are appended to ``actors``.
        ``sentence_starts`` and ``text`` (``doc.text``), when the caller has them, save rebuilding them."""
        state = State(doc, actors, sentence_starts, self.speech_verbs, text)
        text = state.text
        quoted = [q for q in find_quoted(text) if not transcript(text, q)]
        state.quoted_tokens = {i for q in quoted for i in token_range(doc, q.outer_start, q.outer_end)}
        # a nickname in marks ("Marcia “Cia” Price") does not come between a quotation and its cue
        state.utterance_tokens = {i for q in quoted if self._stands_alone(text[q.start:q.end]) or self._uttered(doc, text, q)
                                  for i in token_range(doc, q.outer_start, q.outer_end)}
        indirect = outermost([a for a in self._indirect(doc, state) if in_paragraph(text, a)])
        for a in indirect:
            a.content = whole_quotations(a.content, quoted)
        quotes: list[tuple[int, str, Span, Token | None, ActorRef | None, list[Span]]] = []
        direct: list[tuple[Quoted, Token | None, bool]] = []
        for q in quoted:
            near = [a for a in indirect if self._same_paragraph(state, a.cue, q)]
            clause = next((a for a in near if holds(a.content, q)), None)
            if clause is None and (clause := self._clause_going_on(doc, text, q, near)) is not None:
                clause.content = (clause.content[0], q.outer_end)  # "said that A, and B “…”": one reported clause
            parts = [a for a in near if holds_clause(q, a.content)]
            whole: list[Attribution] = []  # the attributions whose content is the quotation itself
            if clause is not None and ((q.end - q.start) >= 0.8 * (clause.content[1] - clause.content[0])
                                       or self._cited_by(doc, text, q, clause)):
                whole, cue = [clause], clause.cue  # one direct quote with that cue
            elif clause is not None:
                if not title_cased(text[q.start:q.end].split()):
                    clause.kind = "mixed"  # a quoted phrase inside reported speech; a title in it is no quote
                continue
            elif parts:  # "He said: “…. ….”": the cue's clause is (the start of) the quotation
                whole, cue = parts, parts[0].cue
            else:
                cue = self.direct_cues.find(doc, q, state)
            alone = self._stands_alone(text[q.start:q.end])
            if not alone and not self._uttered(doc, text, q):
                if whole and not title_cased(text[q.start:q.end].split()):
                    for a in whole:  # a quoted phrase that is all a frame attributes: "Trump called it ⟦“a disgrace”⟧"
                        a.kind = "mixed"
                    continue
                for a in whole:
                    a.in_quote = True  # a title in marks is no quote
                # a quoted phrase: the words of whoever "called" or "criticised" with it, else a scare quote
                fragment = self._fragment(doc, q, state)
                if fragment is not None:
                    same = next((a for a in indirect if a.cue.i == fragment.cue.i), None)
                    if same is None:
                        indirect.append(fragment)
                    else:
                        same.content = (min(same.content[0], fragment.content[0]),
                                        max(same.content[1], fragment.content[1]))
                        same.kind = "mixed"
                continue
            for a in whole:
                a.in_quote = True
            # a short sentence in marks with no cue counts only as part of a run of quotes ("“No.” “Never.”")
            direct.append((q, cue, not alone and cue is None))
        for q, cue in merge_runs(doc, text, direct):
            speaker = speaker_of(cue, state, self.cues) if cue is not None else state.carried_speaker(q)
            parts = [Span.of(text, start, end) for start, end in q.parts()]
            quotes.append((q.start, "direct", Span.of(text, q.start, q.end), cue, speaker, parts))
            state.last_direct = (q, speaker)
        for a in indirect:
            if a.in_quote:
                continue
            speaker = None if isinstance(a, Unsourced) else state.actor_for(a.source) if a.source is not None \
                else speaker_of(a.cue, state, self.cues)
            content = Span.of(text, a.content[0], closing_mark_kept(text, *a.content))
            quotes.append((a.content[0], a.kind, content, a.cue, speaker, []))
        quotes.sort(key=lambda item: item[0])
        quotes = join_mixed_runs(text, quotes)
        return [
            Quote(id=f"q{n}", kind=kind, content=content, cue=cue_span(doc, text, cue) if cue is not None else None,
                  speaker=speaker, channel=channel(self.cues, cue) if cue is not None else None, parts=parts)
            for n, (_, kind, content, cue, speaker, parts) in enumerate(quotes, 1)
        ]

    # --- finding attributions ---------------------------------------------------------------------------

    def _indirect(self, doc: Doc, state: State) -> list[Attribution]:
        found: list[Attribution] = []
        # reported speech inside a quotation belongs to the quote
        for token in self.candidates.tokens(doc, state.quoted_tokens):
            lemma = self.cues.lemma(token)
            if self.direct_cues.prepositional(doc, token):
                content = rest_of_sentence(doc, token)
                if content is not None:
                    found.append(Attribution(token, content, "indirect"))
            elif token.pos_ == "VERB" or token.pos_ == "AUX" and lemma in self.clause_verbs:
                content = self._verb_content(doc, token, lemma, state.quoted_tokens)
                if content is not None:
                    content = self._before_next_cue(doc, token, content, state.quoted_tokens)
                if content is not None:
                    found.append(Attribution(token, content, "indirect"))
                elif impression_cue(self.cues, token) and (content := frames.impression(token)) is not None:
                    found.append(Unsourced(token, content, "indirect"))
            elif token.pos_ == "NOUN" and (lemma in self.cues.noun_cues or lemma in self.cues.noun_frames
                                           or lemma in self.cues.infinitive_nouns):
                clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp")
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if noun_author(token) is None:
                    continue
                if clause is not None:
                    found.append(Attribution(token, clause_span(doc, clause, token), "indirect"))
                elif (content := self._noun_content(token, lemma)) is not None:
                    found.append(Attribution(token, content, "indirect"))
            elif token.text == ":" and labels_line(token, self.cues.not_speakers):
                content = rest_of_line(doc, state.text, token)
                if content is not None:
                    found.append(Attribution(token, content, "indirect"))
        found += stance_cues(self.cues, doc, state.quoted_tokens | {a.cue.i for a in found})
        cues = {a.cue.i for a in found}
        for token in doc:
            if "\n" in token.text:
                break  # the headline is the first line
            if token.i in cues or token.i in state.quoted_tokens:
                continue
            if (content := headline_cue(self.cues, token)) is not None:
                found.append(Attribution(token, content, "indirect"))
        return found

    def _verb_content(self, doc: Doc, verb: Token, lemma: str, quoted: set[int]) -> tuple[int, int] | None:
        """What a cue verb attributes: its that-clause, else its to-infinitive, object or prepositional object."""
        if lemma not in self.cue_verbs:
            return None
        if lemma in self.clause_verbs:
            clauses = [c for c in verb.children if c.dep_ == "ccomp" or lemma in self.cues.question_verbs and (
                c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether")
                                                           for m in c.children))]  # "asked ⟦if they would come⟧"
            if any(c.i > verb.i for c in clauses) and any(c.i < verb.i and (c.i not in quoted or "\n" in doc[
                    c.i:verb.i].text) for c in clauses):
                # "He likes. Trump said he was suited", "“…”\n\nTrump said he was suited": what follows
                clauses = [c for c in clauses if c.i > verb.i]
            if clauses and self._has_subject(verb, lemma):
                spans = [clause_span(doc, c, verb) for c in clauses]
                if len(spans) > 1 and all(c.i < verb.i for c in clauses):
                    return spans[0][0], spans[-1][1]
                if clauses[0].i > verb.i:
                    return spans[0][0], self._clause_end(doc, verb, spans[0][1], quoted)
                return spans[0]
        if not frames.has_speaker(verb):
            return None
        if verb.dep_ == "parataxis" and lemma in self.clause_verbs and verb.head.i not in quoted:
            return frames.host_clause(verb)  # "The plan, he said, will fail": the sentence around the cue
        content = None
        if lemma in self.cues.infinitive_verbs:
            content = frames.infinitive(verb)
        if content is None and lemma in self.cues.object_verbs and self._evidence_subject(verb, lemma):
            content = frames.direct_object(verb)
        if content is None and lemma in self.cues.naming_verbs:
            content = frames.direct_object(verb, predicate=True)
        if content is None and lemma in self.cues.prepositional_verbs:
            content = frames.prepositional_object(verb, self.cues.prepositional_verbs[lemma])
        return content

    def _evidence_subject(self, verb: Token, lemma: str) -> bool:
        """"A poll shows ⟦Clinton ahead⟧" is a finding; "a patient showing symptoms", "Obama showed restraint" are
        none: the object of an evidence verb is attributed only to a thing or body named by a noun (a poll, the
        data, Gallup), not to a person or a pronoun."""
        if lemma not in self.cues.evidence_verbs:
            return True
        subject = subject_of(verb)
        return subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ not in (
            "PERSON", "NORP")

    def _before_next_cue(self, doc: Doc, verb: Token, content: tuple[int, int],
                         quoted: set[int]) -> tuple[int, int] | None:
        """A content ends before a coordinated or participle cue verb with content of its own ("he said ⟦A⟧ and
        said that B", "insisted ⟦that A⟧, claiming that B"): that verb is a second attribution, not what was said."""
        inside = doc.char_span(*content, alignment_mode="expand")
        if inside is None:
            return content
        for t in inside[2:]:
            if t.i in quoted or t.i == verb.i or t.dep_ not in ("conj", "advcl") or t.pos_ != "VERB":
                continue
            lemma = self.cues.lemma(t)
            if lemma not in self.cue_verbs or self._verb_content(doc, t, lemma, quoted) is None:
                continue
            if lemma not in self.speech_verbs:
                continue  # "said ⟦A and he feels B⟧", "said ⟦A but want B⟧": a stance goes on with what was said
            k = t.i - 1
            while k > inside.start and (doc[k].is_punct or doc[k].is_space or doc[k].dep_ in ("cc", "mark", "advmod")):
                k -= 1
            if k - inside.start < 2:
                return None  # nothing of its own before the second attribution
            return content[0], doc[k].idx + len(doc[k])
        return content

    def _clause_end(self, doc: Doc, verb: Token, end: int, quoted: set[int]) -> int:
        """Where a reported clause after its cue ends: the parser often hangs its tail ("…, though …", "…, with
        …") on the cue, but what follows up to the sentence end is still what was said, unless a new attribution
        or an aside about the speaker starts there."""
        sent_end = verb.sent.end
        tail = [t for t in doc[verb.i + 1:sent_end] if t.idx >= end]
        words = [t for t in tail if not t.is_punct and not t.is_space]
        # a closing mark of a quotation opened inside the clause may sit in the tail ("is “peanuts,” compared …")
        closing = {t.i for t in tail[:2] if t.is_punct and t.i - 1 in quoted}
        # (a paragraph break after the sentence's last word ends the sentence, it does not cut it)
        if not words or any(t.i in quoted and t.i not in closing for t in tail) or any(
                "\n" in t.text for t in tail if t.i < words[-1].i):
            return end
        if any(t.head.i != verb.i and t.head not in tail or t.dep_ == "ROOT" for t in words) or any(
                t.pos_ in ("VERB", "AUX") and self.cues.lemma(t) in self.clause_verbs for t in words):
            return end  # the tail is not the cue's ("explaining why …, Clinton described …"), or has a cue of its own
        if any(t.text in _ASIDE_MARKS for t in tail) or any(self.direct_cues.prepositional(doc, t) for t in words):
            return end  # "…; I didn’t want …", "… - with a link …", "…, according to a poll": not what was said
        first = next((t for t in words if t.head.i == verb.i), words[0])  # the tail's own phrase, hung on the cue
        if first.tag_ in ("VBG", "VBN") and first.dep_ in ("advcl", "xcomp") or first.dep_ in _NOT_SAID_TAILS:
            return end  # "…, adding …", "… and said …", "…, a swipe at …"
        return words[-1].idx + len(words[-1])

    def _clause_going_on(self, doc: Doc, text: str, q: Quoted, near: list[Attribution]) -> Attribution | None:
        """The reported clause a quotation inside a sentence goes on from ("He says there is no one in the race is
        “on pace to …”", "said that A, and he had access to the server that “…”"): the clause ends a few words
        before the mark, in the same sentence, with no other cue between and the mark not opening an utterance."""
        before = text[:q.outer_start].rstrip()
        if not before or not before[-1].isalnum():
            return None  # "…, “…”" or "…: “…”" opens an utterance of its own
        first = token_at(doc, q.outer_start)
        if first is None:
            return None
        for a in near:
            if not a.content[1] <= q.outer_start or a.cue.i > first.i or a.cue.sent.start != first.sent.start:
                continue
            gap = tokens(doc, a.content[1], q.outer_start)
            words = [t for t in gap if not t.is_punct and not t.is_space]
            if len(words) <= _GAP_WORDS and not any(
                    t.pos_ == "VERB" and self.cues.lemma(t) in self.cue_verbs for t in words):
                return a
        return None

    def _cited_by(self, doc: Doc, text: str, q: Quoted, clause: Attribution) -> bool:
        """"Rhimes declared the need for drive: “Change the world,” she said": a whole utterance right before the
        cue is what the cue reports, though the parser made the sentence before it the cue's clause."""
        cue = clause.cue
        if not q.outer_end <= cue.idx or text[:q.outer_start].rstrip()[-1:] not in (":", "-", "—", "–"):
            return False
        subject = subject_of(cue)
        said_by = {t.i for t in subject.subtree} if subject is not None else set()
        return all(t.is_punct or t.is_space or t.i in said_by for t in tokens(doc, q.outer_end, cue.idx)) and \
            self._uttered(doc, text, q)

    @staticmethod
    def _same_paragraph(state: State, cue: Token, q: Quoted) -> bool:
        """No paragraph break between a cue and a quotation (the parser sometimes runs a sentence over one)."""
        at = cue.idx
        if at < q.outer_start:
            return state.line_of(at) == state.line_of(q.outer_start)
        return q.outer_end >= at or state.line_of(q.outer_end) == state.line_of(at)

    def _noun_content(self, noun: Token, lemma: str) -> tuple[int, int] | None:
        """"Trump's comments ⟦on Muslims⟧", "his refusal ⟦to release his returns⟧"."""
        if lemma in self.cues.infinitive_nouns and (content := frames.infinitive(noun)) is not None:
            return content
        if lemma in self.cues.noun_frames:
            return frames.prepositional_object(noun, self.cues.noun_frames[lemma])
        return None

    def _fragment(self, doc: Doc, q: Quoted, state: State) -> Attribution | None:
        """“Clinton called half of Trump's supporters “deplorables”": a quoted phrase in the object of a verb
        whose subject is a known actor is that actor's words (mixed). Titles ("“Fox News Sunday”") are not."""
        if title_cased(state.text[q.start:q.end].split()):
            return None
        inside = tokens(doc, q.start, q.end)
        if not len(inside):
            return None
        verb = head_word(inside)
        for _ in range(4):
            if verb.head.i == verb.i:
                return None
            verb = verb.head
            if verb.pos_ == "VERB" and verb.i not in state.quoted_tokens:
                break
        else:
            return None
        subject = subject_of(verb)
        if verb.pos_ != "VERB" or verb.lemma_ == "be" or subject is None or verb.i > inside.start:
            return None
        if verb.lemma_.lower() not in self.cue_verbs and len(state.text[q.start:q.end].split()) < _PHRASE_WORDS:
            return None  # a word or two in marks after a verb not of saying is a scare quote ("bought a “pub”")
        if not any(t.i in state.actor_at for t in phrase_tokens(subject)):
            return None  # only a known speaker: "the plan was “a disaster”" is the writer's
        start = min(c.left_edge.i for c in verb.children if c.i > verb.i and not c.is_punct)
        holder = _child_holding(verb, inside[0])
        if holder is not None and holder.dep_ in _SAID_COMPLEMENTS and holder.left_edge.i > start:
            # "told voters ⟦that “…”⟧", "accused Kim ⟦of “recklessness”⟧": what was said is the complement holding
            # the quotation, not the person told or accused (but "called ⟦Obama a “baboon”⟧": a naming verb's object)
            start = holder.left_edge.i
        end = max(inside.end - 1, start)
        while end + 1 < len(doc) and doc[end + 1].is_punct and doc[end + 1].text in "”\"'’":
            end += 1
        content = (doc[start].idx, doc[end].idx + len(doc[end]))
        # the verb's complement may go on after the quoted phrase ("called bankers “fat cats” for years")
        whole = frames.complement_span(verb, doc[start])
        return Attribution(verb, (content[0], max(content[1], whole[1]) if whole else content[1]), "mixed")

    def _has_subject(self, verb: Token, lemma: str = "") -> bool:
        """A subject that can hold a view: not "there", nor "it" but with a verb of saying ("It said …": a report)."""
        subject = subject_of(verb)
        return subject is not None and subject.lower_ != "there" and (
            subject.lower_ != "it" or lemma in self.speech_verbs)

    def _uttered(self, doc: Doc, text: str, q: Quoted) -> bool:
        """A short quotation that is a whole utterance: opening its sentence or after a colon or comma (``utterance``),
        or right after a verb of saying with punctuation of its own ("she declared “What a night!”")."""
        if utterance(text, q):
            return True
        if text[q.end - 1] not in ".!?" or q.outer_start == 0:
            return False
        before = token_at(doc, q.outer_start - 1 - (text[q.outer_start - 1] == " "))
        return before is not None and before.pos_ == "VERB" and before.lemma_.lower() in self.cues.speech_verbs

    def _stands_alone(self, words: str) -> bool:
        """Long enough to be a quotation without a cue, and not a capitalised title."""
        parts = words.split()
        return len(parts) > self.cues.scare_quote_max_words and not title_cased(parts)


def head_word(span) -> Token:
    """The head of a span's words: ``Span.root`` but for punctuation, which the parser often hangs on the
    sentence's root ("called “a disgrace,”": the comma would make the root "disgrace"'s sentence verb)."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return span.root
    inside = {t.i for t in words}
    tops = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return min(tops, key=lambda t: sum(1 for _ in t.ancestors))


def _child_holding(verb: Token, token: Token) -> Token | None:
    """The child of ``verb`` whose phrase holds ``token`` (None when ``token`` is not under ``verb``)."""
    while token.head.i != token.i:
        if token.head.i == verb.i:
            return token
        token = token.head
    return None
