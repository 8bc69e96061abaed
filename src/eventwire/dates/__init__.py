"""The dates stage: temporal expressions resolved against the document date, and events dated by them.

:func:`resolve_dates` finds the expressions ("last week", "on Tuesday", "Sunday's election", "since 1999",
"May 3, 2024", "from May 3 to 5") and resolves each to the period it names, reading the tense of its clause
("on Tuesday" is the past Tuesday in "met on Tuesday", the next one in "will meet on Tuesday").
:func:`date_events` gives every event the expression attached to its clause (reported speech and relative
clauses without a date of their own take the date of the clause that reports them, an upper bound), else
leaves it the document date.  A period that ended more than a year before the document is historical.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..records import Event, Span, TimeExpression
from ._attach import date_events as _date_events
from ._calendar import HISTORICAL_AFTER, is_historical, resolve, shifted
from ._clauses import anchor_of, direction_of
from ._grammar import find

__all__ = ["HISTORICAL_AFTER", "date_events", "parse_document_date", "resolve_dates"]

# how far back (characters) "the next day" looks for the date it counts from
_RELATIVE_REACH = 600
# entity labels under which a month or weekday word is a name, not a date ("Theresa May", "Black Friday Inc")
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "GPE", "LOC", "EVENT"})


def parse_document_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (or the date part of an ISO datetime) → date; anything else → None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def resolve_dates(doc: Doc, document_date: str | None, text: str | None = None) -> list[TimeExpression]:
    """Every temporal expression in ``doc``, resolved against ``document_date`` (relative ones stay
    unresolved, ``date`` None, when it is None).  ``text`` is ``doc.text`` when the caller has it already
    (spaCy rebuilds ``Doc.text`` on every access)."""
    text = doc.text if text is None else text
    anchor = parse_document_date(document_date)
    expressions = []
    previous: tuple[int, date, str] | None = None  # end offset, start and precision of the last resolved one
    for found in find(text):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None or not found.is_name and any(t.ent_type_ in _NAME_LABELS for t in span):
            continue
        dated = any(t.ent_type_ == "DATE" for t in span)
        if found.needs_date_label and not dated:
            continue  # a bare number that spaCy does not read as a year
        if found.reading.precision == "year" and _counts(span.root):
            continue  # "won by 2000 votes": a count
        reading = found.reading
        noun, _clause, syntactic_relation = anchor_of(span.root)
        relation = found.relation or syntactic_relation
        direction = _direction(reading, relation, span.root, noun)
        if reading.kind == "offset" and reading.n > 0 and direction != "future":
            continue  # "the slowest in five months" is a duration, not a date
        if reading.kind == "relative":
            near = previous is not None and found.start - previous[0] <= _RELATIVE_REACH
            start, precision, end = shifted(reading, *previous[1:]) if near else (None, reading.precision, None)
        else:
            start, precision, end = resolve(reading, anchor, direction)
        if start is not None:
            previous = (found.end, start, precision)
        expressions.append(TimeExpression(
            span=Span.of(text, found.start, found.end),
            date=start.isoformat() if start else None,
            precision=precision,
            end=end.isoformat() if end else None,
            relation=relation,
            # "over the past two years" runs up to the document: not history, unlike "since 1999"
            historical=is_historical(start, precision, end, anchor) and not (
                relation == "since" and reading.kind in ("offset", "unit")),
        ))
    return expressions


def _counts(root) -> bool:
    """A number that counts a plural noun with no determiner: "2000 votes", not "the 2008 elections"."""
    head = root.head
    return root.dep_ == "nummod" and head.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss") and c.i < root.i for c in head.children)


def _direction(reading, relation: str | None, root, noun) -> str | None:
    """past | future | nearest | None for resolving ``reading``: an interval's relation first, then the clause.
    A present-tense clause with a weekday is an arrangement ("meets on Tuesday"), but a weekday's noun in it is
    past news ("Tuesday's victory gives …"); with a month or a day it says nothing: the nearer one."""
    if relation == "since":
        return "past"
    direction = direction_of(root, noun)
    if relation == "until":  # "would fund the government through September"; "postponed until September"
        return "future" if direction == "future" or reading.kind != "date" else "nearest"
    if direction == "present":
        if reading.kind in ("weekday", "weekend"):
            return "past" if noun is not None and root.dep_ == "poss" else "future"
        return "nearest"
    return direction


def date_events(events: list[Event], expressions: list[TimeExpression], doc: Doc,
                document_date: str | None) -> None:
    """Set ``date``, ``date_precision``, ``date_span`` (and ``historical``) of every event from the expression
    attached to its trigger's clause; events without one keep the document date (precision day)."""
    _date_events(events, expressions, doc, document_date)
