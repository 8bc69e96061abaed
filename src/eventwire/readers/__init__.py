"""Read input documents (JSONL, CSV/TSV, TXT, HTML; optionally gzipped) as Articles.

>>> for item in read_articles(["news/"], default_date="2025-08-11"):
...     if isinstance(item, ReadError): report(item)
...     else: process(item)

Bad input never raises: every file, line or row that cannot be read becomes a
:class:`~eventwire.records.ReadError` in the stream, in input order, and reading
goes on.  Only a bad ``input_format`` argument (a usage error) raises ValueError,
at call time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..records import Article, ReadError
from ._csv import read_csv
from ._html import read_html
from ._jsonl import read_jsonl
from ._open import GZIP_ERRORS, InputError, Opened, describe, open_path, open_stream
from ._paths import FORMATS, Source, expand, normalize_format
from ._txt import read_txt

__all__ = ["FORMATS", "count_articles", "read_articles"]

_READERS = {"jsonl": read_jsonl, "txt": read_txt, "html": read_html}
_DELIMITERS = {"csv": ",", "tsv": "\t"}
_FAILURES = (OSError, InputError, UnicodeError, *GZIP_ERRORS)


def _sniff(head: bytes) -> str:
    """Format of standard input from its first non-whitespace byte."""
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    return {b"{": "jsonl", b"<": "html"}.get(first, "txt")


def _open_source(source: Source, stdin: BinaryIO | None) -> Opened:
    if source.path is not None:
        return open_path(source.path)
    # Standard input belongs to the caller: read it, never close it.
    return open_stream(stdin if stdin is not None else sys.stdin.buffer, close_raw=False)


def _read_source(source: Source, stdin: BinaryIO | None, default_date: str | None
                 ) -> Iterator[Article | ReadError]:
    try:
        opened = _open_source(source, stdin)
    except _FAILURES as exc:
        yield ReadError(source.name, None, describe(exc))
        return
    with opened.stream as stream:
        try:
            fmt = source.fmt or _sniff(opened.head)
            if fmt in _DELIMITERS:
                reopen = None if source.path is None else (lambda: open_path(source.path).stream)
                yield from read_csv(stream, reopen, source.name, _DELIMITERS[fmt], default_date)
            else:
                yield from _READERS[fmt](stream, source.name, default_date)
        except _FAILURES as exc:
            # Typically a truncated gzip: what was read before stays yielded.
            yield ReadError(source.name, None, describe(exc))


def read_articles(
    paths: Sequence[str] | None,
    *,
    input_format: str | None = None,
    default_date: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | ReadError]:
    """Yield every article of the inputs, in input order, and a ReadError for each input (file, or line/row of a
    jsonl/csv file) that could not be read. Never raises for bad input.

    ``paths``: files, directories (walked recursively, sorted, known extensions
    only, hidden entries skipped) or glob patterns; None, [] or "-" read
    ``stdin`` (default ``sys.stdin.buffer``), whose format is sniffed unless
    ``input_format`` is given.  ``default_date`` (already validated) is given to
    articles without a usable date.
    """
    fmt = normalize_format(input_format)  # raises now, not on first next()

    def generate() -> Iterator[Article | ReadError]:
        for source in expand(paths, fmt):
            if isinstance(source, ReadError):
                yield source
            else:
                yield from _read_source(source, stdin, default_date)

    return generate()


def _count_lines(path: str) -> int:
    with open_path(path).stream as stream:
        lines, last = 0, b"\n"
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
        return lines + (last != b"\n")  # a last line without newline counts too


def count_articles(paths: Sequence[str] | None, *, input_format: str | None = None) -> int | None:
    """Cheap estimate of how many articles read_articles will yield (for a progress bar total): lines of jsonl
    (gzip too), data rows of csv/tsv (line count minus header), 1 per txt/html file; None for stdin."""
    fmt = normalize_format(input_format)
    if not paths or "-" in paths:
        return None
    total = 0
    for source in expand(paths, fmt):
        if isinstance(source, ReadError):
            continue
        if source.fmt in ("txt", "html"):
            total += 1
            continue
        try:
            lines = _count_lines(source.path)  # type: ignore[arg-type]
        except _FAILURES:
            continue
        total += lines if source.fmt == "jsonl" else max(lines - 1, 0)
    return total
