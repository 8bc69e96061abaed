"""The HTTP API over a small hand-made store (no spaCy): endpoints, CSV, validation, safety, rollups."""

from __future__ import annotations

import sqlite3
import warnings

import pytest

from eventwire.store import LATEST_VERSION, EventFilters, Store
from eventwire.store._schema import MIGRATIONS, _statements

from .conftest import ROOT, make_document

with warnings.catch_warnings():  # starlette prefers httpx2 but works with httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.serve import create_app  # noqa: E402

DATES = ("2025-08-04", "2025-08-11", "2025-09-02")


def _documents():
    docs = []
    for i, day in enumerate(DATES):
        doc = make_document(f"doc-{i}", date=day)
        doc.events[1].date = day  # both events on the article's day
        if i == 2:
            doc.events[0].negated = True
            doc.events[0].confidence = 0.4
        docs.append(doc)
    return docs


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "serve.db"
    with Store(path) as store:
        for doc in _documents():
            store.save(doc)
    return path


@pytest.fixture
def static(tmp_path):
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><title>dash</title>")
    (folder / "app.js").write_text("console.log('ok');")
    (tmp_path / "secret.txt").write_text("not for the web")
    return folder


@pytest.fixture
def client(db, static):
    with TestClient(create_app(db, static_dir=static)) as c:
        yield c


def _ok(client, url, **params):
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_health(client):
    body = _ok(client, "/api/health")
    assert body["status"] == "ok" and body["schema_version"] >= 3 and body["counts"]["events"] == 6


def test_events_page_newest_first_with_keys_and_paging(client):
    body = _ok(client, "/api/events", limit=4)
    assert len(body["items"]) == 4 and body["has_more"] is True and body["limit"] == 4
    dates = [row["date"] for row in body["items"]]
    assert dates == sorted(dates, reverse=True)
    row = body["items"][0]
    assert {"source_key", "target_key", "lat", "lon", "location_country", "sentence", "trigger"} <= set(row)
    rest = _ok(client, "/api/events", limit=4, offset=4)
    assert len(rest["items"]) == 2 and rest["has_more"] is False
    oldest = _ok(client, "/api/events", order="date", limit=1)["items"][0]
    assert oldest["date"] == DATES[0]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"source": "COL"}, 3),  # prefix of COLGOV
        ({"source": "colgov", "target": "USA"}, 3),
        ({"target": "COLGOV"}, 3),
        ({"type": "ACCUSE"}, 3),
        ({"type": "03"}, 3),  # CAMEO prefix of 036
        ({"quad_class": [1, 3]}, 6),
        ({"quad_class": 3}, 3),
        ({"min_confidence": 0.85}, 2),
        ({"include_negated": "false"}, 5),
        ({"since": "2025-08-11", "until": "2025-08-31"}, 2),
        ({"country": "VEN"}, 3),
        ({"actor": "maduro"}, 3),
    ],
)
def test_event_filters(client, params, expected):
    assert len(_ok(client, "/api/events", **params)["items"]) == expected


def test_event_detail_and_404(client):
    body = _ok(client, "/api/events/doc-1/e2")
    assert body["event"]["plover"]["type"] == "CONSULT" and body["article"]["id"] == "doc-1"
    assert client.get("/api/events/doc-1/e9").status_code == 404


def test_articles_search_and_evidence_offsets(client):
    body = _ok(client, "/api/articles", q="Maduro")
    assert len(body["items"]) == 3 and "snippet" in body["items"][0]
    assert client.get("/api/articles", params={"q": 'Maduro AND ("'}).status_code == 400
    view = _ok(client, "/api/articles/doc-0")
    text = view["article"]["text"]
    event = view["events"][0]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    assert view["sentences"][0] == {"start": 0, "end": 35}
    petro = next(a for a in view["actors"] if a["id"] == "a1")
    assert [text[m["start"]:m["end"]] for m in petro["mentions"]] == ["Petro", "Petro"]
    assert view["quotes"][0]["speaker"]["actor_id"] == "a1" and view["places"][0]["name"] == "Caracas"
    assert client.get("/api/articles/nope").status_code == 404


