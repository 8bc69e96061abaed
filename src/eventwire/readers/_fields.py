"""Turn the raw fields of one input record into an :class:`Article`.

Shared by every reader so that ids, dates and optional strings are handled
the same way whatever the input format.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from ..records import Article

CP1252_NOTE = "not valid UTF-8; decoded as cp1252"

OPTIONAL_STRINGS = ("title", "source", "url", "lang")

# The date part must be a full YYYY-MM-DD; anything after it must look like the
# time part of an ISO datetime ("T10:00:00Z", " 10:00"), which is dropped.
_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d[\d:.,]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*")


def stable_id(text: str) -> str:
    """Content hash used when the input has no id (same text, same id)."""
    # surrogatepass: JSON may smuggle lone surrogates ("\ud800") into the text.
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date(value: Any) -> tuple[str | None, str | None]:
    """Return ``(iso_date, problem)``: ``(None, None)`` when the value is missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, f"unparseable date {value!r} ignored"
    m = _DATE.fullmatch(value)
    if not m:
        return None, f"unparseable date {value.strip()!r} ignored"
    try:
        day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None, f"impossible date {value.strip()!r} ignored"
    return day.isoformat(), None


def text_problem(value: Any) -> str | None:
    """Why ``value`` cannot be a document text, or None when it can."""
    if value is None:
        return "missing 'text' field"
    if not isinstance(value, str):
        return f"'text' is not a string (got {type(value).__name__})"
    if not value.strip():
        return "empty document"
    return None


def _optional_string(name: str, value: Any, errors: list[str]) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        errors.append(f"non-text {name!r} value ignored")
        return None
    return value.strip() or None


def build_article(
    record: Mapping[str, Any],
    text: str,
    *,
    origin: str,
    default_date: str | None,
    errors: list[str] | None = None,
) -> Article:
    """Article from ``record``'s optional fields and the (already checked) ``text``.

    ``text`` is taken as is: every offset downstream indexes it.
    """
    errors = list(errors or ())
    date, problem = parse_date(record.get("date"))
    if problem:
        errors.append(problem)
    raw_id = record.get("id")
    doc_id = _optional_string("id", raw_id, errors)
    strings = {name: _optional_string(name, record.get(name), errors) for name in OPTIONAL_STRINGS}
    return Article(
        id=doc_id or stable_id(text),
        text=text,
        date=date or default_date,
        origin=origin,
        errors=errors,
        **strings,
    )
