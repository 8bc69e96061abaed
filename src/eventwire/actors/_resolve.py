"""Resolving mention candidates into document actors, as of the document's date.

Names are looked up in the knowledge base (offices valid on the document
date decide country, sector and role; people out of office are "former");
later surnames, bare titles ("the president") and subject pronouns join the
actor they refer back to; group phrases with the same country and sector
are one actor ("the US government", "Washington").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from spacy.tokens import Doc

from ..records import Actor, Mention, Span
from ._context import place_clause, place_from_context
from ._coref import pronoun_antecedent, title_antecedent
from ._kb import ActorKB, Office, Person
from ._mentions import Candidate
from ._model import _ascii
from ._names import HONORIFICS, title_words


@dataclass
class _Draft:
    key: tuple
    name: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    cameo_code: str | None = None
    kb_id: str | None = None
    former: bool = False
    deceased: bool = False
    gender: str | None = None
    is_person: bool = False
    mentions: list[tuple[int, int, str, int]] = field(default_factory=list)  # char start, end, label, sentence


# courtesy titles just before a name tell a person's grammatical gender
_TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


class Resolver:
    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        self.title_words = title_words(kb)
        self.state_body_sectors = kb.codes("state_body_sectors")
        self.body_itself_sectors = kb.codes("body_itself_sectors")
        self.context_sectors = (kb.codes("placeable_sectors"), self.state_body_sectors)

    def resolve(self, doc: Doc, candidates: list[Candidate], day: date | None) -> list[Actor]:
        sentence_of = {}
        n = -1
        for sent in doc.sents:
            if any(not t.is_space for t in sent):  # numbered as in AnalyzedDocument.sentences
                n += 1
                for token in sent:
                    sentence_of[token.i] = n
        drafts: dict[tuple, _Draft] = {}
        history: list[tuple[int, _Draft]] = []  # (token index of the mention head, actor)
        places: dict[int, int] = {}  # char offset → clause of the mentions that name a state only as a place
        heads: dict = {}  # char offset → head token of every mention

        def attach(draft: _Draft, c: Candidate, label: str) -> None:
            drafts.setdefault(draft.key, draft)
            span = doc[c.start : c.end]
            if draft.is_person and draft.gender is None:
                # learnt from the text: "Mr. Jones", or a "he" already bound to them ("she" then means someone else)
                draft.gender = c.gender if c.kind == "pronoun" else _TITLE_GENDER.get(doc[c.start].lower_) or (
                    _TITLE_GENDER.get(doc[c.start - 1].lower_) if c.start > 0 else None)
            draft.mentions.append((span.start_char, span.end_char, label, sentence_of.get(c.head.i, 0)))
            heads[span.start_char] = c.head
            place = place_clause(c.kind, c.head)
            if place is not None:
                places[span.start_char] = place
            history.append((c.head.i, draft))

        for c in candidates:
            if c.kind == "pronoun":
                target = pronoun_antecedent(c, history, sentence_of)
                if target:
                    attach(target, c, "PRON")
                continue
            if c.kind == "title":
                target = title_antecedent(c, history, self.kb.head_titles)
                attach(target or self._unknown_person(c, drafts), c, "TITLE")
                continue
            draft = self._draft(c, day, drafts, history)
            if draft is not None:
                attach(draft, c, c.label)
        place_from_context(drafts.values(), self.kb, _code, places, heads, self.context_sectors)
        text = doc.text
        return [self._actor(n, d, text) for n, d in enumerate(_ordered(drafts.values()), 1)]

    # -- one named mention ---------------------------------------------------

    def _draft(self, c: Candidate, day: date | None, drafts: dict, history) -> _Draft | None:
        kb = self.kb
        if c.kind == "person":
            return self._person(c, day, drafts)
        if c.kind == "org":
            if c.refs:
                org = kb.organizations[c.refs[0].id]
                key = ("org", org.id)
                if key in drafts:
                    return drafts[key]
                sectors = list(org.sectors)
                return _Draft(key, org.name, org.country, sectors, None,
                              org.cameo_code or _code(kb, org.country, sectors), org.id)
            key = ("orgname", c.name.casefold())
            if key in drafts:
                return drafts[key]
            sectors = [c.sector] if c.sector else []
            return _Draft(key, c.name, c.country, sectors, None, _code(kb, c.country, sectors))
        if c.kind == "seat":
            seat = kb.seats[c.refs[0].id]
            return self._group(seat.country, seat.sector, None, c, drafts)
        if c.kind == "capital":
            return self._group(c.country, "GOV", None, c, drafts)
        if c.kind == "country":
            sectors = [c.sector] if c.sector else []
            key = ("country", c.country, tuple(sectors))
            if key in drafts:
                return drafts[key]
            country = kb.countries[c.country]
            name = country.name if not sectors else _phrase(c)
            return _Draft(key, name, country.iso3, sectors, None, _code(kb, country.iso3, sectors))
        if c.kind == "city":
            sectors = [c.sector] if c.sector else []
            key = ("city", c.name, tuple(sectors))
            if key not in drafts:
                drafts[key] = _Draft(key, c.name, c.country, sectors, None, _code(kb, c.country, sectors))
            return drafts[key]
        if c.kind == "group":
            country = c.country
            if country is None and c.org:
                org = kb.organizations[c.org]
                country = org.country
            if country is None and c.owner:  # "the Bush administration": the country of the person
                owner = self._lookup(Candidate(0, 0, c.head, "person", name=c.owner), c.owner, day)
                office = self._office_on(owner, day, None)[0] if owner else None
                shared = None if owner else self._shared_office(c.owner, day, None)
                country = office.country if office else (shared[0] if shared else None)
                if country is None:
                    return None
            return self._group(country, c.sector, c.org, c, drafts)
        return None

    def _group(self, country: str | None, sector: str, org: str | None, c: Candidate, drafts) -> _Draft:
        # a state's own bodies are one actor whatever the noun ("the government" … "officials"); other groups of a
        # state are one only under the same noun ("prisoners" are not "demonstrators")
        head = None if sector in self.state_body_sectors or org else c.head.lemma_.lower()
        key = ("group", country, sector, org, head)
        if key in drafts:
            return drafts[key]
        name = _phrase(c)
        code = _code(self.kb, country, [sector])
        if org:
            body = self.kb.organizations[org]
            code = _body_member_code(body, sector, self.body_itself_sectors) or (
                (body.cameo_code or code) if sector == "IGO" or sector in body.sectors else code)
        return _Draft(key, name, country, [sector], None, code, org)

    def _person(self, c: Candidate, day: date | None, drafts: dict) -> _Draft:
        kb = self.kb
        name = c.name or c.head.text
        folded = name.casefold()
        # A surname or short form of someone already named in this document: of two namesakes, the one the
        # document has named more often (the story's subject, not the mayor quoted once), else the later one
        named = [d for d in drafts.values()
                 if d.is_person and (d.name.casefold() == folded or folded in _short_forms(d, kb))]
        if named:
            return _described(max(reversed(named), key=lambda d: len(d.mentions)), c, kb)
        person = self._lookup(c, name, day)
        if person is not None:
            key = ("person", person.id)
            if key in drafts:
                return drafts[key]
            return self._coded_person(person, c, day)
        key = ("name", folded)
        if key in drafts:
            return drafts[key]
        shared = self._shared_office(name, day, c.role)
        if shared is not None:  # "President Bush": two people, one country and office
            country, sector, role = shared
            return _Draft(key, name, country, [sector], role, _code(kb, country, [sector]), None, c.former,
                          c.deceased, None, True)
        sectors = [c.sector] if c.sector else []
        if c.country is None:  # "Clinton" out of office: which one is unknown, but both are American
            c.country = self._shared_country(name, day)
        if c.former and c.sector == "GOV":
            sectors = ["ELI"]
        role = _role_text(c.role, c.former)
        country = c.country
        code = _code(kb, country, sectors)
        if c.org and country in (None, "IGO"):  # "U.N. mediator Diego Cordovez": an official of that body
            org = kb.organizations[c.org]
            country = country or org.country
            sectors = sectors or (["GOV"] if org.country == "IGO" else [])
            code = org.cameo_code or _code(kb, country, sectors)
        return _Draft(key, name, country, sectors, role, code, None, c.former, c.deceased, None, True)

    def _lookup(self, c: Candidate, name: str, day: date | None) -> Person | None:
        kb = self.kb
        ids = [r.id for r in c.refs]
        if not ids:
            ids = [r.id for r in kb.surfaces.get(name, []) if r.kind == "person"] or kb.surnames.get(name, [])
        if not ids:
            return None
        people = [kb.people[i] for i in dict.fromkeys(ids) if not _other_given_name(name, kb.people[i], self.title_words)]
        if not people:
            return None  # "Sadiq Khan" is not Imran Khan
        if c.country:
            matching = [p for p in people if any(o.country == c.country for o in p.offices)]
            people = matching or people
        if len(people) > 1 and c.role:
            role = c.role.lower()
            matching = [p for p in people if any(role in o.role.lower() for o in p.offices)]
            people = matching or people
        if len(people) > 1 and day:
            in_office = [p for p in people if any(o.holds_on(day) for o in p.offices)]
            people = in_office or people
        if len(people) > 1 and not c.refs:
            return None  # an ambiguous bare surname: do not guess
        return people[0] if len(people) == 1 or c.refs else None

    def _office_on(self, person: Person, day: date | None, title: str | None) -> tuple[Office | None, bool]:
        return _office_on(person, day, title, self.kb.rules.get("role_priority", ()))

    def _shared_office(self, name: str, day: date | None, title: str | None) -> tuple[str, str, str] | None:
        """The country, sector and role every person a surname may mean would have (None if they differ)."""
        ids = self.kb.surnames.get(name, [])
        if len(ids) < 2:
            return None
        offices = set()
        for person_id in ids:
            office, former = self._office_on(self.kb.people[person_id], day, title)
            if office is None or former:
                return None
            offices.add((office.country, office.sector, office.role))
        return offices.pop() if len(offices) == 1 else None

    def _shared_country(self, name: str, day: date | None) -> str | None:
        """The one state of every person of the knowledge base a surname may mean, by the offices they had begun
        by ``day`` (None if they differ)."""
        ids = self.kb.surnames.get(name, [])
        if len(ids) < 2:
            return None
        states = {o.country for i in ids for o in self.kb.people[i].offices
                  if day is None or o.start is None or o.start <= day}
        return states.pop() if len(states) == 1 and not states & {"IGO", "NGO"} else None

    def _coded_person(self, person: Person, c: Candidate, day: date | None) -> _Draft:
        kb = self.kb
        office, former = self._office_on(person, day, c.role)
        # Without a document date only the text can say "late" or "former".
        deceased = c.deceased or bool(person.died and day is not None and person.died <= day)
        former = former or c.former or deceased
        if office is None:
            # not yet in office: what the text says ("General David Petraeus" before the CIA), else a notable of
            # the state they will serve ("Donald Trump" in 2015: USA ELI, as CAMEO codes public figures)
            states = {o.country for o in person.offices}
            country = c.country or (states.pop() if len(states) == 1 and not states & {"IGO", "NGO"} else None)
            sectors = [c.sector] if c.sector else []
            if (c.former and c.sector == "GOV") or (not c.sector and country):  # "Former London mayor Boris Johnson"
                sectors = ["ELI"]
            role = _role_text(c.role, c.former)
        elif former and not deceased and office.country not in ("IGO", "NGO") and _new_office(c, person):
            # out of the offices we know, but the text names a current one ("Mayor Rahm Emanuel"): that one
            country, sectors, role = c.country or office.country, [c.sector], _role_text(c.role, False)
            office, former = None, False
        elif former:
            country, sectors, role = office.country, ["ELI"], f"former {office.role}"
        else:
            # officials of international organisations are coded IGO + GOV, as in PLOVER/CAMEO
            sector = "GOV" if office.sector == "IGO" else office.sector
            country, sectors, role = office.country, [sector], office.role
        if office is not None and office.org and not former:
            org = kb.organizations.get(office.org)
            code = org.cameo_code if org and org.cameo_code and office.sector == "IGO" else _code(kb, country, sectors)
        else:
            code = _code(kb, country, sectors)
        return _Draft(("person", person.id), person.name, country, sectors, role, code, person.id, former, deceased,
                      person.gender, True)

    def _unknown_person(self, c: Candidate, drafts: dict) -> _Draft:
        phrase = _phrase(c)
        key = ("title", c.country, (c.role or "").lower(), c.start)
        sectors = [c.sector] if c.sector else []
        if c.former:
            sectors = ["ELI"]
        country, code = c.country, None
        if c.org and country in (None, "IGO", "NGO"):  # "the UN Mideast envoy": an official of that body
            body = self.kb.organizations[c.org]
            country = country or body.country
            code = _body_member_code(body, sectors[0] if sectors else "GOV", self.body_itself_sectors)
        code = code or _code(self.kb, country, sectors)
        return _Draft(key, phrase, country, sectors, _role_text(c.role, c.former), code,
                      None, c.former, c.deceased, None, True)

    # -- output --------------------------------------------------------------

    def _actor(self, number: int, draft: _Draft, text: str) -> Actor:
        mentions = [
            Mention(Span.of(text, start, end), label, sentence)
            for start, end, label, sentence in sorted(set(draft.mentions))
        ]
        return Actor(
            id=f"a{number}", name=draft.name, mentions=mentions, country=draft.country, sectors=draft.sectors,
            role=draft.role, cameo_code=draft.cameo_code, kb_id=draft.kb_id, former=draft.former,
            deceased=draft.deceased,
        )


def _phrase(c: Candidate) -> str:
    text = c.head.doc[c.start : c.end].text
    return text[4:] if text.lower().startswith("the ") else text


def _ordered(drafts) -> list[_Draft]:
    return sorted((d for d in drafts if d.mentions), key=lambda d: min(m[0] for m in d.mentions))


def _code(kb: ActorKB, country: str | None, sectors: list[str]) -> str | None:
    code = (kb.cameo_country(country) or "") + (sectors[0] if sectors else "")
    return code or None


def _body_member_code(body, sector: str, itself: frozenset[str]) -> str | None:
    """The code of a group or official of an international or non-governmental body, built on the body's own
    code as CAMEO does ("UN peacekeepers" IGOUNOMIL, "U.N. officials" IGOUNO), not on the bare IGO/NGO prefix;
    members of the ``itself`` sectors are the body itself."""
    if body.country not in ("IGO", "NGO") or not body.cameo_code:
        return None
    if sector in itself or sector in body.sectors or body.cameo_code.endswith(sector):
        return body.cameo_code
    return body.cameo_code + sector


def _role_text(role: str | None, former: bool) -> str | None:
    if not role:
        return None
    role = role[0].upper() + role[1:]
    return f"former {role}" if former else role


def _described(draft: _Draft, c: Candidate, kb: ActorKB) -> _Draft:
    """A person the knowledge base lacks, first named bare ("Sadiq Khan"), takes the state, sector and role a
    later mention gives ("the mayor of London, Sadiq Khan")."""
    if draft.kb_id is None and draft.country is None and not draft.sectors and c.country and c.sector:
        sector = "ELI" if c.former and c.sector == "GOV" else c.sector
        draft.country, draft.sectors, draft.role = c.country, [sector], _role_text(c.role, c.former)
        draft.former = c.former  # "the mayor" is not "the former mayor"
        draft.cameo_code = _code(kb, c.country, draft.sectors)
    return draft


def _other_given_name(name: str, person: Person, title_words: frozenset[str] = frozenset()) -> bool:
    """``name`` is a full name whose first given name none of ``person``'s names has ("Sadiq Khan" for Imran
    Khan): someone else of that surname. Initials match their name ("G. Bush")."""
    words = name.split()
    while words and (words[0].casefold() in HONORIFICS or words[0].casefold() in title_words):
        words.pop(0)  # "Republican Kevin McCarthy", "Archbishop Desmond Tutu"
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    given = _ascii(words[0]).casefold().rstrip(".")
    for known in (person.name, *person.aliases):
        first = _ascii(known.split()[0]).casefold().rstrip(".")
        if given == first or (len(given) == 1 and first.startswith(given)) or (len(first) == 1 and given.startswith(first)):
            return False
        if given in _ascii(known).casefold().split():  # "Mohammed Daoud": a later given name written first
            return False
        if SequenceMatcher(None, given, first).ratio() >= 0.8:  # "Mohammad" for "Mohammed"
            return False
    return True


def _short_forms(draft: _Draft, kb: ActorKB) -> set[str]:
    forms = {f.casefold() for f in kb.name_forms(draft.name, draft.kb_id)}
    if draft.kb_id and draft.kb_id in kb.people:
        person = kb.people[draft.kb_id]
        for alias in person.aliases:
            forms.add(alias.casefold())
            forms.update(f.casefold() for f in kb.name_forms(alias, person.id))
    return forms


def _office_on(person: Person, day: date | None, title: str | None,
               priorities: tuple[str, ...] = ()) -> tuple[Office | None, bool]:
    """The office a person holds on ``day`` (the one the text's title names, else the highest), and whether
    they are out of office then (former)."""
    offices = person.offices
    if not offices:
        return None, False

    def rank(o: Office) -> tuple:
        named = bool(title) and title.lower() in o.role.lower()
        role = o.role.lower()
        priority = next((n for n, r in enumerate(priorities) if r in role), len(priorities))
        return (not named, priority, -(o.start or date.min).toordinal())

    if day is None:
        return sorted(offices, key=rank)[0], False
    current = [o for o in offices if o.holds_on(day)]
    if current:
        return sorted(current, key=rank)[0], False
    past = [o for o in offices if o.end and o.end < day]
    if past:
        return max(past, key=lambda o: o.end), True
    return None, False  # not yet in office on that day


def _new_office(c: Candidate, person: Person) -> bool:
    """The phrase gives ``person`` a current title none of their known offices has ("Mayor Rahm Emanuel", once
    White House Chief of Staff): an office the knowledge base lacks. "former", "late", "then" say otherwise."""
    if not c.role or not c.sector or c.former or c.deceased or c.sector == "ELI":
        return False
    title = c.role.lower().rstrip(".")
    return not any(title in o.role.lower() or o.role.lower() in title for o in person.offices)
