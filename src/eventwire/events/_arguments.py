"""Sources and targets of event triggers, read off the dependency parse: subjects and agents, objects and
prepositional targets, the arguments of event nouns, and the fallbacks when those name no actor."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..gazetteer import gazetteer
from ..records import ActorRef
from ._lexicon import Entry
from ._syntax import ADJUNCT_PREPS, _agents, _passive, _refs

_EVENT_NAMERS = frozenset({"GPE", "LOC", "EVENT"})  # entity types of a name that names an act
_SUBJECTS = {"nsubj", "csubj", "expl"}
# ("mediated between Israel and Hamas": the parties a go-between acts on)
_DEFAULT_PREPS = ("against", "on", "with", "to", "toward", "towards", "at", "into", "upon", "over", "for", "between")
_RELATIVE = {"who", "which", "that", "whom"}
# prepositions whose gerund shares the subject of the clause it hangs on ("guilty of violating", "after meeting")
_GERUND_PREPS = {"of", "for", "after", "before", "since", "by", "in", "upon", "without", "despite", "to"}
_HEADING = {"to", "into", "toward", "towards"}  # where a thing on its way goes ("roads leading into Mordor")
_GATHERINGS = ("04", "14")  # CAMEO roots of events one goes to: meetings, rallies
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our"}


@dataclass
class _Args:
    source: list[Token]
    target: list[Token]


class ArgumentsMixin:
    """The argument rules of :class:`~eventwire.events._detect.EventDetector` (word lists from its lexicon)."""

    def _subject(self, verb: Token) -> list[Token]:
        """Subject of a verb, following relative clauses, xcomp/conj chains and passives."""
        seen = 0
        while verb is not None and seen < 6:
            seen += 1
            # "Bush was scheduled to meet …": above the event's own verb, a passive subject is the doer
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS or seen > 1 and c.dep_ == "nsubjpass"]
            # "The United Kingdom and France however have opposed …": a subject the parser hung on the auxiliary
            subjects = subjects or [g for c in verb.children if c.dep_ == "aux" for g in c.children
                                    if g.dep_ in _SUBJECTS]
            agents = _agents(verb)
            if agents:
                return agents
            if subjects:
                subject = subjects[0]
                if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return [verb.head]
                if subject.pos_ == "VERB" and subject.tag_ in ("VBG", "VBN"):
                    # "The Red Cross operating in Iraq said …", parsed with the participle as the subject
                    subject = next((c for c in subject.children if c.dep_ in ("nsubj", "nsubjpass")), subject)
                return [subject] + _split_subjects(subjects)
            if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.head.children):
                # "the prime minister has been indicted by the court and will resign": the passive's subject
                return [c for c in verb.head.children if c.dep_ == "nsubjpass"][:1]
            if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX", "ADJ") or \
                    verb.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in verb.head.children):
                # (also a conjunct whose verb the tagger took for a noun: "the government rejects and condemns")
                verb = verb.head  # "threatened to attack", "is willing to withdraw" (through the adjective)
                continue
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.causative:
                verb = verb.head  # "Ethiopia let free 74 leaders"
                continue
            if verb.dep_ in ("acomp", "oprd") and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
                continue
            if verb.dep_ == "pcomp" and verb.head.lower_ in _GERUND_PREPS and verb.head.head.pos_ in ("VERB", "AUX",
                                                                                                    "ADJ"):
                objects = [c for c in verb.head.head.children if c.dep_ == "dobj"]
                if objects and verb.head.lower_ in ("of", "for"):
                    return objects[:1]  # "accused Rwanda of making accusations": the accused does it
                verb = verb.head.head  # "India was guilty of violating the ceasefire", "after meeting Putin, …"
                continue
            # "Montenegro, where 28 people have been killed": a place the clause happens in, or a noun a passive
            # clause is done to, is not its doer
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and not _passive(verb) and \
                    not any(c.dep_ == "auxpass" or c.dep_ == "advmod" and c.lower_ in ("where", "when")
                            for c in verb.children):
                return [verb.head]
            return []
        return []

    def _verb_args(self, verb: Token, entry: Entry, actor_at: dict[int, ActorRef]) -> _Args:
        preps = entry.preps or _DEFAULT_PREPS
        if not entry.preps and self.lex.coded(entry.cameo, "held_roots") and \
                not self.lex.coded(entry.cameo, "aim_target_roots"):
            # "will meet Trump at the White House": where a meeting is held is no party to it (a protest held at an
            # embassy is aimed at it; where one arrives, a frame's own "at", is the host)
            preps = tuple(p for p in preps if p != "at")
        reason = self.lex.coded(entry.cameo, "reason_roots")
        if self.lex.coded(entry.cameo, "taken_from_roots"):
            preps += ("from",)  # "confiscated weapons from armed groups": whom something is taken from
        if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Mugabe co-founded ZANU but was arrested": the subject it shares is who is acted on; "fishermen, held
            # captive …, have been freed by Libyan forces": and its agent is who acts
            agents = _agents(verb)
            shared = (self._subject(verb.head) or [c for c in verb.head.children if c.dep_ == "nsubjpass"]) \
                if agents else self._subject(verb)
            return _Args(agents, shared + self._objects(verb, preps, actor_at, reason))
        source = self._subject(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and not _refs(source, actor_at):
            # "issued a statement calling on …", "put out a report accusing …": what a document does, its author does
            source = self._subject(verb.head.head) or source
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not _refs(source, actor_at) and _infinitive(verb):
            # "the Pentagon announced a plan to hit ISIS targets": with no one named in the noun's phrase, whose plan
            # it is: the doer of the light verb that takes it
            # (a subject of its own, and no one else named to do it: "giving states flexibility to request waivers")
            governor = self._governor(verb.head)
            if governor is not None and governor.lemma_.lower() in self.light and not any(
                    c.dep_ in ("dative", "dobj") and c.i != verb.head.i for c in governor.children):
                source = [c for c in governor.children if c.dep_ == "nsubj"] or source
        target = self._objects(verb, preps, actor_at, reason)
        if not source and verb.lemma_.lower() in self.lex.words("stance_participles") and not any(
                c.dep_ == "agent" for c in verb.children):
            # "Vietnam is committed to opening up", "is prepared to impose martial law": a stance, not a passive
            source = [c for c in verb.children if c.dep_ == "nsubjpass"]
            target = [t for t in target if t not in source]
        # the fallbacks look past arguments that name no actor ("threatened on Monday to break relations with
        # Russia": "Monday" is no target), down the chain of framed acts ("refused to allow UN planes to land")
        chain = [verb]
        while len(chain) < 3 and (nxt := next((c for c in chain[-1].children if c.dep_ == "xcomp"
                                               and c.pos_ == "VERB"), None)) is not None:
            chain.append(nxt)

        seen: dict[tuple[int, ...], bool] = {}  # (the fallbacks below ask again of the same target)

        def named(tokens: list[Token]) -> bool:  # an unresolved pronoun is a target too ("urging him to send …")
            key = tuple(t.i for t in tokens)
            if key not in seen:
                seen[key] = bool(_refs(tokens, actor_at)) or any(t.pos_ == "PRON" for t in tokens)
            return seen[key]

        def acts_on(head: Token) -> bool:  # a direct object is the target, actor or not ("urging officials to …")
            return any(c.dep_ in ("dobj", "dative") for c in head.children)

        for n, head in enumerate(chain):
            if n and not named(target) and not acts_on(chain[n - 1]):  # "threatened to attack Gaza", "offered to
                target = self._objects(head, preps, actor_at) or target  # send troops to Uganda": the framed act's
            if not named(target) and not acts_on(head):
                # "claims that this group is led by Maduro": the accused in the complement (not when the verb acts
                # on a thing: "offered military assistance after …")
                target = self._complement_subject(head) or target
        if not named(target) and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
                verb.head.lemma_.lower() in self.lex.words("acted_on_governors"):
            # "summoned Niger's ambassador to complain", "ordered the newspaper to suspend publication": the act the
            # clause is for is done to whom the governing verb acts on (not "pressured Trump not to commute …",
            # whose object is who would act)
            acted_on = [c for c in verb.head.children if c.dep_ == "dobj" and c not in source]
            target = acted_on if _refs(acted_on, actor_at) else target
        things = [c for c in verb.children if c.dep_ == "dobj" and c.i not in actor_at]
        if not named(target) and things and not self.lex.coded(entry.cameo, "aim_target_roots") and \
                verb.lemma_.lower() not in self.transfer:
            # "welcomed a proposal from Qatar", "received a delegation from Guatemala", with "from" parsed on the
            # verb after the object: whose the thing acted on is (not for hostile acts: "fired rockets from Gaza";
            # not past a comma or a time: "was visiting the city Tuesday from the embassy compound")
            target = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > things[0].i
                      and not any(x.is_punct or x.ent_type_ in ("DATE", "TIME") for x in verb.doc[things[0].i:c.i])
                      for g in c.children if g.dep_ == "pobj"] or target
        # (an object of no one's: "supports its decision to expel 23 Russian diplomats" is the owner's act)
        things = [c for c in things if not any(p.dep_ == "poss" for p in c.children)]
        if not named(target) and things and not self.lex.coded(entry.cameo, "topic_roots") and \
                not self.lex.coded(entry.cameo, "framing_roots"):
            # "signed an accord to supply Gondor with wheat", "approved a plan to sanction Russia": the actor the act
            # its object is for is done to (not what talks are held to discuss, nor a place in its phrase; not for
            # acts whose object is asked or promised, nor a complement whose doer the object is: "urging officials
            # to push President Trump")
            aims = self._purpose_objects(verb, ("advcl",)) + [
                o for t in things for c in t.children if c.dep_ in ("acl", "relcl") and _infinitive(c)
                for o in c.children if o.dep_ in ("dobj", "dative")]
            target = [o for o in aims if o.i in actor_at] or target
        if not named(target) and self.lex.coded(entry.cameo, "scene_source_roots") and any(
                c.dep_ == "poss" and c.lower_ == "its" for t in target for c in t.children) and not any(
                c.lower_ == "own" for t in target for c in t.children):
            # "Armenia said Azerbaijani troops opened fire on its positions": what a state telling of an attack calls
            # "its" is that state's (only for coercive and violent acts: "said Benin opened its borders"; not "its
            # own", the doer's; and only in the clause told itself: "said … after crowds burned its embassy")
            teller = self._speaker(verb) if verb.dep_ == "ccomp" else []
            target = [s for s in teller if s.lower_ not in _PRONOUNS] or target
        if not named(target) and self.lex.coded(entry.cameo, "aim_target_roots"):
            # "carried out a raid, targeting Islamic State commanders": a participle of a hostile verb names what the
            # act is aimed at (when it is no event of its own: "torched a village, killing 11 civilians" is two)
            target = [o for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and any(
                self.lex.coded(e.cameo, "aim_target_roots") for e in self.lex.verbs.get(c.lemma_.lower(), ()))
                and self._entry(c) is None for o in c.children if o.dep_ == "dobj" and o.i in actor_at] or target
        if not named(target) and self.lex.coded(entry.cameo, "ultimatum_roots"):
            # "threatened to launch an offensive unless Baghdad accepted its conditions": whom the condition is on
            target = [s for head in chain for c in head.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in self.conditionals for m in c.children)
                for s in self._subject(c)] or target
        return _Args(source, target)

    def _helping(self, prep: Token, noun: Token) -> bool:
        """"with Albania's help", "with the support of Turkey": a helper of the act, not its target."""
        return prep.lower_ == "with" and noun.lemma_.lower() in self.lex.words("helper_words")

    def _complement_subject(self, verb: Token) -> list[Token]:
        """Who a verb's that-clause is about, the clause on the verb or on its object ("insisted on its demands
        that Burundi's government grant …")."""
        nouns = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        nouns += [c for c in verb.children if c.dep_ == "dobj"]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        # "called for Burma to institute reforms": a for-clause names whom it is about
        clauses += [c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        clauses += [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        for clause in clauses[:1]:
            return self._subject(clause) or [t for t in clause.children if t.dep_ == "nsubjpass"]
        return []

    def _host_subject(self, trigger: Token) -> list[Token]:
        """The subject of the clause that an adverbial or coordinated clause with the trigger hangs on."""
        t = self._clause_of(trigger)
        if t.dep_ in ("advcl", "conj") and t.head.pos_ in ("VERB", "AUX"):
            return [s for s in self._subject(t.head) if s.lower_ not in _PRONOUNS]
        return []

    def _objects(self, verb: Token, preps: tuple[str, ...], actor_at: dict[int, ActorRef], reason: bool = False
                 ) -> list[Token]:
        """What a verb acts on: its objects and prepositional targets; for transfers, the recipient or place."""
        target = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        if any(t.dep_ == "dobj" for t in target):
            # "outlawed the ANC and the recently formed PAC", with the second object parsed as a conjunct of the verb
            target += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i]
        if _passive(verb) and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            target.append(verb.head)  # "10 Russian soldiers killed in Ukraine": the noun is who is acted on
        # "pounded the Taliban hideouts with artillery": after an object that names an actor, "with" names the
        # instrument ("closed its borders with Iran": after any other object, the partner)
        # (the object itself or a modifier of it: "the Taliban hideouts", not its owner: "Venezuela's borders with
        # Brazil")
        armed = any(t.i in actor_at or any(c.dep_ in ("compound", "amod", "nmod") and c.i in actor_at
                                           for c in t.children) for t in target)
        for c in verb.children:
            # … and, for acts with a reason (`reason_roots`), "for" the reason ("blamed Israel for the bombing of
            # Raed Karmi", "arrested him for spying for Iran"; not "mobilized reservists for a war against Iraq")
            # … and "over" the cause ("sanctioned Russia over its invasion of Ukraine", "criticized China over its
            # treatment of Uighurs": Ukraine and the Uighurs are what it is about, not acted on)
            if c.dep_ == "prep" and c.lower_ in preps and not (armed and (
                    c.lower_ in ("with", "over") or c.lower_ == "for" and reason)):
                target += [g for g in c.children if g.dep_ == "pobj" and not self._helping(c, g)]
            if c.dep_ == "prt":  # "spoke out against": the preposition hangs on the particle
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in preps:
                        target += [g for g in p.children if g.dep_ == "pobj"]
        if not _refs(target, actor_at):
            # "cordoned off the roads leading into Mordor", "boycotted the parade supporting Gondor": an object that
            # names no actor stands for the one its present participle goes to or acts on (a participle that is no
            # event of its own: "issued a statement urging North Korea to …" is the statement's author's urging)
            # (a participle of the object's own phrase, not one past a comma: "convened a panel …, choosing X")
            target += [g for t in target if t.dep_ in ("dobj", "nsubjpass") for c in t.children
                       if c.dep_ == "acl" and c.tag_ == "VBG" and self._entry(c) is None
                       and not any(x.is_punct for x in t.doc[t.i:c.i])
                       for g in (*(o for o in c.children if o.dep_ == "dobj"),
                                 *(o for p in c.children if p.dep_ == "prep" and p.lower_ in _HEADING
                                   for o in p.children if o.dep_ == "pobj")) if g.i in actor_at]
        owned = [t for t in target if t.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in _PRONOUNS
                                                                for c in t.children)]
        if owned:
            # "recalled its ambassador from Israel", "… its ambassador to Russia": whom one's own people are taken
            # away from (the phrase on the verb or on the object)
            target += [g for h in (verb, *owned) for c in h.children if c.dep_ == "prep" and (
                c.lower_ == "from" or c.lower_ == "to" and h is not verb) for g in c.children if g.dep_ == "pobj"]
        if verb.lemma_.lower() in self.transfer:
            # "sent 100 vehicles and a team of paratroopers to Lebanon", "withdrew its troops from Abyei": what is
            # moved is not the target; the recipient or the place is
            recipients = [c for c in verb.children if c.dep_ == "dative"] + self._place(verb)
            if not recipients:  # "sent … a team of paratroopers to Lebanon", with "to" parsed on the object;
                # "deploy peacekeepers in Iraq": a place they are to be in
                recipients = [g for o in verb.children if o.dep_ in ("dobj", "nsubjpass") for t in o.subtree
                              if t.dep_ == "prep" and (t.lower_ in ("to", "into") or t.lower_ == "in" and t.head == o)
                              for g in t.children if g.dep_ == "pobj" and (t.lower_ != "in" or g.ent_type_ == "GPE")]
            # (what is moved is a thing or a force: "sending Vice President Biden to address the NAACP", "gives
            # Ban Ki-moon a month to help Malian authorities" are no transfers to whom the purpose names)
            moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            purpose = [o for o in self._purpose_objects(verb) if o.i in actor_at] if not recipients and not any(
                c.ent_type_ in ("PERSON", "DATE", "TIME") for c in moved) else []
            target = recipients or purpose or target
        return target

    def _purpose_objects(self, verb: Token, deps: tuple[str, ...] = ("advcl", "xcomp")) -> list[Token]:
        """Whom the purpose clause of a transfer acts on: "sent warships to support Israel", "sent troops to help
        Lithuania defend its border" (with the helped parsed as the subject of the helped act)."""
        objects = []
        for clause in verb.children:
            if clause.dep_ in deps and clause.pos_ == "VERB" and _infinitive(clause):
                objects += [o for o in clause.children if o.dep_ in ("dobj", "dative")]
                if clause.lemma_.lower() in self.causative:
                    objects += [s for c in clause.children if c.dep_ in ("ccomp", "xcomp")
                                for s in c.children if s.dep_ == "nsubj"]
        return objects

    def _noun_sources(self, noun: Token, entry: Entry) -> list[list[Token]]:
        """Candidate sources of an event noun, best first: its possessor or actor modifier, its "by" agent,
        the subject of the light verb that takes it ("launched an attack"), the owner of a copula subject."""
        modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and not _against(c)]
        if self._named_by(noun, entry, modifiers) or (
                self.lex.coded(entry.cameo, "placed_roots") and _placed_by(modifiers)):
            modifiers = []
        options = [modifiers,
                   [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                    and not (c.lower_ == "from" and noun.lemma_.lower() in self.transfer)  # "withdrawal from Iraq"
                    for g in c.children if g.dep_ == "pobj"]]
        governor = self._governor(noun)
        if governor is not None and governor.lemma_.lower() in self.light:
            # "Serb forces were engaged in ethnic cleansing": the passive subject of a light participle is the agent
            subject = self._subject(governor) or [c for c in governor.children if c.dep_ == "nsubjpass"]
            # "the government ordered patrols by police": who orders it does it, before who carries it out
            options.insert(1 if governor.lemma_.lower() in self.lex.words("ordering_verbs") else len(options),
                           subject)
        if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in self.light:
            # "the bombing was carried out by the Taliban": the light verb's agent does the act
            options.insert(1, _agents(noun.head))
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB" and \
                entry.cameo[:2] in _GATHERINGS:
            # "negotiators return to Geneva for talks", "thousands converged for a rally": who goes takes part
            options.append(self._subject(noun.head.head))
        if noun.dep_ == "dobj" and governor is not None and any(c.dep_ == "poss" and c.lower_ in _PRONOUNS
                                                                for c in noun.children):
            # "Germany has reinforced its commitment to Syrian refugees": the owner the pronoun stands for is who
            # has the object
            options.append(self._subject(governor))
        if noun.dep_ == "attr" and governor.lemma_ == "be":
            subject = self._subject(governor)  # "Petro's response was an invitation …"
            options.append([c for s in subject for c in s.children if c.dep_ == "poss"] or subject)
        return options

    def _named_by(self, noun: Token, entry: Entry, modifiers: list[Token]) -> bool:
        """Whether one place name compounded before an act done together names the act (where, or one party of
        several), not its doer: "the Iraq war", "the Astana talks", "the Iran nuclear deal" ("US-China talks",
        "US strikes", "NATO exercises" and "Russia's war" keep theirs)."""
        names = [c for c in modifiers if c.pos_ == "PROPN" or c.dep_ == "poss"]
        # (a place, or a name inside a named event: "the Vietnam War")
        return len(names) == 1 and names[0].dep_ in ("compound", "nmod") and names[0].ent_type_ in _EVENT_NAMERS \
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in names[0].children) \
            and self._symmetric(noun, entry)

    def _symmetric(self, token: Token, entry: Entry) -> bool:
        """Whether an act is one parties do together (``reciprocal.yaml``), also when it failed or was refused."""
        return self.lex.coded(entry.cameo, "reciprocal_roots") or \
            token.lemma_.lower() in self.lex.words("reciprocal_words")

    @staticmethod
    def _governor(noun: Token) -> Token | None:
        """The verb (or adjective) that takes a noun as its object: "launched an attack", "went on strike",
        "launched a mediation effort" and "peacekeeping operations" (through the phrase the noun modifies)."""
        phrase = noun
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            phrase = noun.head
        while phrase.dep_ == "conj" and phrase.head.pos_ in ("NOUN", "PROPN"):
            phrase = phrase.head  # "announced asset freezes and sanctions against …"
        governor = phrase.head
        if phrase.dep_ == "pobj" and governor.lower_ in ADJUNCT_PREPS:
            return None  # "ordered patrols after protests by Muslim groups": the verb does not take the protests
        if phrase.dep_ == "pobj" and governor.dep_ == "prep":
            if governor.lower_ == "as" and governor.head.dep_ == "dobj":
                governor = governor.head  # "hold families as human shields", with "as" parsed on the object
            governor = governor.head
        return governor if phrase.dep_ in ("dobj", "attr", "pobj") else None

    def _noun_args(self, noun: Token, entry: Entry) -> _Args:
        # "the invasion of Iraq", "the arrest of Maduro", "a mediation effort between the Emirates and Saudi Arabia"
        preps = entry.preps or _DEFAULT_PREPS + ("of",)
        if self.lex.coded(entry.cameo, "topic_roots"):
            # "negotiations on an Israeli troop pullback": what talks are on is their topic, not their party
            preps = tuple(p for p in preps if p not in ("on", "over", "about"))
        phrase = [noun, noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [noun]
        # "arrest warrants for two Brazilian men", "an extradition request for Puigdemont": the phrase's target
        target = [g for t in phrase for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                  for g in c.children if g.dep_ == "pobj" and not self._helping(c, g)]
        if not target:  # "launched air and artillery strikes on …", "attacks and raids on …": coordinated nouns
            partners = [noun.head] if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else []  # share the phrase
            partners += [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
            target = [g for t in partners for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                      and c.lower_ != "of" for g in c.children if g.dep_ == "pobj" and not self._helping(c, g)]
        if not target and "of" not in preps:  # "a suspension of air links with Serbia": whom the of-phrase is
            target = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"  # directed at
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        if noun.lemma_.lower() in self.transfer:  # "the deployment of 230 troops to Liberia"
            moved = [o for o in target if o.head.lower_ == "of"]
            target = self._place(noun) or [g for o in moved for t in o.subtree
                                            if t.dep_ == "prep" and t.lower_ in self.transfer_preps
                                            for g in t.children if g.dep_ == "pobj"] or target
            if noun.dep_ == "dobj" and all(t in moved for t in target):
                # "announced the deployment of 230 troops, including 19 officers, to Liberia", with "to Liberia" on
                # the verb: where they go, not what is moved
                target = [g for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
                          for g in c.children if g.dep_ == "pobj"] or target
        governor = self._governor(noun)
        if not target and governor is not None and governor.lemma_.lower() in self.light and (
                noun.dep_ == "dobj" or noun.head.lower_ in ("as", "in", "on", "into")):
            # "launched cyber warfare against India", "hold families as human shields": the light verb's
            # prepositional target, or its object when the noun is not that object
            target = [g for c in governor.children if c.dep_ == "prep" and c.lower_ in preps and c.lower_ != "of"
                      and c.i not in {a.i for a in noun.ancestors} for g in c.children if g.dep_ == "pobj"
                      and not self._helping(c, g)]
            target += [c for c in governor.children if c.dep_ == "dobj" and c.i != noun.i
                       and noun.i not in {t.i for t in c.subtree}]
        if not target:  # "anti-U.S. demonstrations", "anti-government protests": what they are against
            target = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and _against(c)]
        if not target and noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB",
                                                                                                         "AUX"):
            # "Ukrainian positions came under attack from Russian forces", "the town remained under siege": what
            # is under the act is its target
            holder = noun.head.head
            target = self._subject(holder) or [c for c in holder.children if c.dep_ == "nsubjpass"]
        if not target:  # "its demand that Ukraine withdraw": who the that-clause is about, on the noun or its verb
            light = governor is not None and governor.lemma_.lower() in self.light
            clauses = [c for t in (noun, governor) if t is noun or light for c in t.children
                       if c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children)]
            target = next((self._subject(c) for c in clauses if self._subject(c)), [])
        return _Args([], target)

    def _purpose(self, token: Token, code: str) -> str:
        """Forces sent to keep the peace, train or bring relief are aid, not a show of force (``purpose_codes``)."""
        if not code.startswith("15"):
            return code
        purposes = self.lex.code_maps.get("purpose_codes", {})
        for t in token.subtree:
            if t.lemma_.lower() in purposes and not any(a.dep_ in ("nsubj", "nsubjpass") for a in t.ancestors
                                                        if a.i != token.i and token in a.ancestors):
                return purposes[t.lemma_.lower()]
        return code

    def _place(self, token: Token) -> list[Token]:
        """Where something is moved: "to Lebanon", "from Abyei", "out of Gorazde"."""
        return [g for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in self.transfer_preps
                for g in [*c.children, *(g2 for p in c.children if p.dep_ == "prep" for g2 in p.children)]
                if g.dep_ == "pobj"]


