"""Attributions and the character spans of their content: where reported speech stops (its cue's paragraph, the
end of a quotation it opens), which attributions are nested in others, and which quotations are transcripts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from ._marks import Quoted
from ._syntax import subject_of


@dataclass
class Attribution:
    """One attribution found from a cue: the cue token, the content's character span and its kind."""

    cue: Token
    content: tuple[int, int]  # char span
    kind: str
    in_quote: bool = False  # the clause is (part of) a direct quotation, reported as that quote
    source: Token | None = None  # who spoke, when not the cue's subject: a passive cue's by-agent

    def __post_init__(self) -> None:
        if self.source is None and self.cue.pos_ == "VERB":
            self.source = agent_of(self.cue)  # "it was announced by ⟦the ministry⟧ that …"


def agent_of(verb: Token) -> Token | None:
    """The object of a passive verb's by-agent ("criticized by ⟦Democrats⟧"), else None."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


_TURN = re.compile(r"^\W{0,2}[A-Z][A-Z.' -]{1,30}:", re.MULTILINE)


def transcript(text: str, q: Quoted) -> bool:
    """A quotation over paragraphs that open with speaker labels ("“WALLACE: …\n\n“PENCE: …") is a transcript:
    each turn is its speaker's, read from the label like any "Name: …" line, not one quote of the whole."""
    return q.paragraphs > 1 and len(_TURN.findall(text, q.outer_start, q.outer_end)) > 1


def outermost(found: list[Attribution]) -> list[Attribution]:
    """Reported speech inside reported speech belongs to the outer quote, as inside a quotation: "X said ⟦he expects
    Clinton to recover⟧", "X said ⟦Trump vowed to …⟧" give one quote (PolNeAR rarely counts the inner verb frame
    apart; keeping it cost precision on its train and dev splits). So does a cue noun without a that-clause of its
    own: "Clinton bashed ⟦Trump's proposal to ban …⟧", "praised ⟦Clinton's remarks on …⟧" (a quarter of these inner
    noun frames matched PolNeAR's train split); "⟦Putin's statement that the war would end⟧ was dismissed by
    Kyiv" keeps both."""
    def nested(a: Attribution) -> bool:
        if a.cue.pos_ in ("VERB", "AUX"):
            inner = subject_of(a.cue) is not None
        else:
            inner = a.cue.pos_ == "NOUN" and not any(c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in a.cue.children)
        return inner and any(
            b.cue.i != a.cue.i and b.content[0] <= a.cue.idx < b.content[1]
            and not a.content[0] <= b.cue.idx < a.content[1] for b in found)  # not each inside the other
    return [a for a in found if not nested(a)]


def in_paragraph(text: str, a: Attribution) -> bool:
    """Reported speech stays in its cue's paragraph (the parser sometimes runs a sentence over a break): the
    content is cut at the breaks around the cue, and dropped when little is left."""
    start, end = a.content
    first = text.rfind("\n", 0, a.cue.idx) + 1
    last = text.find("\n", a.cue.idx)
    last = len(text) if last < 0 else last
    if start >= first and end <= last:
        return True
    start, end = max(start, first), min(end, last)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    a.content = (start, end)
    return len(text[start:end].split()) >= 3


def whole_quotations(content: tuple[int, int], quoted: list[Quoted]) -> tuple[int, int]:
    """A reported clause that opens a quotation ends after it, not at a comma inside it (the parser's clause
    often stops there: "told him that “we tell the truth, we deal with the issues”")."""
    start, end = content
    for q in quoted:
        if start <= q.outer_start < end < q.end:
            return start, q.outer_end
    return content


def closing_mark_kept(text: str, start: int, end: int) -> int:
    """The end of a content that opens a quotation it does not close: after the closing mark just behind it
    ("that he has “expanded the party,”" rather than "… “expanded the party")."""
    inside = text[start:end]
    if sum(inside.count(m) for m in "“«") <= sum(inside.count(m) for m in "”»"):
        return end
    for k in range(end, min(end + 3, len(text))):
        if text[k] in "”»":
            return k + 1
        if text[k] not in ",.;:!?":
            break
    return end
