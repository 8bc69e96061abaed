"""The API's read side: event filters beyond the CLI's, pages of events, series, network, map, evidence.

Plain SQL with bound parameters only: user values never become SQL text. Series and network read the
rollup tables (migration 3) when every filter is one the rollups keep, else the events table.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from ._query import EVENT_ROW_COLUMNS, Filters, QueryError, _page, _where, event_actor_conditions

MAX_PAGE = 1000
INTERVALS = ("day", "week", "month")
# Period of an ISO day: the day, its week's Monday, its month's first day.
_PERIOD = {
    "day": "{col}",
    "week": "date({col}, '-6 days', 'weekday 1')",
    "month": "substr({col}, 1, 7) || '-01'",
}


# Aggregations the rollups cannot answer scan the narrow covering index, never the wide event rows
# (the planner otherwise prefers an index that spares it a sort and then reads every row).
_SCAN = "events r INDEXED BY events_analytics"


@dataclass(frozen=True)
class EventFilters(Filters):
    """:class:`Filters` plus the dyad, quad-class, confidence and modality filters of the API.

    ``source``/``target`` match an actor key (CAMEO code, else ISO3, else name) by prefix, so ``USA``
    matches ``USAGOV``; ``quad_class`` keeps events of any of the given classes; the ``include_*``
    flags drop hypothetical, negated or historical events when False.
    """

    source: str | None = None
    target: str | None = None
    quad_class: tuple[int, ...] = ()
    min_confidence: float | None = None
    include_hypothetical: bool = True
    include_negated: bool = True
    include_historical: bool = True
    # Set by resolve_keys, not by callers: the stored keys ``source``/``target`` match, for equality seeks.
    source_keys: tuple[str, ...] | None = None
    target_keys: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if any(q not in (1, 2, 3, 4) for q in self.quad_class):
            raise QueryError("quad_class must be 1, 2, 3 or 4")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise QueryError("min_confidence must be between 0 and 1")

    def event_only(self) -> bool:
        """Whether a filter beyond the CLI's is set (lists of articles, quotes, … then need a matching event)."""
        return bool(self.source or self.target or self.quad_class or self.min_confidence is not None
                    or not (self.include_hypothetical and self.include_negated and self.include_historical))


def _prefix(column: str, value: str, where: list[str], params: list) -> None:
    """``column`` starts with ``value`` (or its upper case): an index range, no LIKE pattern to escape."""
    tests = []
    for v in dict.fromkeys((value, value.upper())):
        tests.append(f"({column} >= ? AND {column} < ?)")
        params += [v, v + "\U0010ffff"]
    where.append("(" + " OR ".join(tests) + ")")


_MAX_KEYS = 64
# A loose index scan: each step seeks the next distinct key in the range, so a prefix matching few keys
# costs a few seeks however many events those keys have.
_DISTINCT_KEYS = """
WITH RECURSIVE k(key) AS (
    SELECT min({col}) FROM rollup_dyad_day INDEXED BY {index} WHERE {col} >= :lo AND {col} < :hi
    UNION ALL
    SELECT (SELECT min({col}) FROM rollup_dyad_day INDEXED BY {index} WHERE {col} > k.key AND {col} < :hi)
    FROM k WHERE k.key IS NOT NULL
)
SELECT key FROM k WHERE key IS NOT NULL LIMIT :cap
"""


def resolve_keys(conn: sqlite3.Connection, f: EventFilters) -> EventFilters:
    """``f`` with the stored actor keys its ``source``/``target`` prefixes match (when few), so queries seek
    each key instead of reading a range."""
    found = {}
    for side, index in (("source", "sqlite_autoindex_rollup_dyad_day_1"), ("target", "rollup_dyad_day_target")):
        value = getattr(f, side)
        if not value or getattr(f, f"{side}_keys") is not None:
            continue
        keys: list[str] = []
        for v in dict.fromkeys((value, value.upper())):
            sql = _DISTINCT_KEYS.format(col=f"{side}_key", index=index)
            keys += [k for k, in conn.execute(sql, {"lo": v, "hi": v + "\U0010ffff", "cap": _MAX_KEYS + 1})]
        if len(keys) <= _MAX_KEYS:
            found[f"{side}_keys"] = tuple(dict.fromkeys(keys))
    if not found:
        return f
    return EventFilters(**({k: getattr(f, k) for k in f.__dataclass_fields__} | found))