def _infinitive(verb: Token) -> bool:
    """A to-infinitive: "to supply", "to hit"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _split_subjects(subjects: list[Token]) -> list[Token]:
    """The subjects after the first that continue it right where it ends, one phrase the parser split in two: "Lions,
    tigers, and Gondor welcomed …", "Old foes Gondor and Osgiliath have renewed …" (not after a dash or bracket
    that ends a byline: "NEW YORK (CNNMoney) -- U.S. stocks rallied")."""
    out, previous = [], subjects[0]
    for subject in subjects[1:]:
        if subject.dep_ != "nsubj" or previous.dep_ != "nsubj" or subject.left_edge.i != previous.right_edge.i + 1 \
                or previous.right_edge.pos_ == "PUNCT":
            break
        out.append(subject)
        previous = subject
    return out


def _against(modifier: Token) -> bool:
    """A modifier after "anti-": "anti-U.S.", "anti-government" name whom the act is against, not its doer."""
    doc = modifier.doc
    return modifier.i >= 2 and doc[modifier.i - 1].text == "-" and doc[modifier.i - 2].lower_ == "anti"


def _placed_by(modifiers: list[Token]) -> bool:
    """Whether a town's name compounded before a violent act says where it was done, not who did it: "the Paris
    attacks", "the San Bernardino shooting" ("US strikes", "Russian attacks" and "Washington's strikes" keep theirs;
    a name that is also a state's or a US state's is left alone: "Georgia", "Washington")."""
    names = [c for c in modifiers if c.pos_ == "PROPN" or c.dep_ == "poss"]
    if len(names) != 1 or names[0].dep_ != "compound" or names[0].ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    name = names[0].doc[names[0].left_edge.i:names[0].i + 1].text
    places = gazetteer().candidates(name)
    return any(p.feature == "city" for p in places) and not any(p.feature == "country" for p in places) and \
        gazetteer().us_state(name) is None
