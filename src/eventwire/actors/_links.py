"""Mentions that name the same body as a name before them: a short form in parentheses ("the Liberian Peace
Council (LPC)", "the Revolutionary United Front (RUF)").

Runs on the candidates a :class:`~eventwire.actors._mentions.MentionFinder` found, before they are resolved: the
short form takes the identity (knowledge-base entry, or name, state and sector) of the name it abbreviates, or
gives its own to a long form the knowledge base does not know, so both resolve to one actor.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from spacy.tokens import Doc

from ._bodies import _letters

_OPEN, _CLOSE = ("(", "["), (")", "]")
_NAME_KINDS = ("org", "group", "country")


def link_short_forms(doc: Doc, candidates: list, ent_at, kb) -> None:
    """Give each parenthesised short form after a body's name that body's identity (in place)."""
    by_end = {}
    for c in candidates:
        if c.kind in _NAME_KINDS:
            ent = ent_at.get(c.head.i)
            by_end.setdefault(c.end, c)
            if ent is not None and ent.label_ == "ORG":
                by_end.setdefault(ent.end, c)
    for short in candidates:
        if short.kind != "org" or short.end - short.start != 1 or not _parenthesised(doc, short.start):
            continue
        long = by_end.get(short.start - 1)
        if long is None or long is short or not _abbreviates(doc[short.start].text, doc[long.start : short.start - 1]):
            continue
        if short.refs and not long.refs and _same_name(kb, long, short):
            # "the Palestinian Liberation Organization (PLO)": the known short form names the long one
            long.kind, long.refs, long.org = "org", list(short.refs), None
            long.country, long.sector, long.name = short.country, short.sector, short.name
        elif long.kind == "org" and (not short.refs or _spells(doc[short.start].text, doc[long.start : short.start - 1])):
            # "the Liberian Peace Council (LPC)"; "the Armed Forces of the Philippines (AFP)", not the news agency
            short.refs, short.name = list(long.refs), long.name
            short.country, short.sector = long.country, long.sector


def _same_name(kb, long, short) -> bool:
    """The long form is a spelling of the name of the body the short form is known as ("Palestinian Liberation
    Organization" for the Palestine Liberation Organization, not "Armed Forces of the Philippines" for Agence
    France-Presse, AFP)."""
    text = _letters(long.head.doc[long.start : long.end].text.removeprefix("the ").removeprefix("The "))
    for ref in short.refs:
        org = kb.organizations.get(ref.id) if ref.kind == "org" else None
        names = (org.name, *org.aliases) if org is not None else ()
        if any(SequenceMatcher(None, text, _letters(n)).ratio() >= 0.85 for n in names if len(n) > len(short.name or "")):
            return True
    return False


def _spells(short: str, name) -> bool:
    """``short`` is the initials of the capitalised words of ``name`` ("AFP": Armed Forces of the Philippines)."""
    return short.isupper() and short == "".join(t.text[0] for t in name if t.text[:1].isupper() and t.lower_ != "the")


def _parenthesised(doc: Doc, i: int) -> bool:
    return 0 < i < len(doc) - 1 and doc[i - 1].text in _OPEN and doc[i + 1].text in _CLOSE


def _abbreviates(short: str, name) -> bool:
    """``short`` looks like an abbreviation of the words ``name``: upper-case, and its first letter is the first
    letter of one of the name's capitalised words ("MASSOB" for "Movement for the Actualization of …")."""
    letters = short.replace(".", "").replace("-", "").replace("/", "")
    if len(letters) < 2 or not letters[:2].isupper():
        return False
    initials = {t.text[0] for t in name if t.text[:1].isupper()}
    return letters[0] in initials
