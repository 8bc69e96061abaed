"""Plain-text reader: the whole file is one document, with an optional date line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from ..records import Article, ReadError
from ._fields import CP1252_NOTE, build_article

# " date 2025-08-11 Colombia’s ..." or "date 2025-08-11\n\nText": the date line and
# the whitespace right after the date are not part of the text.  The date must be
# followed by whitespace (or the end) so that "date 2025-08-11x" stays text.
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text of ``data`` as UTF-8, else cp1252 with a note for the article's errors."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; replace those rather than fail.
        return data.decode("cp1252", errors="replace"), [CP1252_NOTE]


def split_date_line(text: str) -> tuple[str | None, str]:
    """``(date or None, text without the date line)``; nothing else is touched."""
    m = _DATE_LINE.match(text)
    if not m:
        return None, text
    return m[1], text[m.end():]


def read_txt(stream: BinaryIO, name: str, default_date: str | None) -> Iterator[Article | ReadError]:
    text, errors = decode(stream.read())
    date, text = split_date_line(text)
    if not text.strip():
        yield ReadError(name, None, "empty document")
        return
    yield build_article({"date": date}, text, origin=name, default_date=default_date, errors=errors)
