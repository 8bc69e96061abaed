"""Toponym mentions: spaCy GPE/LOC/FAC entities, known place names the NER tagged otherwise or missed.

Besides the NER's places: country, state and region names it tagged ORG or missed, names it missed or
mislabelled right after a locative preposition ("born in Churchill"), all-capitals datelines
("TORRINGTON —"), "X County/Parish" and places that open or close an organisation's name
("Minnesota Department of Transportation", flagged ``embedded``).

Demonyms ("Venezuelan") are never toponyms: the actor stage reads them as countries of actors.
A toponym is *metonymic* when it stands for a government or a people rather than the land: the
subject of an act or a speech ("Washington said", "Venezuela rejected") or a mention the actor stage
resolved to a government actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..gazetteer import Gazetteer
from ..records import Actor
from ._words import place_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the NER sometimes gives a country, state or region ("Colombia" as ORG); a PERSON or NORP never counts.
RELABELLED = {"ORG"}
KNOWN_FEATURES = {"country", "admin1", "region"}
STATIVE_VERBS = place_words("stative_verbs")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
EMBEDDING_LABELS = {"ORG", "FAC"}
MIN_EMBEDDED_POPULATION = 5000
GENERIC_WORDS = place_words("generic_words")
NEWSPAPER_WORDS = place_words("newspaper_words")
OFFICE_WORDS = place_words("office_words")
PLACE_NOUNS = place_words("place_nouns")
LOCATIVE_BEFORE = place_words("locative_before")
MIN_LOCATIVE_POPULATION = 1000
RELABEL_PREPOSITIONS = place_words("relabel_prepositions")
LOCAL_NOUNS = place_words("local_nouns")
LOCAL_WORDS_TITLED = place_words("local_words_titled")
STREET_WORDS = place_words("street_words")
STREET_LABELS = {"FAC", "ORG", "PERSON", "GPE", "LOC", "WORK_OF_ART", "CARDINAL"}
STREET_NAME_WORDS = place_words("street_name_words")
ROAD_WORDS = place_words("road_words")
DATELINE_DASHES = {"—", "–", "-", "--", "---", "(", ":"}
AREA_WORDS = place_words("area_words")
NOT_NAME_WORDS = place_words("not_name_words")
MAX_NAME_WORDS = 2  # the words of a long PERSON entity that are the person's name (given name, surname)
LIST_AREA_WORDS = {"counties": "County", "parishes": "Parish", "roads": "street", "streets": "street",
                   "avenues": "street", "drives": "street", "boulevards": "street"}
NOT_PLACE_ENTITIES = {"DATE", "TIME", "WORK_OF_ART", "LAW", "EVENT", "MONEY", "PERCENT", "QUANTITY"}
PARTY_CODES = {"D", "R", "I", "DFL"}  # US parties as legislators' home towns follow them ("R-Elbow Lake")
FUNCTION_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM"}
MAX_WINDOW = 4  # tokens in a name the NER missed ("Latin America and the Caribbean" has two)


@dataclass
class Toponym:
    start: int  # character offsets into the document text
    end: int
    text: str
    head: int  # token index of the name's syntactic head
    metonymic: bool = False
    embedded: bool = False  # opens or closes an organisation's or facility's name ("Minnesota Department of …")
    street: bool = False  # a street or road ("Main Street", "Highway 10"): no gazetteer entry, placed in its town
    lookup: str | None = None  # the name to look up when not the text ("Clay" of "Clay and Becker counties")


def find_toponyms(doc: Doc, text: str, actors: list[Actor], gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym mention in ``doc`` in text order, metonymic ones flagged."""
    found: list[Toponym] = []
    taken: set[int] = set()
    # a name its state or country follows is a place even where the NER calls it a person ("Greer, South Carolina")
    qualified = {e.text for e in doc.ents if e.label_ not in PLACE_LABELS and _before_qualifier(doc, e.end, e.text, gazetteer)}
    demonyms = _demonyms() | (_person_names(actors, doc) - qualified)
    persons = {m.span.text for a in actors for m in a.mentions if m.label == "PERSON"}
    for ent in doc.ents:
        taken.update(range(ent.start, ent.end))
        # a FAC the gazetteer does not know (a jail, a road) may still open with a place: see _embedded
        if ent.label_ in STREET_LABELS and _is_street(doc, ent.start, ent.end):
            street = _toponym(doc, text, ent.start, ent.end)
            if street is not None:
                street.street = True
                found.append(street)
        elif (ent.label_ in PLACE_LABELS and (ent.label_ != "FAC" or gazetteer.candidates(ent.text))) \
                or (ent.label_ in RELABELLED and _is_known(ent.text, gazetteer)):
            # a person's name blocks a place name, but not after "in", "at", "near" ("visited residents in Sharon")
            located = _after_locative(doc, ent.start, RELABEL_PREPOSITIONS)
            found.extend(t for t in _split(doc, text, ent.start, ent.end)
                         if t.text not in demonyms or located and t.text not in _demonyms() | persons)
        elif ent.label_ in ("PERSON", "ORG", "NORP") and ent.text not in demonyms and (
                (_after_locative(doc, ent.start, RELABEL_PREPOSITIONS) or _before_local_noun(doc, ent.end)
                 or _after_address(doc, ent.start)) and _is_place_name(ent.text, gazetteer)
                or (_after_person_of(doc, ent.start) or _after_party(doc, ent.start)) and _is_town(ent.text, gazetteer)
                or _after_place_noun(doc, ent.start) and gazetteer.candidates(ent.text)
                or ent.text in qualified):
            found.extend(_split(doc, text, ent.start, ent.end))  # "born in Churchill" tagged PERSON
        elif (dateline := _opening_dateline(doc, ent.start, ent.end, gazetteer)) is not None:
            found.append(_toponym(doc, text, ent.start, ent.start + dateline))  # "TORRINGTON — City Council" as ORG
        elif ent.label_ in EMBEDDING_LABELS:
            embedded = _embedded(doc, text, ent.start, ent.end, gazetteer)
            if embedded is not None:
                embedded.embedded = True
                found.append(embedded)
    found.extend(_missed(doc, text, taken, gazetteer))
    found.extend(_numbered_roads(doc, text, {i for t in found for i in range(t.start, t.end)}))
    found = _listed_areas(doc, text, found)
    listed = _coordinated(doc, text, found, gazetteer, demonyms)
    found.extend(_same_names(doc, text, found + listed, gazetteer, demonyms, listed))
    found.extend(listed)
    found.sort(key=lambda t: t.start)
    government_spans = _government_mentions(actors)
    for toponym in found:
        toponym.metonymic = _is_metonymic(doc[toponym.head], (toponym.start, toponym.end) in government_spans) \
            and not _is_dateline_span(doc, toponym)  # the parser reads "TORRINGTON — City Council" as a subject
    return found


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Demonyms of the actor knowledge base ("Sri Lankan"): the NER tags some as GPE; they are no places."""
    from ..gazetteer import _kb_countries

    return frozenset(d for row in _kb_countries() for d in row["demonyms"].split("|") if d)


def _embedded(doc: Doc, text: str, start: int, end: int, gazetteer: Gazetteer) -> Toponym | None:
    """A place that opens an organisation's or facility's name ("Minnesota Department of Transportation",
    "Rapides Parish Sheriff's Office"), or closes one after "of" ("University of Alabama")."""
    tokens = doc[start:end]
    if len(tokens) < 2 or tokens[-1].text in NEWSPAPER_WORDS:
        return None
    while start < end - 1 and doc[start].lower_ == "the":
        start += 1
    for size in range(min(MAX_WINDOW, end - start - 1), 0, -1):
        head = doc[start:start + size]
        if (all(_capitalised(t) and t.pos_ == "PROPN" for t in head)
                and head[0].lower_ not in GENERIC_WORDS and _is_local(head.text, gazetteer)):
            return _toponym(doc, text, start, start + size)
    for i in range(start + 1, end - 1):
        if doc[i].lower_ == "of":
            if _is_known(doc[i + 1:end].text, gazetteer):
                return _toponym(doc, text, i + 1, end)
            if doc[i - 1].text in OFFICE_WORDS or doc[i + 1].lower_ in GENERIC_WORDS:
                return None
            # "University of Kentucky Medical Center", "University of Rochester": the longest name after "of"
            for size in range(min(MAX_WINDOW, end - i - 1), 0, -1):
                name = doc[i + 1:i + 1 + size]
                if all(_capitalised(t) and t.pos_ == "PROPN" for t in name) and _is_local(name.text, gazetteer):
                    return _toponym(doc, text, i + 1, i + 1 + size)
            return None
    return None


def _listed_areas(doc: Doc, text: str, found: list[Toponym]) -> list[Toponym]:
    """The names of a list before a plural area or road word, each read with it: "Clay, Douglas and Wilkin
    counties" are Clay County, Douglas County and Wilkin County; "Woodfield and Martingale roads" are streets."""
    if not any(word in text for word in LIST_AREA_WORDS):  # most stories: no need to read every word
        return found
    by_span = {(t.start, t.end): t for t in found}
    covered = {i for t in found for i in range(t.start, t.end)}
    added = []
    for token in doc:
        area = LIST_AREA_WORDS.get(token.text)  # lower case: "Complete Streets" is a programme
        if area is None or token.i == 0 or not _capitalised(doc[token.i - 1]):
            continue
        for start, end in _list_names(doc, token.i):
            span = doc[start:end]
            toponym = by_span.get((span.start_char, span.end_char))
            if toponym is None:
                if any(i in covered for i in range(span.start_char, span.end_char)):
                    continue
                toponym = _toponym(doc, text, start, end)
                if toponym is None:
                    continue
                added.append(toponym)
            if area == "street":
                toponym.street = True
            else:
                toponym.lookup = f"{toponym.text} {area}"
    return found + added


