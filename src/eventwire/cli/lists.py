"""`eventwire articles|events|quotes|actors`: filtered lists from the store."""

from __future__ import annotations

import click

from ..store import Store
from ._common import db_option, filter_options, handle_errors, json_option, print_rows


@click.command()
@db_option
@filter_options("Unused for articles.")
@click.option("--search", help="Full-text query over titles and texts (SQLite FTS5 syntax).")
@json_option
@handle_errors
def articles(db, filters, search, as_json):
    """List stored articles, or those matching --search."""
    with Store(db, readonly=True) as store:
        rows = store.articles(filters, search=search)
    columns = ["id", "date", "title", "source", "n_actors", "n_events", "n_quotes"]
    print_rows(rows, as_json, columns + (["snippet"] if search else []))


@click.command()
@db_option
@filter_options("PLOVER event type (e.g. ACCUSE) or CAMEO code prefix (e.g. 11).")
@json_option
@handle_errors
def events(db, filters, as_json):
    """List coded events with their actors and evidence sentence."""
    with Store(db, readonly=True) as store:
        rows = store.events(filters)
    columns = ["date", "plover_type", "cameo_code", "source", "target", "trigger", "location", "sentence"]
    print_rows(rows, as_json, columns)


@click.command()
@db_option
@filter_options("Quote kind: direct, indirect or mixed.")
@click.option("--speaker", help="Speaker name (substring), CAMEO code or knowledge-base id.")
@json_option
@handle_errors
def quotes(db, filters, speaker, as_json):
    """List quotations and reported speech with their speakers."""
    with Store(db, readonly=True) as store:
        rows = store.quotes(filters, speaker=speaker)
    print_rows(rows, as_json, ["date", "kind", "speaker", "cue", "channel", "content"])


@click.command()
@db_option
@filter_options("Sector code, e.g. GOV, MIL, REB.")
@json_option
@handle_errors
def actors(db, filters, as_json):
    """List actors across articles, most mentioned first."""
    with Store(db, readonly=True) as store:
        rows = store.actors(filters)
    print_rows(rows, as_json, ["name", "country", "sectors", "cameo_code", "articles", "mentions", "first_date", "last_date"])
