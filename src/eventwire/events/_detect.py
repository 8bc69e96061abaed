"""Finding and coding events in a parsed document.

Each verb or noun whose lemma and frame match a lexicon entry is an event;
its source and target are the actors at the ends of its dependency arcs
(subject/agent and object/prepositional target for verbs; possessor,
modifier or "by"-agent and prepositional target for nouns), with
coordination giving compound actors. Modality comes from the clause:
negation, modal auxiliaries, hypothetical modifiers and governors,
conditionals, and reporting verbs (``reported_by``). A symmetric act between
coordinated actors is one event per direction (``_pairs``).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..actors import coordinated_index, mention_index
from ..records import Actor, ActorRef, Event, Span
from ._arguments import _PRONOUNS, ArgumentsMixin
from ._kinds import qualified
from ._lexicon import Entry, Lexicon
from ._modality import ModalityMixin, names_object
from ._pairs import two_way
from ._syntax import (
    _agents,
    _aimed_at,
    _anchored,
    _charged_with,
    _governors,
    _heads,
    _nested,
    _place_of,
    _refs,
    _scene,
    _topic_of,
)

_BACKGROUND = {"relcl", "acl", "advcl"}
# entities that are no event nouns: names, and dates ("the emergency declared March 27" is no march)
_NAMES = {"PERSON", "GPE", "ORG", "NORP", "DATE", "TIME"}
_WEAKER = 0.3  # how much less confident than the main event of its sentence an event may be


class EventDetector(ArgumentsMixin, ModalityMixin):
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        w = lexicon.words
        self.modals = w("modal_auxiliaries")
        self.hypo_mods = w("hypothetical_modifiers")
        self.hypo_governors = w("hypothetical_governors")
        self.neg_governors = w("negating_governors")
        self.negations = w("negations")
        self.conditionals = w("conditional_markers")
        self.reporting = w("reporting_verbs")
        self.light = w("light_verbs")
        self.factive = w("factive_governors")
        self.future = w("future_auxiliaries")
        self.intent = w("intent_governors")
        self.obligation = w("obligation_auxiliaries")
        self.refusal = w("refusal_auxiliaries")
        self.causative = w("causative_verbs")
        self.demanding = w("demand_auxiliaries")
        self.claiming = w("claim_verbs")
        self.transfer = w("transfer_words")
        self.transfer_preps = w("transfer_preps")
        self.homeward = w("homeward_adverbs")
        self.plural_only = w("plural_event_nouns")
        self.partner_preps = w("partner_preps")
        self.political = {s.upper() for s in w("political_sectors")}
        self.place_particles = w("place_particles")

    # -- triggers ------------------------------------------------------------

    def _entry(self, token: Token) -> Entry | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            entries = self.lex.verbs.get(lemma)
        elif token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in _NAMES:
            if token.tag_ == "NN" and lemma in self.plural_only and not any(
                    c.dep_ == "prep" and c.lower_ in self.partner_preps for c in token.children):
                return None  # "tough talk", "talk of a collapse": speech, not talks
            entries = self.lex.nouns.get(lemma) or self.lex.nouns.get(token.lower_)
        else:
            return None
        # of the most constrained frames that fit, the most specific code ("called on Israel to lift the blockade"
        # fits "call on", 020, and "call … to lift", 025)
        best = None
        for entry in entries or ():
            if best is not None and entry.specificity < best.specificity:
                break
            if self._fits(token, entry) and (best is None or _rank(token, entry) > _rank(token, best)):
                best = entry
        return best

    def _must(self, token: Token) -> Entry | None:
        """"The Red Cross said US forces must ensure security": what a speaker says another must do is a demand,
        whatever the act (a statement here, turned into the speaker's demand with the other reported events)."""
        if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in self.demanding for c in token.children):
            return Entry(token.lemma_.lower(), "VERB", self.lex.code_maps.get("demand_codes", {}).get("act", "010"),
                         origin="obligation")
        return None

    def _fits(self, token: Token, entry: Entry) -> bool:
        # (a particle follows its verb and, if it can be a preposition of place, has no object unless the frame names
        # it: "gave a speech in Cuba", "In Colombia, … have given birth" are no "give in"; "killed in an airstrike")
        if entry.particle and not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == entry.particle
                                      and not _dated(c)
                                      and c.i > token.i and not (c.lower_ in self.place_particles and not entry.objects
                                                                 and any(g.dep_ == "pobj" for g in c.children))
                                      or c.dep_ in ("advcl", "ccomp") and _marked(c, entry.particle)
                                      for c in token.children):
            # spaCy parses "call for", "insist on" with a preposition, "step up" with a particle, "sent back" or
            # "stepped down" at times with an adverb, and "called for Burma to institute reforms" with "for" marking
            # a clause
            return False
        if entry.preps and entry.pos == "VERB" and not any(
                c.dep_ in ("prep", "prt", "agent") and c.lower_ in entry.preps and not _dated(c) or
                (c.dep_ == "prt" and any(p.dep_ == "prep" and p.lower_ in entry.preps for p in c.children))
                for c in token.children):
            return False  # a verb's `prep:` is part of its frame: "press for", "agree with", "speak out against"
        if entry.objects:
            if entry.pos == "VERB":
                objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
                objs += _clause_object(token)  # "the deal Mr. Obama would strike"
                # "call for a ceasefire": the object of the particle-like preposition of the frame, also through a
                # preposition under it ("walked out of the talks")
                objs += [g for c in token.children if c.dep_ in ("prep", "prt")
                         and c.lower_ in ((entry.particle,) + entry.preps)
                         for p in (c, *(d for d in c.children if d.dep_ == "prep")) for g in p.children if g.dep_ == "pobj"]
            else:
                objs = [c for c in token.children if c.dep_ in ("compound", "amod")]
                objs += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            # the object's own head, or a noun it is made of: "25,000 tons of food aid", "a grant of …"
            objs += [g for o in objs for g in o.children if g.dep_ in ("compound", "amod")]
            objs += [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                     for g in [p, *p.children] if g.dep_ == "pobj"]
            objs += [g for o in objs for g in o.children if g.dep_ == "compound"]
            if not any(o.lemma_.lower() in entry.objects or o.lower_ in entry.objects for o in objs):
                return False
        if entry.subjects or entry.not_subjects:
            # the doer: the subject, or a passive's agent ("were killed by an explosive device")
            agents = _agents(token)
            words = _heads(agents or [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")])
            if entry.subjects and not words & entry.subjects or words & entry.not_subjects:
                return False
        # (the noun a participle modifies is its object too: "a poll released by CNN")
        if entry.not_objects and _heads([c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + (
                [token.head] if token.dep_ == "acl" else []) + _clause_object(token)) & entry.not_objects:
            return False
        if entry.clause is not None and entry.clause != any(c.dep_ == "ccomp" for c in token.children):
            return False
        if entry.transitive and not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in token.children) and \
                not _clause_object(token) and token.dep_ != "acl":
            return False  # ("seized on his remarks" is no seizure; "the tanker seized by Iran" is one)
        if entry.intransitive and any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
            return False  # ("demonstrated the gift he gives": showing something is no protest)
        if entry.not_naming and names_object(token):
            return False
        if entry.governors:
            governor = self._governor(token)
            if governor is None or governor.lemma_.lower() not in entry.governors:
                return False
        if entry.xcomps:
            if not any(t.lemma_.lower() in entry.xcomps and t.dep_ in ("xcomp", "acl", "advcl", "relcl", "ccomp",
                                                                          "conj") and _framed_by(t, token)
                       for t in token.subtree if t.i != token.i and t.pos_ == "VERB"):
                return False
        return True

    # -- one document ----------------------------------------------------------

    def detect(self, doc: Doc, actors: list[Actor], sentences: list[Span], day: str | None) -> list[Event]:
        actor_at = mention_index(doc, actors)
        # "US and British activists": the shared noun stands for both states' actors
        partners = {(r.actor_id, r.span): refs for refs in coordinated_index(doc, actors).values() for r in refs}
        placed = {a.id: bool(a.country) or bool(set(a.sectors) & self.political) for a in actors}
        country = {a.id: a.country for a in actors}
        person = {a.id: any(m.label == "PERSON" for m in a.mentions) for a in actors}
        # states and their places: a country, no one's name, no body or group ("Niger", "Basra": IRQ CVL)
        places = {a.id for a in actors if a.country and not person[a.id] and set(a.sectors) <= {"CVL"}}
        starts = [s.start for s in sentences]
        events: list[Event] = []
        triggers: dict[int, Token] = {}
        statements: dict[int, str] = {}
        consumed: set[int] = set()
        entries = {t.i: e for t in doc if (e := self._entry(t) or self._must(t)) is not None}
        # event nouns are arguments of their own, not containers of other arguments ("Li's visit … will push")
        triggers_at = {i for i, e in entries.items() if e.pos == "NOUN"}
        for i, entry in entries.items():
            if i in consumed:
                continue
            token = doc[i]
            if entry.pos == "NOUN" and token.dep_ in ("compound", "amod", "nmod") and i in actor_at and \
                    actor_at.get(token.head.i) == actor_at[i]:
                continue  # a modifier in an actor's name or description: "riot police", "peacekeeping troops"
            head = entries.get(token.head.i)
            if entry.pos == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN" and (
                    head is None and token.head.lemma_.lower() not in self.lex.words("carrier_nouns")
                    or head is not None and token.lemma_.lower() in head.objects):
                continue  # a modifier naming a kind of thing ("war crimes", "attack helicopters") or part of the
                # event it modifies ("war games")
            if entry.pos == "NOUN" and self._claim_of(token) is not None or entry.pos == "VERB" and \
                    token.lemma_.lower() in self.claiming and any(c.dep_ == "dobj" and c.i in triggers_at
                                                                  for c in token.children):
                continue  # "ISIS claimed the bombings" is a claim (015, a statement): it accuses no one, and the
                # act it owns is not reported as an event of its own (as "claimed that they had attacked")
            if entry.pos == "VERB" and token.lemma_.lower() in self.light and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in entry.objects and (own := entries.get(c.i)) is not None
                    and own.pos == "NOUN" and own.objects and own.cameo[:2] != entry.cameo[:2]
                    for c in token.children):
                continue  # a light verb's noun tells the kind by its own frame: "launched an attack on the deal", 111
            if entry.pos == "VERB":
                args = self._verb_args(token, entry, actor_at)
                if entry.received:  # "Ukraine received 20 tanks from Germany": the giver acts on the receiver
                    args.source, args.target = [t for t in args.target if t.dep_ != "dobj"], args.source
                yielding = self.lex.coded(entry.cameo, "yielded_object_roots")
                for c in token.children:  # "imposed sanctions": the noun is part of this event
                    if c.dep_ in ("dobj", "attr", "nsubjpass") and c.lemma_.lower() in entry.objects or \
                            yielding and c.dep_ == "dobj":  # "backed off its threat": what is given up
                        consumed.add(c.i)
            else:
                if self.lex.coded(entry.cameo, "yielded_object_roots"):  # "a lifting of sanctions": what is given up
                    consumed.update(g.i for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for g in c.children if g.dep_ == "pobj")
                args = self._noun_args(token, entry)
                for option in self._noun_sources(token, entry):
                    if _refs(option, actor_at, triggers_at):
                        args.source = option
                        break
                else:
                    governor = self._governor(token)
                    if governor is not None and governor.lemma_.lower() in self.light:
                        # "it would tighten the blockade": an unresolved pronoun doer, resolved below
                        args.source = [s for s in self._subject(governor) if s.lower_ in _PRONOUNS] or args.source
                    if token.lemma_.lower() in self.transfer:
                        # "the withdrawal of Russian troops from Syria", "the first deployment of NATO troops": with no
                        # one named who sends them, the forces that move are the ones acting
                        moved = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj" and g.i in actor_at]
                        args.source = moved or args.source
                        args.target = [t for t in args.target if t not in moved]
            source = _with_partners(_refs(args.source, actor_at, triggers_at), partners)
            if not source and args.source and all(t.lower_ in _PRONOUNS for t in args.source):
                # "Albanians have sworn to fight until they gain control": the subject of the clause it hangs on;
                # "Syria says it will not accept refugees": else, the speaker of the reported speech
                source = _refs(self._host_subject(token), actor_at, triggers_at) or \
                    _refs(self._speaker(token), actor_at, triggers_at)
            # when the object is the instrument ("raised the reward for … the arrest of Maduro"), the target is
            # deeper in the object's phrase
            deep = entry.pos == "VERB" and bool(entry.objects)
            held = self.lex.coded(entry.cameo, "held_roots")
            target = [r for r in _with_partners(_refs(args.target, actor_at, triggers_at, deep=deep,
                                                      places=not held), partners)
                      if r.actor_id not in {s.actor_id for s in source}]
            if source and not target and self.lex.coded(entry.cameo, "aim_target_roots"):
                target = _aimed_at(token, actor_at, {s.actor_id for s in source}, self.lex.words("stance_words"))
            # targets are inferred only when someone acts ("a fire destroyed homes in Chittagong", "mass shootings in
            # the United States" are no events between actors)
            if source and not target and self.lex.coded(entry.cameo, "place_target_roots"):
                target = [r for r in _refs(_place_of(token, actor_at), actor_at)
                          if r.actor_id not in {s.actor_id for s in source}]
            target = _foreign(source, target, country, person)
            if len({r.actor_id for r in source}) > 1 and self._symmetric(token, entry):
                # "Trump and Putin agreed to share information on North Korea": what two parties do together is
                # about what its topic names, not done to it
                target = [r for r in target if not _topic_of(token, r)]
            if len(parties := _own_states(source, country)) > 1:
                # "Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices": between
                # parties of two states, a place of either is what it is about, not a third party
                target = [r for r in target if not (r.actor_id in places and country[r.actor_id] in parties)]
            if token.lemma_.lower() in self.transfer:
                # "dispatched the army", "the deployment of 230 troops": the source's own forces moved are no target
                own = _own_states(source, country)
                target = [r for r in target if country[r.actor_id] not in own]
            if entry.needs_target and token.lemma_.lower() in self.transfer and entry.pos == "VERB" and not any(
                    c.dep_ in ("dobj", "nsubjpass", "dative") for c in token.children):
                continue  # a transfer moves something: "negotiators return to Geneva" is not one
            if token.lemma_.lower() in self.transfer and any(c.dep_ == "advmod" and c.lower_ in self.homeward
                                                             for c in token.children):
                continue  # "sending the troops home": a return, neither aid nor a deployment
            if entry.needs_target and token.lemma_.lower() in self.transfer and not source and not any(
                    c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
                continue  # nor is a giving without a giver: "Given the greater cost of sanctions for Russia"
            scene = bool(not source and target and self.lex.coded(entry.cameo, "scene_source_roots"))
            if scene:
                # "was arrested in Niger", "a bomb near Samarra killed …": with no doer named, the state where a
                # coercive or violent act happens stands for it (CAMEO coders' unidentified forces of that state)
                source = [r for r in _refs(_scene(token, actor_at), actor_at)
                          if r.actor_id in places and r.actor_id not in {t.actor_id for t in target}]
            if entry.pos == "NOUN" and not source and self.lex.coded(entry.cameo, "standing_roots") and not any(
                    c.dep_ == "prep" and c.lower_ == "between" for c in token.children):
                continue  # "the nuclear deal with Iran", "sanctions on Russia": with no doer, a state of affairs
            if not source and not target or entry.needs_target and not target:
                continue  # precision first: an event with no actor is not reported
            if not any(placed.get(r.actor_id) for r in source + target):
                continue  # nor one whose actors belong to no state or international body ("SpaceX tested …")
            claimant = {r.actor_id for r in _refs(self._claimant(token), actor_at, triggers_at)}
            if claimant & {r.actor_id for r in source}:
                continue  # "the Houthis claimed that they had attacked the airport": a claim, not a reported act
            if _charged_with(token, entries, self.lex.words("charging_roots")):
                continue  # "arrested for collaborating with Boko Haram": the act is the charge, not a fact
            code = self.lex.codes[qualified(token, self._purpose(token, entry.cameo), self.lex,
                                            len(_own_states(source, country)))]
            negated, hypothetical, intended = self._modality(token)
            reported = [r for r in _refs(self._reporter(token), actor_at, triggers_at)
                        if r.actor_id not in {s.actor_id for s in source}]
            if reported and not negated and self._obliged(token):
                # "Russia said that Sudan must return the helicopter": Russia's demand on Sudan
                demand = self._mapped("demand_codes", code.code)
                if demand:
                    code, source, target, reported, hypothetical = self.lex.codes[demand], reported, source, [], False
            elif negated and (intended or self._refused(token) or self._declined(token)) \
                    and self._mapped("rejection_codes", code.code):
                # "will not accept refugees", "failed to reach agreement": the fact is the refusal
                code = self.lex.codes[self._mapped("rejection_codes", code.code)]
                negated = hypothetical = False
            elif hypothetical and intended and not negated and (source or intended == "governor" or _passive(token)):
                # (an intent is someone's: "a bill that would grant citizenship", "the planned talks will cover"
                # intend nothing; "agreed to allow", "sanctions will be imposed" name or imply who intends)
                # "Finland will give Tanzania a grant": the fact is the expressed intent (CAMEO 03, AGREE);
                # "farmers would blockade Paris": the fact is the threat (CAMEO 13, THREATEN)
                mapped = self._mapped("intent_codes", code.code) or self._mapped("threat_codes", code.code)
                if mapped:
                    code, hypothetical = self.lex.codes[mapped], False
            if not code.plover_type:
                statements[token.i] = code.code  # CAMEO 01 statements are quotes, not events, but they frame
                continue  # the acts they speak of ("expressed concern over an attack that killed …")
            # the document's sentence that holds the trigger (the same spans the store keeps)
            sentence = sentences[max(0, bisect_right(starts, token.idx) - 1)]
            # a doer inferred from the scene is weaker evidence than one the text names
            confidence = 0.45 + (0.1 if scene else 0.25) * bool(source) + 0.2 * bool(target) + \
                0.1 * (entry.pos == "VERB")
            events.append(Event(
                id=f"e{len(events) + 1}", sentence=sentence, trigger=Span.of(doc.text, token.idx,
                                                                                token.idx + len(token.text)),
                source=source, target=target, plover_type=code.plover_type, cameo_code=code.code,
                plover_mode=code.plover_mode, plover_contexts=list(code.plover_contexts), cameo_root=code.root,
                goldstein=code.goldstein, quad_class=code.quad_class, negated=negated, hypothetical=hypothetical,
                historical=self._historical(token, day),
                reported_by=reported, date=day, date_precision="day" if day else None,
                confidence=round(min(confidence, 1.0), 2),
            ))
            triggers[len(events) - 1] = token
        return two_way(doc, self._unframed(events, triggers, statements), self.lex.words("reciprocal_roots"),
                       self.lex.words("reciprocal_words"), self.lex.words("reciprocal_partner_roots"),
                       self.lex.words("side_preps"))

    def _unframed(self, events: list[Event], triggers: dict[int, Token], statements: dict[int, str]
                  ) -> list[Event]:
        """Drop events framed by another ("threatened to attack" is one THREATEN event, "considering sending
        aid" one statement); rank embedded ones lower, so that the main event of a sentence is its governing one.
        Coordinated events do not frame each other ("claimed responsibility and apologised")."""
        framing = self.lex.words("framing_roots")
        anchors = self.lex.words("time_anchors")
        topics = self.lex.words("topic_roots")
        codes = {token.i: events[n].cameo_code for n, token in triggers.items()} | statements
        light = {}  # "reiterated its demand that Israel ease …": the light verb and its event noun are one
        for n, token in triggers.items():  # predicate, framing the clauses of either
            governor = self._governor(token)
            if token.pos_ != "VERB" and governor is not None and governor.lemma_.lower() in self.light and \
                    governor.i not in codes:
                light[governor.i] = n
                codes[governor.i] = events[n].cameo_code
        kept = []
        for n, event in enumerate(events):
            token, framed, depth = triggers[n], False, 0
            for ancestor in _governors(token):
                if ancestor.i in codes and light.get(ancestor.i) != n:
                    depth += ancestor.i not in statements
                    if any(codes[ancestor.i].startswith(f) for f in framing):
                        framed = True
            # "renewed negotiations on an Israeli troop pullback": what talks are about is their topic, not an act
            talks = token.head.head
            topic = token.dep_ == "pobj" and token.head.lower_ in ("on", "over", "about") and \
                light.get(talks.i) != n and any(codes.get(talks.i, "").startswith(r) for r in topics)
            # "staged demonstrations to demand reforms": the purpose of an event is part of it, not an act done
            if framed or topic or token.dep_ == "advcl" and token.head.i in codes and token.head.i not in statements and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                continue
            # background clauses ("…, where 24 people were killed", "after a jet shot down …", "a law recognizing")
            # rank below the clause they hang on
            background = sum(t.dep_ in _BACKGROUND for t in (token, *token.ancestors))
            # an event noun inside another noun's phrase ("sentences for their reporting on the crackdown") is
            # what that noun is about, below the clause's own event
            nested = token.pos_ != "VERB" and _nested(token)
            # an event that dates the main one ("one day after a jet shot down …", "since the August 13
            # accord") is its time frame, not news of its own: ranked lower still
            anchor = _anchored(token, anchors)
            event.confidence = round(max(0.1, event.confidence - 0.1 * depth - 0.35 * background - 0.1 * nested
                                         - 0.2 * anchor), 2)
            kept.append(event)
        # precision first: in one sentence, an event far weaker than the sentence's main one (an embedded act
        # missing an actor: "…, arresting 12") is left out
        best: dict[int, float] = {}
        for event in kept:
            best[event.sentence.start] = max(best.get(event.sentence.start, 0.0), event.confidence)
        kept = [e for e in kept if e.confidence >= best[e.sentence.start] - _WEAKER]
        for n, event in enumerate(kept, 1):
            event.id = f"e{n}"
        return kept


def _rank(token: Token, entry: Entry) -> tuple[bool, int, bool, bool]:
    """How well an entry that fits describes ``token``: a noun's frame preposition present first ("Trump's call for
    Russia's readmission" is an appeal, 020, not the phone call, 041, a bare "call" is), then its code's detail."""
    framed = entry.pos == "NOUN" and bool(entry.preps) and any(c.dep_ == "prep" and c.lower_ in entry.preps
                                                                for c in token.children)
    return (framed, *_detail(entry))


def _detail(entry: Entry) -> tuple[int, bool, bool]:
    """How specific an entry's CAMEO code is: its length, then not being a "not specified below" code (020 < 025);
    then whether a preposition frames it ("clashed over the budget", 110, before "clashed", 190)."""
    return len(entry.cameo), not entry.cameo.endswith("0"), bool(entry.preps)


def _clause_object(verb: Token) -> list[Token]:
    """The noun a relative clause hangs on when it is the clause's object: "the deal (that) Obama would strike",
    not "the envoy who struck the deal" (its relative pronoun is the subject) nor a clause with an object of its own."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") or \
                c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP"):
            return []
    return [verb.head]


def _framed_by(verb: Token, trigger: Token) -> bool:
    """Whether ``verb`` is the act ``trigger`` frames: its complement, one coordinated with it ("vowed to fight and
    destroy"), or a clause on the trigger's object ("called on Israel to lift"), not an act further down ("called on
    the President to demand that Turkey end …" is no call to end)."""
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB" and head.i != trigger.i:
        verb, head = head, head.head
    for _ in range(4):
        if head.i == trigger.i:
            return True
        if head.pos_ == "VERB" and head.dep_ not in ("relcl", "acl"):  # (through a clause the parser hung on the
            return False  # object: "allow 13,000 refugees who have lived in Iraq … to return home")
        head = head.head
    return False


def _passive(verb: Token) -> bool:
    """A passive verb, whose doer is implied though unnamed ("sanctions will be imposed if …")."""
    return verb.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _marked(clause: Token, word: str) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == word for m in clause.children)


def _dated(prep: Token) -> bool:
    """A preposition that only dates the act: "called Morrison on Wednesday" is no "call on", "attacked the base for
    the third time" no "attack for"."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") or g.lower_ in ("time", "times") for g in objects)


def _foreign(source: list[ActorRef], target: list[ActorRef], country: dict[str, str | None],
             person: dict[str, bool]) -> list[ActorRef]:
    """Targets without the source's own forces when another state is acted on: in "Syria offered its troops to
    Lebanon's president", "Britain mobilized army reservists for a war against Iraq", the troops are the means."""
    own = _own_states(source, country)
    if not source or not any(country[r.actor_id] not in own | {None} for r in target):
        return target
    # actors of no known state beside a state's actor are what is sent or used too ("contributed 4,000 troops to a
    # force in Liberia", "dispatched inspectors to the Esfahan facilities in Iran"); people are not ("met officers
    # Quirin and Redouane and an Irish diplomat")
    return [r for r in target if country[r.actor_id] not in own and not (
        country[r.actor_id] is None and not person[r.actor_id])]


def _own_states(source: list[ActorRef], country: dict[str, str | None]) -> set[str]:
    """The states the source's actors are of."""
    return {country[r.actor_id] for r in source} - {None}


def _with_partners(refs: list[ActorRef], partners: dict) -> list[ActorRef]:
    """``refs`` with the actors coordinated into the same phrase ("US and British activists" → USA and GBR)."""
    if not partners:
        return refs
    out: list[ActorRef] = []
    for ref in refs:
        for r in partners.get((ref.actor_id, ref.span), (ref,)):
            if all(r.actor_id != o.actor_id for o in out):
                out.append(r)
    return out