def _coordinated(doc: Doc, text: str, found: list[Toponym], gazetteer: Gazetteer, blocked) -> list[Toponym]:
    """Names listed with a place are places when the gazetteer knows them, whatever the NER made of them
    ("Cairo, Giza and Al-Minya", "Bicester and Kidlington", "Rogaland, Vestfold, Buskerud")."""
    spans = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in found
             if not t.embedded and not t.street and _listed(text, t)]
    queue = [s for s in spans if s is not None]
    covered = {i for t in found for i in range(t.start, t.end)}
    out = []
    while queue:
        span = queue.pop()
        for start, end in (_next_in_list(doc, span.end), _previous_in_list(doc, span.start)):
            if start is None or any(doc[i].idx in covered for i in range(start, end)):
                continue
            name = doc[start:end]
            if name.text in blocked or any(t.ent_type_ in NOT_PLACE_ENTITIES for t in name) \
                    or not (_is_known(name.text, gazetteer) or not name.text.isupper()
                            and _is_place_name(name.text, gazetteer)):  # "NATO", "TASS": acronyms
                continue
            toponym = _toponym(doc, text, start, end)
            if toponym is not None:
                out.append(toponym)
                covered.update(range(toponym.start, toponym.end))
                queue.append(name)
    return out


def _listed(text: str, toponym: Toponym) -> bool:
    """Whether a comma, "and" or "or" stands next to the toponym (a quick test before reading tokens)."""
    after, before = text[toponym.end:toponym.end + 5], text[max(0, toponym.start - 5):toponym.start]
    return after[:1] == "," or after.startswith((" and ", " or ")) or before.endswith((", ", " and ", " or "))