def _keys(column: str, keys: tuple[str, ...], where: list[str], params: list) -> None:
    where.append(f"{column} IN ({', '.join('?' * len(keys))})" if keys else "0")
    params += list(keys)


def _rollup_ready(f: EventFilters) -> bool:
    """True when the rollups hold every filter: no actor/country/confidence, a PLOVER type not a CAMEO prefix."""
    return not (f.actor or f.country or f.min_confidence is not None or (f.type and f.type.isdigit()))


def event_conditions(f: EventFilters, alias: str = "e", *, rollup: bool = False) -> tuple[list[str], list]:
    """WHERE conditions for events (or rollup rows when ``rollup``) matching ``f``."""
    where: list[str] = []
    params: list = []
    day = f"{alias}.day" if rollup else f"{alias}.date"
    if f.since:
        where.append(f"{day} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{day} <= ?")
        params.append(f.until)
    if f.type:
        if f.type.isdigit():
            where.append(f"{alias}.cameo_code LIKE ?")
            params.append(f.type + "%")
        else:
            where.append(f"{alias}.plover_type = ?")
            params.append(f.type.upper())
    for side, value, keys in (("source", f.source, f.source_keys), ("target", f.target, f.target_keys)):
        if keys is not None:
            _keys(f"{alias}.{side}_key", keys, where, params)
        elif value:
            _prefix(f"{alias}.{side}_key", value, where, params)
    if f.quad_class:
        where.append(f"{alias}.quad_class IN ({', '.join('?' * len(f.quad_class))})")
        params += list(f.quad_class)
    for flag, keep in (("hypothetical", f.include_hypothetical), ("negated", f.include_negated),
                       ("historical", f.include_historical)):
        if not keep:
            where.append(f"{alias}.{flag} = 0")
    if f.min_confidence is not None:
        where.append(f"{alias}.confidence >= ?")
        params.append(f.min_confidence)
    event_actor_conditions(alias, f.actor, f.country, where, params)
    return where, params


def article_scope(f: EventFilters) -> tuple[str, list] | None:
    """A condition on article alias ``a`` that it has an event matching the event-only filters, if any are set."""
    if not f.event_only():
        return None
    only = EventFilters(source=f.source, target=f.target, quad_class=f.quad_class, min_confidence=f.min_confidence,
                        include_hypothetical=f.include_hypothetical, include_negated=f.include_negated,
                        include_historical=f.include_historical)
    where, params = event_conditions(only)
    return f"EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND {' AND '.join(where)})", params


_RARE = 5000  # a key with fewer events is read through its own index, else found walking the dates


def _page_index(conn: sqlite3.Connection, f: EventFilters) -> str:
    """The index a page walks: the date-ordered covering index, or a rare source/target key's own index.

    Walking by date stops after a page of matches, quick when matches are common; a rare key would make it
    read most of the index, so a bounded count (at most ``_RARE`` index entries) decides.
    """
    if f.source_keys is not None and f.target_keys is not None:
        return "events_dyad"  # both sides known: seek each (source, target) pair, in date order
    best, fewest = "events_analytics", _RARE
    for index, side in (("events_source", "source"), ("events_target", "target")):
        value, keys = getattr(f, side), getattr(f, f"{side}_keys")
        if not value:
            continue
        where, params = [], []
        if keys is not None:
            _keys(f"{side}_key", keys, where, params)
        else:
            _prefix(f"{side}_key", value, where, params)
        n = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY {index} WHERE {where[0]}"
                         f" LIMIT {_RARE})", params).fetchone()[0]
        if n < fewest:
            best, fewest = index, n
    return best


def page_events(conn: sqlite3.Connection, f: EventFilters, newest_first: bool = True) -> list[dict]:
    """A page of events (the CLI's columns plus keys and coordinates), by date, newest first by default."""
    f = resolve_keys(conn, f)
    where, params = event_conditions(f)
    order = "DESC" if newest_first else "ASC"
    page, page_params = _page(f)
    index = _page_index(conn, f)
    # The page's keys first (an index walk), then the expensive columns for those rows only.
    sql = (
        f"WITH page AS (SELECT e.article_id, e.event_id FROM events e INDEXED BY {index}" + _where(where)
        + f" ORDER BY e.date {order}, e.article_id {order}, e.event_id {order}" + page + ")"
        f" SELECT {EVENT_ROW_COLUMNS},"
        " e.source_key, e.target_key, e.lat, e.lon, e.location_country"
        " FROM page JOIN events e ON e.article_id = page.article_id AND e.event_id = page.event_id"
        " JOIN articles a ON a.id = e.article_id"
        f" ORDER BY e.date {order}, e.article_id {order}, e.event_id {order}"
    )
    return [dict(r) for r in conn.execute(sql, params + page_params)]


