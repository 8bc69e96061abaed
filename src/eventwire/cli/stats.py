"""`eventwire stats`: what the store holds, at a glance."""

from __future__ import annotations

import json

import click

from ..api import summary
from ._common import db_option, handle_errors, print_rows


@click.command()
@db_option
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="Actors and dyads to list.")
@click.option("--first-events", type=click.IntRange(0, 1000), default=5, show_default=True, help="Events to show.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@handle_errors
def stats(db, top, first_events, as_json):
    """Counts, top actors, top dyads and the first events with their evidence sentences."""
    result = summary(db, top=top, first_events=first_events)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    c = result["counts"]
    click.secho(f"Store {db}", bold=True)
    click.echo(
        f"  {c['articles']} articles ({c['first_date'] or '?'} … {c['last_date'] or '?'}), {c['sentences']} sentences, "
        f"{c['actors']} actors with {c['mentions']} mentions, {c['events']} events, {c['quotes']} quotes, "
        f"{c['places']} places, {c['runs']} runs"
    )
    click.secho("\nTop actors", bold=True)
    print_rows(result["top_actors"], False, ["name", "country", "sectors", "cameo_code", "articles", "mentions"])
    click.secho("\nTop dyads", bold=True)
    print_rows(result["top_dyads"], False, ["source", "target", "events", "mean_goldstein"])
    click.secho("\nFirst events", bold=True)
    if not result["first_events"]:
        click.echo("(no events yet)")
    for e in result["first_events"]:
        who = f"{e['source'] or '?'} → {e['target'] or '?'}"
        flags = [f for f in ("negated", "hypothetical", "historical") if e[f]]
        click.echo(f"  {e['date'] or '????-??-??'}  {e['plover_type']} ({e['cameo_code']})  {who}"
                   + (f"  [{', '.join(flags)}]" if flags else ""))
        click.echo(f"      “{' '.join(e['sentence'].split())}”")
