"""Benchmark: API latency on a synthetic store of 1,000,000 events.

    python benchmarks/bench_serve.py [--events N] [--requests R] [--rebuild] [--json FILE]

Builds (once, kept under bench-results/) a synthetic store with ``synthetic_store.make_store``, runs the app
in-process (Starlette's TestClient: no network, the ASGI app as served) and sends R requests per endpoint with
varied filters (date windows, frequent and rare actor keys, types, quad classes, pages), after a short warm-up.
Prints p50/p95/max per endpoint and writes them to bench-results/serve.json. Targets: p95 < 100 ms for the
filtered events page and the dyad series.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sqlite3
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_store import EVENT_TYPES, make_store  # noqa: E402

from eventwire.serve import create_app  # noqa: E402
from eventwire.store import LATEST_VERSION, Store  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

RESULTS = ROOT / "bench-results"
TARGETS = {"events page": 100.0, "dyad series": 100.0}


def store_path(n_events: int) -> Path:
    return RESULTS / (f"synthetic-{n_events // 1_000_000}m.db" if n_events % 1_000_000 == 0
                      else f"synthetic-{n_events}.db")


def ensure_store(path: Path, n_events: int, rebuild: bool) -> float | None:
    """Build the store unless a complete one is there (migrated to the current schema); the build's seconds."""
    if path.is_file() and not rebuild:
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            version = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            conn.close()
            if events == n_events:
                if version < LATEST_VERSION:
                    Store(path).close()  # newer migrations backfill what they add
                return None
        except sqlite3.DatabaseError:
            pass
    print(f"building {path} ({n_events:,} events) …", file=sys.stderr)
    start = time.perf_counter()
    make_store(path, n_events)
    return time.perf_counter() - start


def _window(rng: random.Random, first: date, last: date) -> dict:
    """A random date window of a week to a year, or none."""
    if rng.random() < 0.25:
        return {}
    days = rng.choice([7, 30, 90, 365])
    start = first + timedelta(days=rng.randrange(max(1, (last - first).days - days)))
    return {"since": start.isoformat(), "until": (start + timedelta(days=days)).isoformat()}


def request_plans(conn: sqlite3.Connection, rng: random.Random, n: int) -> dict[str, list[tuple[str, dict]]]:
    """For each endpoint, ``n`` (url, params) pairs with varied filters drawn from the store's own keys."""
    first, last = (date.fromisoformat(d) for d in conn.execute("SELECT min(date), max(date) FROM events").fetchone())
    dyads = conn.execute(
        "SELECT source_key, target_key, sum(events) AS n FROM rollup_dyad_day GROUP BY 1, 2 ORDER BY n DESC LIMIT 400"
    ).fetchall()
    keys = [k for k, in conn.execute("SELECT source_key FROM rollup_dyad_day GROUP BY 1 ORDER BY sum(events) DESC"
                                     " LIMIT 300")]
    articles = conn.execute("SELECT max(pk) FROM articles").fetchone()[0]
    words = ["accused", "sanctions", "agreement", "attacked", "Moscow", "Kabul", "protesters", "military",
             "dialogue", "aid", "Rossi", "Petrov", "threatened", "rebels"]

    def events_params() -> dict:
        p = {"limit": 50, "offset": rng.choice([0, 0, 0, 50, 100, 500])} | _window(rng, first, last)
        pick = rng.random()
        if pick < 0.3:
            p["source"] = rng.choice(keys)
        elif pick < 0.5:
            p["source"], p["target"] = rng.choice(dyads)[:2]
        elif pick < 0.6:
            p["source"] = rng.choice(keys)[:3]  # a country prefix
        if rng.random() < 0.3:
            p["type"] = rng.choice(EVENT_TYPES)[0]
        if rng.random() < 0.3:
            p["quad_class"] = rng.sample([1, 2, 3, 4], rng.choice([1, 2]))
        if rng.random() < 0.2:
            p["include_hypothetical"] = "false"
        if rng.random() < 0.2:
            p["min_confidence"] = rng.choice([0.5, 0.7, 0.9])
        return p

    def series_params() -> dict:
        source, target, _ = rng.choice(dyads)
        p = {"source": source, "target": target, "interval": rng.choice(["day", "week", "month"]),
             "normalize": rng.choice(["true", "false"])} | _window(rng, first, last)
        if rng.random() < 0.2:
            p["quad_class"] = rng.choice([3, 4])
        return p

    return {
        "events page": [("/api/events", events_params()) for _ in range(n)],
        "dyad series": [("/api/series", series_params()) for _ in range(n)],
        "timeline (all events)": [("/api/series", {"interval": "day"} | _window(rng, first, last)) for _ in range(n)],
        "network": [("/api/network", {"limit": 100} | _window(rng, first, last)) for _ in range(n)],
        "map": [("/api/map", _window(rng, first, last)) for _ in range(n)],
        "FTS search": [("/api/articles", {"q": rng.choice(words), "limit": 50}) for _ in range(n)],
        "evidence view": [(f"/api/articles/syn-{rng.randrange(articles):07d}", {}) for _ in range(n)],
    }


def measure(client: TestClient, plan: list[tuple[str, dict]]) -> dict:
    for url, params in plan[:3]:  # warm-up: page cache and connection pool
        client.get(url, params=params)
    times = []
    for url, params in plan:
        start = time.perf_counter()
        response = client.get(url, params=params)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} {params}: {response.status_code} {response.text[:200]}")
    times.sort()
    return {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1), "max_ms": round(times[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="Requests per endpoint.")
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the synthetic store even if present.")
    parser.add_argument("--only", action="append", help="Only this endpoint (repeatable).")
    parser.add_argument("--json", default=str(RESULTS / "serve.json"))
    args = parser.parse_args()
    path = store_path(args.events)
    built = ensure_store(path, args.events, args.rebuild)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    plans = request_plans(conn, random.Random(11), args.requests)
    conn.close()
    results = {}
    with TestClient(create_app(path)) as client:
        for name, plan in plans.items():
            if args.only and name not in args.only:
                continue
            results[name] = measure(client, plan)
            r = results[name]
            target = TARGETS.get(name)
            verdict = "" if target is None else ("  ok" if r["p95_ms"] < target else f"  over {target:g} ms")
            print(f"{name:<22} {r['requests']:>5}  p50 {r['p50_ms']:>7.1f} ms  p95 {r['p95_ms']:>7.1f} ms"
                  f"  max {r['max_ms']:>7.1f} ms{verdict}")
    report = {"store": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
              "events": args.events, "build_seconds": round(built, 1) if built else None,
              "store_mb": round(path.stat().st_size / 1e6), "python": platform.python_version(),
              "sqlite": sqlite3.sqlite_version, "targets_p95_ms": TARGETS, "endpoints": results}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