def series(conn: sqlite3.Connection, f: EventFilters, interval: str = "day", normalize: bool = False) -> list[dict]:
    """Events, Goldstein sum and mean and quad-class shares per period; with ``normalize`` each period's share
    of all events in it."""
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}")
    rows = _period_counts(conn, resolve_keys(conn, f), interval)
    totals: dict[str, int] = {}
    if normalize:
        for period, _quad, events, _gsum, _gn in _period_counts(conn, EventFilters(since=f.since, until=f.until),
                                                                interval):
            totals[period] = totals.get(period, 0) + events
    periods: dict[str, dict] = {}
    for period, quad, events, gsum, gn in rows:
        item = periods.setdefault(period, {"period": period, "events": 0, "goldstein_sum": 0.0, "_gn": 0,
                                           "quad_shares": {"1": 0.0, "2": 0.0, "3": 0.0, "4": 0.0}})
        item["events"] += events
        item["goldstein_sum"] += gsum
        item["_gn"] += gn
        if quad in (1, 2, 3, 4):
            item["quad_shares"][str(quad)] += events
    items = []
    for period in sorted(periods):
        item = periods[period]
        gn = item.pop("_gn")
        n = item["events"]
        item["goldstein_sum"] = round(item["goldstein_sum"], 4)
        item["goldstein_mean"] = round(item["goldstein_sum"] / gn, 4) if gn else None
        item["quad_shares"] = {q: round(c / n, 4) if n else 0.0 for q, c in item["quad_shares"].items()}
        total = totals.get(period)
        item["share_of_volume"] = round(n / total, 6) if normalize and total else None
        items.append(item)
    return items


def _period_counts(conn: sqlite3.Connection, f: EventFilters, interval: str) -> list[tuple]:
    """(period, quad class, events, Goldstein sum, events with Goldstein) rows, from the cheapest table."""
    dyad = f.source or f.target
    if _rollup_ready(f):
        if dyad:
            table = "rollup_dyad_day r"
        elif f.type or not (f.include_hypothetical and f.include_negated and f.include_historical):
            table = "rollup_day r"
        else:
            table = "rollup_day_quad r"  # dates and quad classes only: a few rows per day
        where, params = event_conditions(f, "r", rollup=True)
        where.append("r.day != ''")
        measures = "sum(r.events) AS n, sum(r.goldstein_sum) AS gsum, sum(r.goldstein_n) AS gn"
        day = "r.day"
    else:
        table = _SCAN
        where, params = event_conditions(f, "r")
        where.append("r.date IS NOT NULL")
        measures = "count(*) AS n, total(r.goldstein) AS gsum, count(r.goldstein) AS gn"
        day = "r.date"
    # Group by day first (streaming over the day-ordered key), then fold days into periods: few date() calls.
    period = _PERIOD[interval].format(col="day")
    sql = (
        f"SELECT {period} AS period, quad_class, sum(n), sum(gsum), sum(gn) FROM"
        f" (SELECT {day} AS day, r.quad_class AS quad_class, {measures}"
        f" FROM {table}{_where(where)} GROUP BY 1, 2) GROUP BY 1, 2"
    )
    return conn.execute(sql, params).fetchall()


_SHORT_WINDOW_DAYS = 31  # up to this, a network groups the window's rollup rows (covering day index)


