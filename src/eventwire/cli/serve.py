"""`eventwire serve`: the HTTP API and dashboard over a store, on localhost by default."""

from __future__ import annotations

import click

from ._common import db_option, handle_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; anything but localhost exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@handle_errors
def serve(db, host, port):
    """Serve the store read-only: the dashboard at / and the JSON API under /api (docs at /docs)."""
    import uvicorn  # loaded only here: the other commands do not need the web stack

    from ..serve import create_app

    app = create_app(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"eventwire: warning: listening on {host}: anyone who can reach it can read the store", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {db} at http://{shown}:{port}/ (API docs at /docs; Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
