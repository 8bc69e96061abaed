"""The modality of an event: negated, hypothetical or intended, historical, reported by someone; and the code
changes they imply (a refused act is a rejection, an intended one an expressed intent, an act someone says another
must do is a demand). Mixed into :class:`~eventwire.events._detect.EventDetector`, whose word lists it reads."""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import ADJUNCT_PREPS

_CLOSING = {'"', "'", "”", "’", ")"}
_EXAMPLE_PREPS = {"as", "like", "including"}  # "such as imposing tariffs": an example of the act it hangs on
# subordinators of a clause of time or reason, which the verb it hangs on does not govern ("to stop Russian action
# after Russia seized Crimea": the seizure was not stopped)
_ADVERBIAL_MARKS = {"after", "before", "since", "because", "although", "though", "while", "whereas", "when", "once"}


class ModalityMixin:
    def _clause_of(self, token: Token) -> Token:
        """The verb whose clause a noun trigger belongs to."""
        t = token
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                return t
            t = t.head
        return t

    def _modality(self, trigger: Token) -> tuple[bool, bool, bool | str]:
        """(negated, hypothetical, intended): intended when the hypothetical is a future or an intention
        (``"governor"`` when a word of intent governs it: "agreed to allow", "pledged to send")."""
        negated = hypothetical = intended = False
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
            negated = True
        if trigger.dep_ in ("pcomp", "pobj") and trigger.head.dep_ == "prep" and trigger.head.lower_ in self.negations:
            negated = True  # "met Netanyahu without consulting the White House": the consulting was not done
        if trigger.dep_ == "conj" and any(c.dep_ == "neg" for c in trigger.head.children) and any(
                c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in trigger.head.children):
            negated = True  # "have never had a record or been deported": a negation holds over "or"
        if trigger.pos_ != "VERB":
            modifiers = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")} | \
                {c.lemma_.lower() for c in trigger.children if c.dep_ in ("amod", "compound")}
            if modifiers & self.hypo_mods or trigger.dep_ in ("nsubj", "nsubjpass") and any(
                    c.dep_ == "acomp" and c.lemma_.lower() in self.hypo_mods for c in trigger.head.children):
                hypothetical = True  # "a possible attack", "war between the US and North Korea is likely"
            if modifiers & self.lex.words("negating_modifiers"):
                negated = True  # "a cancelled summit", "the scrapped deal": not done
            if self._absent(trigger):
                negated = True  # "no evidence of collusion or cooperation with Russia"
        if _asked(trigger):
            hypothetical = True  # "Who did she share the information with?": a question reports no act
        clause = self._clause_of(trigger)
        adjuncts = ADJUNCT_PREPS | self.lex.words("reason_preps")
        t = trigger
        while t.i != clause.i and t.head.i != t.i:
            if t.dep_ == "prep" and t.lower_ in adjuncts:
                # "ordered patrols after violent protests": the protests are not what was ordered; "did not fire
                # Comey because of the investigation": the investigation is not what was not done
                return negated, hypothetical, intended
            t = t.head
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and (
                clause.head.lemma_.lower() not in self.factive):
            hypothetical = True  # "to use military force": intended, not done
        t, coordinated, conditional, conditioned = clause, False, False, False
        subject = _path_child(trigger, clause).dep_ in ("nsubj", "csubj")  # (a passive subject is its object)
        for _ in range(6):
            children = list(t.children)
            if any(c.dep_ == "neg" for c in children) and (t is clause or t is trigger):
                negated = True
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.modals for c in children):
                hypothetical = True
                intended = intended or any(c.dep_ == "aux" and c.lower_ in self.future for c in children)
                # "may halt mediation if cooperation founders": a conditional act is a threat or a promise
                intended = intended or any(c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in self.conditionals for m in c.children) for c in children)
            if any(c.dep_ == "mark" and c.lower_ in self.conditionals for c in children):
                hypothetical = conditioned = True
            # "helped to plan and carry out killings": a verb coordinated with the trigger does not govern it, nor
            # does the verb a condition or a clause of time hangs on ("could avoid tariffs if they grant concessions")
            governs = t is not trigger and not coordinated and not conditional
            # (a verb naming its object something does not announce it: "called the poisoning an attack")
            if governs and t.lemma_.lower() in self.hypo_governors and not names_object(t):
                hypothetical = True
                if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in children):
                    # "has no plans to withdraw", "did not threaten to attack": what is not intended is not done,
                    # and no refusal either
                    negated, intended = True, False
                elif t.lemma_.lower() in self.intent:
                    intended = "governor"
            # (what a verb says of its subject does not negate it: "the talks failed", "the visit ended"; nor does
            # ending a bounded act: "ended his visit")
            if governs and t.lemma_.lower() in self.neg_governors and not (t.i == clause.i and subject) and not (
                    t.lemma_.lower() in self.lex.words("completing_governors")
                    and trigger.lemma_.lower() in self.lex.words("bounded_acts")):
                negated = True
            # (a gerund subject shares its verb's modality, "Increasing troops could cost support", and so does an
            # example of an act: "if China retaliates, such as imposing tariffs")
            if t.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "dobj", "pobj", "prep", "acl", "relcl", "csubj") \
                    and not (t.dep_ == "pcomp" and t.head.lower_ in _EXAMPLE_PREPS) or t.head.i == t.i:
                break
            if t.dep_ in ("ccomp",) and t.head.lemma_.lower() in self.reporting:
                break  # reported speech: the speaker's own modality is not the event's
            coordinated = t.dep_ == "conj"
            conditional = t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.conditionals | _ADVERBIAL_MARKS for c in t.children)
            t = t.head
        # what happens if something is done is no intent of the one who would do it: "the toll would be higher if
        # North Korea used its nuclear weapons" is no threat
        return negated, hypothetical, False if conditioned else intended

    def _absent(self, noun: Token) -> bool:
        """Whether an event noun is what a negated noun of evidence finds none of: "no evidence of collusion or
        cooperation with Russia", "no sign of talks"."""
        t = noun
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ != "pobj" or t.head.lower_ not in ("of", "for", "that"):
            return False
        head = t.head.head
        return head.lemma_.lower() in self.lex.words("absence_nouns") and any(
            c.dep_ in ("det", "neg") and c.lower_ in self.negations for c in head.children)

    def _historical(self, trigger: Token, day: str | None) -> bool:
        """A year attached to the event that lies well before the document ("since the 1999 election victory",
        "the 2003 invasion", "in 1989")."""
        if not day:
            return False
        doc_year = int(day[:4])
        # "refused since 1976" runs up to the document: a since phrase on the trigger dates no act of the past
        # and a year an act is for is no time it was done: "signed a protocol for 1991"
        near = [c for c in trigger.children if not (c.dep_ == "prep" and c.lower_ in ("since", "for"))]
        near += [g for c in near if c.dep_ == "prep" for g in c.children]
        if trigger.dep_ == "pobj" and trigger.head.lower_ in ("since", "after", "before"):
            near.append(trigger)  # "since the 1999 election victory": the event noun itself is dated
        for t in near:
            for token in [t, *t.children]:
                if token.ent_type_ == "DATE" and token.like_num and len(token.text) == 4 and token.text.isdigit():
                    if int(token.text) <= doc_year - 2:
                        return True
        return False

    def _reporter(self, trigger: Token) -> list[Token]:
        t = self._clause_of(trigger)
        for _ in range(6):
            for c in t.children:  # "according to X"
                if c.dep_ == "prep" and c.lower_ == "according":
                    return [g for p in c.children for g in ([p] + list(p.children)) if g.dep_ == "pobj"]
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.reporting:
                return self._subject(t.head)
            if t.head.i == t.i:
                break
            t = t.head
        return []

    def _mapped(self, table: str, code: str) -> str | None:
        mapping = self.lex.code_maps.get(table, {})
        for key in (code, code[:3], code[:2]):  # the most specific key first
            if key in mapping:
                return mapping[key]
        return None

    def _refused(self, trigger: Token) -> bool:
        """Whether a refusing governor ("refused to", "failed to") governs the trigger's clause (not a denial:
        "denied receiving help from Russia" rejects nothing)."""
        refusing = self.lex.words("refusing_governors")
        return any(a.lemma_.lower() in refusing for a in list(self._clause_of(trigger).ancestors)[:2])

    def _declined(self, trigger: Token) -> bool:
        """"cannot accept", "won't release": a negated modal of ability or will is a refusal."""
        clause = self._clause_of(trigger)
        return any(c.dep_ == "aux" and c.lower_ in self.refusal for c in clause.children)

    def _speaker(self, trigger: Token) -> list[Token]:
        """The subject of the reporting verb whose complement holds the trigger ("Syria says it …")."""
        t = self._clause_of(trigger)
        for _ in range(4):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.reporting:
                return self._subject(t.head)
            if t.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or t.head.i == t.i:
                return []
            t = t.head
        return []

    def _claimant(self, trigger: Token) -> list[Token]:
        """The subject of a claim verb whose complement holds the trigger ("the Taliban claimed that they …")."""
        t = self._clause_of(trigger)
        for _ in range(3):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.claiming:
                return self._subject(t.head)
            if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
                return []
            t = t.head
        return []

    def _claim_of(self, noun: Token) -> Token | None:
        """The verb by which its subject owns an act named by ``noun``: "ISIS claimed the bombings", "the Taliban
        claimed responsibility for the attack" (CAMEO 015; the act is the claimer's)."""
        phrase = noun
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "for" and \
                phrase.head.head.lemma_.lower() in self.lex.words("responsibility_nouns"):
            phrase = phrase.head.head  # "responsibility for the attack"
        verb = phrase.head
        if phrase.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in self.claiming | (
                self.lex.words("owning_verbs") if phrase.i != noun.i else set()):
            return verb
        return None

    def _obliged(self, trigger: Token) -> bool:
        """"Iraq must cooperate", "the US must be ready to mediate": an act someone must do."""
        t = self._clause_of(trigger)
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in self.obligation for c in t.children):
                return True
            if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
                return False
            t = t.head
        return False


def names_object(verb: Token) -> bool:
    """Whether a verb names its object something: an object complement ("called Denmark's prime minister nasty",
    "called the Dutch leaders fascists") or an indefinite apposition to its object ("called Britain's ambassador a
    very stupid guy")."""
    return any(c.dep_ == "oprd" for c in verb.children) or any(
        a.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
        for o in verb.children if o.dep_ == "dobj" for a in o.children)


def _asked(trigger: Token) -> bool:
    """Whether the trigger's sentence is a question (its last word, before closing quotes, is a question mark)."""
    sentence, doc = trigger.sent, trigger.doc
    for i in range(sentence.end - 1, sentence.start - 1, -1):
        if not doc[i].is_space and doc[i].text not in _CLOSING:
            return doc[i].text == "?"
    return False


def _path_child(trigger: Token, clause: Token) -> Token:
    """The child of ``clause`` on the way up from ``trigger`` (the trigger itself when it is the clause)."""
    t = trigger
    while t.i != clause.i and t.head.i != clause.i and t.head.i != t.i:
        t = t.head
    return t
