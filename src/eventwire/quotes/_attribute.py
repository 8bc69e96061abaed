"""Quotes with their speakers, cues and channels, from quotation marks and the dependency parse.

Direct quotes come from the marks (``_marks``); indirect ones from cue verbs with a ``that``-clause ("Rubio said
that …"), cue nouns ("Petro's statement that …") and prepositional cues ("…, according to the president"). A
short quoted phrase inside reported speech makes it ``mixed``; one with no cue at all is a scare quote or a
title and is not reported. The speaker is the cue's subject, resolved through the actor stage's mentions (and so
its coreference); a subject the actor stage did not know ("a source", "campaign officials") becomes a new actor
of its own; a pronoun it could not resolve leaves the speaker null.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import Actor, ActorRef, Mention, Quote, Span
from ._cues import Cues
from ._marks import Quoted, find_quoted

_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"that", "which", "who", "whom"}
_PHRASE_PREPS = {"of", "for", "at", "from", "with", "in", "on"}
_CUE_PREPS = {"in", "on", "during", "via", "through", "at", "to"}
_END_PUNCT = ".,!?;:…"
_UNRESOLVABLE = {"i", "we", "you", "it", "this", "that", "these", "those", "one", "who", "which"}


@dataclass
class _Attribution:
    cue: Token
    content: tuple[int, int]  # char span
    kind: str


class QuoteFinder:
    """``find(doc, actors)`` → the quotes of a parsed document whose actors are resolved."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def find(self, doc: Doc, actors: list[Actor], sentence_starts: list[int] | None = None) -> list[Quote]:
        """The document's quotes in text order. Speakers the actor stage did not know are appended to ``actors``."""
        state = _State(doc, actors, sentence_starts)
        text = state.text
        quoted = find_quoted(text)
        state.quoted_tokens = {t.i for q in quoted for t in _tokens(doc, q.outer_start, q.outer_end)}
        indirect = self._indirect(doc, state)
        quotes: list[tuple[int, str, Span, Token | None, ActorRef | None]] = []
        used: set[int] = set()
        direct: list[tuple[Quoted, Token | None, bool]] = []
        for q in quoted:
            clause = next((a for a in indirect if _holds(a.content, q)), None)
            parts = [a for a in indirect if _holds_clause(q, a.content)]
            if clause is not None and (q.end - q.start) >= 0.8 * (clause.content[1] - clause.content[0]):
                used.add(id(clause))  # the clause is the quotation itself: one direct quote with that cue
                cue = clause.cue
            elif clause is not None:
                clause.kind = "mixed"  # a quoted phrase inside reported speech
                continue
            elif parts:  # "He said: “…. ….”": the cue's clause is (the start of) the quotation
                used.update(id(a) for a in parts)
                cue = parts[0].cue
            else:
                cue = self._direct_cue(doc, q, state)
            alone = self._stands_alone(text[q.start:q.end])
            if not alone and not _utterance(text, q):
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
        for q, cue in _merge_runs(doc, direct):
            speaker = self._speaker(cue, state) if cue is not None else state.carried_speaker(q)
            quotes.append((q.start, "direct", Span.of(text, q.start, q.end), cue, speaker))
            state.last_direct = (q, speaker)
        for a in indirect:
            if id(a) in used:
                continue
            speaker = self._speaker(a.cue, state)
            quotes.append((a.content[0], a.kind, Span.of(text, *a.content), a.cue, speaker))
        quotes.sort(key=lambda item: item[0])
        return [
            Quote(id=f"q{n}", kind=kind, content=content, cue=_cue_span(doc, text, cue) if cue is not None else None,
                  speaker=speaker, channel=self._channel(cue) if cue is not None else None)
            for n, (_, kind, content, cue, speaker) in enumerate(quotes, 1)
        ]

    # --- finding attributions ---------------------------------------------------------------------------

    def _indirect(self, doc: Doc, state: "_State") -> list[_Attribution]:
        found: list[_Attribution] = []
        verbs = self.cues.speech_verbs | self.cues.belief_verbs
        for token in doc:
            if token.i in state.quoted_tokens:
                continue  # reported speech inside a quotation belongs to the quote
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in verbs:
                clauses = [c for c in token.children if c.dep_ == "ccomp"]
                if clauses and self._has_subject(token):
                    spans = [_clause_span(doc, c, token) for c in clauses]
                    if len(spans) > 1 and all(c.i < token.i for c in clauses):
                        spans = [(spans[0][0], spans[-1][1])]
                    found.append(_Attribution(token, spans[0], "indirect"))
            elif token.pos_ == "NOUN" and lemma in self.cues.noun_cues:
                clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp")
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if clause is not None and _noun_author(token) is not None:
                    found.append(_Attribution(token, _clause_span(doc, clause, token), "indirect"))
            elif self._prepositional_cue(doc, token):
                content = _rest_of_sentence(doc, token)
                if content is not None:
                    found.append(_Attribution(token, content, "indirect"))
            elif token.text == ":" and _opens_line_with_name(token):
                content = _rest_of_line(doc, state.text, token)
                if content is not None:
                    found.append(_Attribution(token, content, "indirect"))
        return found

    def _fragment(self, doc: Doc, q: Quoted, state: "_State") -> _Attribution | None:
        """“Clinton called half of Trump's supporters “deplorables”": a quoted phrase in the object of a verb
        whose subject is a known actor is that actor's words (mixed). Titles ("“Fox News Sunday”") are not."""
        words = state.text[q.start:q.end].split()
        if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            return None
        inside = _tokens(doc, q.start, q.end)
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
        subject = _subject(verb)
        if verb.pos_ != "VERB" or verb.lemma_ == "be" or subject is None or verb.i > inside.start:
            return None
        if not any(t.i in state.actor_at for t in _phrase_tokens(subject)):
            return None  # only a known speaker: "the plan was “a disaster”" is the writer's
        start = min(c.left_edge.i for c in verb.children if c.i > verb.i and not c.is_punct)
        end = max(inside.end - 1, start)
        while end + 1 < len(doc) and doc[end + 1].is_punct and doc[end + 1].text in "”\"'’":
            end += 1
        return _Attribution(verb, (doc[start].idx, doc[end].idx + len(doc[end])), "mixed")

    def _prepositional_cue(self, doc: Doc, token: Token) -> bool:
        for words in self.cues.prepositional_cues:
            if token.lower_ == words[0] and all(
                token.i + k < len(doc) and doc[token.i + k].lower_ == w for k, w in enumerate(words[1:], 1)
            ):
                return True
        return False

    def _has_subject(self, verb: Token) -> bool:
        subject = _subject(verb)
        return subject is not None and subject.lower_ not in ("it", "there")

    def _direct_cue(self, doc: Doc, q: Quoted, state: "_State") -> Token | None:
        """The nearest cue outside any quotation in the sentences around ``q``."""
        first = _token_at(doc, q.outer_start)
        last = _token_at(doc, q.outer_end - 1)
        if first is None or last is None:
            return None
        start, end = first.sent.start, last.sent.end
        following = doc[last.i + 1:last.sent.end]
        if end < len(doc) and all(t.is_punct for t in following) and "\n" not in state.text[q.outer_end:doc[end].idx]:
            end = doc[end].sent.end  # "“….” he said." split into two sentences
        if start > 0 and not state.text[doc[start].idx:q.outer_start].strip():
            previous = doc[start - 1].sent  # "Petro said:" ends the sentence before the quotation
            if previous.text.rstrip().endswith(":"):
                start = previous.start
        best, distance = None, None
        for token in doc[start:end]:
            if token.i in state.quoted_tokens or not self._is_direct_cue(doc, token):
                continue
            gap = range(token.i + 1, first.i) if token.i < first.i else range(last.i + 1, token.i)
            if any(i in state.quoted_tokens for i in gap):
                continue  # another quotation lies between: the cue is that one's
            d = min(abs(token.i - first.i), abs(token.i - last.i))
            if distance is None or d < distance:
                best, distance = token, d
        return best or _dash_cue(doc, last)

    def _is_direct_cue(self, doc: Doc, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.cues.speech_verbs:
            return True
        return self._prepositional_cue(doc, token)

    def _stands_alone(self, words: str) -> bool:
        """Long enough to be a quotation without a cue, and not a capitalised title."""
        parts = words.split()
        if len(parts) <= self.cues.scare_quote_max_words:
            return False
        return not all(p[:1].isupper() or not p[:1].isalpha() for p in parts)

    # --- speakers and channels ---------------------------------------------------------------------------

    def _speaker(self, cue: Token, state: "_State") -> ActorRef | None:
        if cue.is_punct:  # "“…” ― Carla Sanchez", "Pence: …"
            who = _named_after(cue) if cue.text != ":" else _named_before(cue)
        elif cue.pos_ == "NOUN":
            who = _noun_author(cue)
        elif cue.lower_ in {w[0] for w in self.cues.prepositional_cues}:
            who = _prepositional_object(cue)
        else:
            who = _subject(cue)
            if who is not None and who.lower_ in _RELATIVE and cue.dep_ == "relcl":
                who = cue.head  # "a report … that said": the report
            if who is not None and who.pos_ == "NOUN" and who.lemma_.lower() in self.cues.channels:
                who = _noun_author(who) or who  # "a report by the New York Times": the Times
        if who is None:
            return None
        return state.actor_for(who)

    def _channel(self, cue: Token) -> str | None:
        """The channel the text names for this cue: "press statement", "post on X", "report by the … Times"."""
        candidates = [cue] + ([cue.head] if cue.dep_ in ("advcl", "conj", "xcomp") else [])
        for verb in candidates:
            label = self.cues.channel_verbs.get(verb.lemma_.lower())
            if label:
                return label + (self._platform_suffix(verb) or "")
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in _CUE_PREPS:
                    for noun in prep.children:
                        found = self._channel_noun(noun)
                        if found:
                            return found
            subject = _subject(verb)
            if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                subject = verb.head
            if subject is not None:
                found = self._channel_noun(subject)
                if found:
                    return found
        return None

    def _channel_noun(self, noun: Token) -> str | None:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        compound = " ".join(t.lower_ for t in noun.children if t.dep_ == "compound" and t.i < noun.i)
        label = self.cues.channels.get(f"{compound} {noun.lemma_.lower()}".strip()) or \
            self.cues.channels.get(noun.lemma_.lower())
        if label is None:
            return None
        if label.endswith(" on X"):
            return label
        platform = self._platform_suffix(noun)
        if platform:
            return label + platform
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "with", "from"):
                who = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                if who is not None:
                    return f"{label} {prep.lower_} {_phrase_text(who)}"
        return label

    def _platform_suffix(self, token: Token) -> str | None:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "via"):
                words = [t for t in prep.subtree if t.i > prep.i]
                for i in range(len(words)):
                    for size in (2, 1):
                        key = tuple(t.lower_ for t in words[i:i + size])
                        if key in self.cues.platforms and (size > 1 or words[i].text[:1].isupper()):
                            return f" on {self.cues.platforms[key]}"
                if any(t.lower_ == "media" for t in words):
                    return " on social media"
        return None


