"""The command line: a thin layer over :mod:`eventwire.api`, one module per command."""

from __future__ import annotations

import click

from ..api import __version__
from .eval import eval_group
from .export import export
from .extract import extract
from .ingest import ingest
from .lists import actors, articles, events, quotes
from .serve import serve
from .stats import stats

COMMANDS = (extract, ingest, articles, events, quotes, actors, export, stats, serve, eval_group)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eventwire")
def cli() -> None:
    """eventwire: who did what to whom, when and where, and who said what, from dated news text."""


for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    cli(prog_name="eventwire")
