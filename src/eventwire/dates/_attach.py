"""Attaching temporal expressions to events through the dependency parse."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..records import Event, TimeExpression
from ._clauses import anchor_of, clause_of, tense

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# clause links across which an undated event takes its governor's date as an upper bound, unless it lies
# ahead ("said that it will attack", "attacked on Monday and will strike again"); an infinitive (xcomp) always
# takes it ("plans on Saturday to march")
_EMBEDDING = frozenset({"ccomp", "relcl", "acl", "advcl", "parataxis", "csubj", "csubjpass", "pcomp", "conj"})


@dataclass
class Placed:
    expression: TimeExpression
    root: Token
    noun: Token | None
    clause: Token | None


def placed(doc: Doc, expressions: list[TimeExpression]) -> list[Placed]:
    """Each expression with the noun and the clause it dates."""
    out = []
    for expression in expressions:
        span = doc.char_span(expression.span.start, expression.span.end, alignment_mode="expand")
        if span is not None:
            noun, clause, _ = anchor_of(span.root)
            out.append(Placed(expression, span.root, noun, clause))
    return out


def date_events(events: list[Event], expressions: list[TimeExpression], doc: Doc,
                document_date: str | None) -> None:
    if not events:
        return
    day = document_date[:10] if document_date else None
    by_noun: dict[int, list[Placed]] = defaultdict(list)
    by_clause: dict[int, list[Placed]] = defaultdict(list)
    for p in placed(doc, expressions):
        if p.noun is not None:
            by_noun[p.noun.i].append(p)
        if p.clause is not None and not (p.expression.relation == "since" and _comparison(p.root)) and not (
                p.noun is not None and _purpose(p.root)):
            # ("signed a protocol for 1991": the period a noun is for dates that noun, not the clause's act)
            by_clause[p.clause.i].append(p)
    for event in events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        chosen = attached(span.root, by_noun, by_clause) if span is not None and expressions else None
        if chosen is None:
            event.date = event.date or day
            event.date_precision = event.date_precision or ("day" if event.date else None)
            continue
        expression = chosen.expression
        event.date = expression.date
        event.date_precision = expression.precision if expression.date else None
        event.date_span = expression.span
        # a year an act is for is no time it was done ("signed a protocol for 1991")
        if not _purpose(chosen.root):
            event.historical = event.historical or expression.historical


def _purpose(root: Token) -> bool:
    """Whether a date is what something is for ("a protocol for 1991", "scheduled for 2016")."""
    return root.dep_ == "pobj" and root.head.lower_ == "for"


def attached(trigger: Token, by_noun: dict[int, list[Placed]], by_clause: dict[int, list[Placed]]
             ) -> Placed | None:
    """The expression that dates ``trigger``: its own ("Sunday's election"), else its clause's, else (for an
    undated subordinate clause that is not about the future) the governing clause's, and so on up."""
    if trigger.i in by_noun:
        return _nearest(by_noun[trigger.i], trigger)
    clause = clause_of(trigger)
    for _ in range(12):
        if clause.i in by_clause:
            return _nearest(by_clause[clause.i], trigger)
        if clause.head.i == clause.i:
            return None
        if clause.dep_ in _EMBEDDING and tense(clause) == "future":
            return None
        clause = clause_of(clause.head)
    return None


def _nearest(candidates: list[Placed], trigger: Token) -> Placed:
    return min(candidates, key=lambda p: (abs(p.root.i - trigger.i), PRECISION_RANK.get(p.expression.precision, 4)))


_RANKING_WORDS = frozenset({"first", "last", "only"})


def _comparison(root: Token) -> bool:
    """A since phrase that bounds a comparison ("the first president to refuse since 1976", "the biggest protest
    since 2011"): no act of its clause happened then, unlike "has controlled the province since 1999"."""
    for token in root.ancestors:
        if any(c.dep_ in ("amod", "advmod") and (c.tag_ == "JJS" or c.lower_ in _RANKING_WORDS)
               for c in token.children):
            return True
    return False
