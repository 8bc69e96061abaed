"""The command line, end to end on small inputs (spaCy runs in-process)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import COMMANDS, cli

from .conftest import ROOT, SAMPLES


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for command in COMMANDS:
        assert f"eventwire {command.name}" in readme, f"`eventwire {command.name}` is not in README.md"
        assert command.help, f"{command.name} has no help text"


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text().split("\n## ")[0]
    assert "make demo" in head and "make test" in head


def test_extract_seed_article_follows_the_contract(seed_article_path):
    result = run("extract", seed_article_path)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["schema"] == "eventwire.extract/1"
    assert record["date"] == "2025-08-11"
    assert record["text"].startswith("Colombia’s President Gustavo Petro")
    assert "date 2025" not in record["text"]
    for key in ("id", "title", "source", "url", "text", "actors", "events", "quotes", "places", "errors"):
        assert key in record
    text = record["text"]
    spans = list(record["sentences"]) + [m for a in record["actors"] for m in a["mentions"]]
    assert len(spans) > 20
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    names = {a["name"] for a in record["actors"]}
    assert {"Gustavo Petro", "Nicolás Maduro", "Marco Rubio"} <= names
    petro = next(a for a in record["actors"] if a["name"] == "Gustavo Petro")
    assert len(petro["mentions"]) >= 3  # "Petro" later joins "Gustavo Petro"


def test_extract_reads_stdin_and_writes_a_file(tmp_path):
    out = tmp_path / "out.jsonl"
    lines = "\n".join(json.dumps({"id": f"d{i}", "text": f"President Lula visited Buenos Aires on day {i}."})
                      for i in range(3))
    result = run("extract", "-", "--date", "2023-05-01", "-o", out, input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["d0", "d1", "d2"]  # input order
    assert {r["date"] for r in records} == {"2023-05-01"}


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "ok1", "text": "Brazil and Argentina signed a trade deal."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "bad-date", "date": "2025-02-30", "text": "Chile protested."}) + "\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
    )
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    result = run("extract", good, binary, tmp_path / "missing.jsonl")
    assert result.exit_code == 1
    ids = [json.loads(x)["id"] for x in result.stdout.splitlines()]
    assert ids == ["ok1", "bad-date"]
    bad_date = json.loads(result.stdout.splitlines()[1])
    assert bad_date["date"] is None and any("2025-02-30" in e for e in bad_date["errors"])
    err = result.stderr
    assert re.search(r"good\.jsonl:2: .*JSON", err)
    assert re.search(r"good\.jsonl:4: .*empty", err)
    assert re.search(r"blob\.txt: .*binary", err)
    assert re.search(r"missing\.jsonl: .*no such file", err)
    assert "2025-02-30" in err


@pytest.mark.parametrize("args", [["extract", "--date", "2025-13-01"], ["events", "--since", "yesterday"],
                                  ["extract", "--input-format", "pdf"], ["frobnicate"]])
def test_usage_errors_exit_2(args, tmp_path):
    assert run(*args).exit_code == 2


def test_ingest_query_and_export(tmp_path, seed_article_path):
    db = tmp_path / "t.db"
    first = run("ingest", SAMPLES, "--db", db)
    assert first.exit_code == 0, first.output
    n_samples = sum(1 for _ in open(SAMPLES / "wikinews.jsonl")) + 1
    assert f"{n_samples} article(s) added" in first.stderr
    again = run("ingest", SAMPLES, "--db", db)
    assert "0 article(s) added" in again.stderr and f"{n_samples} already stored" in again.stderr

    articles = [json.loads(x) for x in run("articles", "--db", db, "--json", "--limit", 100).stdout.splitlines()]
    assert len(articles) == n_samples
    found = [json.loads(x) for x in run("articles", "--db", db, "--search", "Maduro", "--json").stdout.splitlines()]
    assert found and all("Maduro" in run("articles", "--db", db, "--search", "Maduro").stdout for _ in [0])
    assert any(a["date"] == "2025-08-11" for a in found)
    assert "Cartel" not in run("articles", "--db", db, "--search", "Cartel", "--until", "2024-01-01").stdout

    actors = [json.loads(x) for x in run("actors", "--db", db, "--json", "--actor", "Petro").stdout.splitlines()]
    assert actors and actors[0]["name"] == "Gustavo Petro"
    assert run("events", "--db", db).exit_code == 0
    assert run("quotes", "--db", db, "--speaker", "Petro").exit_code == 0
    stats = run("stats", "--db", db)
    assert stats.exit_code == 0 and "Top actors" in stats.stdout and "Top dyads" in stats.stdout
    summary = json.loads(run("stats", "--db", db, "--json").stdout)
    assert summary["counts"]["articles"] == n_samples and summary["counts"]["runs"] == 2

    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"articles.{fmt}"
        result = run("export", "--db", db, "--table", "articles", "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        if fmt == "parquet":
            assert pq.read_table(out).num_rows == n_samples
        else:
            assert len(out.read_text().splitlines()) == n_samples + (fmt == "csv")


def test_force_reprocesses(tmp_path, seed_article_path):
    db = tmp_path / "t.db"
    run("ingest", seed_article_path, "--db", db)
    result = run("ingest", seed_article_path, "--db", db, "--force")
    assert "1 article(s) added" in result.stderr


def test_queries_on_a_missing_store_fail_clearly(tmp_path):
    result = run("events", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no such store" in result.stderr


def test_no_progress_bar_in_a_pipe(tmp_path, seed_article_path):
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", str(seed_article_path), "--db", str(tmp_path / "p.db")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "doc/s" not in proc.stderr and "\r" not in proc.stderr
    assert proc.stderr.strip().endswith("docs/s)")  # only the closing summary line
