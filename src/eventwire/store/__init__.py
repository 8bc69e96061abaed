"""The embedded store: SQLite in WAL mode, schema by versioned migrations.

``Store`` is the only way in: it opens (and migrates) a database file,
records runs, writes each analysed article in one transaction, and answers
the list queries of the CLI and the API.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from ..records import AnalyzedDocument
from ._query import (
    Filters,
    QueryError,
    counts,
    list_actors,
    list_articles,
    list_dyads,
    list_events,
    list_places,
    list_quotes,
)
from ._analytics import (
    MAX_PAGE,
    EventFilters,
    article_scope,
    event_detail,
    evidence,
    map_points,
    network,
    page_events,
    series,
)
from ._schema import LATEST_VERSION, migrate
from ._write import write_document

__all__ = ["Store", "Filters", "EventFilters", "MAX_PAGE", "QueryError", "StoreError", "DEFAULT_DB", "LATEST_VERSION"]

DEFAULT_DB = "eventwire.db"


class StoreError(RuntimeError):
    """The database file cannot be opened or is not an eventwire store."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _scope(filters: Filters) -> tuple[str, list] | None:
    """With event-only filters, lists of articles, quotes, actors and places keep articles with a matching event."""
    return article_scope(filters) if isinstance(filters, EventFilters) else None


class Store:
    """An eventwire SQLite store. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).is_file():
                    raise StoreError(f"{self.path}: no such store (run `eventwire ingest` first)")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL in WAL keeps every committed article across a process crash.
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
            elif not self._has_schema():
                raise StoreError(f"{self.path}: not an eventwire store")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open store: {exc}") from exc

    def _has_schema(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").fetchone()
        return row is not None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def start_run(self, *, command: str, version: str, model: str, model_version: str | None, settings: dict) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, command, eventwire_version, model, model_version, settings)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (_now(), command, version, model, model_version, json.dumps(settings, sort_keys=True)),
        )
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, *, added: int, skipped: int, read_errors: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, articles_added = ?, articles_skipped = ?, read_errors = ? WHERE id = ?",
            (_now(), added, skipped, read_errors, run_id),
        )

    def save(self, doc: AnalyzedDocument, *, run_id: int | None = None, replace: bool = False) -> bool:
        """Write one article with all its rows atomically; False if it was already stored."""
        return write_document(self.conn, doc, run_id, replace)

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already in the store."""
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    # -- reading ---------------------------------------------------------

    def articles(self, filters: Filters = Filters(), search: str | None = None) -> list[dict]:
        return list_articles(self.conn, filters, search, _scope(filters))

    def events(self, filters: Filters = Filters()) -> list[dict]:
        return list_events(self.conn, filters)

    def quotes(self, filters: Filters = Filters(), speaker: str | None = None) -> list[dict]:
        return list_quotes(self.conn, filters, speaker, _scope(filters))

    def actors(self, filters: Filters = Filters()) -> list[dict]:
        return list_actors(self.conn, filters, _scope(filters))

    def places(self, filters: Filters = Filters()) -> list[dict]:
        return list_places(self.conn, filters, _scope(filters))

    def dyads(self, filters: Filters = Filters()) -> list[dict]:
        return list_dyads(self.conn, filters)

    # -- the API's analytics (filters of EventFilters; see _analytics.py) ---

    def event_page(self, filters: EventFilters = EventFilters(), newest_first: bool = True) -> list[dict]:
        """A page of events by date with actor keys and coordinates."""
        return page_events(self.conn, filters, newest_first)

    def series(self, filters: EventFilters = EventFilters(), interval: str = "day", normalize: bool = False) -> list[dict]:
        return series(self.conn, filters, interval, normalize)

    def network(self, filters: EventFilters = EventFilters(), min_events: int = 1, limit: int = 100) -> dict:
        return network(self.conn, filters, min_events, limit)

    def map_points(self, filters: EventFilters = EventFilters(), limit: int = 1000) -> list[dict]:
        return map_points(self.conn, filters, limit)

    def event(self, article_id: str, event_id: str) -> dict | None:
        return event_detail(self.conn, article_id, event_id)

    def evidence(self, article_id: str) -> dict | None:
        return evidence(self.conn, article_id)

    def counts(self) -> dict:
        return counts(self.conn)

    def runs(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM runs ORDER BY id")]

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)