def test_actor_quote_and_place_lists(client):
    actors = _ok(client, "/api/actors")["items"]
    assert {a["name"] for a in actors} == {"Gustavo Petro", "United States", "Nicolás Maduro"}
    assert _ok(client, "/api/quotes", speaker="Petro")["items"][0]["speaker"] == "Gustavo Petro"
    assert _ok(client, "/api/places", country="VEN")["items"][0]["name"] == "Caracas"
    # an event-only filter keeps the articles with a matching event
    assert len(_ok(client, "/api/articles", min_confidence=0.85)["items"]) == 2


def test_series_periods_measures_and_normalisation(client):
    days = _ok(client, "/api/series", interval="day")
    assert days["interval"] == "day"
    first = days["items"][0]
    assert first == {"period": "2025-08-04", "events": 2, "goldstein_sum": 2.0, "goldstein_mean": 1.0,
                     "quad_shares": {"1": 0.5, "2": 0.0, "3": 0.5, "4": 0.0}, "share_of_volume": None}
    weeks = _ok(client, "/api/series", interval="week")["items"]
    assert [w["period"] for w in weeks] == ["2025-08-04", "2025-08-11", "2025-09-01"]  # Mondays
    months = _ok(client, "/api/series", interval="month")["items"]
    assert [(m["period"], m["events"]) for m in months] == [("2025-08-01", 4), ("2025-09-01", 2)]
    dyad = _ok(client, "/api/series", interval="month", source="COLGOV", target="USA", normalize="true")["items"]
    assert [(m["events"], m["share_of_volume"]) for m in dyad] == [(2, 0.5), (1, 0.5)]


def test_series_from_rollups_equals_series_from_events(db):
    with Store(db, readonly=True) as store:
        for interval in ("day", "week", "month"):
            for f in (EventFilters(), EventFilters(source="VEN"), EventFilters(include_negated=False),
                      EventFilters(quad_class=(1,), since="2025-08-05")):
                from_rollup = store.series(f, interval, normalize=True)
                # min_confidence=0 keeps every event but forces the events table
                values = {k: getattr(f, k) for k in f.__dataclass_fields__} | {"min_confidence": 0.0}
                assert store.series(EventFilters(**values), interval, normalize=True) == from_rollup


def test_network_and_map(client):
    graph = _ok(client, "/api/network")
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("COLGOV", "USA")]["events"] == 3 and edges[("COLGOV", "USA")]["goldstein_mean"] == -2.0
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["VENGOV"]["label"] == "Nicolás Maduro" and nodes["USA"]["country"] == "USA"
    assert len(_ok(client, "/api/network", min_events=4)["edges"]) == 0
    points = _ok(client, "/api/map")["points"]
    assert points == [{"lat": 10.5, "lon": -66.9, "name": "Caracas", "country": "VEN", "events": 3,
                       "goldstein_mean": 4.0}]
    assert _ok(client, "/api/map", min_confidence=0)["points"] == points  # the events table agrees
    assert _ok(client, "/api/map", since="2025-08-05")["points"][0]["events"] == 2
    assert _ok(client, "/api/map", type="ACCUSE")["points"] == []


@pytest.mark.parametrize("url", ["/api/events", "/api/articles", "/api/actors", "/api/quotes", "/api/places",
                                 "/api/series", "/api/network", "/api/map"])