def _next_in_list(doc: Doc, i: int) -> tuple[int | None, int]:
    """The capitalised name after a list separator at token ``i`` (", ", " and ", ", and ")."""
    j = i
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j < len(doc) and doc[j].lower_ in ("and", "or"):
        j += 1
    end = j
    while end < len(doc) and end - j < MAX_WINDOW and _capitalised(doc[end]) and doc[end].pos_ == "PROPN":
        end += 1
    if j == i or end == j or end < len(doc) and _capitalised(doc[end]):
        return None, 0
    return j, end


def _previous_in_list(doc: Doc, i: int) -> tuple[int | None, int]:
    """The capitalised name before a list separator ending at token ``i``."""
    j = i
    if j > 0 and doc[j - 1].lower_ in ("and", "or"):
        j -= 1
    if j > 0 and doc[j - 1].text == ",":
        j -= 1
    start = j
    while start > 0 and j - start < MAX_WINDOW and _capitalised(doc[start - 1]) and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if j == i or start == j or start > 0 and _capitalised(doc[start - 1]) and not doc[start - 1].is_sent_start:
        return None, 0
    return start, j


def _list_names(doc: Doc, end: int) -> list[tuple[int, int]]:
    """Token ranges of the capitalised names of a list ending before token ``end`` ("A, B C and D")."""
    names = []
    while end > 0:
        start = end
        while start > 0 and end - start < MAX_WINDOW and _capitalised(doc[start - 1]) \
                and doc[start - 1].pos_ not in FUNCTION_POS and doc[start - 1].ent_type_ != "ORDINAL" \
                and not (doc[start - 1].is_sent_start and doc[start - 1].pos_ != "PROPN"):  # "Many roads"
            start -= 1
        if start == end:
            break
        names.append((start, end))
        end = start
        if end > 0 and doc[end - 1].lower_ in ("and", "or"):
            end -= 1
        if end > 0 and doc[end - 1].text == ",":
            end -= 1
        if end == start:
            break
    return names


