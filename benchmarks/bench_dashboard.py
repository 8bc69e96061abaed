"""Dashboard first load on a large synthetic store, in Debian's Chromium.

    python benchmarks/bench_dashboard.py [--db bench-results/synthetic-1m.db] [--events 1000000] [--loads 5]

Builds the synthetic store once (benchmarks/synthetic_store.py) when it is missing, starts
`eventwire serve` on a free localhost port, and loads the page ``--loads`` times, each in a fresh
browser context (no HTTP cache), after one warm-up load that is reported but not counted. A load
ends when every panel has rendered: the page marks ``eventwire-ready`` (performance.mark) once the
timeline, dyad chart, network, map and table have drawn. Per-endpoint times come from the browser's
Resource Timing, so the API's share can be told from the page's. Writes bench-results/dashboard.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
TARGET_SECONDS = 2.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

# In the page: the ready mark (ms after navigation start) and every API request's duration.
READ_TIMINGS = """() => ({
  ready_ms: performance.getEntriesByName('eventwire-ready')[0]?.startTime ?? null,
  dom_content_loaded_ms: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
  panels: Object.fromEntries(performance.getEntriesByType('mark').filter(m => m.name.startsWith('panel-'))
                              .map(m => [m.name.split(':')[0], m.startTime])),
  resources: performance.getEntriesByType('resource').map(r => ({
    // /api/series is asked twice (timeline by day, dyad by week): keep them apart.
    path: ((u) => u.pathname + (u.searchParams.get('interval') ? `?interval=${u.searchParams.get('interval')}` : ''))(new URL(r.name)),
    start_ms: r.startTime, duration_ms: r.duration,
    wait_ms: r.responseStart - r.requestStart, bytes: r.transferSize,
  })),
})"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_store(db: Path, n_events: int) -> None:
    if db.exists():
        return
    from synthetic_store import make_store

    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {db} with {n_events:,} synthetic events (once)…", file=sys.stderr)
    started = time.perf_counter()
    make_store(db, n_events)
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"eventwire serve exited with {process.returncode}")
        try:
            urllib.request.urlopen(url + "/api/health", timeout=5).close()
            return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("eventwire serve did not start within 120 s")


def load_once(browser, url: str) -> dict:
    """One first load in a fresh context; the ready time and the API requests' timings."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    started = time.perf_counter()
    page.goto(url + "/")
    page.wait_for_selector("html[data-ready='true']", timeout=120_000)
    wall = time.perf_counter() - started
    timings = page.evaluate(READ_TIMINGS)
    states = page.eval_on_selector_all(".panel", "ps => Object.fromEntries(ps.map(p => [p.id, p.dataset.state]))")
    context.close()
    api = {r["path"]: round(r["duration_ms"], 1) for r in timings["resources"] if r["path"].startswith("/api/")}
    return {
        "ready_s": round(timings["ready_ms"] / 1000, 3) if timings["ready_ms"] is not None else round(wall, 3),
        "wall_s": round(wall, 3),
        "dom_content_loaded_s": round((timings["dom_content_loaded_ms"] or 0) / 1000, 3),
        "api_ms": api,
        "panel_ready_ms": {name: round(ms, 1) for name, ms in timings["panels"].items()},
        "static_ms": round(sum(r["duration_ms"] for r in timings["resources"] if r["path"].startswith("/static/")), 1),
        "panel_states": states,
        "page_errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench-results" / "synthetic-1m.db"))
    parser.add_argument("--events", type=int, default=1_000_000, help="size of the store built when --db is missing")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--output", default=str(ROOT / "bench-results" / "dashboard.json"))
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    db = Path(args.db)
    ensure_store(db, args.events)
    process, url = start_server(db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            warmup = load_once(browser, url)
            loads = [load_once(browser, url) for _ in range(args.loads)]
            browser.close()
        health = json.loads(urllib.request.urlopen(url + "/api/health", timeout=30).read())
    finally:
        process.terminate()
        process.wait(timeout=10)

    median = statistics.median(load["ready_s"] for load in loads)
    # Requests of every load (the store counts, asked for after the panels, may or may not be in).
    endpoints = sorted(set.intersection(*(set(load["api_ms"]) for load in loads)))
    api_median = {path: statistics.median(load["api_ms"].get(path, 0.0) for load in loads) for path in endpoints}
    panels = sorted({name for load in loads for name in load["panel_ready_ms"]})
    panel_median = {name: statistics.median(load["panel_ready_ms"].get(name, 0.0) for load in loads) for name in panels}
    result = {
        "store": str(db),
        "events": health.get("counts", {}).get("events"),
        "loads": args.loads,
        "first_load_median_s": median,
        "target_s": TARGET_SECONDS,
        "meets_target": median < TARGET_SECONDS,
        "api_median_ms": api_median,
        "panel_ready_median_ms": panel_median,
        "warmup": warmup,
        "runs": loads,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"dashboard first load on {result['events']:,} events: median {median:.2f} s of {args.loads} "
          f"(target < {TARGET_SECONDS:.0f} s: {'met' if result['meets_target'] else 'NOT met'}); warm-up {warmup['ready_s']:.2f} s")
    for path, ms in sorted(api_median.items(), key=lambda item: -item[1]):
        print(f"  {path:<26} {ms:8.1f} ms (median request time, in the browser)")
    for name, ms in sorted(panel_median.items(), key=lambda item: item[1]):
        print(f"  {name:<20} drawn at {ms:8.1f} ms after navigation (median)")
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
