"""`eventwire extract`: documents → contract records (JSON Lines), no database."""

from __future__ import annotations

import json
import sys

import click

from ..api import analyze_paths
from ..contract import to_record
from ..records import ReadError
from ._common import handle_errors, input_options, nlp_options, report_document_warnings, report_read_error


@click.command()
@input_options
@nlp_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file (default: stdout).")
@handle_errors
def extract(paths, input_format, default_date, settings, output):
    """Extract actors, events, quotes and places from PATHS as JSON Lines.

    PATHS are files, directories or globs (none or '-' reads standard input).
    Exit status: 0 all documents processed, 1 some input could not be read, 2 usage error.
    """
    unreadable: list[ReadError] = []

    def on_error(error: ReadError) -> None:
        unreadable.append(error)
        report_read_error(error)

    for doc in analyze_paths(paths, settings, input_format=input_format, default_date=default_date, on_error=on_error):
        report_document_warnings(doc.article.origin, doc.errors)
        output.write(json.dumps(to_record(doc), ensure_ascii=False) + "\n")
        output.flush()
    sys.exit(1 if unreadable else 0)
