"""`eventwire export`: a filtered table of the store to CSV, JSON Lines or Parquet."""

from __future__ import annotations

import csv
import json
import sys

import click

from ..store import Store
from ._common import db_option, filter_options, handle_errors

TABLES = ("events", "quotes", "actors", "articles", "places", "dyads")


def write_rows(rows: list[dict], fmt: str, output: str) -> None:
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if output == "-":
            raise click.UsageError("--format parquet needs --output FILE")
        table = pa.Table.from_pylist([_flat(r) for r in rows])
        pq.write_table(table, output)
        return
    stream = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        if fmt == "jsonl":
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            columns = list(rows[0]) if rows else []
            writer = csv.DictWriter(stream, fieldnames=columns)
            writer.writeheader()
            writer.writerows(_flat(r) for r in rows)
    finally:
        if stream is not sys.stdout:
            stream.close()


def _flat(row: dict) -> dict:
    """Lists become comma-joined strings so every column is scalar (CSV, Parquet)."""
    return {k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}


@click.command()
@db_option
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True, help="What to export.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True)
@click.option("-o", "--output", default="-", help="Output file (default: stdout; required for parquet).")
@filter_options("As for the list command of --table.", default_limit=None)
@handle_errors
def export(db, table, fmt, output, filters):
    """Export a filtered table (all rows unless --limit is given)."""
    with Store(db, readonly=True) as store:
        rows = getattr(store, table)(filters)
    write_rows(rows, fmt, output)
    click.echo(f"eventwire: exported {len(rows)} {table} row(s) as {fmt}", err=True)
