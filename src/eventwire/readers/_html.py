"""HTML reader: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from ..records import Article, ReadError
from ._fields import build_article


def _date_params() -> dict[str, Any]:
    # extensive_search=False: take the date from the page's metadata only, not a
    # date guessed from the body text, which is often the date of an event it reports.
    try:
        from trafilatura.settings import set_date_params

        return set_date_params(False)
    except ImportError:  # pragma: no cover - older/newer trafilatura layout
        return {"original_date": True, "extensive_search": False}


def _as_dict(doc: Any) -> dict[str, Any]:
    # trafilatura >= 2 returns a Document; older versions a dict.
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    return {key: getattr(doc, key, None) for key in ("text", "title", "date", "url", "sitename", "language")}


def read_html(stream: BinaryIO, name: str, default_date: str | None) -> Iterator[Article | ReadError]:
    """Yield the page's main text as one Article (trafilatura is imported lazily:
    it is slow to import and only HTML input needs it)."""
    data = stream.read()
    try:
        import trafilatura
    except ImportError:
        yield ReadError(name, None, "cannot read HTML: trafilatura is not installed")
        return
    try:
        # bytes, not str: trafilatura honours the page's declared charset.
        doc = _as_dict(trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False,
            date_extraction_params=_date_params(),
        ))
    except Exception as exc:  # noqa: BLE001 - a third-party parser on untrusted input must not stop the run
        yield ReadError(name, None, f"HTML extraction failed: {type(exc).__name__}: {exc}")
        return
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        yield ReadError(name, None, "no main text found in HTML")
        return
    record = {"title": doc.get("title"), "date": doc.get("date"), "url": doc.get("url"),
              "source": doc.get("sitename"), "lang": doc.get("language")}
    yield build_article(record, text, origin=name, default_date=default_date)
