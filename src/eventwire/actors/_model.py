"""The actor knowledge base in memory: states, seats of power, regions, peoples, organisations, people in
office, sectors, and the indexes resolution looks names up in (read from files by ``_kb``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

GROUP_CODES = {"IGO", "NGO"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_SURNAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-")


class KBError(ValueError):
    """A knowledge-base file that cannot be used; the message names file, line and problem."""


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    cameo: str

    @property
    def code(self) -> str:
        return self.cameo or self.iso3


@dataclass(frozen=True)
class Seat:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str


@dataclass(frozen=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    country: str
    kind: str  # admin1 | region | district


@dataclass(frozen=True)
class People:
    """An ethnic, religious or political community ("Kurds", "Yoruba", "Shiites"), with the state it lives
    in when that is one state."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # ethnic | religious | political
    country: str | None


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sectors: tuple[str, ...]
    cameo_code: str | None


@dataclass(frozen=True)
class Office:
    country: str
    sector: str
    role: str
    start: date | None
    end: date | None
    org: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    died: date | None = None
    offices: list[Office] = field(default_factory=list)


@dataclass(frozen=True)
class SurfaceRef:
    """What a surface string in the text can refer to."""

    kind: str  # country | demonym | capital | seat | region | people | org | person
    id: str


@dataclass
class ActorKB:
    countries: dict[str, Country] = field(default_factory=dict)
    seats: dict[str, Seat] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    peoples: dict[str, People] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sectors: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules: dict[str, tuple[str, ...]] = field(default_factory=dict)  # resolution.yaml: word lists and policies

    # Indexes, built by ``index()``.
    surfaces: dict[str, list[SurfaceRef]] = field(default_factory=dict, repr=False)
    surnames: dict[str, list[str]] = field(default_factory=dict, repr=False)
    titles: dict[str, str] = field(default_factory=dict, repr=False)  # "defence minister" → GOV
    head_titles: set[str] = field(default_factory=set, repr=False)
    org_heads: dict[str, str] = field(default_factory=dict, repr=False)  # "Front" → REB, as written
    nouns: dict[str, str] = field(default_factory=dict, repr=False)  # lemma → sector
    max_title_words: int = 1
    family_first: set[str] = field(default_factory=set, repr=False)  # people whose family name comes first

    def index(self) -> "ActorKB":
        surfaces: dict[str, list[SurfaceRef]] = defaultdict(list)

        def add(text: str, ref: SurfaceRef) -> None:
            text = " ".join(text.split())
            if text and ref not in surfaces[text]:
                surfaces[text].append(ref)

        for c in self.countries.values():
            for name in (c.name, *c.aliases):
                add(name, SurfaceRef("country", c.iso3))
            for name in c.demonyms:
                add(name, SurfaceRef("demonym", c.iso3))
            for name in c.capitals:
                add(name, SurfaceRef("capital", c.iso3))
        for key, s in self.seats.items():
            for name in (s.name, *s.aliases):
                add(name, SurfaceRef("seat", key))
        for key, r in self.regions.items():
            for name in (r.name, *r.aliases):
                add(name, SurfaceRef("region", key))
        for key, g in self.peoples.items():
            for name in (g.name, *g.aliases):
                add(name, SurfaceRef("people", key))
        for o in self.organizations.values():
            for name in (o.name, *o.aliases):
                add(name, SurfaceRef("org", o.id))
        surnames: dict[str, list[str]] = defaultdict(list)
        family_first = self.codes("family_name_first")
        self.family_first = {p.id for p in self.people.values() if any(o.country in family_first for o in p.offices)}
        for p in self.people.values():
            for name in dict.fromkeys(form for written in (p.name, *p.aliases) for form in (written, _ascii(written))):
                add(name, SurfaceRef("person", p.id))
                for surname in self.name_forms(name, p.id):
                    if p.id not in surnames[surname]:
                        surnames[surname].append(p.id)
        self.surfaces = dict(surfaces)
        self.surnames = dict(surnames)
        self.titles, self.nouns, self.head_titles, self.org_heads = {}, {}, set(), {}
        for code, entry in self.sectors.items():
            for title in entry.get("titles") or []:
                self.titles.setdefault(title.lower(), code)
            for noun in entry.get("nouns") or []:
                self.nouns.setdefault(noun.lower(), code)
            self.head_titles.update(t.lower() for t in entry.get("heads") or [])
            for word in entry.get("org_heads") or []:
                self.org_heads.setdefault(" ".join(str(word).split()), code)
        self.max_title_words = max((len(t.split()) for t in self.titles), default=1)
        return self

    def name_forms(self, name: str, person_id: str | None = None) -> list[str]:
        """The short forms of a person's full name: its surname forms, or its first word where the family name
        comes first ("Xi" of "Xi Jinping", "Kim" of "Kim Jong Un")."""
        forms = surname_forms(name)
        if person_id in self.family_first and len(name.split()) > 1:
            forms.append(name.split()[0])
        return forms

    def words(self, name: str) -> frozenset[str]:
        """A word list of resolution.yaml (lower-cased)."""
        return frozenset(self.rules.get(name, ()))

    def codes(self, name: str) -> frozenset[str]:
        """A sector-code list of resolution.yaml."""
        return frozenset(w.upper() for w in self.rules.get(name, ()))

    def cameo_country(self, iso3: str | None) -> str | None:
        if iso3 is None:
            return None
        country = self.countries.get(iso3)
        return country.code if country else iso3


def _ascii(name: str) -> str:
    """A name without its diacritics ("Erdoğan" → "Erdogan"), as much news copy spells it."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def surname_forms(name: str) -> list[str]:
    """The forms a later mention may use for a person's full name: "Petro", "López Obrador", "Assad"."""
    words = [w for w in name.split() if w.lower() not in _NAME_SUFFIXES]
    if len(words) < 2:
        return []
    forms = [words[-1]]
    if len(words) >= 3:
        forms.append(" ".join(words[-2:]))
    for particle in _SURNAME_PARTICLES:
        if words[-1].lower().startswith(particle) and len(words[-1]) > len(particle) + 1:
            forms.append(words[-1][len(particle) :])
    return forms
