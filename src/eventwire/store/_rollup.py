"""Rollup tables kept exact at ingest: an article's events are added when it is written and
subtracted before it is replaced, in the same transaction (schema in migrations 3 to 6)."""

from __future__ import annotations

import sqlite3

# ``sign`` is bound (+1 or -1); the WHERE clause keeps SQLite from reading ON CONFLICT as a join's ON.
_ADD_DYAD = """
INSERT INTO rollup_dyad_day AS r
SELECT coalesce(source_key, ''), coalesce(target_key, ''), coalesce(date, ''), plover_type,
       coalesce(quad_class, 0), negated, hypothetical, historical,
       ? * count(*), ? * total(goldstein), ? * count(goldstein)
FROM events WHERE article_id = ? GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT DO UPDATE SET events = r.events + excluded.events,
    goldstein_sum = r.goldstein_sum + excluded.goldstein_sum, goldstein_n = r.goldstein_n + excluded.goldstein_n
"""
_ADD_DAY = """
INSERT INTO rollup_day AS r
SELECT coalesce(date, ''), plover_type, coalesce(quad_class, 0), negated, hypothetical, historical,
       ? * count(*), ? * total(goldstein), ? * count(goldstein)
FROM events WHERE article_id = ? GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT DO UPDATE SET events = r.events + excluded.events,
    goldstein_sum = r.goldstein_sum + excluded.goldstein_sum, goldstein_n = r.goldstein_n + excluded.goldstein_n
"""
_ADD_DAY_QUAD = """
INSERT INTO rollup_day_quad AS r
SELECT coalesce(date, ''), coalesce(quad_class, 0), ? * count(*), ? * total(goldstein), ? * count(goldstein)
FROM events WHERE article_id = ? GROUP BY 1, 2
ON CONFLICT DO UPDATE SET events = r.events + excluded.events,
    goldstein_sum = r.goldstein_sum + excluded.goldstein_sum, goldstein_n = r.goldstein_n + excluded.goldstein_n
"""
_ADD_PLACE = """
INSERT INTO rollup_place_day AS r
SELECT coalesce(date, ''), lat, lon, coalesce(location_name, ''), coalesce(location_country, ''),
       ? * count(*), ? * total(goldstein), ? * count(goldstein)
FROM events WHERE article_id = ? AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5
ON CONFLICT DO UPDATE SET events = r.events + excluded.events,
    goldstein_sum = r.goldstein_sum + excluded.goldstein_sum, goldstein_n = r.goldstein_n + excluded.goldstein_n
"""
_ADD_DYAD_ALL = """
INSERT INTO rollup_dyad AS r
SELECT coalesce(source_key, ''), coalesce(target_key, ''), ? * count(*), ? * total(goldstein), ? * count(goldstein)
FROM events WHERE article_id = ? GROUP BY 1, 2
ON CONFLICT DO UPDATE SET events = r.events + excluded.events,
    goldstein_sum = r.goldstein_sum + excluded.goldstein_sum, goldstein_n = r.goldstein_n + excluded.goldstein_n
"""
_DROP_EMPTY_DYAD = """
DELETE FROM rollup_dyad_day WHERE events <= 0 AND (source_key, target_key, day) IN (
    SELECT coalesce(source_key, ''), coalesce(target_key, ''), coalesce(date, '') FROM events WHERE article_id = ?)
"""
_DROP_EMPTY_DAY = """
DELETE FROM rollup_day WHERE events <= 0 AND day IN (SELECT coalesce(date, '') FROM events WHERE article_id = ?)
"""
_DROP_EMPTY_DAY_QUAD = """
DELETE FROM rollup_day_quad WHERE events <= 0 AND day IN (SELECT coalesce(date, '') FROM events WHERE article_id = ?)
"""
_DROP_EMPTY_PLACE = """
DELETE FROM rollup_place_day WHERE events <= 0 AND day IN (SELECT coalesce(date, '') FROM events WHERE article_id = ?)
"""
_DROP_EMPTY_DYAD_ALL = """
DELETE FROM rollup_dyad WHERE events <= 0 AND (source_key, target_key) IN (
    SELECT coalesce(source_key, ''), coalesce(target_key, '') FROM events WHERE article_id = ?)
"""


def add_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Count the stored events of ``article_id`` into the rollups."""
    _apply(conn, article_id, 1)


def subtract_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Take the stored events of ``article_id`` out of the rollups (before the article is deleted)."""
    _apply(conn, article_id, -1)
    conn.execute(_DROP_EMPTY_DYAD, (article_id,))
    conn.execute(_DROP_EMPTY_DAY, (article_id,))
    conn.execute(_DROP_EMPTY_DAY_QUAD, (article_id,))
    conn.execute(_DROP_EMPTY_PLACE, (article_id,))
    conn.execute(_DROP_EMPTY_DYAD_ALL, (article_id,))


def _apply(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    conn.execute(_ADD_DYAD, (sign, sign, sign, article_id))
    conn.execute(_ADD_DAY, (sign, sign, sign, article_id))
    conn.execute(_ADD_DAY_QUAD, (sign, sign, sign, article_id))
    conn.execute(_ADD_PLACE, (sign, sign, sign, article_id))
    conn.execute(_ADD_DYAD_ALL, (sign, sign, sign, article_id))


def rebuild(conn: sqlite3.Connection) -> None:
    """Recount the rollups from the events table (bulk loads; the caller holds the transaction)."""
    for table in ("rollup_dyad_day", "rollup_day", "rollup_day_quad", "rollup_place_day", "rollup_dyad"):
        conn.execute(f"DELETE FROM {table}")  # fixed names only
    conn.execute(
        "INSERT INTO rollup_dyad_day SELECT coalesce(source_key, ''), coalesce(target_key, ''), coalesce(date, ''),"
        " plover_type, coalesce(quad_class, 0), negated, hypothetical, historical,"
        " count(*), total(goldstein), count(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
    )
    conn.execute(
        "INSERT INTO rollup_day SELECT coalesce(date, ''), plover_type, coalesce(quad_class, 0), negated,"
        " hypothetical, historical, count(*), total(goldstein), count(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6"
    )
    conn.execute(
        "INSERT INTO rollup_day_quad SELECT day, quad_class, sum(events), sum(goldstein_sum), sum(goldstein_n)"
        " FROM rollup_day GROUP BY 1, 2"
    )
    conn.execute(
        "INSERT INTO rollup_place_day SELECT coalesce(date, ''), lat, lon, coalesce(location_name, ''),"
        " coalesce(location_country, ''), count(*), total(goldstein), count(goldstein) FROM events"
        " WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
    )
    conn.execute(
        "INSERT INTO rollup_dyad SELECT source_key, target_key, sum(events), sum(goldstein_sum), sum(goldstein_n)"
        " FROM rollup_dyad_day GROUP BY 1, 2"
    )