class _State:
    """Per-document lookups: which actor mention covers a token; speakers created so far; the last quote."""

    def __init__(self, doc: Doc, actors: list[Actor], sentence_starts: list[int] | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.actors = actors
        self.sentence_starts = sentence_starts or [s.start_char for s in doc.sents]
        self.quoted_tokens: set[int] = set()
        self.last_direct: tuple[Quoted, ActorRef | None] | None = None
        self.actor_at: dict[int, ActorRef] = {}
        mentions = sorted(((m.span, a.id) for a in actors for m in a.mentions), key=lambda x: x[0].start - x[0].end)
        for span, actor_id in mentions:  # longest first, so the innermost mention of a token wins
            for t in _tokens(doc, span.start, span.end):
                self.actor_at[t.i] = ActorRef(actor_id, span)
        self.new_speakers: dict[str, Actor] = {}

    def actor_for(self, who: Token) -> ActorRef | None:
        """The actor named by the speaker phrase headed by ``who``."""
        for token in _phrase_tokens(who):
            if token.i in self.actor_at:
                return self.actor_at[token.i]
        if who.pos_ == "PRON" or who.lower_ in _UNRESOLVABLE or who.pos_ not in ("NOUN", "PROPN"):
            return None  # "he" that coreference could not resolve: unknown, not guessed
        return self._new_speaker(who)

    def _new_speaker(self, head: Token) -> ActorRef:
        start, end = _phrase_bounds(head)
        span = Span.of(self.text, start, end)
        key = " ".join(t.lemma_.lower() for t in _phrase_tokens(head) if t.dep_ != "det")
        actor = self.new_speakers.get(key)
        mention = Mention(span=span, label="SPEAKER", sentence=self._sentence_of(start))
        if actor is None:
            actor = Actor(id=f"a{len(self.actors) + 1}", name=_strip_determiner(span.text), mentions=[mention])
            self.actors.append(actor)
            self.new_speakers[key] = actor
        else:
            actor.mentions.append(mention)
        ref = ActorRef(actor.id, span)
        for t in _tokens(self.doc, start, end):
            self.actor_at[t.i] = ref
        return ref

    def _sentence_of(self, char: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def carried_speaker(self, q: Quoted) -> ActorRef | None:
        """A quotation with no cue that opens the paragraph after a quote goes on with that quote's speaker."""
        if self.last_direct is None:
            return None
        previous, speaker = self.last_direct
        text = self.text
        line_start = text.rfind("\n", 0, q.outer_start) + 1
        if speaker is None or text[line_start:q.outer_start].strip():
            return None
        between = text[previous.outer_end:line_start].strip()
        if "\n" in between or len(between) > 80:
            return None  # another paragraph, or more than an attribution, lies between
        return speaker


def _dash_cue(doc: Doc, last: Token) -> Token | None:
    """“…” ― Name: a dash right after the closing mark, then a name."""
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("—", "―", "–", "-", "--") and _named_after(nxt) is not None:
        return nxt
    return None


def _named_after(cue: Token) -> Token | None:
    """The name right after a dash: the head of its run of proper nouns."""
    names = []
    for token in cue.doc[cue.i + 1:cue.i + 6]:
        if token.pos_ != "PROPN":
            break
        names.append(token)
    return names[-1] if names else None


def _named_before(cue: Token) -> Token | None:
    """The name that opens a line before a colon ("Pence: …", "WALLACE: …")."""
    names = [t for t in cue.doc[max(0, cue.i - 4):cue.i] if not t.is_space]
    if names and all(t.pos_ == "PROPN" or t.text.isupper() for t in names):
        return names[-1]
    return None


def _opens_line_with_name(colon: Token) -> bool:
    """"Pence: Flowers won't be at debate", "WALLACE: Let's start": a name alone before the colon opens the line."""
    start = colon.i
    while start > 0 and "\n" not in colon.doc[start - 1].text and colon.i - start < 5:
        start -= 1
    at_line_start = start == 0 or "\n" in colon.doc[start - 1].text
    names = [t for t in colon.doc[start:colon.i] if not t.is_punct]
    return at_line_start and bool(names) and all(t.pos_ == "PROPN" or t.text.isupper() for t in names)


def _rest_of_line(doc: Doc, text: str, colon: Token) -> tuple[int, int] | None:
    start = colon.idx + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".\""):
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


def _merge_runs(doc: Doc, direct: list[tuple[Quoted, Token | None, bool]]) -> list[tuple[Quoted, Token | None]]:
    """One speaker's run of quotations in a paragraph is one quote: a quotation split by its attribution
    ("“A,” he said, “B.”"), or followed or preceded by more of it with nothing but the attribution between.
    Tentative quotations (short, no cue) are kept only as part of such a run."""
    merged: list[tuple[Quoted, Token | None, bool]] = []
    for q, cue, tentative in direct:
        if merged:
            p, p_cue, p_tentative = merged[-1]
            if (cue is None or p_cue is None or cue.i == p_cue.i) and _only_attribution(doc, p, q, p_cue or cue):
                merged[-1] = (Quoted(p.start, q.end, p.outer_start, q.outer_end, p.paragraphs + q.paragraphs - 1),
                              p_cue or cue, p_tentative and tentative)
                continue
        merged.append((q, cue, tentative))
    return [(q, cue) for q, cue, tentative in merged if not tentative]


def _only_attribution(doc: Doc, a: Quoted, b: Quoted, cue: Token | None) -> bool:
    """Between two quotations of one paragraph lies at most their attribution ("…,” Warren said. “…")."""
    between = doc.char_span(a.outer_end, b.outer_start, alignment_mode="contract")
    if between is None:
        return True  # nothing but space or a mark between them
    if any("\n" in t.text for t in between) or len(between) > 14:
        return False
    return all(t.pos_ not in ("VERB", "AUX") or (cue is not None and t.i == cue.i) or t.dep_ == "aux"
               for t in between)


# --- parse helpers ------------------------------------------------------------------------------------------

def _tokens(doc: Doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else ()


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject(verb: Token) -> Token | None:
    """The subject of a cue verb; for "…, saying" or "and added" the subject of the verb it hangs on."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("advcl", "conj", "xcomp", "relcl") or verb.head is verb:
            return None
        if verb.dep_ == "relcl":
            return None
        verb = verb.head
    return None


def _noun_author(noun: Token) -> Token | None:
    """Who made a statement noun: "Petro's statement", "a report by the New York Times"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _prepositional_object(cue: Token) -> Token | None:
    """The X of "according to X"."""
    for token in cue.doc[cue.i:min(cue.i + 4, len(cue.doc))]:
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return None


def _phrase_tokens(head: Token) -> list[Token]:
    """The head, then its modifiers and of/for-phrases ("a spokesman for the ministry"), nearest first."""
    out, queue = [head], [head]
    while queue:
        token = queue.pop(0)
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "appos", "nmod", "det", "nummod") or (
                child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS
            ) or (child.dep_ == "pobj" and token.dep_ == "prep"):
                out.append(child)
                queue.append(child)
    return out


def _phrase_bounds(head: Token) -> tuple[int, int]:
    tokens = [t for t in _phrase_tokens(head) if not t.is_punct]
    tokens = [t for t in tokens if t.i <= head.i or not any(p.is_punct for p in head.doc[head.i:t.i])]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return head.doc[first].idx, head.doc[last].idx + len(head.doc[last])


def _phrase_text(head: Token) -> str:
    tokens = [t for t in _phrase_tokens(head) if not t.is_punct]
    return _strip_determiner(head.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1].text)


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("a", "an") else text


