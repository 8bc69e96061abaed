"""Parse-tree helpers of the event stage: noun phrases, governors, participles, and the actors that argument
tokens name."""

from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef


def _heads(tokens) -> set[str]:
    """Lemmas naming what noun phrases are: their heads, modifiers and of-phrases ("hundreds of British troops")."""
    words = set()
    for t in tokens:
        words.add(t.lemma_.lower())
        for c in t.children:
            if c.dep_ in ("compound", "amod"):
                words.add(c.lemma_.lower())
            if c.dep_ == "prep" and c.lower_ == "of":
                words.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    return words


def _nested(noun: Token) -> bool:
    """Whether a noun hangs, through prepositions, on another noun before it reaches a verb."""
    t = noun.head if noun.dep_ == "compound" else noun  # "arrest warrants": the phrase is the warrants
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        t = t.head.head
        if t.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def _anchored(token: Token, anchors: frozenset[str]) -> bool:
    """Whether an event is the time anchor of its clause: the object of "after", "since", "following" or the
    verb of a clause they mark ("one day after a jet shot down a helicopter")."""
    t = token.head if token.dep_ == "compound" else token
    if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in anchors:
        return True
    clause = t
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in anchors for c in clause.children)


def _charged_with(token: Token, entries: dict, roots: frozenset[str]) -> bool:
    """Whether an event is what another event charges someone with: "arrested for collaborating with …",
    "accused Gulen of attempting to overthrow …", "jailed for helping militants"."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "over"):
        return False
    charge = entries.get(prep.head.i)
    return charge is not None and any(charge.cameo.startswith(r) for r in roots)


def _passive(verb: Token) -> bool:
    """A past participle modifying a noun ("soldiers killed in Ukraine", "the civilians imprisoned for …"); not in
    a sentence the parser left without a verb at its root, whose participle is its verb ("A report called for …")."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.sent.root.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children)


def _governors(token: Token):
    """The ancestors of ``token`` in its sentence that govern it, not the ones it is coordinated with."""
    child = token
    for ancestor in token.ancestors:
        if child.dep_ != "conj":
            yield ancestor
        child = ancestor


# prepositions that set an event beside a clause, not under its verb ("ordered patrols after protests by …")
ADJUNCT_PREPS = frozenset({"after", "before", "since", "following", "despite", "amid"})
_DIRECTED = {"for", "against", "on", "to", "toward", "towards", "with", "over", "at", "between"}
_INSIDE = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "det", "nummod", "quantmod"}


def _inside(token: Token, depth: int = 4):
    """Tokens of the noun phrase of ``token`` (modifiers and of/in-phrases), not of clauses hanging on it."""
    for child in token.children:
        if child.dep_ in _INSIDE and (child.dep_ != "prep" or child.lower_ in ("of", "in", "from", "by")):
            yield child
            if depth > 1:
                yield from _inside(child, depth - 1)


