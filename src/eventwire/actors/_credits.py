"""Bylines and credits: the text that says who wrote a story or took its photos ("Jeffrey Phelps/AP",
"(CNNMoney) --", a "By Jane Doe" line). Their names take part in no event, so they are no actor mentions; a person
quoted in the story is found where the story names them."""

from __future__ import annotations

import re

from spacy.tokens import Doc

_NAME_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # no sentence's last word: "said Tuesday. Jane Doe/AP"
_CREDIT_PATTERNS = [
    # a photo credit, "Name Name/Outlet" ("Jacquelyn Martin/Associated Press", "Mikhail Klimentyev/AFP", "Getty
    # Images"): two to four capitalised words joined to an outlet by a slash with no space
    re.compile(rf"(?<![\w'’.-])(?!The\b)(?:{_NAME_WORD}[ \t]){{1,3}}{_NAME_WORD}/{_NAME_WORD}(?:[ \t](?:Images|Press|News|Photo|Pool))?"),
    # a dateline credit in parentheses opening a paragraph: "(CNNMoney) --", "(Reuters) -"
    re.compile(rf"(?m)^[ \t]*\({_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}}\)"),
    # a byline of its own: "By Jane Doe", "By Jane Doe and John Roe, Reuters"
    # (words are separated, so a long capitalised line that is no byline fails in linear time)
    re.compile(rf"(?m)^[ \t]*By[ \t]+{_NAME_WORD}(?:(?:[ \t]+|[ \t]*,[ \t]*)(?:{_NAME_WORD}|and))*[ \t]*$"),
]


def credit_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges of the bylines and credits of ``doc``."""
    return [m.span() for pattern in _CREDIT_PATTERNS for m in pattern.finditer(doc.text)]


def drop_credits(doc: Doc, candidates: list) -> list:
    """The candidates outside bylines and credits; one that only starts in a credit starts after it (the credit
    "Carolyn Kaster/AP" before "Tim Malloy" is no part of his name)."""
    ranges = credit_ranges(doc)
    if not ranges:
        return candidates
    in_credit = {t.i for s, e in ranges for t in doc.char_span(s, e, alignment_mode="expand") or ()}
    kept = []
    for c in candidates:
        if c.head.i in in_credit:
            continue
        while c.start < c.end and (c.start in in_credit or doc[c.start].is_space):
            c.start += 1
        kept.append(c)
    return kept
