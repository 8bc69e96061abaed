"""CSV/TSV reader: a header row naming the fields, one document per row."""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..records import Article, ReadError
from ._fields import CP1252_NOTE, build_article, text_problem

# Article texts easily exceed csv's default 128 KiB field limit.  2**31-1 rather
# than sys.maxsize: the limit is a C long, 32 bits on Windows.
_FIELD_LIMIT = 2**31 - 1
_CHUNK = 1 << 16
_SPOOL_IN_MEMORY = 32 << 20


def _is_utf8(stream: BinaryIO, copy_to: BinaryIO | None = None) -> bool:
    """Whether all of ``stream`` is valid UTF-8 (consumes it; copies it when asked)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    ok = True
    while chunk := stream.read(_CHUNK):
        if copy_to is not None:
            copy_to.write(chunk)
        if ok:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                ok = False
                if copy_to is None:
                    return False
    if ok:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            ok = False
    return ok


def read_csv(
    stream: BinaryIO,
    reopen: Callable[[], BinaryIO] | None,
    name: str,
    delimiter: str,
    default_date: str | None,
) -> Iterator[Article | ReadError]:
    """Yield one Article per data row, a ReadError per malformed row.

    The encoding is a property of the whole file, so a first pass checks that it
    is UTF-8 before any row is yielded; the second pass parses.  ``reopen`` gives
    a fresh stream for that pass; without one (standard input) the first pass
    spools the data to a temporary file.
    """
    if reopen is None:
        spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
        utf8 = _is_utf8(stream, spool)
        spool.seek(0)
        data: BinaryIO = spool  # type: ignore[assignment]
    else:
        utf8 = _is_utf8(stream)
        data = reopen()
    with data:
        if utf8:
            text = io.TextIOWrapper(data, encoding="utf-8-sig", newline="")
            errors: list[str] = []
        else:
            text = io.TextIOWrapper(data, encoding="cp1252", errors="replace", newline="")
            errors = [CP1252_NOTE]
        yield from _rows(text, name, delimiter, default_date, errors)


def _rows(
    text: io.TextIOWrapper, name: str, delimiter: str, default_date: str | None, errors: list[str]
) -> Iterator[Article | ReadError]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(text, delimiter=delimiter)
    header: list[str] | None = None
    last_line = 0
    while True:
        start = last_line + 1  # a row starts on the line after the previous one ended
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if reader.line_num == last_line:  # nothing consumed: do not loop forever
                yield ReadError(name, start, f"malformed CSV: {exc}")
                break
            last_line = reader.line_num
            yield ReadError(name, start, f"malformed CSV: {exc}")
            continue
        last_line = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip() and header is None):
            continue  # blank line
        if header is None:
            header = [h.strip().lower() for h in row]
            if "text" not in header:
                yield ReadError(name, None, "no 'text' column in the header row")
                return
            continue
        if len(row) != len(header):
            yield ReadError(name, start, f"expected {len(header)} fields, found {len(row)}")
            continue
        record = dict(zip(header, row))
        problem = text_problem(record["text"])
        if problem:
            yield ReadError(name, start, problem)
            continue
        yield build_article(record, record["text"], origin=f"{name}:{start}",
                            default_date=default_date, errors=errors)
    if header is None:
        yield ReadError(name, None, "empty file: no header row")