def _agents(verb: Token) -> list[Token]:
    """The by-agents of a passive verb ("was arrested ⟦by police⟧")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _refs(tokens: list[Token], actor_at: dict[int, ActorRef], triggers_at=frozenset(),
          deep: bool = False, places: bool = True) -> list[ActorRef]:
    """The actors named by argument tokens, with the actors coordinated to them ("Brazil and the US").

    An argument that is itself an event noun stands for its agent ("criticised a US attack" → the US);
    ``deep`` (objects of verbs) also searches the whole phrase ("the reward for … the arrest of Maduro"), without
    the places it is in unless ``places`` ("held talks in Geneva": Geneva is no party)."""
    refs: list[ActorRef] = []
    seen = set()
    queue = list(tokens)
    visited = set()
    while queue:
        token = queue.pop(0)
        if token.i in visited:
            continue
        visited.add(token.i)
        kids = list(token.children)
        ref = actor_at.get(token.i)
        if ref is None:  # "the neighboring country, Venezuela": the apposition names it
            ref = next((actor_at[c.i] for c in kids if c.dep_ == "appos" and c.i in actor_at), None)
        if ref is None and token.i in triggers_at:
            agents = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            # "rejected a request by Erdogan", "an offer from the Afghan government"
            agents += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                       for g in c.children]
            ref = next((actor_at[t.i] for t in agents if t.i in actor_at), None)
        # (a verb's prepositional object only when no argument before it named an actor: "broke off relations with
        # Congo over their ties with Israel" is aimed at Congo; "reneged on his commitment to the Zambian people")
        if ref is None and (token.dep_ in ("dobj", "nsubjpass") or token.dep_ == "pobj" and (
                token.head.lower_ == "of" or token.head.head.pos_ == "VERB" and not refs)):
            # "hosted a dinner for Netanyahu", "rejected an extradition request for Puigdemont": an object that is
            # no actor stands for the one its phrase is directed at, also through its of-phrase ("a suspension of
            # air links with Serbia", "70 million dollars of aid for Romania")
            phrase = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj"]
            # the actor the directed phrase names, or one named in it ("a ban on imports of British beef")
            aimed = next((a for t in phrase for c in t.children if c.dep_ == "prep" and c.lower_ in _DIRECTED
                          for g in c.children if g.dep_ == "pobj" for a in (g, *_inside(g)) if a.i in actor_at),
                         None)
            if aimed is not None:
                ref = actor_at[aimed.i]
                queue.extend(c for c in aimed.children if c.dep_ == "conj")  # "aid for Romania and Poland"
        # "the enclave of eastern Ghouta": inside the phrase; an event noun with no agent, the actor or place it
        # was done to ("condemned terrorist attacks in Tehran")
        if ref is None:
            inner = next((t for t in _inside(token) if t.i in actor_at and (places or not _located(t))), None)
            if inner is not None:
                ref = actor_at[inner.i]
                # "diplomats from Poland, Germany and Sweden": the actors coordinated with it
                queue.extend(c for c in inner.children if c.dep_ == "conj")
        if ref is None and token.dep_ in ("dobj", "nsubjpass", "nsubj"):
            # "proposals laid out by the National Assembly", "the missiles fired by the Israeli military struck …":
            # else the actor whose it is
            agents = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for g in c.children if g.dep_ == "pobj"]
            agents += [g for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       for g in _agents(c)]
            ref = next((actor_at[g.i] for g in agents if g.i in actor_at), None)
        if ref is None and deep:
            found = next((t for t in token.subtree if t.i in actor_at and (places or not _located(t))
                          and not _compared(t, token)), None)
            if found is not None:
                ref = actor_at[found.i]
                queue.extend(c for c in found.children if c.dep_ == "conj")  # "sanctions on India and Pakistan"
        if ref is not None and ref.actor_id not in seen:
            seen.add(ref.actor_id)
            refs.append(ref)
        queue.extend(c for c in kids if c.dep_ == "conj")
        if ref is not None:
            queue.extend(_coordinated(kids, ref, actor_at))
    return refs


def _coordinated(kids: list[Token], ref: ActorRef, actor_at: dict[int, ActorRef]) -> list[Token]:
    """The conjuncts of where in an argument's phrase its actor is named: of an apposition ("sanctions against the
    Russian organization Glavkosmos and the Indian Space Research Organization") or of a noun inside the actor's
    mention ("expelled diplomats from Poland, Germany and Sweden"); ``kids`` are the argument token's children."""
    holders = []
    for child in kids:
        if child.dep_ == "appos":
            holders.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "by"):
            holders += [g for g in child.children if g.dep_ == "pobj" and actor_at.get(g.i) == ref]
    if not holders:
        return []
    conjuncts = {h.i: [c for c in h.children if c.dep_ == "conj"] for h in holders}
    # an apposition that is coordinated itself opens a list: "The United States, India, Israel and Pakistan"
    return [h for h in holders if h.dep_ == "appos" and conjuncts[h.i]] + [c for h in holders for c in conjuncts[h.i]]


_PLACES = {"GPE", "LOC"}


def _compared(token: Token, top: Token) -> bool:
    """Whether ``token`` lies in a comparison inside ``top``'s phrase ("exported more oil than Venezuela", "unlike
    Iran"): what something is compared with is not acted on."""
    t = token
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in ("than", "unlike"):
            return True
        t = t.head
    return False


def _located(token: Token) -> bool:
    """Whether a token is (in) the name of a place something is in or at ("talks in Geneva", "rioted at a jail
    in East Timor's capital Dili")."""
    if token.ent_type_ not in _PLACES:
        return False
    t = token
    while t.dep_ in ("compound", "poss", "appos", "amod", "nmod", "case", "conj") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "at")


