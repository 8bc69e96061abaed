"""Parse helpers of the quote stage: subjects, phrases, clauses, and how quotations relate to them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Span
from ._marks import Quoted

SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = {"that", "which", "who", "whom"}
PHRASE_PREPS = {"of", "for", "at", "from", "with", "in", "on"}
END_PUNCT = ".,!?;:…"


def dash_cue(doc: Doc, last: Token) -> Token | None:
    """“…” ― Name: a dash right after the closing mark, then a name."""
    if len(last.text) > 1 and last.text[-1] in "—―–" and last.is_punct:
        nxt = last  # "”―" as one token
    else:
        k = last.i + 1
        while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
            k += 1  # "”\xa0― Ann Lee"
        if k + 1 < len(doc) and doc[k].is_space and _signature_line(doc, k + 1):
            k += 1  # "“…”\n\n- Bernie Sanders.": a line of its own that only signs the quotation
        nxt = doc[k] if k < len(doc) else None
    if nxt is not None and nxt.text.strip() in ("—", "―", "–", "-", "--", last.text) and named_after(nxt) is not None:
        return nxt
    return None


_SIGNATURE_WORDS = 8  # a signature line ("- Michelle Marks, Philadelphia.") is at most this many tokens


def _signature_line(doc: Doc, k: int) -> bool:
    """The line starting at token ``k`` is a dash and a name, short, and nothing else ("- Bernie Sanders.")."""
    if doc[k].text not in ("—", "―", "–", "-", "--"):
        return False
    end = next((t.i for t in doc[k:k + _SIGNATURE_WORDS + 2] if "\n" in t.text), None)
    if end is None and len(doc) - k > _SIGNATURE_WORDS + 1:
        return False
    return named_after(doc[k]) is not None


def named_after(cue: Token) -> Token | None:
    """The name right after a dash: the head of its run of proper nouns."""
    names = []
    for token in cue.doc[cue.i + 1:cue.i + 6]:
        if token.is_space and not names and "\n" not in token.text:
            continue  # "―\xa0Jorge Falcon"
        if token.pos_ != "PROPN":
            break
        names.append(token)
    return names[-1] if names else None


def named_before(cue: Token) -> Token | None:
    """The name that opens a line before a colon ("Pence: …", "WALLACE: …")."""
    names = []
    for t in reversed(cue.doc[max(0, cue.i - 4):cue.i]):
        if "\n" in t.text:
            break  # the line's own label only
        if not t.is_space and not t.is_punct:  # '"PENCE:' opens a transcript turn with a mark
            names.insert(0, t)
    if names and all(t.pos_ == "PROPN" or t.text.isupper() for t in names):
        return names[-1]
    return signed_before(cue) or headline_label(cue)


def in_first_line(token: Token) -> bool:
    """The token lies in the text's first line, the headline (blank lines before it do not count)."""
    for t in token.doc[:token.i]:
        if "\n" in t.text and any(not w.is_space for w in token.doc[:t.i]):
            return False
    return True


