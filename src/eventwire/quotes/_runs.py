"""Runs of quotations: one speaker's quotation split by its attribution is one quote with several parts.

PolNeAR (like most attribution corpora) annotates "“A,” he said. “B.”" as one relation whose content has a part
per quotation, however long the attribution between them ("“A,” said Ann Lee, a lawyer who …. “B.”"); a
quotation opening the next paragraph is mostly a relation of its own, but joined here when nothing but the
attribution lies between and the joined content stays mostly quoted words (it scores better on PolNeAR's
train split than keeping it apart).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import Span
from ._marks import Quoted

_MARKS = re.compile(r"[“”\"]|''|``")
_LOOSE_WORDS = 14  # at most this many words between two quotations joined without the cue's own phrase


def merge_runs(doc: Doc, direct: list[tuple[Quoted, Token | None, bool]]) -> list[tuple[Quoted, Token | None]]:
    """Join each quotation to the one before when they are one speaker's run ("“A,” he said, “B.”"), or when a
    cue-less quotation follows a cited one with nothing but the attribution between. Tentative quotations (short,
    no cue) are kept only as part of such a run."""
    merged: list[tuple[Quoted, Token | None, bool]] = []
    for q, cue, tentative in direct:
        if merged:
            p, p_cue, p_tentative = merged[-1]
            signed = p_cue is not None and p_cue.is_punct and p_cue.idx >= p.outer_end - 1  # "“…” ― Ann Lee"
            same_run = (cue is None or p_cue is None or cue.i == p_cue.i) and not signed and \
                only_attribution(doc, p, q, p_cue or cue, next_paragraph=cue is None)
            between = doc.text[p.outer_end:q.outer_start]
            same_paragraph = "\n" not in between
            # a cue-less quotation later in the paragraph goes on with the one before, whatever but another
            # quotation lies between ("“A,” Obama said after meeting Putin. He did not suggest retaliation. “B.”")
            goes_on = cue is None and p_cue is not None and not signed and not _MARKS.search(between)
            # the next paragraph's cue-less quotation right after the attribution goes on with it when the joined
            # content stays mostly quoted words ("“A,” he said.\n\n“B.”")
            mostly_quoted = q.outer_start - p.outer_end <= (p.end - p.start) + (q.end - q.start)
            if same_paragraph and (same_run or goes_on) or same_run and cue is None and mostly_quoted:
                merged[-1] = (Quoted(p.start, q.end, p.outer_start, q.outer_end, p.paragraphs + q.paragraphs - 1,
                                     p.parts() + q.parts()),
                              p_cue or cue, p_tentative and tentative)
                continue
            if same_run and not p_tentative:
                tentative = False  # "“A,” she said of the election. \n\n“B.”": B goes on with A's speaker
        merged.append((q, cue, tentative))
    return [(q, cue) for q, cue, tentative in merged if not tentative]


def only_attribution(doc: Doc, a: Quoted, b: Quoted, cue: Token | None, next_paragraph: bool = False) -> bool:
    """Between two quotations of one paragraph lies at most their attribution ("…,” Warren said. “…"); with
    ``next_paragraph`` the second may also open the next paragraph ("…,” Warren said.\n\n“…")."""
    between = doc.char_span(a.outer_end, b.outer_start, alignment_mode="contract")
    if between is None:
        return True  # nothing but space or a mark between them
    breaks = [k for k, t in enumerate(between) if "\n" in t.text]
    if breaks and not (next_paragraph and breaks == list(range(breaks[0], len(between)))):
        return False
    between = between[:breaks[0]] if breaks else between
    if not len(between):
        return True
    if cue is not None and cue in between:
        # "“…,” said Ann Lee, a lawyer who has fought such cases for years. “…”": all of it is the attribution
        attribution = {t.i for t in cue.subtree}
        if all(t.i in attribution or t.is_punct for t in between):
            return True
    if len(between) > _LOOSE_WORDS:
        return False
    # a name the tagger took for a verb ("Tulsa police Chief Chuck Jordan said") is no second clause
    return all(t.pos_ not in ("VERB", "AUX") or (cue is not None and t.i == cue.i) or t.dep_ == "aux"
               or t.ent_type_ for t in between)


def join_mixed_runs(text: str, quotes: list[tuple]) -> list[tuple]:
    """A mixed quote whose quotation goes on after its attribution is one quote with two parts: "The summit
    accomplished “too little,” he added on Twitter. “Without changing policies, Europe risks a lot.”" (the
    quotation has no cue of its own, or the mixed quote's). ``quotes`` are the finder's (start, kind, content,
    cue, speaker, parts) in text order."""
    out: list[tuple] = []
    for item in quotes:
        start, kind, content, cue, speaker, parts = item
        if out and kind == "direct" and out[-1][1] == "mixed":
            p_start, _, p_content, p_cue, p_speaker, _ = out[-1]
            between = text[p_content.end:content.start - 1]
            own_cue = cue is not None and cue.i != p_cue.i
            if not own_cue and "\n" not in between and not _MARKS.search(between.strip("“”\"' ")) and (
                    len(between.split()) <= _LOOSE_WORDS or _attribution_between(p_cue, p_content.end, content.start)):
                joined = Span.of(text, p_content.start, content.end)
                out[-1] = (p_start, "mixed", joined, p_cue, p_speaker or speaker, [p_content, *parts])
                continue
        out.append(item)
    return out


def _attribution_between(cue: Token, start: int, end: int) -> bool:
    """All words between ``start`` and ``end`` are the cue's attribution ("…,” said Victor Cha, who served as Asia
    director for the National Security Council under President George W. Bush. “…”")."""
    if not start <= cue.idx < end:
        return False
    between = cue.doc.char_span(start, end, alignment_mode="contract")
    attribution = {t.i for t in cue.subtree}
    return between is not None and all(t.i in attribution or t.is_punct or t.is_space for t in between)
