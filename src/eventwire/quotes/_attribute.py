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
from ._marks import Quoted, find_quoted
from ._reported import Unsourced, headline_cue, impression_cue, stance_cues
from ._runs import join_mixed_runs, merge_runs
from ._speakers import name_beside, nearest_subject, noun_before, subject_before
from ._state import State
from ._syntax import (
    RELATIVE,
    SUBJECTS,
    clause_span,
    cue_span,
    dash_cue,
    holds,
    holds_clause,
    labels_line,
    loose_subject,
    named_after,
    named_before,
    noun_author,
    phrase_cue,
    phrase_tokens,
    prepositional_object,
    rest_of_line,
    rest_of_sentence,
    signed_before,
    subject_of,
    title_cased,
    token_at,
    token_range,
    tokens,
    utterance,
)

_PHRASE_WORDS = 3  # a quoted phrase this long in a verb's object is the subject's words, whatever the verb
_GAP_WORDS = 12  # at most this many words between a reported clause and a quotation that goes on with it


class QuoteFinder:
    """``find(doc, actors)`` → the quotes of a parsed document whose actors are resolved."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self.speech_verbs = frozenset(cues.speech_verbs)
        self.clause_verbs = cues.speech_verbs | cues.belief_verbs  # verbs whose that-clause is reported
        self.cue_verbs = self.clause_verbs | cues.infinitive_verbs | cues.object_verbs | cues.naming_verbs | set(
            cues.prepositional_verbs)
        self.candidates = CueCandidates(cues, self.cue_verbs | cues.impression_words, self.clause_verbs,
                                        cues.noun_cues | set(cues.noun_frames) | cues.infinitive_nouns)

    def find(self, doc: Doc, actors: list[Actor], sentence_starts: list[int] | None = None) -> list[Quote]:
        """The document's quotes in text order. Speakers the actor stage did not know are appended to ``actors``."""
        state = State(doc, actors, sentence_starts, self.speech_verbs)
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
            if clause is not None and (q.end - q.start) >= 0.8 * (clause.content[1] - clause.content[0]):
                clause.in_quote = True  # the clause is the quotation itself: one direct quote with that cue
                cue = clause.cue
            elif clause is not None:
                if not title_cased(text[q.start:q.end].split()):
                    clause.kind = "mixed"  # a quoted phrase inside reported speech; a title in it is no quote
                continue
            elif parts:  # "He said: “…. ….”": the cue's clause is (the start of) the quotation
                for a in parts:
                    a.in_quote = True
                cue = parts[0].cue
            else:
                cue = self._direct_cue(doc, q, state)
            alone = self._stands_alone(text[q.start:q.end])
            if not alone and not self._uttered(doc, text, q):
                # a quoted phrase: the words of whoever "called" or "criticised" with it, else a scare quote
                fragment = self._fragment(doc, q, state)
                if fragment is not None:
                    same = next((a for a in indirect if a.cue.i == fragment.cue.i), None)
                    if same is None:
                        indirect.append(fragment)
                    else:
                        same.content = (min(same.content[0], fragment.content[0]),
                                        max(same.content[1], fragment.content[1]))
                continue
            # a short sentence in marks with no cue counts only as part of a run of quotes ("“No.” “Never.”")
            direct.append((q, cue, not alone and cue is None))
        for q, cue in merge_runs(doc, text, direct):
            speaker = self._speaker(cue, state) if cue is not None else state.carried_speaker(q)
            parts = [Span.of(text, start, end) for start, end in q.parts()]
            quotes.append((q.start, "direct", Span.of(text, q.start, q.end), cue, speaker, parts))
            state.last_direct = (q, speaker)
        for a in indirect:
            if a.in_quote:
                continue
            speaker = None if isinstance(a, Unsourced) else self._speaker(a.cue, state)
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
            if self._prepositional_cue(doc, token):
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
        if not words or any(t.i in quoted and t.i not in closing for t in tail) or any("\n" in t.text for t in tail):
            return end
        if any(t.head.i != verb.i and t.head not in tail for t in words) or any(
                t.pos_ in ("VERB", "AUX") and self.cues.lemma(t) in self.clause_verbs for t in words):
            return end  # the tail is not the cue's, or holds an attribution of its own
        first = next(t for t in tail if not t.is_punct)
        if first.dep_ == "advcl" and first.tag_ in ("VBG", "VBN") or first.dep_ in ("cc", "conj", "relcl"):
            return end  # "…, adding …", "… and said …"
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
        verb = inside.root
        for _ in range(4):
            if verb.head is verb:
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
        end = max(inside.end - 1, start)
        while end + 1 < len(doc) and doc[end + 1].is_punct and doc[end + 1].text in "”\"'’":
            end += 1
        content = (doc[start].idx, doc[end].idx + len(doc[end]))
        # the verb's complement may go on after the quoted phrase ("called bankers “fat cats” for years")
        whole = frames.complement_span(verb, doc[start])
        return Attribution(verb, (content[0], max(content[1], whole[1]) if whole else content[1]), "mixed")

    def _prepositional_cue(self, doc: Doc, token: Token) -> bool:
        for words in self.cues.prepositional_cues:
            if token.lower_ == words[0] and all(
                token.i + k < len(doc) and doc[token.i + k].lower_ == w for k, w in enumerate(words[1:], 1)
            ):
                return True
        return False

    def _has_subject(self, verb: Token, lemma: str = "") -> bool:
        """A subject that can hold a view: not "there", nor "it" but with a verb of saying ("It said …": a report)."""
        subject = subject_of(verb)
        return subject is not None and subject.lower_ != "there" and (
            subject.lower_ != "it" or lemma in self.speech_verbs)

    def _direct_cue(self, doc: Doc, q: Quoted, state: State) -> Token | None:
        """The nearest cue outside any quotation in the sentences around ``q``."""
        first = token_at(doc, q.outer_start)
        last = token_at(doc, q.outer_end - 1)
        if first is None or last is None:
            return None
        start, end = first.sent.start, last.sent.end
        following = doc[last.i + 1:last.sent.end]
        own_end = end  # a cue in the quotation's own sentences comes before one in the sentence after
        if end < len(doc) and all(t.is_punct for t in following) and "\n" not in state.text[q.outer_end:doc[end].idx]:
            end = doc[end].sent.end  # "“….” he said." split into two sentences
        if start > 0 and not state.text[doc[start].idx:q.outer_start].strip():
            previous = doc[start - 1].sent  # "Petro said:" ends the sentence before the quotation
            if previous.text.rstrip().endswith(":"):
                start = previous.start
        text = state.text
        best, distance = None, None
        for token in doc[start:end]:
            if token.i in state.quoted_tokens or not self._is_direct_cue(doc, token):
                continue
            if token.i < first.i:
                between = text[token.idx:q.outer_start]
                if "\n" in between and not between.rstrip().endswith(":"):
                    continue  # a cue in the paragraph before belongs to it, unless it ends with "said:"
            elif "\n" in text[q.outer_end:token.idx]:
                continue  # the next paragraph's cue is the next paragraph's
            if token.i >= own_end and any(t.i in state.quoted_tokens for t in doc[token.i + 1:token.i + 4]):
                continue  # "“A.” To which she said, “B.”": the next sentence's cue introduces its own quotation
            gap = range(token.i + 1, first.i) if token.i < first.i else range(last.i + 1, token.i)
            if any(i in state.utterance_tokens for i in gap):
                continue  # another quotation lies between: the cue is that one's
            d = min(abs(token.i - first.i), abs(token.i - last.i)) + (len(doc) if token.i >= own_end else 0)
            if distance is None or d < distance:
                best, distance = token, d
        return best or dash_cue(doc, last) or self._cue_before(doc, first, state)

    def _cue_before(self, doc: Doc, first: Token, state: State) -> Token | None:
        """The attribution in the sentence before, in the same paragraph: "Kasich resisted: “…”", "…, Clinton
        said. “…”" (a quotation opening its own sentence after someone's words goes on with them)."""
        k = first.i - 1
        while k > 0 and doc[k].is_space and ("\n" not in doc[k].text or doc[k - 1].text == ":"):
            k -= 1  # "Michael P. McDonald: \xa0“…”", "Sanders made the following comment:\n\n“…”"
        colon = doc[k] if k >= 0 and doc[k].text == ":" else None
        if colon is not None:
            if _dash_signed(colon):
                return colon  # "Pollsters agree - Carl Bialik: “…”": the name after the dash signs it
            verb = colon.head if colon.head.pos_ == "VERB" else colon.sent.root
            if verb.i < colon.i and verb.pos_ == "VERB" and verb.i not in state.quoted_tokens and (
                    subject_of(verb) is not None or named_after(verb) is not None):
                return verb
            if signed_before(colon) is not None:
                return colon  # "More from Jeffrey M. Jones: “…”"
        sent = first.sent
        if sent.start == 0 or first.i > sent.start + 1:
            return None
        previous = doc[sent.start - 1].sent
        if "\n" in state.text[previous.start_char:first.idx]:
            return None
        words = [t for t in previous if not t.is_punct and not t.is_space]
        if not words or any(t.i in state.quoted_tokens for t in previous):
            return None
        if previous.text.rstrip().endswith(":") and previous.root.pos_ == "VERB":
            verb = previous.root
            if subject_of(verb) is not None or named_after(verb) is not None:
                return verb
        cues = [t for t in previous if t.pos_ == "VERB" and t.lemma_.lower() in self.cues.speech_verbs
                and subject_of(t) is not None and not any(c.dep_ == "ccomp" for c in t.children)]
        return cues[-1] if cues else None

    def _is_direct_cue(self, doc: Doc, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.cues.speech_verbs:
            return True
        return self._prepositional_cue(doc, token) or phrase_cue(token, self.cues.speech_phrases)

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

    # --- speakers and channels ---------------------------------------------------------------------------

    def _described_by(self, cue: Token) -> Token | None:
        """Whom a participle cue describes: "a voice over saying: “…”" (the voice); "issued a statement saying “…”"
        (who issued it)."""
        noun = cue.head
        if cue.tag_ != "VBG" or cue.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in self.cues.channels:
            return noun_author(noun) or (subject_of(noun.head) if noun.head.pos_ == "VERB" else None)
        return noun

    def _speaker(self, cue: Token, state: State) -> ActorRef | None:
        if cue.is_punct:  # "“…” ― Carla Sanchez", "Pence: …"
            who = named_after(cue) if cue.text != ":" else named_before(cue)
        elif cue.pos_ == "NOUN":
            who = noun_author(cue)
        elif cue.lower_ in {w[0] for w in self.cues.prepositional_cues}:
            who = prepositional_object(cue)
        else:
            quoted = state.quoted_tokens if cue.i not in state.quoted_tokens else set()
            who = nearest_subject(cue, quoted) or subject_of(cue) or self._described_by(cue) or loose_subject(cue)
            if who is not None and who.dep_ in SUBJECTS and who.head.i != cue.i:
                who = nearest_subject(who.head, quoted) or who  # "…, calling him": the nearest of its verb's
            if who is not None and who.i in quoted:  # the parser took a word of the quotation
                who = name_beside(cue, quoted) or subject_before(cue, quoted, state.text)
            if who is not None and who.lower_ in RELATIVE and who.head.dep_ != "relcl" and who.i > 0:
                # "the Chicago Police Department which reported …" parsed as a clause of its own
                antecedent = noun_before(who)
                ref = state.actor_for(antecedent) if antecedent is not None else None
                return ActorRef(ref.actor_id, Span.of(state.text, who.idx, who.idx + len(who))) if ref else None
            before = cue.doc[cue.i - 1] if cue.i else None
            if cue.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.dep_ != "nsubj":
                who = before  # "footage of Hillary Clinton asking, “…”": the person the participle describes
            if who is not None and who.lower_ in RELATIVE and who.head.dep_ == "relcl":
                antecedent = who.head.head
                if not (antecedent.pos_ == "NOUN" and antecedent.lemma_.lower() in self.cues.channels):
                    # "Mike Lee, who declared …": Lee's actor, in the words that play the role here
                    ref = state.actor_for(antecedent)
                    return ActorRef(ref.actor_id, Span.of(state.text, who.idx, who.idx + len(who))) if ref else None
                who = antecedent  # "a report … that said": the report's author, below
            if who is not None and who.pos_ == "NOUN" and who.lemma_.lower() in self.cues.channels:
                who = noun_author(who) or who  # "a report by the New York Times": the Times
        if who is None:
            return None
        return state.actor_for(who)


def _dash_signed(colon: Token) -> bool:
    """A run of names between a dash and a colon ("… - Carl Bialik: “…”", "– Frank Newport and Jim Harter:")."""
    k = colon.i - 1
    while k >= 0 and (colon.doc[k].pos_ == "PROPN" or colon.doc[k].lower_ == "and" and k < colon.i - 1):
        k -= 1
    return k < colon.i - 1 and k >= 0 and colon.doc[k].text in ("-", "–", "—", "―", "--")