def _clause_span(doc: Doc, clause: Token, cue: Token) -> tuple[int, int]:
    """The clause's words; "which he said would …" keeps only what follows the cue."""
    tokens = list(clause.subtree)
    if tokens[0].i < cue.i < tokens[-1].i:
        tokens = [t for t in tokens if t.i > cue.i]
    while len(tokens) > 1 and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’" or tokens[-1].is_space):
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _rest_of_sentence(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase is attached to: the sentence without the phrase."""
    sent = cue.sent
    phrase = [cue] + [t for t in cue.subtree if t.i != cue.i]
    pobj = _prepositional_object(cue)
    last = max([t.i for t in phrase] + ([t.i for t in pobj.subtree] if pobj is not None else []))
    before = [t for t in sent if t.i < cue.i and not t.is_space]
    after = [t for t in sent if t.i > last and not t.is_space]
    side = before if len([t for t in before if not t.is_punct]) >= len([t for t in after if not t.is_punct]) else after
    while side and side[0].is_punct and side[0].text not in "“\"‘'":
        side.pop(0)
    while side and side[-1].is_punct and side[-1].text not in "”\"’'":
        side.pop()
    if len([t for t in side if not t.is_punct]) < 3:
        return None
    return side[0].idx, side[-1].idx + len(side[-1])


def _holds(content: tuple[int, int], q: Quoted) -> bool:
    """The quotation's words lie (all but a little punctuation) inside a reported clause."""
    inside = max(0, min(content[1], q.end) - max(content[0], q.start))
    return inside >= 0.9 * (q.end - q.start) - 2


def _holds_clause(q: Quoted, content: tuple[int, int]) -> bool:
    """A reported clause lies (mostly) inside the quotation: the quotation is its content."""
    inside = max(0, min(content[1], q.outer_end) - max(content[0], q.outer_start))
    return inside >= 0.8 * (content[1] - content[0])


def _utterance(text: str, q: Quoted) -> bool:
    """A short quotation that is a whole utterance, not a phrase quoted in running text: it opens its sentence
    or follows a colon or comma ("he said, “No.”"), and ends with punctuation of its own."""
    before = text[max(0, q.outer_start - 3):q.outer_start].rstrip()
    opens = not before or before[-1] in ".:,!?\n”\"" or q.outer_start == 0
    return opens and text[q.end - 1] in _END_PUNCT


def _cue_span(doc: Doc, text: str, cue: Token) -> Span:
    end = cue.idx + len(cue)
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        end = doc[cue.i + 1].idx + len(doc[cue.i + 1])
    return Span.of(text, cue.idx, end)
