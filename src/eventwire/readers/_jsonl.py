"""JSON Lines reader: one object per line, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..records import Article, ReadError
from ._fields import build_article, text_problem


def read_jsonl(stream: BinaryIO, name: str, default_date: str | None) -> Iterator[Article | ReadError]:
    """Yield one Article per object line, a ReadError per bad line; skip blank lines.

    Lines are split on ``\\n`` bytes only (not str.splitlines, which would also
    split inside text containing U+2028 or form feeds), so line numbers are the
    physical lines an editor shows.
    """
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            # utf-8-sig only matters for line 1 (a BOM is not valid JSON).
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(name, lineno, f"not valid UTF-8 (byte {exc.start + 1} of the line)")
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield ReadError(name, lineno, f"invalid JSON: {reason}")
            continue
        if not isinstance(record, dict):
            yield ReadError(name, lineno, f"not a JSON object (got {type(record).__name__})")
            continue
        problem = text_problem(record.get("text"))
        if problem:
            yield ReadError(name, lineno, problem)
            continue
        yield build_article(record, record["text"], origin=f"{name}:{lineno}", default_date=default_date)
