"""Toponym resolution in context: each name's gazetteer candidates scored by prior and document evidence.

Prior: the kind of place (regions and countries first, then states and provinces, then cities by
population, counties last). Evidence, gathered in a first pass and applied in a second:
the countries the document names or its actors belong to (a share of the document's country votes),
the admin1 areas it names or its other places lie in, a "City, State/Country" qualifier, and
nearness to the document's other places. Names the gazetteer knows only as an alternate name
("Kiev") are looked up when it knows no place by that very name.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter

from ..gazetteer import Gazetteer, GeoName, place_key
from ..records import Actor
from ._toponyms import Toponym

MAX_CANDIDATES = 40
BASE = {"region": 5.0, "country": 3.5, "admin1": 3.2, "admin2": 1.5}
CITY_SCALE = 1.5  # a city scores log10(population) / CITY_SCALE: 1,000 → 2.0, 1 million → 4.0
COUNTRY_SHARE_WEIGHT = 1.2
COUNTRY_NAMED_BONUS = 0.5
ADMIN1_BONUS = 2.0
QUALIFIER_BONUS = 6.0
NEAR_KM, NEAR_BONUS = 150.0, 1.5
ALTERNATE_PENALTY = 0.7
BIG_ALTERNATE_PENALTY = 0.2
CAPITAL_BONUS = 1.5
CONTAINED_BONUS = 1.5  # a town and a county of the story that hold each other
SUPPORT_BONUS, MAX_SUPPORT = 0.8, 3  # per other name with a candidate in the same or a neighbouring 1° cell
LOCAL_FEATURES = ("city", "admin2")
NATIONAL_NAME_PENALTY = 2.5
BIG_CITY = 200_000  # an alternate name of a city this big competes with places of that very name
METROPOLIS = 1_000_000  # a city this big keeps its name against a state's ("New York")
ADMIN2_BONUS = 2.5
NAMED_STATE_BONUS = 1.0
EVIDENCE_ROUNDS = 2  # rounds before the final one: each reads the previous round's readings


def resolve(toponyms: list[Toponym], text: str, actors: list[Actor], gazetteer: Gazetteer) -> list[GeoName | None]:
    """The best gazetteer entry for each toponym (None when the gazetteer knows none)."""
    keys = [place_key(t.lookup or t.text) for t in toponyms]
    candidates: dict[str, list[tuple[GeoName, bool]]] = {}
    for toponym, key in zip(toponyms, keys):
        if toponym.street:
            candidates.setdefault(key, [])
        elif key not in candidates:
            primary = gazetteer.candidates(toponym.lookup or toponym.text)[:MAX_CANDIDATES]
            # "Hunan" the province, "New York" the city, "Mecca" (Makkah) by their alternate names
            national = any(c.feature in ("country", "region") for c in primary)
            alternate = [c for c in gazetteer.alternate_candidates(toponym.lookup or toponym.text)[:MAX_CANDIDATES]
                         if not primary or c.feature in ("country", "admin1")
                         or c.population >= BIG_CITY and not national]
            candidates[key] = [(c, False) for c in primary] + [(c, True) for c in alternate]
    qualifiers = _qualifiers(toponyms, text)
    actor_countries = _actor_countries(actors, toponyms)
    support = _support(candidates)
    contained = _contained(candidates)
    for key, cands in candidates.items():
        # a country's or region's name means it (or a state: "Georgia") unless evidence for a town is strong
        # ... and a state's or province's name means it, unless the town is a capital or a metropolis
        national = any(c.feature in ("country", "region") and not alt for c, alt in cands)
        state = any(c.feature == "admin1" and not alt for c, alt in cands)
        scored = []
        for n, (c, alt) in enumerate(cands):
            capital = c.feature == "city" and not alt and gazetteer.is_capital(c)  # not "Mexico" for Mexico City
            bonus = CAPITAL_BONUS if capital else 0.0
            if c.feature in LOCAL_FEATURES and (national or state and not capital and c.population < METROPOLIS):
                bonus -= NATIONAL_NAME_PENALTY
            if (key, n) in contained:
                bonus += CONTAINED_BONUS
            scored.append((c, alt, bonus, SUPPORT_BONUS * min(MAX_SUPPORT, support.get((key, n), 0)),
                           national and c.feature in LOCAL_FEATURES))
        candidates[key] = scored
    first = {key: _best(cands, _Evidence(actor_countries, set(), []), ()) for key, cands in candidates.items()}
    for _ in range(EVIDENCE_ROUNDS - 1):
        first = {key: _best(cands, _Evidence.of(actor_countries, [g for k, g in first.items() if k != key and g]), ())
                 for key, cands in candidates.items()}
    qualified = {q: i for i, q in qualifiers.items()}
    resolved: list[GeoName | None] = []
    paired: dict[str, GeoName] = {}  # name → its reading in a "City, State" pair
    evidence: dict[str, _Evidence] = {}
    for i, key in enumerate(keys):
        if key not in evidence:
            evidence[key] = _Evidence.of(actor_countries, [g for k, g in first.items() if k != key and g is not None])
        pairs = ()
        if i in qualifiers:  # "Paris" in "Paris, Texas": inside one of Texas's readings
            areas = [c for c, *_ in candidates[keys[qualifiers[i]]] if c.feature in ("country", "admin1")]
            pairs = [(c, a) for c, *_ in candidates[key] for a in areas if _inside(c, a)]
        elif i in qualified:  # "Texas" in "Paris, Texas": the reading that holds one of Paris's
            members = [c for c, *_ in candidates[keys[qualified[i]]]]
            pairs = [(a, c) for a, *_ in candidates[key] for c in members if _inside(c, a)]
        resolved.append(_best(candidates[key], evidence[key], {id(p[0]) for p in pairs}))
        if pairs and resolved[-1] is not None and id(resolved[-1]) in {id(p[0]) for p in pairs}:
            paired.setdefault(key, resolved[-1])
    # one name, one sense in a story: "Dublin, Ohio" says which Dublin the other mentions are
    resolved = [paired.get(key, g) if not t.street else g for t, key, g in zip(toponyms, keys, resolved)]
    return _place_streets(toponyms, resolved, qualifiers)


def _place_streets(toponyms: list[Toponym], resolved: list[GeoName | None], qualifiers: dict[int, int]):
    """Streets and roads placed in their town: the one after a comma ("Memphis St., Alexandria"), else the
    story's most named town or county (local news names its streets in its own town)."""
    local = Counter(g for t, g in zip(toponyms, resolved) if g is not None and not t.street
                    and g.feature in LOCAL_FEATURES)
    home = local.most_common(1)[0][0] if local else None
    out = []
    for i, (toponym, g) in enumerate(zip(toponyms, resolved)):
        if toponym.street:
            town = resolved[qualifiers[i]] if i in qualifiers else None
            town = town if town is not None and town.feature in LOCAL_FEATURES else home
            g = None if town is None else GeoName(None, toponym.text, town.country, town.admin1, town.lat, town.lon,
                                                  0, "street", town.admin2)
        out.append(g)
    return out


