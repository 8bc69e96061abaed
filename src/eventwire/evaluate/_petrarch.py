"""PETRARCH2's unit-test records as a parity check: (source code, target code, event code) triples.

``../shared/data/petrarch2/text/PETR.UnitTest.records.xml`` holds stylised sentences with the codings PETRARCH
should give them with its toy dictionaries (``PETR.Validate.actors.txt``: Arnor = ARN, Gondor = GON …;
``PETR.Validate.agents.txt``: ~GOV, ~MIL …). At eval time only, those two dictionaries are converted into an
eventwire user actor file (one per set of date-restricted codes, in a temporary folder, never saved), and
eventwire's own pipeline, with its own event lexicon, codes each sentence. The toy *verb* dictionary is never
read: scoring it would score PETRARCH's lexicon, not ours. Its codes are mostly WEIS, not CAMEO (its own header
says so), so the event-code figures measure agreement with that dictionary; the actor dyads are the comparable part.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..config import Settings
from ..pipeline import analyze
from ..records import Actor, AnalyzedDocument, Article
from ._common import prf, require

NULL = "---"  # PETRARCH's code for a missing actor, or for an agent whose country is unknown ("---GOV")
_FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "de"}
_DEMONYM_ENDINGS = ("IAN", "AN", "I", "ESE", "ISH")
_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")


# -- the toy dictionaries ------------------------------------------------------------------------------------------

@dataclass
class ActorEntry:
    """One record of an actor dictionary: its phrases, default code and date-restricted codes."""

    phrases: list[str]
    default: str | None = None
    restricted: list[tuple[str, date | None, date | None]] = field(default_factory=list)  # code, first, last day

    def code_on(self, day: date | None) -> str | None:
        """The code valid on ``day``: the first restriction that holds (PETRARCH's order), else the default."""
        for code, first, last in self.restricted:
            if day is not None and (first is None or first <= day) and (last is None or day <= last):
                return code
        return self.default


def _lines(text: str) -> list[str]:
    """Dictionary lines without XML-style (also the sloppy ``<! --``) and ``#``/``;`` comments, blanks dropped;
    leading whitespace is kept (it marks a date restriction)."""
    text = _COMMENT.sub("", text)
    out = []
    for line in text.splitlines():
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


def _day(text: str) -> date:
    """YYYYMMDD or YYMMDD (two-digit years below 30 are 20xx, as in the dictionaries' own examples)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _restriction(body: str) -> tuple[str, date | None, date | None]:
    code, _, rest = body.strip().partition(" ")
    rest = rest.replace(" ", "")
    if not rest:
        return code, None, None
    if rest.startswith("<"):
        return code, None, _day(rest[1:])
    if rest.startswith(">"):
        return code, _day(rest[1:]), None
    first, _, last = rest.partition("-")
    return code, _day(first), _day(last)


def read_actor_dictionary(text: str) -> list[ActorEntry]:
    """A TABARI/PETRARCH actor dictionary: ``PHRASE [CODE]``, ``+SYNONYM`` lines, then tab-indented
    ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` restrictions or a bare ``[CODE]`` default."""
    entries: list[ActorEntry] = []
    for line in _lines(text):
        codes = _CODE.findall(line)
        phrase = _CODE.sub("", line).strip()
        if line[0].isspace() and not phrase:
            if entries:
                for body in codes:
                    code, first, last = _restriction(body)
                    if first is None and last is None:
                        entries[-1].default = code
                    else:
                        entries[-1].restricted.append((code, first, last))
            continue
        if phrase.startswith("+") and entries:
            entries[-1].phrases.append(phrase[1:].strip())
        else:
            entries.append(ActorEntry([phrase]))
        if codes:
            entries[-1].default = codes[0].strip()
    return entries


def read_agent_dictionary(text: str) -> list[tuple[list[str], str]]:
    """A PETRARCH agent dictionary → (phrases, sector code) pairs. ``!MARKER! = A, B`` lines are substituted into
    the phrases that use them; ``[~GOV]`` (after the country) and ``[NGO~]`` (before it) both give the sector."""
    markers: dict[str, list[str]] = {}
    out = []
    for line in _lines(text):
        if m := re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", line):
            markers[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code = _CODE.search(line)
        if not code:
            continue
        phrase = re.sub(r"\{[^}]*\}", "", line[:code.start()]).strip()
        phrases = [phrase]
        for marker, words in markers.items():
            phrases = [p.replace(marker, w) for p in phrases for w in (words if marker in p else [""])]
        out.append((phrases, code.group(1).replace("~", "").strip().upper()))
    return out


def surface_forms(phrase: str) -> list[str]:
    """How a dictionary phrase (upper case, words joined by ``_`` or blanks) is written in text: words
    capitalised ("MINAS_TIRITH" → "Minas Tirith", "BARAD-DUR" → "Barad-dur" and "Barad-Dur"), a leading "the"
    dropped, short words also as acronyms ("U.N.", "IMF"), function words in lower case."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    forms = [""]
    for n, word in enumerate(words):
        low = word.lower()
        options = {word.capitalize(), "-".join(p.capitalize() for p in word.split("-"))}
        if "." in word or len(word) <= 3:
            options.add(word.upper())
        if n and low in _FUNCTION_WORDS:
            options = {low}
        forms = [f"{f} {o}".strip() for f in forms for o in sorted(options)][:16]
    return forms


def _is_code(code: str | None) -> bool:
    """A dictionary code (ARN, HOBGOV, FRO/BIL/SAM), not a null, discard or quoted noun-phrase marker."""
    return bool(code) and bool(re.fullmatch(r"[A-Z0-9]+(/[A-Z0-9]+)*", code))


def _sector_codes(agents: list[tuple[list[str], str]]) -> dict[str, dict[str, list[str]]]:
    """The agent dictionary as the ``sectors`` section of an actor file. eventwire codes an actor with one
    sector, so a compound agent code (GOVMED, CHRCPT) keeps its first part."""
    sectors: dict[str, dict[str, list[str]]] = {}
    for phrases, code in agents:
        sector = code[:3]
        if not re.fullmatch(r"[A-Z]{3}", sector):
            continue
        entry = sectors.setdefault(sector, {"titles": [], "nouns": []})
        for phrase in phrases:
            words = " ".join(re.split(r"[_\s]+", phrase.strip("_ "))).lower()
            if words:
                entry["titles"].append(words)
                entry["nouns"].append(words)
    return sectors


def _reads_itself(form: str, kb) -> bool:
    """Whether eventwire resolves a name without help: a name its knowledge base has, or one followed by sector
    words ("White House", "Israeli troops")."""
    if form in kb.surfaces:
        return True
    words = form.split()
    for i in range(1, len(words)):
        left, right = " ".join(words[:i]), " ".join(words[i:]).lower()
        if left in kb.surfaces and (right in kb.titles or right in kb.nouns or right.rstrip("s") in kb.nouns):
            return True
    return False


def _names(entry: ActorEntry) -> tuple[list[str], list[str]]:
    """An entry's surface forms, split into names and demonyms (a synonym that is the primary phrase plus an
    adjective ending: ERIADORIAN of ERIADOR)."""
    primary = entry.phrases[0].strip("_ ").upper()
    names, demonyms = [], []
    for phrase in entry.phrases:
        stem = phrase.strip("_ ").upper()
        is_demonym = stem != primary and any(stem in (primary.rstrip("AEIOU") + e, primary + e)
                                             for e in _DEMONYM_ENDINGS)
        (demonyms if is_demonym else names).extend(surface_forms(phrase))
    return list(dict.fromkeys(names)), list(dict.fromkeys(demonyms))


def _state_row(code: str, names: list[str], demonyms: list[str], kb, rows: dict[str, dict]) -> None:
    """A three-letter code as a state: one the knowledge base knows (by name, code or CAMEO code) keeps its names
    and takes the code as its CAMEO code; another is a new state."""
    known = next((kb.countries[r.id] for form in names for r in kb.surfaces.get(form, ()) if r.kind == "country"),
                 None) or kb.countries.get(code) or next((c for c in kb.countries.values() if c.cameo == code), None)
    key = known.iso3 if known else code
    row = rows.get(key) or (
        {"iso3": known.iso3, "name": known.name, "aliases": list(known.aliases), "demonyms": list(known.demonyms),
         "capital": list(known.capitals), "cameo": known.cameo}
        if known else {"iso3": code, "name": names[0], "aliases": [], "demonyms": [], "capital": [], "cameo": ""})
    if known and code != known.iso3:
        row["cameo"] = code
    taken = {row["name"], *row["aliases"], *row["demonyms"], *row["capital"]}
    row["aliases"] += [f for f in names if f not in taken]
    row["demonyms"] += [f for f in demonyms if f not in taken]
    rows[key] = row


def actor_file(actors: list[ActorEntry], agents: list[tuple[list[str], str]], day: date | None, kb) -> dict:
    """The toy dictionaries as an eventwire user actor file (a YAML mapping), with the codes valid on ``day``.

    A three-letter code is a state (see ``_state_row``). A six-letter one, state + agent (HOBGOV, MRGORC), is a
    person holding that office: eventwire codes a person from their office whatever NER calls the name, and
    composes the code the same way; its agent becomes a sector when eventwire lacks it. Any other code is an
    organisation carrying it verbatim (IMGMOSALQ, FRO/BIL/SAM). Names eventwire already resolves by itself
    ("White House", "Israeli troops") keep its reading; null codes (``---``, ``+++``) and discards (``###``)
    leave a phrase uncoded. The agent dictionary adds its words to the sectors."""
    sectors = _sector_codes(agents)
    countries: dict[str, dict] = {}
    people, organizations = [], []
    for n, entry in enumerate(actors):
        code = (entry.code_on(day) or "").upper()
        if not _is_code(code):
            continue
        names, demonyms = _names(entry)
        if re.fullmatch(r"[A-Z]{3}", code):
            _state_row(code, names, demonyms, kb, countries)
            continue
        names = [f for f in names + demonyms if not _reads_itself(f, kb)]
        if not names:
            continue
        if re.fullmatch(r"[A-Z]{6}", code):
            if code[3:] not in kb.sectors:
                sectors.setdefault(code[3:], {})
            people.append({"person_id": f"petrarch-{n}", "name": names[0], "aliases": names[1:],
                           "country": code[:3], "sector": code[3:], "role": code[3:].lower()})
        else:
            organizations.append({"org_id": f"petrarch-{n}", "name": names[0], "aliases": names[1:],
                                  "cameo_code": code})
    return {"sectors": sectors, "countries": list(countries.values()), "people": people,
            "organizations": organizations}


# -- the records ---------------------------------------------------------------------------------------------------

@dataclass
class Coding:
    source: str
    target: str
    event: str


@dataclass
class Record:
    id: str
    date: date | None
    category: str
    text: str
    codings: list[Coding]
    active: bool = True  # sentence="false": a feature PETRARCH marks as not implemented
    no_events: bool = False
    error: str | None = None  # a test of PETRARCH's discard lists or input checks, not of coding

    @property
    def skip_reason(self) -> str | None:
        if not self.active:
            return "marked inactive (sentence=\"false\")"
        if self.error:
            return f"tests PETRARCH's {self.error} handling"
        if any(not _is_code(c) and c != NULL and not c.startswith(NULL) for x in self.codings
               for c in (x.source, x.target)):
            return "expects an uncoded noun phrase or a discard code as an actor"
        return None


def read_records(path: Path) -> list[Record]:
    """The ``<Sentence>`` records of a PETRARCH validation file, with their expected ``<EventCoding>``s."""
    records = []
    for s in ET.parse(require(path)).getroot().iter("Sentence"):
        codings, no_events, error = [], False, None
        for c in s.iter("EventCoding"):
            if "noevents" in c.attrib:
                no_events = True
            elif "error" in c.attrib:
                error = c.get("error")
            else:
                codings.append(Coding(c.get("sourcecode", "").strip(), c.get("targetcode", "").strip(),
                                      c.get("eventcode", "").strip()))
        raw = (s.get("date") or "").strip()
        records.append(Record(
            id=(s.get("id") or "").strip(), date=_day(raw) if re.fullmatch(r"\d{8}", raw) else None,
            category=(s.get("category") or "").strip(), text=" ".join((s.findtext("Text") or "").split()),
            codings=codings, active=(s.get("sentence") or "true").strip().lower() == "true",
            no_events=no_events, error=error))
    return records


# -- scoring -------------------------------------------------------------------------------------------------------

def actor_codes(actor: Actor | None) -> list[str]:
    """An eventwire actor's code(s) in PETRARCH's spelling: none is ``---``, a sector without a state ``---GOV``,
    and a dictionary code naming several actors (THE_SHIRE [FRO/BIL/SAM]) one code each."""
    if actor is None or not actor.cameo_code:
        return [NULL]
    if actor.country is None and actor.sectors and actor.cameo_code == actor.sectors[0]:
        return [NULL + actor.cameo_code]
    return actor.cameo_code.split("/")


def predicted_triples(doc: AnalyzedDocument) -> tuple[set[tuple], set[tuple]]:
    """(source code, target code, CAMEO code) for every source × target of every event, as PETRARCH codes a
    compound actor (a missing side is ``---``), one per distinct triple: the factual events', and the flagged
    (negated, hypothetical, historical) events' apart, since users see those as flagged, not as facts."""
    by_id = {a.id: a for a in doc.actors}
    facts, flagged = set(), set()
    for e in doc.events:
        sources = [c for r in e.source for c in actor_codes(by_id.get(r.actor_id))] or [NULL]
        targets = [c for r in e.target for c in actor_codes(by_id.get(r.actor_id))] or [NULL]
        into = flagged if (e.negated or e.hypothetical or e.historical) else facts
        into.update((s, t, e.cameo_code) for s in sources for t in targets if (s, t) != (NULL, NULL))
    return facts, flagged


def root(code: str) -> str:
    return code[:2]


_VIEWS = {
    "triples": lambda t: t,
    "root_triples": lambda t: (t[0], t[1], root(t[2])),
    "dyads": lambda t: (t[0], t[1]),
    "codes": lambda t: t[2],
    "roots": lambda t: root(t[2]),
}


def match(gold: list[tuple], predicted: set[tuple], view) -> int:
    """Gold items matched one-to-one by predicted ones that look the same through ``view`` (a code triple, its
    root, the actor pair …): the size of the multiset intersection."""
    return sum((Counter(map(view, gold)) & Counter(map(view, predicted))).values())


def _country_part(code: str) -> str:
    return code[:3]


def classify_miss(gold: tuple, facts: set[tuple], flagged: set[tuple], doc_codes: set[str]) -> str:
    """Why a gold triple was missed, from what eventwire did code in the sentence: the event code (with the
    right actors), a flag (the event is there but negated/hypothetical/historical), an actor's code (its state
    found with another agent, or not found at all), the target or source, or no event at all."""
    s, t, code = gold
    if any((p[0], p[1]) == (s, t) for p in facts):
        same_root = any((p[0], p[1], root(p[2])) == (s, t, root(code)) for p in facts)
        return "event code (same root)" if same_root else "event code (other root)"
    if any((p[0], p[1]) == (s, t) for p in flagged):
        return "flagged (negated/hypothetical/historical)"
    absent = [c for c in (s, t) if c != NULL and c not in doc_codes]
    if absent:
        near = all(any(_country_part(c) == _country_part(d) for d in doc_codes) for c in absent)
        return "actor code composition" if near else "actor not found"
    if any(p[0] == s for p in facts):
        return "target"
    if any(p[1] == t for p in facts):
        return "source"
    return "no event coded" if not facts else "other (structure)"


def evaluate_petrarch(data: Path, settings: Settings, *, max_errors: int = 50) -> dict:
    """Score eventwire on PETRARCH2's unit-test records (see the module docstring)."""
    from ..actors import load_kb

    folder = require(data / "petrarch2")
    records = read_records(folder / "text" / "PETR.UnitTest.records.xml")
    actors = read_actor_dictionary(require(folder / "dictionaries" / "PETR.Validate.actors.txt").read_text("utf-8"))
    agents = read_agent_dictionary(require(folder / "dictionaries" / "PETR.Validate.agents.txt").read_text("utf-8"))
    skipped = Counter(r.skip_reason for r in records if r.skip_reason)
    scored = [r for r in records if not r.skip_reason]
    kb = load_kb()
    docs: dict[str, AnalyzedDocument] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-petrarch-") as tmp:
        files: dict[str, list[Record]] = {}  # one actor file per set of date-resolved codes
        for r in scored:
            text = yaml.safe_dump(actor_file(actors, agents, r.date, kb), sort_keys=False, allow_unicode=True)
            files.setdefault(text, []).append(r)
        for n, (text, group) in enumerate(files.items()):
            path = Path(tmp) / f"actors-{n}.yaml"
            path.write_text(text, encoding="utf-8")
            run = dataclasses.replace(settings, actors_files=(*settings.actors_files, str(path)))
            articles = (Article(id=r.id, text=r.text, date=r.date.isoformat() if r.date else None) for r in group)
            docs.update((doc.article.id, doc) for doc in analyze(articles, run))
    counts = {name: [0, 0, 0] for name in _VIEWS}
    flagged_counts = [0, 0, 0]  # flagged triples; of them matching a gold triple; a gold dyad
    misses: Counter = Counter()
    errors = []
    for r in scored:
        doc = docs[r.id]
        gold = [(c.source, c.target, c.event) for c in r.codings]
        facts, flagged = predicted_triples(doc)
        for name, view in _VIEWS.items():
            counts[name][0] += match(gold, facts, view)
            counts[name][1] += len(facts)
            counts[name][2] += len(gold)
        flagged_counts[0] += len(flagged)
        flagged_counts[1] += match(gold, flagged, _VIEWS["triples"])
        flagged_counts[2] += match(gold, flagged, _VIEWS["dyads"])
        unmatched = list((Counter(gold) - Counter(facts)).elements())
        spurious = sorted(set(facts) - set(gold))
        doc_codes = {c for a in doc.actors for c in actor_codes(a)}
        kinds = [classify_miss(g, facts, flagged, doc_codes) for g in unmatched]
        misses.update(kinds)
        if (unmatched or spurious) and len(errors) < max_errors:
            errors.append({"id": r.id, "category": r.category, "sentence": r.text,
                           "missed": [f"{' '.join(g)} [{k}]" for g, k in zip(unmatched, kinds)],
                           "spurious": [" ".join(p) for p in spurious],
                           "flagged": [" ".join(p) for p in sorted(flagged)],
                           "actors": sorted(doc_codes - {NULL})})
    return {
        "records": len(records), "scored": len(scored), "no_event_records": sum(r.no_events for r in scored),
        "not_scored": dict(skipped), **{name: prf(*c) for name, c in counts.items()},
        "flagged": dict(zip(("triples", "gold_triples", "gold_dyads"), flagged_counts)),
        "misses": dict(misses.most_common()), "errors": errors,
        "note": "PETRARCH2 unit-test records coded with its toy actor and agent dictionaries (converted to an "
                "eventwire actor file) and eventwire's own event lexicon: a parity check on stylised sentences, "
                "not an accuracy figure. One (source, target, event code) triple per source x target of each "
                "factual event, '---' for a missing actor; one-to-one within a sentence. The gold event codes "
                "come from PETRARCH's toy verb dictionary, mostly WEIS rather than CAMEO codes; the dyads "
                "(source, target) are the comparable part.",
    }