def _place_of(event: Token, actor_at: dict[int, ActorRef]) -> list[Token]:
    """The place an act on a thing is done in, standing for its state: "lifted a curfew in Montenegro",
    "reimposed blockades in the West Bank", "threatened to institute a curfew in Algiers". Looked for on the event
    (and the act it frames) when its object names no actor, on that object and on a participle of the object."""
    heads = [event] + [c for c in event.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    things = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in actor_at]
    things += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"  # "agreed to a
               for g in c.children if g.dep_ == "pobj" and g.i not in actor_at]  # ceasefire in Hodeidah"
    if event.pos_ == "VERB" and not things:
        return []  # "rallied in Lagos", "held talks in Geneva": where it happens is not what it is done to
    holders = heads + things + [c for t in things for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    # the place itself or the place named in its phrase ("in northern parts of South Sudan")
    return [t for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children if g.dep_ == "pobj" for t in (g, *_inside(g))
            if t.ent_type_ in _PLACES and t.i in actor_at][:1]


def _aimed_at(event: Token, actor_at: dict[int, ActorRef], exclude: set[str], stances: frozenset[str]
              ) -> list[ActorRef]:
    """Whom a hostile act is aimed at when it names no target: the actor its stance phrase is against ("blocked
    streets in defiance of Chinese authorities") or the first in its purpose clause's objects ("opened fire to
    disperse demonstrators", "staged demonstrations to demand reforms by Suharto's government"), not its doers
    nor the places it happens in."""
    heads = [event, event.head] if event.pos_ != "VERB" and event.dep_ in ("dobj", "pobj") else [event]
    if event.pos_ != "VERB" and event.dep_ == "pobj":
        heads.append(event.head.head)  # "went on strike to demand …": the verb of the phrase
    stance = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
              for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in stances
              for p in g.children if p.dep_ == "prep"]
    purposes = [c for h in heads for c in h.children if c.dep_ in ("advcl", "acl", "xcomp") and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    aims = stance + [o for v in purposes for o in v.children if o.dep_ in ("dobj", "dative", "prep")]
    for aim in aims:
        for t in (aim, *_phrase(aim)):
            ref = actor_at.get(t.i)
            if ref is not None and ref.actor_id not in exclude and not _located(t):
                return [ref]
    return []


def _phrase(token: Token, depth: int = 6):
    """The tokens of a noun phrase, through its prepositions, coordination and participles ("property seized by
    Algerian government forces"), not into clauses of its own ("… as rising prices fuel opposition")."""
    for child in token.children:
        if child.dep_ in _INSIDE or child.dep_ in ("conj", "agent", "pcomp") or child.dep_ == "acl" and \
                child.tag_ == "VBN":
            yield child
            if depth > 1:
                yield from _phrase(child, depth - 1)


_SCENE_PREPS = {"in", "at", "near", "outside", "inside"}


def _scene(event: Token, actor_at: dict[int, ActorRef]) -> list[Token]:
    """The place, named as a state's, where an act whose doer is not named happens: on the act, its subject or its
    passive agent ("was arrested in Niger", "a roadside bombing near the town of Samarra killed …", "were killed by
    a bomb outside of the Iraqi city of Basra")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in event.children):
        return []  # "a plan to hit ISIS targets in Syria": an act intended, not one done there
    holders = [event] + [c for c in event.children if c.dep_ == "nsubj"]
    holders += _agents(event)
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in _SCENE_PREPS]
    preps += [p for c in preps for p in c.children if c.lower_ == "outside" and p.dep_ == "prep"]  # "outside of"
    for prep in preps:
        for g in prep.children:
            if g.dep_ == "pobj":
                # (the parser's entity type is no help: "in Niger" is often a date, "Samarra" a nationality)
                return [t for t in (g, *_inside(g)) if t.i in actor_at and (t.ent_type_ in _PLACES or
                                                                           t.pos_ == "PROPN")][:1]
    return []


TOPIC_PREPS = frozenset({"on", "over", "about"})


def _topic_of(trigger: Token, ref: ActorRef) -> bool:
    """Whether an actor is named in what an act is about, an "on", "over" or "about" phrase between it and the
    trigger ("agreed to share information on North Korea", "failed to reach a deal on the Irish border")."""
    span = trigger.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(8):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in TOPIC_PREPS:
            return trigger in t.ancestors
        t = t.head
    return False