def _actor_countries(actors: list[Actor], toponyms: list[Toponym]) -> Counter:
    """Countries of the document's actors, leaving out actors named by or after a toponym: the actor stage
    reads "Dublin" or "Dublin Arts Council" as Irish, which only repeats the toponym's most famous reading."""
    starts = sorted(t.start for t in toponyms)
    return Counter(a.country for a in actors
                   if a.country and len(a.country) == 3 and a.country.isupper()
                   and not any(_holds_toponym(m.span.start, m.span.end, starts) for m in a.mentions))


def _holds_toponym(start: int, end: int, toponym_starts: list[int]) -> bool:
    """Whether a mention holds a toponym ("Dublin Arts Council"): its country is that toponym's guess."""
    i = bisect_left(toponym_starts, start)
    return i < len(toponym_starts) and toponym_starts[i] < end


class _Evidence:
    def __init__(self, countries: Counter, admin1: set[tuple[str, str]], points: list[tuple[float, float]],
                 admin2: set[tuple] = frozenset()) -> None:
        self.countries = countries
        self.total = sum(countries.values())
        self.admin1 = admin1
        self.admin2 = admin2
        self.points = points
        self.named: set[tuple] = set()  # (country, admin1 name) and (country, admin1, admin2) of areas named

    @classmethod
    def of(cls, actor_countries: Counter, others: list[GeoName]) -> _Evidence:
        countries = Counter(actor_countries)
        admin1, admin2, named = set(), set(), set()
        points = []
        for g in others:
            if g.country:
                countries[g.country] += 1
            if g.feature == "admin2":
                admin2.add((g.country, g.admin1, g.name))
                named.add((g.country, g.admin1, g.name))
            if g.feature == "admin1":
                admin1.add((g.country, g.name))
                named.add((g.country, g.name))
            elif g.admin1:
                admin1.add((g.country, g.admin1))
            if g.feature in ("city", "admin2"):
                points.append((g.lat, g.lon))
        evidence = cls(countries, admin1, points, admin2)
        evidence.named = named
        return evidence


