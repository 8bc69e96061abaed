"""An ingest killed mid-run leaves only whole articles; a rerun stores the rest exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from .conftest import SAMPLES


def _counts(db) -> tuple[int, list[tuple]]:
    conn = sqlite3.connect(db, timeout=10)
    try:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        broken = conn.execute(
            """SELECT a.id FROM articles a WHERE
                 a.n_sentences != (SELECT count(*) FROM sentences s WHERE s.article_id = a.id)
              OR a.n_actors != (SELECT count(*) FROM actors x WHERE x.article_id = a.id)
              OR a.n_mentions != (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)
              OR a.n_events != (SELECT count(*) FROM events e WHERE e.article_id = a.id)"""
        ).fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    finally:
        conn.close()
    assert orphans == 0
    assert fts == n
    return n, broken


def test_killed_ingest_keeps_whole_articles_and_resumes(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [json.loads(line) for line in open(SAMPLES / "wikinews.jsonl", encoding="utf-8")]
    with open(corpus, "w", encoding="utf-8") as f:
        for copy in range(2):
            for i, row in enumerate(rows):
                f.write(json.dumps(row | {"id": f"{copy}-{i}"}) + "\n")
    total = 2 * len(rows)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--batch-size", "2"]
    env = os.environ | {"CI": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = _counts(db)[0]
            except sqlite3.OperationalError:  # schema not created yet
                continue
            if stored >= 4:
                break
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()}"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    stored, broken = _counts(db)
    assert 4 <= stored < total
    assert broken == []

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - stored} article(s) added, {stored} already stored" in rerun.stderr
    n, broken = _counts(db)
    assert n == total and broken == []
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    runs = conn.execute("SELECT finished_at FROM runs ORDER BY id").fetchall()
    conn.close()
    assert sorted(ids) == sorted(f"{c}-{i}" for c in range(2) for i in range(len(rows)))
    assert runs[0][0] is None and runs[1][0] is not None  # the killed run never finished
