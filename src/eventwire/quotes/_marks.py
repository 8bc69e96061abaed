"""Quotation marks → the stretches of text they enclose (no parse needed).

Handles curly and straight double quotes, guillemets, the ``…'' pairs of some corpora, quotes running over
several paragraphs (an opening mark on each, a closing one only at the end; a last paragraph closed with a
comma, “…,” he added, has an attribution of its own and is a quotation of its own), and quotes split by their
attribution (two separate stretches). Marks that never close are dropped at the end of their paragraph, so one
stray mark cannot swallow the rest of an article. Single quotes are read only in texts that use no double ones
(British style), and only curly ones, as straight apostrophes are mostly elisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each family of marks is matched on its own: scraped text often mixes a stray straight mark into curly quotes.
_FAMILIES = (re.compile(r"[“”„«»]"), re.compile(r'"'), re.compile(r"``|''"))
_CURLY_OR_STRAIGHT = re.compile(r'[“”"]')
_MARKUP = re.compile(r"<[A-Za-z/][^<>\n]*>")
_SINGLE = re.compile(r"[‘’]")
_OPENERS = {"``", "“", "„", "«", "‘"}
_CLOSERS = {"”", "»", "’"}
_BEFORE_OPEN = set(" \t\n([{—–-/") | {""}


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: ``start``/``end`` enclose the words, ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraphs: int = 1  # how many paragraphs it runs over
    # the quoted runs (start, end) of one speaker's quotation split by its attribution; () for a single run
    runs: tuple[tuple[int, int], ...] = ()

    def parts(self) -> tuple[tuple[int, int], ...]:
        return self.runs or ((self.start, self.end),)


def find_quoted(text: str) -> list[Quoted]:
    """Every balanced quotation in ``text``, in order; one nested in another is part of it."""
    # markup left in scraped text ('<tweet author="…" id="…">') holds attribute values, not quotations
    text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    patterns = [p for p in _FAMILIES if p.search(text)] or [_SINGLE]
    found = [q for p in patterns for q in _scan(text, p)]
    if _FAMILIES[0] in patterns and _FAMILIES[1] in patterns:
        # a quotation opened with one family and closed with the other (“… ." or "… ”), where neither closed it
        taken = [(q.outer_start, q.outer_end) for q in found]
        found += [q for q in _scan(text, _CURLY_OR_STRAIGHT, own_attributions=False)
                  if not any(s < q.outer_end and q.outer_start < e for s, e in taken)]
    found.sort(key=lambda q: (q.outer_start, -q.outer_end))
    outer: list[Quoted] = []
    for q in found:
        if outer and q.outer_start < outer[-1].outer_end:
            continue  # inside (or tangled with) the quotation before it
        outer.extend(_split_at_mixed_marks(text, q))
    return outer


def _split_at_mixed_marks(text: str, q: Quoted) -> list[Quoted]:
    """“A," Trump said. "B.”: a quotation read in one family of marks whose inner marks of the other family close
    and reopen it is the two quotations that the marks read together give, when they start and end where it does
    (a quotation nested in it, “… "junk" …”, does not)."""
    inner = text[q.outer_start:q.outer_end]
    if '"' not in inner or not _FAMILIES[0].search(inner):
        return [q]
    parts = _scan(inner, _CURLY_OR_STRAIGHT, own_attributions=False)
    if len(parts) < 2 or parts[0].outer_start != 0 or parts[-1].outer_end != len(inner):
        return [q]
    at = q.outer_start
    return [Quoted(p.start + at, p.end + at, p.outer_start + at, p.outer_end + at, p.paragraphs) for p in parts]


def _scan(text: str, pattern: re.Pattern, own_attributions: bool = True) -> list[Quoted]:
    """The quotations of one family of marks; with ``own_attributions`` a paragraph that goes on with a quotation
    but closes it with a comma (“B,” he continued) is a quotation of its own."""
    found: list[Quoted] = []
    open_at: int | None = None  # index of the opening mark of the quote being read
    open_len = 0
    paragraphs = 1
    went_on_at = went_on_len = previous_end = 0  # the last paragraph's opening mark, and where the one before ended
    outer: tuple[int, int, int] | None = None  # the quotation open around a nested one
    for line_start, line in _paragraphs(text):
        marks = list(pattern.finditer(line))
        outer = None  # a nesting never runs over a paragraph break
        if open_at is not None:
            lead = len(line) - len(line.lstrip())
            if marks and marks[0].start() == lead and _role(line, marks[0], opening_now=False) == "open":
                went_on_at, went_on_len = line_start + lead, len(marks[0].group())
                marks.pop(0)  # the quote goes on in this paragraph
                paragraphs += 1
            else:
                open_at = None  # never closed: drop it rather than swallow this paragraph
        for m in marks:
            pos = line_start + m.start()
            role = _role(line, m, opening_now=open_at is None)
            if role == "open":
                # a second opening while one is open: a quotation nested in it (“… what he calls “hell” than …”),
                # or the first was never closed (then it is dropped at its paragraph's end)
                outer = (open_at, open_len, paragraphs) if open_at is not None and pos > open_at + open_len else None
                open_at, open_len, paragraphs = pos, len(m.group()), 1
            elif role == "close" and open_at is not None:
                if own_attributions and paragraphs > 1 and text[:pos].rstrip().endswith(","):
                    # "“A.\n\n“B,” he continued.": the last paragraph's words have an attribution of their own
                    quoted = _trimmed(text, open_at, open_len, previous_end, 0, paragraphs - 1)
                    if quoted:
                        found.append(quoted)
                    open_at, open_len, paragraphs = went_on_at, went_on_len, 1
                quoted = _trimmed(text, open_at, open_len, pos, len(m.group()), paragraphs)
                if quoted:
                    found.append(quoted)
                open_at = None
                if outer is not None:
                    (open_at, open_len, paragraphs), outer = outer, None  # the quotation around it goes on
        previous_end = line_start + len(line.rstrip())
    return found


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def _role(line: str, m: re.Match, opening_now: bool) -> str:
    mark = m.group()
    before = line[m.start() - 1] if m.start() else ""
    after = line[m.end()] if m.end() < len(line) else ""
    if mark in _OPENERS:
        # an opening mark typed to close the open quotation ("… is 51 percent.“ When …")
        closes = not opening_now and before and not before.isspace() and (not after or after.isspace())
        return "close" if closes and mark == "“" else "open"
    if mark in _CLOSERS:
        # a closing mark typed for an opening one ("”Fear. …”") opens when nothing is open and a word follows
        at_start = not line[:m.start()].strip()
        return "open" if opening_now and at_start and after and not after.isspace() else "close"
    if before in _BEFORE_OPEN and after and not after.isspace():
        return "open"
    if (not after or after.isspace() or after in ".,;:!?)]}—–-") and before and not before.isspace():
        return "close"
    return "open" if opening_now else "close"


def _trimmed(text: str, open_at: int, open_len: int, close_at: int, close_len: int, paragraphs: int) -> Quoted | None:
    start, end = open_at + open_len, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Quoted(start, end, open_at, close_at + close_len, paragraphs)