def _support(candidates: dict[str, list[tuple[GeoName, bool]]]) -> dict[tuple[str, int], int]:
    """(name, candidate number) → how many other names have a local candidate near it: the places of a
    local story lie together ("Alexandria", "Brandon" and "Douglas County" in Minnesota)."""
    cells = {key: {(int(c.lat), int(c.lon)) for c, _ in cands if c.feature in LOCAL_FEATURES}
             for key, cands in candidates.items()}
    cells = {k: v for k, v in cells.items() if v}
    if len(cells) < 2:
        return {}
    out = {}
    for key, cands in candidates.items():
        others = [v for k, v in cells.items() if k != key]
        for n, (c, _) in enumerate(cands):
            if c.feature not in LOCAL_FEATURES:
                continue
            lat, lon = int(c.lat), int(c.lon)
            near = {(lat + a, lon + b) for a in (-1, 0, 1) for b in (-1, 0, 1)}
            out[(key, n)] = sum(1 for other in others if not near.isdisjoint(other))
    return out


def _contained(candidates: dict[str, list[tuple[GeoName, bool]]]) -> set[tuple[str, int]]:
    """(name, candidate number) of the towns that lie in a county another name of the story may be, and of
    those counties: "Huntsville" and "Walker County" are Huntsville, Texas and Walker County, Texas."""
    counties: dict[tuple, list[tuple[str, int]]] = {}
    for key, cands in candidates.items():
        for n, (c, _) in enumerate(cands):
            if c.feature == "admin2":
                counties.setdefault((c.country, c.admin1, c.name), []).append((key, n))
    if not counties:
        return set()
    out = set()
    for key, cands in candidates.items():
        for n, (c, _) in enumerate(cands):
            if c.feature == "city" and c.admin2:
                holders = [h for h in counties.get((c.country, c.admin1, c.admin2), ()) if h[0] != key]
                if holders:
                    out.add((key, n))
                    out.update(holders)
    return out


def _best(cands: list[tuple[GeoName, bool, float, float, bool]], evidence: _Evidence, paired) -> GeoName | None:
    """The best-scoring candidate; ``paired``: ids of candidates that fit a "City, State" pairing.
    Each candidate: (entry, alternate name?, prior bonus, support bonus, a town with a country's name?)."""
    best, best_score = None, -math.inf
    for cand, alternate, bonus, support, national_town in cands:
        if alternate:  # a big city's other name ("New York" for New York City) is a name in use
            bonus -= ALTERNATE_PENALTY if cand.population < BIG_CITY else BIG_ALTERNATE_PENALTY
        if national_town and not _in_named_area(cand, evidence):
            # a town named after a country ("Egypt", Alabama) needs its state or county named, not just a local story
            score = _score(cand, _NO_EVIDENCE) + bonus
        else:
            score = _score(cand, evidence) + bonus + support
        if id(cand) in paired:
            score += QUALIFIER_BONUS
        if score > best_score:
            best, best_score = cand, score
    return best


def _in_named_area(c: GeoName, ev: _Evidence) -> bool:
    """Whether the document names the town's state or county itself (not merely other towns there)."""
    return (c.country, c.admin1) in ev.named or (c.country, c.admin1, c.admin2) in ev.named


_NO_EVIDENCE = _Evidence(Counter(), set(), [])


def _score(c: GeoName, ev: _Evidence) -> float:
    if c.feature == "city":
        score = math.log10(c.population + 1) / CITY_SCALE
    else:
        score = BASE.get(c.feature, 1.0) + (math.log10(c.population + 1) / 10 if c.feature != "region" else 0.0)
    if c.country and ev.total:
        share = ev.countries.get(c.country, 0) / ev.total
        score += COUNTRY_SHARE_WEIGHT * share + (COUNTRY_NAMED_BONUS if share else 0.0)
    if c.feature == "admin1" and (c.country, c.name) in ev.admin1 or c.admin1 and (c.country, c.admin1) in ev.admin1:
        score += ADMIN1_BONUS
    if c.admin2 and (c.country, c.admin1, c.admin2) in ev.admin2:
        score += ADMIN2_BONUS
    if c.feature in LOCAL_FEATURES and (c.country, c.admin1) in ev.named:
        score += NAMED_STATE_BONUS  # the state named itself says more than the state of another town's reading
    if c.feature in LOCAL_FEATURES and ev.points and min(_km(c.lat, c.lon, la, lo) for la, lo in ev.points) < NEAR_KM:
        score += NEAR_BONUS
    return score


def _inside(c: GeoName, area: GeoName) -> bool:
    if area.feature == "country":
        return c.country == area.country
    if area.feature == "admin1":
        return c.country == area.country and c.admin1 == area.name
    return False


def _qualifiers(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Toponym index → the index of the toponym right after it past a comma ("Paris, Texas")."""
    out = {}
    for i in range(len(toponyms) - 1):
        between = text[toponyms[i].end:toponyms[i + 1].start]
        if between.strip() == ",":
            out[i] = i + 1
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


distance_km = _km
