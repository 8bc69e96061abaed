"""The SQLite store: migrations, WAL, atomic per-article writes, queries."""

from __future__ import annotations

import sqlite3

import pytest

from eventwire.store import LATEST_VERSION, Filters, QueryError, Store, StoreError
from eventwire.store import _write

from .conftest import make_document


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def test_new_store_is_wal_and_migrated(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version() == LATEST_VERSION
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {"articles", "articles_fts", "sentences", "actors", "mentions", "events", "event_actors", "quotes",
            "places", "runs", "schema_migrations"} <= tables


def test_reopening_does_not_reapply_migrations(tmp_path):
    Store(tmp_path / "t.db").close()
    with Store(tmp_path / "t.db") as s:
        assert s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == LATEST_VERSION


def test_store_from_a_newer_eventwire_is_refused(tmp_path):
    Store(tmp_path / "t.db").close()
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '')")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(tmp_path / "t.db")


def test_readonly_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(path)


def test_save_is_a_noop_for_stored_articles_and_force_replaces(store, document):
    assert store.save(document) is True
    assert store.save(document) is False
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 2
    changed = make_document(extra=" More text.")
    changed.events = changed.events[:1]
    assert store.save(changed, replace=True) is True
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1
    assert store.articles(search="More")[0]["id"] == "doc-1"  # the FTS index follows the replacement


def test_failed_write_leaves_no_partial_article(store, document, monkeypatch):
    real_insert = _write._insert_rows

    def failing(conn, doc, run_id):
        real_insert(conn, doc, run_id)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(_write, "_insert_rows", failing)
    with pytest.raises(RuntimeError):
        store.save(document)
    counts = store.counts()
    assert counts["articles"] == counts["sentences"] == counts["events"] == counts["actors"] == 0
    monkeypatch.undo()
    assert store.save(document) is True


def test_rows_keep_offsets_into_the_text(store, document):
    store.save(document)
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    for start, end, mention in store.conn.execute("SELECT start, end, text FROM mentions"):
        assert text[start:end] == mention
    (event,) = [e for e in store.events() if e["event_id"] == "e1"]
    assert event["sentence"] == "Petro criticised the United States."
    assert event["source"] == "Gustavo Petro" and event["target"] == "United States"


def test_full_text_search_and_bad_query(store, document):
    store.save(document)
    store.save(make_document("doc-2", extra=" Colombia answered."))
    assert [r["id"] for r in store.articles(search="Colombia")] == ["doc-2"]
    assert store.articles(search="Caracas AND criticised")
    with pytest.raises(QueryError, match="full-text"):
        store.articles(search='"unbalanced')


def test_filters(store):
    store.save(make_document("old", date="2019-01-01"))
    store.save(make_document("new", date="2025-08-11"))
    # e2 carries its own date (2025-08-10) in both articles; e1 takes its article's date
    assert len(store.events(Filters(since="2025-01-01"))) == 3
    assert len(store.events(Filters(until="2019-12-31"))) == 1
    assert {r["plover_type"] for r in store.events(Filters(type="accuse"))} == {"ACCUSE"}
    assert {r["cameo_code"] for r in store.events(Filters(type="03"))} == {"036"}
    assert len(store.events(Filters(actor="maduro"))) == 2  # substring, case-insensitive
    assert len(store.events(Filters(actor="VENGOV"))) == 2  # CAMEO code
    assert len(store.events(Filters(country="usa"))) == 2
    assert store.events(Filters(actor="nobody")) == []
    assert len(store.events(Filters(limit=1))) == 1
    assert len(store.events(Filters(limit=None))) == 4
    assert [r["name"] for r in store.actors(Filters(type="GOV"))] == ["Gustavo Petro", "Nicolás Maduro"]
    assert store.actors(Filters(country="VEN"))[0]["articles"] == 2
    assert len(store.quotes(Filters(type="indirect"))) == 2
    assert store.quotes(speaker="Petro")[0]["speaker"] == "Gustavo Petro"
    assert store.places(Filters(country="VEN"))[0]["geonames_id"] == 3646738
    assert store.dyads()[0]["events"] == 2
    assert [r["id"] for r in store.articles(Filters(since="2020-01-01"))] == ["new"]
    assert store.articles(Filters(actor="100%_")) == []  # LIKE wildcards are literal


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"since": "2025-02-30"}, "not a date"),
        ({"since": "2025-02-01", "until": "2025-01-01"}, "after"),
        ({"limit": -1}, "limit"),
        ({"offset": -5}, "offset"),
    ],
)
def test_invalid_filters(kwargs, message):
    with pytest.raises(QueryError, match=message):
        Filters(**kwargs)


def test_runs_are_recorded(store):
    run = store.start_run(command="ingest", version="1.0", model="m", model_version="3.8.0", settings={"a": 1})
    store.finish_run(run, added=2, skipped=1, read_errors=0)
    (row,) = store.runs()
    assert row["model"] == "m" and row["articles_added"] == 2 and row["finished_at"]


def test_an_older_store_is_upgraded_in_place(tmp_path, monkeypatch, document):
    from eventwire.store import _schema

    monkeypatch.setattr(_schema, "MIGRATIONS", _schema.MIGRATIONS[:1])
    monkeypatch.setattr(_schema, "LATEST_VERSION", 1)
    Store(tmp_path / "old.db").close()
    monkeypatch.undo()
    with Store(tmp_path / "old.db") as store:
        assert store.schema_version() == LATEST_VERSION > 1
        assert store.save(document)
        assert store.conn.execute("SELECT count(*) FROM actors WHERE deceased = 0").fetchone()[0] == 3
