"""Read-side queries over the store: plain SQL with bound parameters only.

Every list function takes a :class:`Filters` and returns a list of dicts,
which the CLI prints as a table or JSON and ``export`` writes to a file.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date

MAX_LIMIT = 100_000


class QueryError(ValueError):
    """A filter or search the store cannot run; the message says why."""


@dataclass(frozen=True)
class Filters:
    """The filters shared by ``events``, ``quotes``, ``actors``, ``articles`` and ``export``.

    ``since``/``until`` are inclusive ISO dates; ``actor`` matches an actor's
    name (substring, case-insensitive), CAMEO code or knowledge-base id;
    ``country`` an ISO3 code; ``type`` a PLOVER event type or CAMEO code
    prefix (events), a quote kind (quotes) or a sector code (actors).
    ``limit=None`` means no limit.
    """

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    limit: int | None = 50
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise QueryError(f"--{name}: {value!r} is not a date (YYYY-MM-DD)") from None
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"--limit must be between 0 and {MAX_LIMIT}")
        if self.offset < 0:
            raise QueryError("--offset must not be negative")


def _page(filters: Filters) -> tuple[str, list]:
    if filters.limit is None:
        return " LIMIT -1 OFFSET ?", [filters.offset]
    return " LIMIT ? OFFSET ?", [filters.limit, filters.offset]


def _date_range(column: str, filters: Filters, where: list[str], params: list) -> None:
    if filters.since:
        where.append(f"{column} >= ?")
        params.append(filters.since)
    if filters.until:
        where.append(f"{column} <= ?")
        params.append(filters.until)


def _actor_match(alias: str) -> str:
    return f"({alias}.name LIKE ? ESCAPE '\\' OR {alias}.cameo_code = ? OR {alias}.kb_id = ?)"


def _actor_params(actor: str) -> list:
    escaped = actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [f"%{escaped}%", actor.upper(), actor]


Scope = tuple[str, list] | None  # an extra SQL condition on article alias ``a`` with its parameters


def _scoped(scope: tuple[str, list] | None, where: list[str], params: list) -> None:
    if scope:
        where.append(scope[0])
        params += scope[1]


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def list_articles(
    conn: sqlite3.Connection, filters: Filters, search: str | None = None, scope: Scope = None
) -> list[dict]:
    where: list[str] = []
    params: list = []
    select = (
        "SELECT a.id, a.date, a.title, a.source, a.url, a.n_sentences, a.n_actors, a.n_events, a.n_quotes,"
        " a.n_places, a.errors"
    )
    if search:
        select += ", snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet FROM articles_fts"
        select += " JOIN articles a ON a.pk = articles_fts.rowid"
        where.append("articles_fts MATCH ?")
        params.append(search)
        order = " ORDER BY rank"
    else:
        select += " FROM articles a"
        order = " ORDER BY a.date, a.id"
    _date_range("a.date", filters, where, params)
    if filters.actor or filters.country:
        sub, sub_params = ["ac.article_id = a.id"], []
        if filters.actor:
            sub.append(_actor_match("ac"))
            sub_params += _actor_params(filters.actor)
        if filters.country:
            sub.append("ac.country = ?")
            sub_params.append(filters.country.upper())
        where.append(f"EXISTS (SELECT 1 FROM actors ac WHERE {' AND '.join(sub)})")
        params += sub_params
    _scoped(scope, where, params)
    page, page_params = _page(filters)
    try:
        rows = conn.execute(select + _where(where) + order + page, params + page_params).fetchall()
    except sqlite3.OperationalError as exc:
        if search:
            raise QueryError(f"full-text query {search!r} is not valid ({exc})") from None
        raise
    return [dict(r) | {"errors": json.loads(r["errors"])} for r in rows]


def event_actor_conditions(alias: str, actor: str | None, country: str | None, where: list[str],
                           params: list) -> None:
    """Conditions that an event (table alias ``alias``) has a source or target matching ``actor`` / ``country``."""
    tests = []
    if actor:
        tests.append((_actor_match("ac"), _actor_params(actor)))
    if country:
        tests.append(("ac.country = ?", [country.upper()]))
    for test, test_params in tests:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id"
            f" AND ac.actor_id = ea.actor_id WHERE ea.article_id = {alias}.article_id"
            f" AND ea.event_id = {alias}.event_id AND ea.role IN ('source', 'target') AND {test})"
        )
        params += test_params


# The columns of an event row in lists (events ``e`` joined to their article ``a``): codes, flags, the names of
# its sources and targets, trigger, place and evidence sentence.
EVENT_ROW_COLUMNS = (
    "e.article_id, e.event_id, e.date, e.date_precision, e.plover_type, e.plover_mode, e.cameo_code,"
        " e.quad_class, e.goldstein, e.negated, e.hypothetical, e.historical, e.confidence,"
        " (SELECT group_concat(name, ' + ') FROM event_actors ea JOIN actors s ON s.article_id = ea.article_id"
        "  AND s.actor_id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_id = e.event_id"
        "  AND ea.role = 'source') AS source,"
        " (SELECT group_concat(name, ' + ') FROM event_actors ea JOIN actors t ON t.article_id = ea.article_id"
        "  AND t.actor_id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_id = e.event_id"
        "  AND ea.role = 'target') AS target,"
        " e.trigger_text AS trigger, e.location_name AS location,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence"
)


def list_events(conn: sqlite3.Connection, filters: Filters) -> list[dict]:
    where: list[str] = []
    params: list = []
    _date_range("e.date", filters, where, params)
    if filters.type:
        if filters.type.isdigit():
            where.append("e.cameo_code LIKE ?")
            params.append(filters.type + "%")
        else:
            where.append("e.plover_type = ?")
            params.append(filters.type.upper())
    event_actor_conditions("e", filters.actor, filters.country, where, params)
    page, page_params = _page(filters)
    sql = (
        f"SELECT {EVENT_ROW_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        + _where(where)
        + " ORDER BY e.date, e.article_id, e.sentence_start, e.trigger_start"
        + page
    )
    return [dict(r) for r in conn.execute(sql, params + page_params)]


def list_quotes(
    conn: sqlite3.Connection, filters: Filters, speaker: str | None = None, scope: Scope = None
) -> list[dict]:
    where: list[str] = []
    params: list = []
    _date_range("a.date", filters, where, params)
    if filters.type:
        where.append("q.kind = ?")
        params.append(filters.type.lower())
    for value in (speaker, filters.actor):
        if value:
            where.append(_actor_match("s"))
            params += _actor_params(value)
    if filters.country:
        where.append("s.country = ?")
        params.append(filters.country.upper())
    _scoped(scope, where, params)
    page, page_params = _page(filters)
    sql = (
        "SELECT q.article_id, q.quote_id, a.date, q.kind, s.name AS speaker, s.country AS speaker_country,"
        " q.cue, q.channel, q.content FROM quotes q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN actors s ON s.article_id = q.article_id AND s.actor_id = q.speaker_actor"
        + _where(where)
        + " ORDER BY a.date, q.article_id, q.content_start"
        + page
    )
    return [dict(r) for r in conn.execute(sql, params + page_params)]


def list_actors(conn: sqlite3.Connection, filters: Filters, scope: Scope = None) -> list[dict]:
    """Actors across articles, one row per (name, country, code), most mentioned first."""
    where: list[str] = []
    params: list = []
    _date_range("a.date", filters, where, params)
    if filters.actor:
        where.append(_actor_match("ac"))
        params += _actor_params(filters.actor)
    if filters.country:
        where.append("ac.country = ?")
        params.append(filters.country.upper())
    if filters.type:
        where.append("EXISTS (SELECT 1 FROM json_each(ac.sectors) WHERE value = ?)")
        params.append(filters.type.upper())
    _scoped(scope, where, params)
    page, page_params = _page(filters)
    sql = (
        "SELECT ac.name, ac.country, ac.sectors, ac.cameo_code, ac.kb_id, count(DISTINCT ac.article_id) AS articles,"
        " sum(ac.n_mentions) AS mentions, min(a.date) AS first_date, max(a.date) AS last_date"
        " FROM actors ac JOIN articles a ON a.id = ac.article_id"
        + _where(where)
        + " GROUP BY ac.name, ac.country, ac.cameo_code ORDER BY mentions DESC, articles DESC, ac.name"
        + page
    )
    return [dict(r) | {"sectors": json.loads(r["sectors"])} for r in conn.execute(sql, params + page_params)]


def list_places(conn: sqlite3.Connection, filters: Filters, scope: Scope = None) -> list[dict]:
    where: list[str] = []
    params: list = []
    _date_range("a.date", filters, where, params)
    if filters.country:
        where.append("p.country = ?")
        params.append(filters.country.upper())
    if filters.type:
        where.append("p.feature = ?")
        params.append(filters.type)
    _scoped(scope, where, params)
    page, page_params = _page(filters)
    sql = (
        "SELECT p.article_id, a.date, p.text, p.name, p.country, p.admin1, p.geonames_id, p.lat, p.lon, p.feature"
        " FROM places p JOIN articles a ON a.id = p.article_id"
        + _where(where)
        + " ORDER BY a.date, p.article_id, p.start"
        + page
    )
    return [dict(r) for r in conn.execute(sql, params + page_params)]


def list_dyads(conn: sqlite3.Connection, filters: Filters) -> list[dict]:
    """Source → target actor pairs of events, most frequent first."""
    where = ["e.source_actor IS NOT NULL", "e.target_actor IS NOT NULL"]
    params: list = []
    _date_range("e.date", filters, where, params)
    page, page_params = _page(filters)
    sql = (
        "SELECT coalesce(s.cameo_code, s.name) AS source, coalesce(t.cameo_code, t.name) AS target,"
        " count(*) AS events, round(avg(e.goldstein), 2) AS mean_goldstein"
        " FROM events e"
        " JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source_actor"
        " JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target_actor"
        + _where(where)
        + " GROUP BY 1, 2 ORDER BY events DESC, source, target"
        + page
    )
    return [dict(r) for r in conn.execute(sql, params + page_params)]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("articles", "sentences", "actors", "mentions", "events", "quotes", "places", "runs")
    result = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # fixed names only
    first, last = conn.execute("SELECT min(date), max(date) FROM articles").fetchone()
    return result | {"first_date": first, "last_date": last}
