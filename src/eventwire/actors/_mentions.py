"""Finding actor mentions in a parsed document.

A mention is a noun phrase that names or designates an actor: a person
("Colombia's President Gustavo Petro"), an organisation, a state or its
people ("Venezuela", "Venezuelans"), a seat of power ("the Kremlin"), a group
("Colombian troops"), a bare title ("the president") or a subject pronoun.
Each comes with what the phrase itself says: country, sector, role, the
knowledge-base entries its names may refer to, and "former"/"late".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from ._bodies import BodyFinder, _letters
from ._credits import drop_credits
from ._kb import ActorKB, SurfaceRef
from ._links import link_short_forms
from ._modifiers import _ETHNIC, ModifierFinder
from ._names import NameFinder, title_words
from ._phrases import PhraseFinder, headline_names, verb_lemmas
from ._places import (
    _PLACE_KINDS,
    _POSSESSIVES,
    PlaceFinder,
    _clean_name,
    _inside_other_place,
    _is_locative,
)
from ._typos import TypoIndex

_SUBJECT_PRONOUNS = {"he": "m", "she": "f"}
_ACTOR_ENT_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
_SETTLEMENTS = {"town", "city", "village", "port", "capital", "outskirts", "suburb", "district", "province"}


@dataclass
class Candidate:
    start: int  # token indices of the phrase, end exclusive
    end: int
    head: Token
    kind: str  # person | org | country | seat | group | title | pronoun
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    name: str | None = None
    refs: list[SurfaceRef] = field(default_factory=list)
    org: str | None = None
    former: bool = False
    deceased: bool = False
    gender: str | None = None
    owner: str | None = None  # a person's name modifying a group: "the Bush administration"

    @property
    def label(self) -> str:
        return self.kind.upper()


class MentionFinder(PhraseFinder, NameFinder, PlaceFinder, BodyFinder, ModifierFinder):
    """Finds candidates in Docs of one spaCy vocabulary with one knowledge base."""

    def __init__(self, kb: ActorKB, nlp) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.compound_ends = {n.split()[-1] for n in kb.nouns if " " in n}
        self.former_words = kb.words("former_words")
        self.deceased_words = kb.words("deceased_words")
        self.generic_heads = kb.words("generic_heads")
        self.generic_sectors = kb.codes("generic_sectors")
        self.needs_country = kb.codes("needs_country_sectors")
        self.place_verbs = kb.words("place_verbs")
        self.civilian_places = kb.words("civilian_places")
        self.language_words = kb.words("language_words")
        self.kin_words = kb.words("kin_words")
        self.place_nouns = kb.words("place_nouns") | self.civilian_places
        self.title_words = title_words(kb)
        self.long_title_words = [w for w in self.title_words if len(w) > 6]
        self.member_heads = kb.words("member_heads") | kb.words("presence_heads")
        self.affiliate_heads = kb.words("affiliate_heads") | kb.words("member_heads") | self.generic_heads
        self.state_heads = kb.words("state_heads")
        self.capitalised_nouns = kb.words("capitalised_nouns")
        self.body_titles = kb.words("body_titles")
        self.state_body_sectors = kb.codes("state_body_sectors")
        self.government_heads = kb.words("government_heads")
        self.people_elite_heads = kb.words("people_elite_heads")
        self.people_armed = kb.codes("people_armed_sectors")
        self.local_sectors = kb.codes("local_sectors")
        self.sent_sectors = kb.codes("sent_sectors")
        self.sending_verbs = kb.words("sending_verbs")
        self.count_nouns = kb.words("count_nouns")
        self.assault_verbs = kb.words("assault_verbs")
        self.holding_participles = kb.words("holding_participles")
        self.diplomatic_posts = kb.words("diplomatic_posts")
        self.capital_source_nouns = kb.words("capital_source_nouns")
        self.typos = TypoIndex(kb)
        self.verbs = verb_lemmas(nlp)
        self.shared_names = {}
        for entry in kb.rules.get("shared_names", ()):
            name, now, before, since = (part.strip() for part in entry.split(","))
            self.shared_names[name.casefold()] = (now.upper(), before.upper(), date.fromisoformat(since))
        # Surfaces are tokenised like the texts they are matched in.
        texts = [s for s in kb.surfaces if s]
        for start in range(0, len(texts), 5000):
            chunk = texts[start : start + 5000]
            self.matcher.add("KB", list(nlp.tokenizer.pipe(chunk)))

    def find(self, doc: Doc, day: date | None = None) -> list[Candidate]:
        kb_at: dict[int, tuple[int, int, list[SurfaceRef]]] = {}
        ents, self.cuts = headline_names(doc, self.verbs, self.kb)
        ents = self._towns_as_places(ents)
        ent_at = {i: ent for ent in ents if ent.label_ in _ACTOR_ENT_LABELS for i in range(ent.start, ent.end)}
        matches = [doc[s:e] for _, s, e in self.matcher(doc)]
        for span in filter_spans(matches):
            refs = self.kb.surfaces.get(" ".join(t.text for t in span), [])
            refs = refs or self.kb.surfaces.get(span.text, [])
            if _inside_other_place(span, ent_at):
                continue  # "America" in "Latin America", "Mexico" in "New Mexico"
            for i in range(span.start, span.end):
                kb_at[i] = (span.start, span.end, refs)
        tokens = list(doc)  # Token objects are rebuilt on every pass over a Doc: build them once
        self._add_surnames(doc, kb_at, ent_at, tokens)
        self._add_known_surnames(doc, kb_at, ent_at, tokens, day)
        self._add_typos(doc, kb_at, ent_at, tokens)
        self._drop_languages(tokens, kb_at, ent_at)
        self._read_states(doc, kb_at)
        self._shared_names(doc, kb_at, day)

        heads: dict[int, Token] = {}
        for i, (s, e, _) in kb_at.items():
            if i == s:
                root = doc[s:e].root
                heads.setdefault(self._np_head(root, kb_at, ent_at).i, None)
        for ent in {id(e): e for e in ent_at.values()}.values():
            heads.setdefault(self._np_head(ent.root, kb_at, ent_at).i, None)
        for token in tokens:
            if (token.pos_ in ("NOUN", "PROPN") and token.i not in heads and token.dep_ not in ("compound", "amod")
                    and (self._noun_sector(token)[0] or self._title_at(token) or self._group_sector(token)
                         or self._civilian_place(token) or self._body_sector(token, ent_at))):
                heads.setdefault(token.i, None)
        candidates = []
        for i in sorted(heads):
            candidates.extend(self._candidates(doc[i], kb_at, ent_at))
        candidates.extend(self._pronouns(tokens))
        candidates.extend(self._kin(tokens))
        candidates.sort(key=lambda c: c.start)
        candidates = _drop_nested(drop_credits(doc, candidates))
        link_short_forms(doc, candidates, ent_at, self.kb)
        return candidates

    # -- one candidate -----------------------------------------------------

    def _candidates(self, head: Token, kb_at, ent_at) -> list[Candidate]:
        """The mention(s) of the phrase headed by ``head``: none, one, or one per coordinated country
        ("U.S. and Russian negotiators")."""
        doc = head.doc
        start, end = self._np_range(head)
        ent = ent_at.get(head.i)
        scan = range(start, end)
        if ent is not None and ent.label_ == "ORG":  # an organisation's own name may hold its state
            scan = range(min(start, ent.start), max(end, ent.end))
        mods = self._modifiers(head, scan, kb_at, ent_at)
        countries, org, people, kin, head_refs = mods.countries, mods.org, mods.people, mods.kin, mods.head_refs
        country = countries[0][1] if countries else self._of_country(head, kb_at, ("of",), ent_at)
        former = any(t.lower_ in self.former_words for t in doc[start:end])
        deceased = any(t.lower_ in self.deceased_words for t in doc[start:end])
        title, title_sector, t_start, t_end = self._title(doc, start, end)
        base = dict(start=start, end=end, head=head, former=former, deceased=deceased)

        kinds = {r.kind for r in head_refs}
        place_kinds = kinds & {"country", "demonym", "capital", "people"}
        if place_kinds and not kinds & {"person", "org", "seat"} and ent is not None:
            if all(t.i in kb_at and {r.kind for r in kb_at[t.i][2]} & {"people", *_PLACE_KINDS}
                   for t in ent if t.lower_ not in _POSSESSIVES and t.lower_ != "the"):
                ent = None  # the knowledge base knows these names as states or peoples ("Bosnian Serbs"): NER loses
        described = self._described_body(head) if not kinds else None
        if described is not None:  # "the opposition newspaper La Prensa": a body its descriptor names
            sector, noun = described
            name = _clean_name(ent.text) if ent is not None else doc[start:end].text
            return [Candidate(kind="org", country=country or self._of_country(noun, kb_at, ("in", "of")),
                              sector=sector, name=name, **(base | {"start": min(start, self._np_range(noun)[0])}))]
        # "Kenzo Oshima, the UN emergency relief coordinator": a name NER placed, with a title in apposition
        titled = (ent is not None and ent.label_ in ("GPE", "LOC") and not kinds
                  and (len(ent) > 1 or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts))
                  and self._appositive_title(head, kb_at, None, None)[0] is not None)
        # a surname of someone named before is that person whatever NER calls it ("Larson said" as ORG)
        if kinds & {"person", "surname"} or titled or (
                ent is not None and ent.label_ == "PERSON" and not kinds & {"org", "seat"}):
            name_span = ent if ent is not None and (ent.label_ == "PERSON" or titled) else None
            if name_span is None:
                s, e, _ = kb_at[head.i]
                name_span = doc[s:e]
            elif len(name_span) == 1 and self._in_place_phrase(head):
                return []  # "a refugee centre in Kerry": a place NER took for a person
            if title is not None and name_span.start <= t_end - 1 and t_end < name_span.end and (
                    doc[t_end].pos_ == "PROPN" and doc[t_end].is_title):
                name_span = doc[t_end : name_span.end]  # NER's name holds the title: "Secretary Jack Straw"
            name_span = self._full_name(name_span, kb_at, t_end if title is not None else 0)
            base["start"], base["end"] = min(start, name_span.start), max(end, name_span.end)  # "Barack Obama and …"
            if t_end > name_span.start:  # a title inside the name is no title ("Prime" in a name)
                title, title_sector = None, None
            title_head = doc[t_end - 1] if title is not None else None
            lead = head.head
            if (head.dep_ == "appos" and lead.i < name_span.start and lead.i not in kb_at
                    and self._title_at(lead)):
                # "A spokesman for the Taliban, Qari Yussouf Ahmadi", "The US commander in Iraq, General David
                # Petraeus": one person, named after the title (whose own title, if any, names the office)
                start = self._np_range(lead)[0]
                base["start"] = start
                base["former"] = base["former"] or any(t.lower_ in self.former_words for t in doc[start:lead.i])
                own = title
                if own is None:
                    title, title_sector, _, _ = self._title(doc, start, lead.i + 1)
                    title_head = lead
                country, org = self._refs_in(start, name_span.start, kb_at, country, org)
                if own is None and org is not None and self._generic_head(lead):  # a body's spokesman: its sector
                    body = self.kb.organizations[org]
                    country = country or body.country
                    title_sector = next((x for x in body.sectors if x != "IGO"), title_sector)
            if title is None:  # "Kofi Annan, UN secretary-general,": the title in apposition
                title, title_sector, country, org = self._appositive_title(head, kb_at, country, org)
                title_head = next((c for c in head.rights if c.dep_ == "appos"), None) if title else None
            if mods.seat is not None and title_head is not None and self._generic_head(title_head):
                title_sector = self.kb.seats[mods.seat].sector  # "Pentagon spokesman Peter Cook": USA MIL
            if title_head is not None and org is None and title.lower() in self.body_titles:
                title_sector = self._body_title_sector(title_head, title_sector, kb_at, ent_at)
            if title_sector == "IGO":  # "U.N. Secretary-General Kofi Annan": an official of an IGO
                country, title_sector = country or "IGO", "GOV"
            return [Candidate(kind="person", country=country, sector=title_sector, role=title,
                              name=_clean_name(name_span.text), refs=[r for r in head_refs if r.kind == "person"],
                              org=org, **base)]
        if "org" in kinds or (ent is not None and ent.label_ == "ORG" and not kinds):
            org_refs = [r for r in head_refs if r.kind == "org"]
            if ent is not None and ent.label_ == "ORG":
                name = _clean_name(ent.text)
            else:
                s, e, _ = kb_at[head.i]
                name = doc[s:e].text
            sector = None if org_refs else self._org_name_sector(ent or head)
            if sector is None and not org_refs and head.is_lower:  # "South Korea's defense ministry"
                sector = self._group_sector(head)
            if not org_refs and org is not None:  # "United Nations Emergency Relief Coordinator": a body of one
                parent = self.kb.organizations[org]
                country = country or parent.country
                sector = sector or next(iter(parent.sectors), None)
                if parent.country == "IGO" and sector == "IGO" and parent.cameo_code:
                    org_refs = [SurfaceRef("org", org)]  # an office of an international body is coded as the body
            if ent is not None and ent.label_ == "ORG" and ent.start <= head.i < ent.end and ent.end > end:
                # "the Movement for the Emancipation of the Niger Delta": the mention is the whole name
                base["end"] = ent.end - (ent[-1].lower_ in _POSSESSIVES)
            return [Candidate(kind="org", country=country, sector=sector or title_sector, name=name, refs=org_refs,
                              **base)]
        body = self._body_sector(head, ent_at) if not kinds else None
        if body is not None:  # "the Kenya Anti-Corruption Commision", a body NER did not see
            return [Candidate(kind="org", country=country, sector=body, name=_clean_name(doc[start:end].text),
                              **base)]
        if "seat" in kinds:
            return [Candidate(kind="seat", refs=[r for r in head_refs if r.kind == "seat"], **base)]
        if kinds == {"people"}:
            # a people as a group ("Iraqi Kurds", "Hutus"), placed by a state modifier, where they are, or home
            if head.dep_ in ("amod", "compound") or head.tag_ in ("JJ",):
                return []
            home = self.kb.peoples[head_refs[0].id].country
            if country is None:
                country, end = self._place(head, kb_at, ent_at, end)
            return [Candidate(kind="group", country=country or home, sector="CVL", **(base | {"end": end}))]
        if kinds == {"region"}:
            # a region stands for the people there, like a city ("fighting in Darfur")
            region = self.kb.regions[head_refs[0].id]
            return [Candidate(kind="city", country=region.country, name=region.name,
                              sector="CVL" if _is_locative(head) or head.dep_ in ("dobj", "pobj") else None,
                              **base)]
        if kinds & {"country", "demonym", "capital"}:
            kind_refs = [r for r in head_refs if r.kind in ("country", "demonym", "capital")]
            ref = kind_refs[0]
            if ref.kind == "capital" and self._capital_is_government(head):
                return [Candidate(kind="capital", country=ref.id, refs=kind_refs, **base)]
            # a state, its people ("Nigerians", "a Palestinian"), or a city where something happens to
            # its people ("shelling in central Baghdad"), as PLOVER and CAMEO code them
            if ref.kind == "demonym" and head.i > 0 and doc[head.i - 1].lower_ == "ethnic":
                # "ethnic Albanians in Serbia" are a people, not Albania: placed by their context
                country = self._of_country(head, kb_at, ("in", "of", "from", "throughout"))
                return [Candidate(kind="group", sector="CVL",
                                  country=country or self._first_state(head, kb_at, ref.id), **base)]
            if ref.kind == "demonym" and head.dep_ == "amod":
                # "Israeli army bulldozers", "Israeli police custody": the state's body named by a modifier
                body = next((c for c in head.head.children if c.dep_ == "compound" and c.i > head.i
                             and self._noun_sector(c)[0] not in (None, "CVL")), None)
                if body is not None:
                    return [Candidate(kind="group", country=ref.id, sector=self._noun_sector(body)[0],
                                      **(base | {"end": body.i + 1}))]
            civilians = ref.kind == "demonym" and head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("amod", "compound")
            if civilians and countries and countries[0][1] != ref.id:
                # "Bosnian Serbs", "Croatian Serbs": a people of the state that names them first
                return [Candidate(kind="group", country=countries[0][1], sector="CVL", **base)]
            if ref.kind == "demonym" and head.dep_ in ("amod", "compound") and (
                    head.head.lemma_.lower() in self.civilian_places or head.head.lower_ in self.civilian_places):
                # "Palestinian homes", "Lebanese villages": what is done to them is done to the state's civilians
                return [Candidate(kind="group", country=ref.id, sector="CVL",
                                  **(base | {"end": max(end, head.head.i + 1)}))]
            civilians = civilians or ref.kind == "capital"
            return [Candidate(kind="country", country=ref.id, refs=kind_refs, sector="CVL" if civilians else None,
                              **base)]
        sector = self._group_sector(head)
        if mods.seat is not None and self._generic_head(head) and (sector or self._title_at(head)):
            sector = self.kb.seats[mods.seat].sector  # "White House officials" are no House (LEG)
        if ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "NORP") and not (sector and countries):
            # NER calls some towns peoples or regions ("the town of Samarra" as NORP): where a town stands, a town
            # (but "the Philippine Marines" is a state's body, whatever NER calls it)
            placed = ent.label_ == "GPE" or _is_locative(head) or (
                head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in _SETTLEMENTS)
            city = self._city(ent) if placed and ent.root.i == head.i else None
            if city is not None and ent.label_ != "GPE" and _letters(city.name) != _letters(_clean_name(ent.text)):
                city = None  # not a town by another of its names ("Africa", an old name of Mahdia)
            if city is None:
                return []  # places and peoples we do not know
            # a city stands for the people there ("rockets hit Sderot"), as PLOVER and CAMEO code it
            name = city.name if city.name.isascii() else _clean_name(ent.text)  # "Samarra", not "Sāmarrā’"
            return [Candidate(kind="city", country=city.country, name=name,
                              sector="CVL" if _is_locative(head) or head.dep_ in ("dobj", "pobj") else None,
                              **base)]
        if org is None and sector and (head.lower_ in self.affiliate_heads or head.lemma_.lower() in self.affiliate_heads):
            org = self._member_of(head, kb_at)  # "members of the Muslim Brotherhood", "activists from Fatah"
            if org is not None and head.lower_ not in self.member_heads:
                sector = next((x for x in self.kb.organizations[org].sectors if x != "IGO"), sector)
            elif org is None:  # "officers in the Russian military", "leaders of the opposition"
                state, body = self._body_of(head, kb_at)
                country = country or state
                sector = body if body and (sector in self.generic_sectors or self._generic_head(head)) else sector
        if org is not None and head.lower_ in self.member_heads:  # "Hamas activists": of Hamas's sector
            sector = next(iter(self.kb.organizations[org].sectors), sector)
        elif sector in self.generic_sectors and self._generic_head(head):
            # "Red Cross officials", "Supreme Court sources": the people of a body keep its sector, not GOV
            # (officials of international organisations stay GOV, as PLOVER and CAMEO code them)
            body = next(iter(self.kb.organizations[org].sectors), None) if org is not None else None
            if body is None and mods.seat is not None:  # "White House officials", not the House's
                body = self.kb.seats[mods.seat].sector
            if body is None and org is None:
                named = next((ent_at[c.i] for c in head.lefts if c.dep_ in ("compound", "nmod", "poss")
                              and ent_at.get(c.i) is not None and ent_at[c.i].label_ == "ORG"), None)
                body = self._org_name_sector(named) if named is not None else None
            if body is not None and body != "IGO":
                sector = body
        if self._title_at(head) and t_start <= head.i < t_end:  # "the president", "the Secretary of State"
            if self._generic_head(head) and title_sector in self.generic_sectors:
                # "a rebel spokesman", "a police official", "a Hamas spokesman": of the modifier's sector
                body = next((x for x in self.kb.organizations[org].sectors if x != "IGO"), None) if org else None
                title_sector = sector if sector and sector not in self.generic_sectors else body or title_sector
            if org is None and mods.seat is None and title.lower() in self.body_titles:
                title_sector = self._body_title_sector(head, title_sector, kb_at, ent_at)
            if title_sector == "IGO":
                country, title_sector = country or "IGO", "GOV"
            return [Candidate(kind="title", country=country, sector=title_sector, role=title, org=org, **base)]
        held = self._held_place(head) if sector else None
        if held is not None:
            # "Albanian rebel-held territory", "the rebel-held enclave of Eastern Ghouta": the holders, placed by
            # the place they hold
            start, end = self._np_range(held)
            country = next((self._state_of(r) for t in held.lefts if t.i in kb_at for r in kb_at[t.i][2]
                            if r.kind in _PLACE_KINDS), None)
            if country is None:
                country, end = self._place(held, kb_at, ent_at, end)
            return [Candidate(kind="group", country=country, sector=sector, org=org,
                              **(base | {"start": start, "end": end}))]
        if not sector and self._civilian_place(head):
            # "villages near Macedonia's border", "a village in Western Cambodia": the state's civilians
            if country is None:
                country, end = self._place(head, kb_at, ent_at, end)
            if country is None:
                return []
            return [Candidate(kind="group", country=country, sector="CVL", **(base | {"end": end}))]
        if not sector and countries and (head.lower_ in self.state_heads or head.lemma_.lower() in self.state_heads):
            # "the Turkish and Greek sides": each state, mentioned to the shared head
            return [Candidate(kind="country", country=iso3, **(base | {"start": start if n == 0 else at}))
                    for n, (at, iso3) in enumerate(countries)]
        if not sector:
            return []
        owners = [c for c in head.lefts] + [p for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
                                            for p in c.children if p.dep_ == "pobj"]
        owner = next((ent_at[c.i] for c in owners if c.i in ent_at and ent_at[c.i].label_ == "PERSON"
                      and not (c.i in kb_at and {r.kind for r in kb_at[c.i][2]} & {"people", *_PLACE_KINDS})), None)
        if owner is not None:
            return [Candidate(kind="group", country=country, sector=sector, org=org, owner=_clean_name(owner.text),
                              **base)]
        if country is None and org is None and people is None and head.dep_ == "conj":
            country = self._conjunct_state(head.head, kb_at)  # "Israeli helicopters and tanks"
        if country is None and org is None:  # "Russia said its troops would leave", "Britain deployed troops"
            country = self._possessor_state(head, kb_at, sent=sector in self.sent_sectors)
        if country is None:  # "rebels in Darfur", "militias in Tripoli": the place they are in
            place, end = self._place(head, kb_at, ent_at, end)
            country = place if org is None else None  # "Islamic State positions in Syria" stay the group's
            base["end"] = end
        if country is None and people is None and org is None and sector in self.local_sectors:
            country = self._clause_place(head, kb_at, ent_at)  # "people blocked streets in Hong Kong"
        if people is not None:  # "Yoruba leaders", "Moslem forces", "Hutu rebel group"
            country = country or people.country
            if head.lower_ in self.people_elite_heads or head.lemma_.lower() in self.people_elite_heads:
                sector = "ELI"
            elif sector in self.people_armed and not countries:
                sector = "REB"
            if country is None and people is _ETHNIC:  # "ethnic Albanian guerrillas ... Macedonian officials"
                country = self._first_state(head, kb_at, kin)
            if country is None and sector not in self.needs_country:
                return [Candidate(kind="group", sector=sector, org=org, **base)]
        if country is None and org is None and sector in self.needs_country:
            country = self._sentence_state(head, kb_at, start, end)  # "Peru refused, government officials said"
            if country is None and not self._the_government(head):
                return []
        if len(countries) > 1 and any(t.dep_ == "cc" for t in doc[start:head.i]):
            # one group actor per coordinated country, each phrase running to the shared head
            return [Candidate(kind="group", country=iso3, sector=sector, org=org,
                              **(base | {"start": start if n == 0 else at}))
                    for n, (at, iso3) in enumerate(countries)]
        return [Candidate(kind="group", country=country, sector=sector, org=org, **base)]

    def _drop_languages(self, tokens: list[Token], kb_at, ent_at) -> None:
        """A demonym that names a language ("the Russian language", "Russian-speaking residents", "Russian-language
        media") names no state: its speakers may be anyone's."""
        for s, e, refs in {(s, e): (s, e, refs) for s, e, refs in kb_at.values()}.values():
            if not refs or any(r.kind != "demonym" for r in refs):
                continue
            after = tokens[e + 1] if e + 1 < len(tokens) and tokens[e].text == "-" else (
                tokens[e] if e < len(tokens) else None)
            if after is not None and after.lower_ in self.language_words:
                for i in range(s, e):
                    del kb_at[i]
                    if i in ent_at and ent_at[i].label_ == "NORP":
                        del ent_at[i]

    def _kin(self, tokens: list[Token]) -> list[Candidate]:
        """"Edwards' wife", "Romney's son": another person than the one named, unnamed here (with a name after
        it, "Edwards' wife Elizabeth", the name is the mention)."""
        found = []
        for t in tokens:
            if t.lower_ not in self.kin_words or any(c.dep_ in ("appos", "compound") and c.i > t.i for c in t.children):
                continue
            owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None and not (t.i + 1 < len(tokens) and tokens[t.i + 1].pos_ == "PROPN"):
                start = owner.left_edge.i
                found.append(Candidate(start=start, end=t.i + 1, head=t, kind="person",
                                       name=t.doc[start : t.i + 1].text))
        return found

    def _pronouns(self, tokens: list[Token]) -> list[Candidate]:
        found = [
            Candidate(start=t.i, end=t.i + 1, head=t, kind="pronoun", gender=_SUBJECT_PRONOUNS[t.lower_])
            for t in tokens
            if t.lower_ in _SUBJECT_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass")
        ]
        found.extend(Candidate(start=t.i - 5, end=t.i + 1, head=t, kind="pronoun")
                     for t in tokens if _bare_age(tokens, t.i))
        return sorted(found, key=lambda c: c.start)


def _bare_age(tokens: list[Token], i: int) -> bool:
    """"the 43-year-old" with no noun after it ("…," the 43-year-old said): a person named before, like "he"."""
    if i < 5 or tokens[i].lower_ != "old" or tokens[i - 2].lower_ not in ("year", "years"):
        return False
    if tokens[i - 4].pos_ != "NUM" or tokens[i - 5].lower_ != "the":
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is None or after.pos_ in ("VERB", "AUX", "PUNCT", "ADV")


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep outer phrases: a candidate inside another's range is part of it (unless both share a head:
    the coordinated countries of one group)."""
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        outer = next((k for k in reversed(kept) if k.start <= c.start and c.end <= k.end), None)
        if outer is not None and c.kind != "pronoun" and outer.head.i != c.head.i:
            continue
        kept.append(c)
    return kept
