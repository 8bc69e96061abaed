"""The store schema, as an ordered list of migrations.

Each migration runs once, in its own transaction, and is recorded in
``schema_migrations``; a new schema change is a new entry at the end, never
an edit of an old one.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, sentences, actors, mentions, events, quotes, places, runs",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            command TEXT,
            eventwire_version TEXT NOT NULL,
            model TEXT NOT NULL,
            model_version TEXT,
            settings TEXT NOT NULL,          -- JSON of eventwire.Settings
            articles_added INTEGER NOT NULL DEFAULT 0,
            articles_skipped INTEGER NOT NULL DEFAULT 0,
            read_errors INTEGER NOT NULL DEFAULT 0
        );

        -- pk is the rowid the full-text index points at; id is the article's own id.
        CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            date TEXT,
            title TEXT,
            source TEXT,
            url TEXT,
            lang TEXT,
            text TEXT NOT NULL,
            origin TEXT,
            errors TEXT NOT NULL DEFAULT '[]',   -- JSON list of per-document problems
            run_id INTEGER REFERENCES runs(id),
            -- counts written with the rows, so a reader can check an article is whole
            n_sentences INTEGER NOT NULL,
            n_actors INTEGER NOT NULL,
            n_mentions INTEGER NOT NULL,
            n_events INTEGER NOT NULL,
            n_quotes INTEGER NOT NULL,
            n_places INTEGER NOT NULL
        );
        CREATE INDEX articles_date ON articles(date);

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;

        CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;

        CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,            -- document-local id, as in the extract contract
            name TEXT NOT NULL,
            country TEXT,
            sectors TEXT NOT NULL DEFAULT '[]', -- JSON list
            role TEXT,
            cameo_code TEXT,
            kb_id TEXT,
            former INTEGER NOT NULL DEFAULT 0,
            n_mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        ) WITHOUT ROWID;
        CREATE INDEX actors_name ON actors(name);
        CREATE INDEX actors_country ON actors(country);
        CREATE INDEX actors_code ON actors(cameo_code);

        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT,
            sentence INTEGER,
            PRIMARY KEY (article_id, start, end, actor_id)
        ) WITHOUT ROWID;

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            date TEXT,                          -- event date, else the article's
            date_precision TEXT,
            plover_type TEXT NOT NULL,
            plover_mode TEXT,
            cameo_code TEXT,
            cameo_root TEXT,
            goldstein REAL,
            quad_class INTEGER,
            negated INTEGER NOT NULL DEFAULT 0,
            hypothetical INTEGER NOT NULL DEFAULT 0,
            historical INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 0,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            source_actor TEXT,                  -- first source / target actor_id, for dyads
            target_actor TEXT,
            location_name TEXT,
            location_country TEXT,
            lat REAL,
            lon REAL,
            record TEXT NOT NULL,               -- the full contract Event as JSON
            PRIMARY KEY (article_id, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_type ON events(plover_type, date);

        CREATE TABLE event_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('source', 'target', 'reported_by')),
            actor_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            PRIMARY KEY (article_id, event_id, role, actor_id, start)
        ) WITHOUT ROWID;
        CREATE INDEX event_actors_actor ON event_actors(article_id, actor_id);

        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            content TEXT NOT NULL,
            cue TEXT,
            speaker_actor TEXT,
            channel TEXT,
            record TEXT NOT NULL,               -- the full contract Quote as JSON
            PRIMARY KEY (article_id, quote_id)
        ) WITHOUT ROWID;

        CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            name TEXT NOT NULL,
            country TEXT,
            admin1 TEXT,
            geonames_id INTEGER,
            lat REAL,
            lon REAL,
            feature TEXT,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;
        CREATE INDEX places_country ON places(country);
        """,
    ),
    (
        2,
        "actors.deceased",
        """
        ALTER TABLE actors ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0;
        """,
    ),
    (
        3,
        "events.source_key/target_key, rollups for series and network, indexes for filtered pages",
        """
        -- An actor's key across articles: its CAMEO code, else its country, else its name.
        ALTER TABLE events ADD COLUMN source_key TEXT;
        ALTER TABLE events ADD COLUMN target_key TEXT;
        UPDATE events SET
            source_key = (SELECT coalesce(ac.cameo_code, ac.country, ac.name) FROM actors ac
                          WHERE ac.article_id = events.article_id AND ac.actor_id = events.source_actor),
            target_key = (SELECT coalesce(ac.cameo_code, ac.country, ac.name) FROM actors ac
                          WHERE ac.article_id = events.article_id AND ac.actor_id = events.target_actor);
        CREATE INDEX events_source ON events(source_key, date);
        CREATE INDEX events_target ON events(target_key, date);
        -- Covers the filters and measures of series, network and map when the rollups cannot answer:
        -- a scan of this narrow index instead of event rows that carry their JSON record.
        CREATE INDEX events_analytics ON events(
            date, plover_type, quad_class, source_key, target_key, negated, hypothetical, historical, confidence,
            goldstein, cameo_code, lat, lon, location_name, location_country
        );

        -- Counts and Goldstein sums per day x dyad x type x quad class x modality, kept exact at ingest
        -- (``_rollup.py``). Missing values are '' / 0: primary-key columns cannot be NULL here.
        CREATE TABLE rollup_dyad_day (
            source_key TEXT NOT NULL,
            target_key TEXT NOT NULL,
            day TEXT NOT NULL,
            plover_type TEXT NOT NULL,
            quad_class INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            hypothetical INTEGER NOT NULL,
            historical INTEGER NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL,   -- events with a Goldstein value, for the mean
            PRIMARY KEY (source_key, target_key, day, plover_type, quad_class, negated, hypothetical, historical)
        ) WITHOUT ROWID;
        CREATE INDEX rollup_dyad_day_target ON rollup_dyad_day(target_key, day);

        -- The same without the dyad: the timeline and the normalising volume read a few rows per day.
        CREATE TABLE rollup_day (
            day TEXT NOT NULL,
            plover_type TEXT NOT NULL,
            quad_class INTEGER NOT NULL,
            negated INTEGER NOT NULL,
            hypothetical INTEGER NOT NULL,
            historical INTEGER NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL,
            PRIMARY KEY (day, quad_class, plover_type, negated, hypothetical, historical)
        ) WITHOUT ROWID;

        INSERT INTO rollup_dyad_day
            SELECT coalesce(source_key, ''), coalesce(target_key, ''), coalesce(date, ''), plover_type,
                   coalesce(quad_class, 0), negated, hypothetical, historical,
                   count(*), total(goldstein), count(goldstein)
            FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
        INSERT INTO rollup_day
            SELECT coalesce(date, ''), plover_type, coalesce(quad_class, 0), negated, hypothetical, historical,
                   count(*), total(goldstein), count(goldstein)
            FROM events GROUP BY 1, 2, 3, 4, 5, 6;
        """,
    ),
    (
        4,
        "rollup_day_quad: events per day and quad class, for the unfiltered timeline and normalised series",
        """
        CREATE TABLE rollup_day_quad (
            day TEXT NOT NULL,
            quad_class INTEGER NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL,
            PRIMARY KEY (day, quad_class)
        ) WITHOUT ROWID;
        INSERT INTO rollup_day_quad
            SELECT day, quad_class, sum(events), sum(goldstein_sum), sum(goldstein_n) FROM rollup_day GROUP BY 1, 2;
        """,
    ),
    (
        5,
        "events_analytics in page order, events_dyad; rollup_place_day for the map",
        """
        -- In (date, article_id, event_id) order, the covering index also walks a filtered page of events
        -- newest first without reading event rows.
        DROP INDEX events_analytics;
        CREATE INDEX events_analytics ON events(
            date, article_id, event_id, source_key, target_key, plover_type, quad_class, negated, hypothetical,
            historical, confidence, cameo_code, goldstein, lat, lon, location_name, location_country
        );
        -- A dyad's events in date order: a page for a source and a target seeks each pair.
        CREATE INDEX events_dyad ON events(source_key, target_key, date);
        CREATE TABLE rollup_place_day (
            day TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            name TEXT NOT NULL,
            country TEXT NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL,
            PRIMARY KEY (day, lat, lon, name, country)
        ) WITHOUT ROWID;
        INSERT INTO rollup_place_day
            SELECT coalesce(date, ''), lat, lon, coalesce(location_name, ''), coalesce(location_country, ''),
                   count(*), total(goldstein), count(goldstein)
            FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
        """,
    ),
    (
        6,
        "rollup_dyad (all-time dyad counts, the network's upper bounds); rollup_dyad_day by day",
        """
        CREATE TABLE rollup_dyad (
            source_key TEXT NOT NULL,
            target_key TEXT NOT NULL,
            events INTEGER NOT NULL,
            goldstein_sum REAL NOT NULL,
            goldstein_n INTEGER NOT NULL,
            PRIMARY KEY (source_key, target_key)
        ) WITHOUT ROWID;
        CREATE INDEX rollup_dyad_events ON rollup_dyad(events);
        INSERT INTO rollup_dyad
            SELECT source_key, target_key, sum(events), sum(goldstein_sum), sum(goldstein_n)
            FROM rollup_dyad_day GROUP BY 1, 2;
        -- Covering, so a short window's network reads index entries only.
        CREATE INDEX rollup_dyad_day_day ON rollup_dyad_day(
            day, source_key, target_key, plover_type, quad_class, negated, hypothetical, historical, events,
            goldstein_sum, goldstein_n
        );
        """,
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations the database lacks; return the versions applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    newer = max(done, default=0)
    if newer > LATEST_VERSION:
        raise RuntimeError(
            f"this store has schema version {newer}, newer than this eventwire ({LATEST_VERSION}); upgrade eventwire"
        )
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(version)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (triggers contain ';')."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return [s for s in statements if s]