def test_csv_download(client, url):
    response = client.get(url, params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    name = url.rsplit("/", 1)[1]
    assert f'filename="{name}.csv"' in response.headers["content-disposition"]
    lines = response.text.splitlines()
    assert len(lines) >= 2 and "," in lines[0]


@pytest.mark.parametrize(
    ("url", "params", "needle"),
    [
        ("/api/events", {"since": "2025-02-30"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"since": "2025-09-01", "until": "2025-08-01"}, "since"),
        ("/api/events", {"foo": "1"}, "unknown parameter 'foo'"),
        ("/api/series", {"limit": "5"}, "unknown parameter 'limit'"),
        ("/api/events", {"limit": "1001"}, "limit"),
        ("/api/network", {"limit": "5000"}, "limit"),
        ("/api/events", {"quad_class": "7"}, "quad_class"),
        ("/api/events", {"min_confidence": "2"}, "min_confidence"),
        ("/api/events", {"offset": "-1"}, "offset"),
        ("/api/series", {"interval": "year"}, "interval"),
        ("/api/events", {"format": "xml"}, "format"),
    ],
)
def test_bad_parameters_are_4xx_naming_the_parameter(client, url, params, needle):
    response = client.get(url, params=params)
    assert response.status_code in (400, 422)
    assert needle in response.text


@pytest.mark.parametrize("value", ["x' OR '1'='1", "'; DROP TABLE events; --", "%", "_", "\\", '") OR 1=1 --'])
def test_sql_injection_strings_are_plain_values(client, value):
    for name in ("actor", "country", "source", "target", "type"):
        response = client.get("/api/events", params={name: value})
        assert response.status_code == 200 and response.json()["items"] == []
    assert client.get("/api/quotes", params={"speaker": value}).json()["items"] == []
    assert client.get("/api/articles", params={"q": value}).status_code in (200, 400)
    assert _ok(client, "/api/health")["counts"]["events"] == 6


def test_dashboard_and_static_files_stay_in_their_folder(client):
    assert "dash" in client.get("/").text
    # the page keeps its filters in its own query string: a shared link opens the page, not an API error
    shared = client.get("/", params={"type": "ACCUSE", "evidence": "a1/e1"})
    assert shared.status_code == 200 and "dash" in shared.text
    assert client.get("/api/events", params={"evidence": "a1/e1"}).status_code == 400
    assert client.get("/static/app.js").status_code == 200
    for path in ("/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/..%2fsecret.txt",
                 "/static/%2e%2e%2fsecret.txt", "/static//etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404 and "not for the web" not in response.text


def test_openapi_documents_the_endpoints_and_parameters(client):
    spec = _ok(client, "/openapi.json")
    events = spec["paths"]["/api/events"]["get"]
    assert events["summary"]
    params = {p["name"]: p for p in events["parameters"]}
    assert {"since", "source", "quad_class", "min_confidence", "limit", "format"} <= set(params)
    assert all(p.get("description") for p in params.values())


def test_missing_store_fails_at_start(tmp_path):
    from eventwire.store import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "missing.db")


# -- rollups ----------------------------------------------------------------

def _recount(conn: sqlite3.Connection) -> tuple[list, list]:
    dyad = conn.execute(
        "SELECT coalesce(source_key, ''), coalesce(target_key, ''), coalesce(date, ''), plover_type,"
        " coalesce(quad_class, 0), negated, hypothetical, historical, count(*), total(goldstein), count(goldstein)"
        " FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall()
    day = conn.execute(
        "SELECT coalesce(date, ''), plover_type, coalesce(quad_class, 0), negated, hypothetical, historical,"
        " count(*), total(goldstein), count(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6"
        " ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
    day_quad = conn.execute(
        "SELECT coalesce(date, ''), coalesce(quad_class, 0), count(*), total(goldstein), count(goldstein)"
        " FROM events GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    place = conn.execute(
        "SELECT coalesce(date, ''), lat, lon, coalesce(location_name, ''), coalesce(location_country, ''),"
        " count(*), total(goldstein), count(goldstein) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL"
        " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5").fetchall()
    dyad_all = conn.execute(
        "SELECT coalesce(source_key, ''), coalesce(target_key, ''), count(*), total(goldstein), count(goldstein)"
        " FROM events GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    return dyad, day, day_quad, place, dyad_all


def _rollups(conn: sqlite3.Connection) -> tuple[list, list]:
    dyad = conn.execute("SELECT * FROM rollup_dyad_day ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall()
    day = conn.execute("SELECT * FROM rollup_day ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
    day_quad = conn.execute("SELECT * FROM rollup_day_quad ORDER BY 1, 2").fetchall()
    place = conn.execute("SELECT * FROM rollup_place_day ORDER BY 1, 2, 3, 4, 5").fetchall()
    dyad_all = conn.execute("SELECT * FROM rollup_dyad ORDER BY 1, 2").fetchall()
    return dyad, day, day_quad, place, dyad_all


def _same(a, b):
    assert [tuple(r)[:-2] for r in a] == [tuple(r)[:-2] for r in b]
    assert [r[-2] for r in a] == pytest.approx([r[-2] for r in b])
    assert [r[-1] for r in a] == [r[-1] for r in b]


def _assert_rollups_exact(conn):
    for rollup, recount in zip(_rollups(conn), _recount(conn)):
        _same(rollup, recount)


def test_rollups_equal_a_recount_after_insert_and_replace(tmp_path):
    with Store(tmp_path / "r.db") as store:
        for doc in _documents():
            store.save(doc)
        _assert_rollups_exact(store.conn)
        assert store.conn.execute("SELECT sum(events) FROM rollup_dyad_day").fetchone()[0] == 6
        changed = make_document("doc-1", date="2025-08-12")  # a new date and one event fewer
        changed.events = changed.events[:1]
        changed.events[0].goldstein = -5.5
        store.save(changed, replace=True)
        _assert_rollups_exact(store.conn)
        assert store.conn.execute("SELECT sum(events) FROM rollup_day").fetchone()[0] == 5
        assert store.conn.execute("SELECT count(*) FROM rollup_day WHERE events <= 0").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM rollup_day WHERE day = '2025-08-11'").fetchone()[0] == 0


def test_migration_3_backfills_keys_and_rollups(tmp_path):
    with Store(tmp_path / "new.db") as store:
        for doc in _documents():
            store.save(doc)
    old = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    old.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for version, name, sql in MIGRATIONS[:2]:  # a store written by an eventwire before rollups
        for statement in _statements(sql):
            old.execute(statement)
        old.execute("INSERT INTO schema_migrations VALUES (?, ?, '')", (version, name))
    old.execute("ATTACH ? AS new", (str(tmp_path / "new.db"),))
    for table in ("articles", "sentences", "actors", "mentions", "events", "event_actors", "quotes", "places"):
        columns = [r[1] for r in old.execute(f"PRAGMA main.table_info({table})")]
        old.execute(f"INSERT INTO main.{table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM new.{table}")
    old.execute("DETACH new")
    old.close()
    with Store(tmp_path / "old.db") as store:
        assert store.schema_version() == LATEST_VERSION
        keys = store.conn.execute("SELECT source_key, target_key FROM events ORDER BY article_id, event_id").fetchall()
        assert [tuple(k) for k in keys] == [("COLGOV", "USA"), ("VENGOV", "COLGOV")] * 3
        _assert_rollups_exact(store.conn)


def test_network_bound_search_equals_a_full_grouping(tmp_path):
    """The pruned top-edge search (long windows) gives exactly what one grouped query over all rollup rows gives."""
    import importlib.util

    from eventwire.store import _analytics

    spec = importlib.util.spec_from_file_location("synthetic_store", ROOT / "benchmarks" / "synthetic_store.py")
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    synthetic.make_store(tmp_path / "syn.db", 3000, seed=3)
    with Store(tmp_path / "syn.db", readonly=True) as store:
        measures = "sum(r.events) AS n, sum(r.goldstein_sum), sum(r.goldstein_n)"
        for f in (EventFilters(), EventFilters(since="2025-01-01"), EventFilters(quad_class=(4,), until="2026-06-30"),
                  EventFilters(type="ACCUSE", include_negated=False)):
            for limit, min_events in ((5, 1), (40, 2)):
                full = _analytics._edges_by_query(store.conn, f, "rollup_dyad_day r", measures, min_events, limit)
                assert _analytics._edges_by_bound(store.conn, f, min_events, limit) == full
                assert full and len(full) <= limit