def headline_label(colon: Token) -> Token | None:
    """The head of a short label without a verb that opens the headline (the text's first line) before a colon:
    "Poll: …", "Clinton camp: …" (its last noun)."""
    if not in_first_line(colon):
        return None
    words = [t for t in colon.doc[:colon.i] if not t.is_punct and not t.is_space]
    if not words or len(words) > 5 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return next((t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN")), None)


def signed_before(colon: Token) -> Token | None:
    """The name that ends right before a colon introducing a quotation: "More from Jeffrey M. Jones: “…”", "-
    Carl Bialik: “…”" (the head of the run of proper nouns; a capitalised word opening the line is no name)."""
    before = colon.doc[colon.i - 1] if colon.i > 0 else None
    if before is None or before.pos_ != "PROPN" or before.ent_type_ not in ("PERSON", "ORG"):
        return None
    return before


def opens_line_with_name(colon: Token) -> bool:
    """"Pence: Flowers won't be at debate", "WALLACE: Let's start": a name alone before the colon opens the line."""
    start = colon.i
    while start > 0 and "\n" not in colon.doc[start - 1].text and colon.i - start < 5:
        start -= 1
    at_line_start = start == 0 or "\n" in colon.doc[start - 1].text
    names = [t for t in colon.doc[start:colon.i] if not t.is_punct]
    return at_line_start and bool(names) and all(t.pos_ == "PROPN" or t.text.isupper() for t in names)


def labels_line(colon: Token, not_speakers: frozenset[str]) -> bool:
    """A speaker label opens the line before ``colon``: a name ("Pence: …", "WALLACE: …"), or in the headline (the
    text's first line) a short phrase without a verb ("Poll: Trump trails …", "Clinton camp: …"); section labels
    ("UPDATE:", "Correction:", "The Latest:") are none."""
    start = colon.i
    while start > 0 and "\n" not in colon.doc[start - 1].text and colon.i - start < 6:
        start -= 1
    words = [t for t in colon.doc[start:colon.i] if not t.is_punct and not t.is_space]
    if not words or " ".join(t.lower_ for t in words) in not_speakers or words[0].lower_ in not_speakers:
        return False
    return opens_line_with_name(colon) or headline_label(colon) is not None


def rest_of_line(doc: Doc, text: str, colon: Token) -> tuple[int, int] | None:
    start = colon.idx + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".\""):
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


def tokens(doc: Doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else ()


def phrase_cue(verb: Token, phrases: dict[str, frozenset[str]]) -> bool:
    """A verb that says only with its fixed object ("as she put it", "Rosenthal put it, “…”"), with a subject, and
    ending its clause there or opening an as-clause: not "put it into play", "to put it mildly"."""
    objects = phrases.get(verb.lemma_.lower())
    if not objects or verb.pos_ != "VERB" or subject_of(verb) is None:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in objects:
        return False
    after = verb.doc[obj.i + 1] if obj.i + 1 < len(verb.doc) else None
    return after is None or after.is_punct or any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def token_range(doc: Doc, start: int, end: int) -> range:
    """The indices of the tokens ``tokens`` gives, without building them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb; for "…, saying" or "and added" the subject of the verb it hangs on."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "Blige sings to Clinton before asking her, “…”"
            continue
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
            verb = verb.head  # "voters are more likely to say …": the subject of the verb the adjective completes
            continue
        if verb.dep_ not in ("advcl", "conj", "xcomp", "relcl") or verb.head.i == verb.i:
            return None
        if verb.dep_ == "relcl":
            return None
        verb = verb.head
    return None


NOMINAL = ("NOUN", "PROPN")


def loose_subject(verb: Token) -> Token | None:
    """The speaker of a cue verb the parser left without a subject: "Said Ellis:", "…,” said the 46-year-old",
    or the name just before it ("…, Col. Steven Warren, a military spokesman, said,"), hung elsewhere."""
    if verb.dep_ in ("compound", "amod") and verb.head.pos_ == "PROPN" and verb.head.i > verb.i:
        return verb.head  # "Said Ellis:", "Continued Stone:"
    after = [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ != "DET"]
    if after and after[0].pos_ in NOMINAL and after[0].head.i in (verb.i, after[0].i):
        return after[0]
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].is_punct:
        k -= 1
    if k >= 1 and verb.doc[k].lower_ == "old" and verb.doc[k - 1].text == "-":
        return verb.doc[k]  # "…,” the 46-year-old said": the descriptor (the quote stage finds whom it names)
    if k < verb.sent.start or verb.doc[k].pos_ not in NOMINAL:
        return None
    who = verb.doc[k]
    while who.dep_ in ("pobj", "prep", "compound", "amod") and who.head.i < verb.i and who.head.i != who.i:
        who = who.head
    if who.dep_ == "appos" and who.head.pos_ in NOMINAL:
        who = who.head  # "Warren, a military spokesman": Warren
    return who if who.pos_ in NOMINAL else None


def noun_author(noun: Token) -> Token | None:
    """Who made a statement noun: "Petro's statement", "a report by the New York Times"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def prepositional_object(cue: Token) -> Token | None:
    """The X of "according to X"; when the parser read a short noun phrase as a clause ("according to ⟦show⟧
    insiders", 'show' a verb), the noun it ends with."""
    window = cue.doc[cue.i:min(cue.i + 4, len(cue.doc))]
    for token in window:
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    for token in window:
        for clause in (c for c in token.children if c.dep_ == "pcomp"):
            words = list(clause.subtree)
            if len(words) <= 4 and words[-1].pos_ in ("NOUN", "PROPN") and all(
                    t.pos_ in _NOUN_PHRASE for t in words):
                return words[-1]
    return None


_NOUN_PHRASE = {"NOUN", "PROPN", "VERB", "ADJ", "DET", "NUM"}


def phrase_tokens(head: Token) -> list[Token]:
    """The head, then its modifiers and of/for-phrases ("a spokesman for the ministry"), nearest first."""
    out, queue = [head], [head]
    while queue:
        token = queue.pop(0)
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "appos", "nmod", "det", "nummod", "quantmod") or (
                child.dep_ == "prep" and child.lower_ in PHRASE_PREPS
            ) or (child.dep_ == "pobj" and token.dep_ == "prep"):
                out.append(child)
                queue.append(child)
    return out


def phrase_bounds(head: Token) -> tuple[int, int]:
    tokens = [t for t in phrase_tokens(head) if not t.is_punct]
    tokens = [t for t in tokens if t.i <= head.i or not any(p.is_punct for p in head.doc[head.i:t.i])]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return head.doc[first].idx, head.doc[last].idx + len(head.doc[last])


def phrase_text(head: Token) -> str:
    tokens = [t for t in phrase_tokens(head) if not t.is_punct]
    return strip_determiner(head.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1].text)


TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs."}


def title_cased(words: list[str]) -> bool:
    """Every word capitalised but the small ones (or not a word): a title or name, "“Make America Great Again”",
    "“13 Hours: The Secret Soldiers of Benghazi”", "“the Bolivarian Revolution”" (a name after a lower-case "the")."""
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or (k and w.lower() in TITLE_SMALL_WORDS) for k, w in enumerate(words))


def strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("a", "an") else text


def clause_span(doc: Doc, clause: Token, cue: Token) -> tuple[int, int]:
    """The clause's words; "which he said would …" keeps only what follows the cue."""
    tokens = list(clause.subtree)
    if tokens[0].i < cue.i < tokens[-1].i:
        tokens = [t for t in tokens if t.i > cue.i]
    tokens = without_aside(tokens)
    while len(tokens) > 1 and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’" or tokens[-1].is_space):
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


ASIDE_PREPS = {"while", "although", "though", "unlike", "amid"}


def without_aside(tokens: list[Token]) -> list[Token]:
    """A clause without the aside that closes it after a comma: "…, noting that …", "…, who also held a rally",
    "…, despite …", "…, a plan he has since modified" are the writer's, not part of what was said."""
    last = tokens[-1].i
    for k, comma in enumerate(tokens[:-1]):
        if comma.text != "," or k == 0:
            continue
        nxt = tokens[k + 1]
        aside = nxt
        while aside.head.i > comma.i and aside.head.i != aside.i and aside.head.i <= last:
            aside = aside.head  # climb to the head of the phrase that starts after the comma
        if aside.left_edge.i != nxt.i or aside.right_edge.i < last - 1:
            continue
        participle = aside.dep_ == "advcl" and aside.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("mark", "nsubj", "expl", "aux") for c in aside.children)
        if aside.dep_ in ("relcl", "appos") or participle or (
                aside.dep_ == "prep" and aside.lower_ in ASIDE_PREPS):
            return tokens[:k]
    return tokens


def rest_of_sentence(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase is attached to: the sentence without the phrase."""
    sent = cue.sent
    phrase = [cue] + [t for t in cue.subtree if t.i != cue.i]
    pobj = prepositional_object(cue)
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


def holds(content: tuple[int, int], q: Quoted) -> bool:
    """The quotation's words lie (all but a little punctuation) inside a reported clause."""
    inside = max(0, min(content[1], q.end) - max(content[0], q.start))
    return inside >= 0.9 * (q.end - q.start) - 2


def holds_clause(q: Quoted, content: tuple[int, int]) -> bool:
    """A reported clause lies (mostly) inside the quotation: the quotation is its content."""
    inside = max(0, min(content[1], q.outer_end) - max(content[0], q.outer_start))
    return inside >= 0.8 * (content[1] - content[0])


def utterance(text: str, q: Quoted) -> bool:
    """A short quotation that is a whole utterance, not a phrase quoted in running text: it opens its sentence
    or follows a colon or comma ("he said, “No.”"), and ends with punctuation of its own."""
    before = text[max(0, q.outer_start - 3):q.outer_start].rstrip()
    opens = not before or before[-1] in ".:,!?\n”\"" or q.outer_start == 0
    return opens and text[q.end - 1] in END_PUNCT


def cue_span(doc: Doc, text: str, cue: Token) -> Span:
    end = cue.idx + len(cue)
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        end = doc[cue.i + 1].idx + len(doc[cue.i + 1])
    return Span.of(text, cue.idx, end)