def network(conn: sqlite3.Connection, f: EventFilters, min_events: int = 1, limit: int = 100) -> dict:
    """The top dyads by events (edges, with mean Goldstein) and the actor keys they touch (nodes)."""
    f = resolve_keys(conn, f)
    if not _rollup_ready(f):
        edges = _edges_by_query(conn, f, _SCAN, "count(*) AS n, total(r.goldstein), count(r.goldstein)",
                                min_events, limit)
    elif f.source_keys is not None or f.target_keys is not None or _window_days(conn, f) <= _SHORT_WINDOW_DAYS:
        table = "rollup_dyad_day r" if f.source_keys is not None or f.target_keys is not None else (
            "rollup_dyad_day r INDEXED BY rollup_dyad_day_day")
        edges = _edges_by_query(conn, f, table, "sum(r.events) AS n, sum(r.goldstein_sum), sum(r.goldstein_n)",
                                min_events, limit)
    else:
        edges = _edges_by_bound(conn, f, min_events, limit)
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + e["events"]
        degree[e["target"]] = degree.get(e["target"], 0) + e["events"]
    nodes = [{"id": key, **key_label(conn, key), "events": n} for key, n in degree.items()]
    return {"nodes": nodes, "edges": edges}


def _edge(source: str, target: str, n: int, gsum: float, gn: int) -> dict:
    return {"source": source, "target": target, "events": n, "goldstein_mean": round(gsum / gn, 4) if gn else None}


def _edges_by_query(conn: sqlite3.Connection, f: EventFilters, table: str, measures: str, min_events: int,
                    limit: int) -> list[dict]:
    """One grouped query: the filters narrow the rows enough (keys, a short window), or nothing else can answer."""
    where, params = event_conditions(f, "r", rollup=table.startswith("rollup"))
    # coalesce(): a test the planner cannot turn into a range over the key indexes
    where += ["coalesce(r.source_key, '') != ''", "coalesce(r.target_key, '') != ''"]
    sql = (
        f"SELECT r.source_key, r.target_key, {measures} FROM {table}{_where(where)}"
        " GROUP BY 1, 2 HAVING n >= ? ORDER BY n DESC, 1, 2 LIMIT ?"
    )
    return [_edge(*row) for row in conn.execute(sql, params + [min_events, limit])]


def _edges_by_bound(conn: sqlite3.Connection, f: EventFilters, min_events: int, limit: int) -> list[dict]:
    """Exact top edges without reading every rollup row: dyads in order of all-time events (an upper bound of
    their filtered count), each counted by a seek, until no remaining dyad can enter the top ``limit``."""
    unfiltered = _dates_only(f) and not (f.since or f.until)
    where, params = event_conditions(f, "r", rollup=True)
    count = ("SELECT sum(r.events), sum(r.goldstein_sum), sum(r.goldstein_n) FROM rollup_dyad_day r"
             " WHERE r.source_key = ? AND r.target_key = ?" + "".join(f" AND {w}" for w in where))
    best: list[int] = []  # min-heap of the ``limit`` largest counts so far
    found = []
    bounds = conn.execute(
        "SELECT source_key, target_key, events, goldstein_sum, goldstein_n FROM rollup_dyad INDEXED BY"
        " rollup_dyad_events WHERE events >= ? AND source_key != '' AND target_key != '' ORDER BY events DESC",
        (min_events,))
    for source, target, total, gsum, gn in bounds:
        if len(best) >= limit and total < best[0]:
            break
        if not unfiltered:
            total, gsum, gn = conn.execute(count, [source, target] + params).fetchone()
            if not total or total < min_events:
                continue
        found.append((source, target, total, gsum, gn))
        if len(best) < limit:
            heapq.heappush(best, total)
        elif total > best[0]:
            heapq.heapreplace(best, total)
    found.sort(key=lambda e: (-e[2], e[0], e[1]))
    return [_edge(*e) for e in found[:limit]]


def _window_days(conn: sqlite3.Connection, f: EventFilters) -> int:
    """Days between the filter's dates, open ends taken from the store's first and last event day."""
    first, last = conn.execute("SELECT min(day), max(day) FROM rollup_day_quad WHERE day != ''").fetchone()
    if first is None:
        return 0
    since, until = max(f.since or first, first), min(f.until or last, last)
    return (date.fromisoformat(until) - date.fromisoformat(since)).days + 1 if since <= until else 0


def key_label(conn: sqlite3.Connection, key: str) -> dict:
    """A readable name and the country of an actor key (an actor holding that code, else the key itself)."""
    row = conn.execute("SELECT name, country FROM actors WHERE cameo_code = ? LIMIT 1", (key,)).fetchone()
    if row:
        return {"label": row["name"], "country": row["country"]}
    if len(key) == 3 and key.isalpha() and key.isupper():
        return {"label": key, "country": key}
    row = conn.execute("SELECT country FROM actors WHERE name = ? LIMIT 1", (key,)).fetchone()
    return {"label": key, "country": row["country"] if row else None}


