"""`eventwire ingest`: documents → the SQLite store, each article in one transaction."""

from __future__ import annotations

import sys

import click

from ..api import ingest as run_ingest
from ._common import (
    db_option,
    handle_errors,
    input_options,
    nlp_options,
    report_document_warnings,
    report_read_error,
)


@click.command()
@input_options
@db_option
@nlp_options
@click.option("--force", is_flag=True, help="Re-process articles already in the store and replace their rows.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: only on a terminal).")
@handle_errors
def ingest(paths, input_format, default_date, db, settings, force, progress):
    """Analyse PATHS into the store; articles already stored are skipped.

    Interrupting is safe: each article is written whole or not at all, and a
    rerun finishes the rest. Exit status as for `extract`.
    """
    report = run_ingest(
        paths,
        db,
        settings,
        input_format=input_format,
        default_date=default_date,
        force=force,
        progress=progress,
        on_error=report_read_error,
        on_document=lambda doc: report_document_warnings(doc.article.origin, doc.errors),
    )
    rate = report.added / report.seconds if report.seconds else 0.0
    click.echo(
        f"{db}: {report.added} article(s) added, {report.skipped} already stored, "
        f"{len(report.read_errors)} unreadable input(s) in {report.seconds:.1f} s ({rate:.1f} docs/s)",
        err=True,
    )
    sys.exit(1 if report.read_errors else 0)