def _before_local_noun(doc: Doc, end: int) -> bool:
    """A name before a local institution or its people ("Alexandria police", "an Alexandria woman")."""
    return any(t.lower_ in LOCAL_NOUNS for t in doc[end:end + 2])


def _after_person_of(doc: Doc, start: int) -> bool:
    """A name after a person and "of" or "from": where the person lives ("James Tauber of Nelson",
    "Amstutz, of Wooster")."""
    i = start - 1
    if i < 1 or doc[i].lower_ not in ("of", "from"):
        return False
    i -= 1 if doc[i - 1].text != "," else 2
    return i >= 0 and doc[i].ent_type_ == "PERSON"


def _after_place_noun(doc: Doc, start: int) -> bool:
    """A name after a place noun and "of" ("the town of Karak", "the state of Guerrero")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS


def _after_party(doc: Doc, start: int) -> bool:
    """A name after a legislator's party ("Rep. Torrey Westrom, R-Elbow Lake,"): the home town."""
    return start >= 3 and doc[start - 1].text == "-" and doc[start - 2].text in PARTY_CODES \
        and doc[start - 3].text in (",", "(")


def _is_town(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.feature in ("city", "admin2") for c in gazetteer.candidates(name))


def _after_address(doc: Doc, start: int) -> bool:
    """A name after a street address ("of 1935 Orchard St., Alexandria")."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].text.rstrip(".") in STREET_WORDS


def _same_names(doc: Doc, text: str, found: list[Toponym], gazetteer: Gazetteer, demonyms,
                weak: list[Toponym] = ()) -> list[Toponym]:
    """Other mentions of a name already read as a place, whatever the NER made of them: one name, one sense
    in a news story ("Alexandria police" … "Alexandria is a finalist"); ``weak``: toponyms that say too
    little to count (a name read as a place only for its place in a list)."""
    weak_spans = {(t.start, t.end) for t in weak}
    names = {t.text for t in found if len(t.text) > 2 and t.text not in demonyms and t.lookup is None
             and (t.start, t.end) not in weak_spans and gazetteer.candidates(t.text)}
    if not names:
        return []
    covered = {i for t in found for i in range(t.start, t.end)}
    longest = max(len(n.split()) for n in names)
    out = []
    for token in doc:
        if token.idx in covered or not _capitalised(token):
            continue
        for size in range(min(longest, len(doc) - token.i), 0, -1):
            span = doc[token.i:token.i + size]
            if span.text in names and (span.end == len(doc) or not doc[span.end].is_title
                                       or doc[span.end].text in LOCAL_WORDS_TITLED):
                toponym = _toponym(doc, text, span.start, span.end)
                if toponym is not None:
                    out.append(toponym)
                    covered.update(range(toponym.start, toponym.end))
                break
    return out


def _after_locative(doc: Doc, i: int, prepositions=None) -> bool:
    j = i - 1
    while j >= 0 and doc[j].lower_ in ("the",):
        j -= 1
    return j >= 0 and doc[j].lower_ in (prepositions or LOCATIVE_BEFORE)


def _person_names(actors: list[Actor], doc: Doc) -> frozenset[str]:
    """Every word of the names of the document's people ("Paterson" of David Paterson): never a place here.
    A PERSON entity with a word that is no proper noun or names a place or an office is the NER's mistake,
    no name (a headline's "Rethinking Egypt", "Avondale Estates", "Avondale Mayor")."""
    not_names = {e.text for e in doc.ents if e.label_ == "PERSON"
                 and any(t.pos_ != "PROPN" or t.text in NOT_NAME_WORDS for t in e)}
    words = set()
    for actor in actors:
        if any(m.label == "PERSON" for m in actor.mentions) and " " in actor.name and actor.name not in not_names:
            # a long name holds more than the person's ("Alexandria Police Spokeswoman Ashley Hildebrandt")
            words.update(actor.name.split()[-MAX_NAME_WORDS:] if len(actor.name.split()) > 3 else actor.name.split())
            words.update(m.span.text for m in actor.mentions if m.label == "PERSON")
    return frozenset(words)


def _is_place_name(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.feature != "city" or c.population >= MIN_LOCATIVE_POPULATION for c in gazetteer.candidates(name))


def _is_dateline(doc: Doc, i: int, size: int) -> bool:
    """An all-capitals name opening a paragraph before a dash or "(AP)": "TORRINGTON — ..."."""
    # after a paragraph break, a headline's full stop or a date ("March 30, 2009 NEWARK --")
    at_start = i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space or doc[i - 1].text in (".", "!", "?") \
        or doc[i - 1].like_num and len(doc[i - 1].text) == 4
    after = doc[i + size] if i + size < len(doc) else None
    return at_start and after is not None and (after.text in DATELINE_DASHES or after.text == ",") \
        and all(t.is_upper for t in doc[i:i + size])


def _opening_dateline(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int | None:
    """The size of a dateline that opens an entity (or is one) the NER did not call a place, if any."""
    for size in (1, 2):
        fits = start + size < end or start + size == end and len(doc[start:end].text) > 3  # not "UN:", "NET,"
        if fits and _is_dateline(doc, start, size) and _is_place_name(doc[start:start + size].text, gazetteer):
            return size
    return None


def _is_street(doc: Doc, start: int, end: int) -> bool:
    """A street's name ("Memphis St.", "North Main Street") or a numbered road ("Highway 10", "Route 1")."""
    words = doc[start:end]
    while words and words[-1].text in (".", ","):
        words = words[:-1]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.like_num for t in words):
        return False
    if words[0].text in ROAD_WORDS and words[-1].like_num:
        return True
    return words[-1].text.rstrip(".") in STREET_NAME_WORDS and not words[0].like_num


def _numbered_roads(doc: Doc, text: str, covered: set[int]) -> list[Toponym]:
    """Numbered roads the NER missed or called a number ("Highway 200", "County Road 43");
    ``covered``: character offsets of the toponyms found so far."""
    out = []
    for token in doc[:-1]:
        if token.text in ROAD_WORDS and doc[token.i + 1].like_num and token.idx not in covered \
                and doc[token.i + 1].idx not in covered:
            start = token.i - 1 if token.i and doc[token.i - 1].text in ("County", "State", "US", "U.S.") else token.i
            road = _toponym(doc, text, start, token.i + 2)
            if road is not None:
                road.street = True
                out.append(road)
    return out


def _is_dateline_span(doc: Doc, toponym: Toponym) -> bool:
    span = doc.char_span(toponym.start, toponym.end)
    return span is not None and span.text.isupper() and _is_dateline(doc, span.start, len(span))


def _is_local(name: str, gazetteer: Gazetteer) -> bool:
    """A country, admin area, region or a town of some size called ``name``."""
    return any(c.feature != "city" or c.population >= MIN_EMBEDDED_POPULATION for c in gazetteer.candidates(name))


def _before_qualifier(doc: Doc, end: int, name: str, gazetteer: Gazetteer) -> bool:
    """A name followed by its state or country ("Greer, South Carolina", "Surprise, Ariz."): a place there,
    whatever the NER made of it."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for size in range(min(MAX_WINDOW, len(doc) - end - 1), 0, -1):
        qualifier = doc[end + 1:end + 1 + size]
        if not qualifier[0].text[:1].isupper():
            return False
        areas = [a for a in gazetteer.candidates(qualifier.text) if a.feature in ("country", "admin1")]
        if areas:
            return any(c.feature in ("city", "admin2") and any(
                c.country == a.country and (a.feature == "country" or c.admin1 == a.name) for a in areas)
                for c in gazetteer.candidates(name))
    return False


def _is_known(name: str, gazetteer: Gazetteer) -> bool:
    return any(c.feature in KNOWN_FEATURES for c in gazetteer.candidates(name))


def _split(doc: Doc, text: str, start: int, end: int) -> list[Toponym]:
    """One entity, or its comma-separated parts ("Paris, Texas"), without a leading "the" or a trailing "'s"."""
    parts, first = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            if first < i:
                parts.append(_toponym(doc, text, first, i))
            first = i + 1
    return [p for p in parts if p is not None]


def _toponym(doc: Doc, text: str, start: int, end: int) -> Toponym | None:
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’", "-", "."):
        end -= 1
    if start == end:
        return None
    span = doc[start:end]
    return Toponym(span.start_char, span.end_char, text[span.start_char:span.end_char], span.root.i)


def _missed(doc: Doc, text: str, taken: set[int], gazetteer: Gazetteer) -> list[Toponym]:
    """Country, admin1 and region names outside every entity: the longest match at each capitalised token."""
    found = []
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        for size in range(min(MAX_WINDOW, len(doc) - i), 0, -1):
            if any(j in taken for j in range(i, i + size)) or not doc[i + size - 1].text[:1].isupper():
                continue
            span = doc[i:i + size]
            dateline = _is_dateline(doc, i, size)
            if size == 1 and not dateline and (doc[i].is_sent_start and doc[i].is_upper or len(doc[i].text) < 3
                                               or doc[i].lower_ in GENERIC_WORDS):
                continue  # "US" at a sentence start is fine, but a lone "IN", "OR" or "Eastern" is not a place
            if (i + size < len(doc) and doc[i + size].is_title and doc[i + size].pos_ == "PROPN"
                    and doc[i + size - 1].text not in AREA_WORDS and doc[i + size].text not in LOCAL_WORDS_TITLED):
                continue  # only the whole name: not "South East" of "South East Asian"
            if (_is_known(span.text, gazetteer)
                    or (size > 1 and doc[i + size - 1].text in AREA_WORDS and gazetteer.candidates(span.text))
                    or ((_after_locative(doc, i) and doc[i].pos_ == "PROPN" or dateline)
                        and _is_place_name(span.text, gazetteer))
                    or (_after_person_of(doc, i) or _after_party(doc, i)) and doc[i].pos_ == "PROPN"
                    and _is_town(span.text, gazetteer)
                    or _after_place_noun(doc, i) and gazetteer.candidates(span.text)
                    or _before_qualifier(doc, i + size, span.text, gazetteer)):
                toponym = _toponym(doc, text, i, i + size)
                if toponym is not None:
                    found.append(toponym)
                i += size
                break
        else:
            i += 1
    return found


def _capitalised(token) -> bool:
    """A word written with a capital: "Alexandria", "ALEXANDRIA", and "DeKalb" or "McLean" too."""
    return token.is_title or token.is_upper or not token.is_lower and token.text[:1].isupper()


def _government_mentions(actors: list[Actor]) -> set[tuple[int, int]]:
    return {(m.span.start, m.span.end) for a in actors if "GOV" in a.sectors for m in a.mentions}


def _is_metonymic(head, government: bool) -> bool:
    """The subject of an act or a speech, or a government by the actor stage's reading of a capital."""
    if head.dep_ in SUBJECT_DEPS and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_ not in STATIVE_VERBS:
        return True
    return government and head.dep_ not in ("pobj", "compound")