def map_points(conn: sqlite3.Connection, f: EventFilters, limit: int = 1000) -> list[dict]:
    """Events with a location, grouped by place, most events first."""
    f = resolve_keys(conn, f)
    if _dates_only(f):
        where, params = event_conditions(f, "r", rollup=True)
        sql = (
            "SELECT r.lat, r.lon, nullif(r.name, '') AS name, nullif(r.country, '') AS country,"
            " sum(r.events) AS events, sum(r.goldstein_sum) AS gsum, sum(r.goldstein_n) AS gn"
            " FROM rollup_place_day r" + _where(where) + " GROUP BY r.lat, r.lon, r.name, r.country"
        )
    else:
        where, params = event_conditions(f)
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        sql = (
            "SELECT e.lat, e.lon, e.location_name AS name, e.location_country AS country, count(*) AS events,"
            " total(e.goldstein) AS gsum, count(e.goldstein) AS gn FROM events e INDEXED BY events_analytics"
            + _where(where) + " GROUP BY e.lat, e.lon, e.location_name, e.location_country"
        )
    rows = conn.execute(f"SELECT * FROM ({sql}) ORDER BY events DESC, name LIMIT ?", params + [limit])
    return [{"lat": r["lat"], "lon": r["lon"], "name": r["name"], "country": r["country"], "events": r["events"],
             "goldstein_mean": round(r["gsum"] / r["gn"], 4) if r["gn"] else None} for r in rows]


def _dates_only(f: EventFilters) -> bool:
    """No filter but the date range: the per-day rollups answer."""
    return _rollup_ready(f) and not (f.type or f.source or f.target or f.quad_class) and (
        f.include_hypothetical and f.include_negated and f.include_historical)


def event_detail(conn: sqlite3.Connection, article_id: str, event_id: str) -> dict | None:
    """One event's contract record and its article's header, or None."""
    row = conn.execute(
        "SELECT e.record, a.id, a.date, a.title, a.source, a.url FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.article_id = ? AND e.event_id = ?", (article_id, event_id)).fetchone()
    if row is None:
        return None
    return {"event": json.loads(row["record"]),
            "article": {k: row[k] for k in ("id", "date", "title", "source", "url")}}


def evidence(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """An article with everything extracted from it, offsets into its text, or None."""
    art = conn.execute("SELECT id, date, title, source, url, text FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if art is None:
        return None
    text = art["text"]
    mentions: dict[str, list] = {}
    for m in conn.execute("SELECT actor_id, start, end FROM mentions WHERE article_id = ? ORDER BY start",
                          (article_id,)):
        mentions.setdefault(m["actor_id"], []).append({"start": m["start"], "end": m["end"],
                                                       "text": text[m["start"]:m["end"]]})
    actors = [
        {"id": r["actor_id"], "name": r["name"], "country": r["country"], "sectors": json.loads(r["sectors"]),
         "cameo_code": r["cameo_code"], "mentions": mentions.get(r["actor_id"], [])}
        for r in conn.execute("SELECT actor_id, name, country, sectors, cameo_code FROM actors WHERE article_id = ?"
                              " ORDER BY actor_id", (article_id,))
    ]
    places = [
        {"span": {"start": r["start"], "end": r["end"], "text": r["text"]}, "name": r["name"], "country": r["country"],
         "admin1": r["admin1"], "geonames_id": r["geonames_id"], "lat": r["lat"], "lon": r["lon"],
         "feature": r["feature"]}
        for r in conn.execute("SELECT * FROM places WHERE article_id = ? ORDER BY idx", (article_id,))
    ]
    return {
        "article": dict(art),
        "sentences": [{"start": r[0], "end": r[1]} for r in conn.execute(
            "SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))],
        "actors": actors,
        "events": [json.loads(r[0]) for r in conn.execute(
            "SELECT record FROM events WHERE article_id = ? ORDER BY sentence_start, trigger_start", (article_id,))],
        "quotes": [json.loads(r[0]) for r in conn.execute(
            "SELECT record FROM quotes WHERE article_id = ? ORDER BY content_start", (article_id,))],
        "places": places,
    }
