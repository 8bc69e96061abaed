"""Clauses and tense on the dependency parse: which clause an expression or a trigger belongs to, and whether
that clause speaks of the past or the future."""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj",
                         "csubjpass", "pcomp"})
# modifiers that tie an expression to its noun: "Sunday's election", "the 2003 invasion"
NOUN_MODIFIERS = frozenset({"poss", "compound", "nummod", "amod", "nmod"})
# prepositions whose noun phrase dates the clause they hang from: "in Sunday's election", "during the 2019 protests"
TEMPORAL_PREPOSITIONS = frozenset({"in", "on", "at", "during", "since", "until", "till", "by", "throughout",
                                   "amid", "over", "through"})
RELATION_OF = {"since": "since", "until": "until", "till": "until", "by": "until"}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might", "should", "must", "can",
                        "ca"})
# governors whose infinitive complement lies ahead of them ("plans to march", "is due to meet")
FUTURE_GOVERNORS = frozenset({"plan", "want", "hope", "expect", "intend", "aim", "seek", "prepare", "vow",
                              "pledge", "promise", "threaten", "agree", "decide", "set", "due", "schedule",
                              "go", "propose", "offer", "need", "wish", "plot", "resolve", "likely", "poised",
                              "ready", "determined", "scheduled", "expected", "able", "be",
                              "ask", "urge", "order", "tell", "call", "invite", "instruct", "request", "require",
                              "summon", "direct"})
# words on an expression's path that fix its direction whatever the verb ("ahead of Sunday's election")
FUTURE_WORDS = frozenset({"ahead", "upcoming", "forthcoming", "coming", "planned", "scheduled", "proposed"})
PAST_WORDS = frozenset({"previous", "recent", "former", "earlier"})


def is_clause_head(token: Token) -> bool:
    return token.head.i == token.i or token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_DEPS


def clause_of(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (a noun's clause is its verb's)."""
    for _ in range(40):
        if is_clause_head(token):
            return token
        token = token.head
    return token


def tense(head: Token, depth: int = 0) -> str | None:
    """``past``, ``present``, ``future`` or None (no verb, or an infinitive of unknown time) of the clause
    headed by ``head``."""
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        if "have" in words and head.tag_ == "VBN" and not words & {"will", "shall", "'ll"}:
            return "past"  # "may have been killed on Tuesday"
        return "future"
    if any(a.lower_ == "to" for a in auxes) or head.tag_ in ("VBN", "VBG") and not auxes:
        # an infinitive lies ahead of a governor that intends it ("plans to march"), else its time is unknown;
        # a bare participle takes its governor's time ("the vote held on 3 March")
        governor = head.head
        if governor.i == head.i or depth > 4:
            return None
        if "to" in words:
            return "future" if governor.lemma_.lower() in FUTURE_GOVERNORS else None
        return tense(clause_of(governor), depth + 1)
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if head.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return "past"  # present perfect: already done
    if head.pos_ in ("VERB", "AUX"):
        return "present"
    return None


def anchor_of(root: Token) -> tuple[Token | None, Token, str | None]:
    """Where an expression whose root is ``root`` hangs: (the noun it modifies or None, the clause it dates,
    the interval relation its preposition gives)."""
    head = root.head
    relation = None
    noun = None
    if root.dep_ in NOUN_MODIFIERS and head.pos_ in ("NOUN", "PROPN") and head.i != root.i:
        noun = head  # "Sunday's election"
    elif root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head  # "the vote on Sunday"
    if root.dep_ == "pobj" and head.dep_ in ("prep", "pcomp"):
        relation = RELATION_OF.get(head.lower_)
        if relation is None and noun is not None and noun.dep_ == "pobj":
            relation = RELATION_OF.get(noun.head.lower_)  # "since the election in June"
    if noun is not None and root.dep_ in NOUN_MODIFIERS:
        # a modified noun dates its clause only inside a temporal phrase: "in Sunday's election", not
        # "criticised the 2003 invasion"
        up = noun.head
        if noun.dep_ == "pobj" and up.dep_ == "prep" and up.lower_ in TEMPORAL_PREPOSITIONS:
            relation = relation or RELATION_OF.get(up.lower_)
            return noun, clause_of(up), relation
        return noun, None, relation
    return noun, clause_of(root), relation


def direction_of(root: Token, noun: Token | None) -> str | None:
    """The time direction for resolving an expression: a marker on its path wins, else its clause's tense."""
    if root.dep_ == "pobj" and root.head.lower_ == "for":
        return "future"  # a time something is "set for", "planned for", "called for"
    t = root
    for _ in range(8):
        if t.lower_ in FUTURE_WORDS and t.pos_ != "VERB":  # "ahead of", "upcoming"; not "saw it coming"
            return "future"
        if t.lower_ in PAST_WORDS:
            return "past"
        if is_clause_head(t):
            break
        t = t.head
    if noun is not None:
        for child in noun.children:
            if child.lower_ in FUTURE_WORDS:
                return "future"
            if child.lower_ in PAST_WORDS:
                return "past"
    return tense(clause_of(root))
