"""The JSON endpoints: thin over the store's query functions, each list also as CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..store import EventFilters, QueryError, Store
from ._params import FormatParam, cap_limit, paged, scope_filters, with_page

router = APIRouter(prefix="/api")

FiltersDep = Annotated[EventFilters, Depends(scope_filters)]
Page = Annotated[tuple[int, int], Depends(paged)]


def store(request: Request):
    """A read-only store connection from the app's pool, for the length of one request."""
    pool = request.app.state.pool
    conn = pool.take()
    try:
        yield conn
    finally:
        pool.give(conn)


StoreDep = Annotated[Store, Depends(store)]


def _run(query, *args, **kwargs):
    try:
        return query(*args, **kwargs)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None


def csv_response(rows: list[dict], name: str) -> Response:
    """Rows as a CSV download; nested values (lists, objects) as JSON in their cell."""
    out = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _json(body) -> JSONResponse:
    """JSON straight from json.dumps: FastAPI's generic encoder costs more than the query on long series."""
    return JSONResponse(body)


def _listing(rows: list[dict], page: tuple[int, int], fmt: str, name: str):
    limit, offset = page
    items = rows[:limit]
    if fmt == "csv":
        return csv_response(items, name)
    return _json({"items": items, "limit": limit, "offset": offset, "has_more": len(rows) > limit})


@router.get("/health", summary="Store status: schema version and row counts")
def health(db: StoreDep):
    return _json({"status": "ok", "schema_version": db.schema_version(), "counts": db.counts()})


@router.get("/events", summary="Events, filtered and paged, newest first")
def events(db: StoreDep, filters: FiltersDep, page: Page, format: FormatParam = "json",
           order: Annotated[Literal["date", "-date"], Query(description="`-date` newest first, `date` oldest first.")]
           = "-date"):
    rows = _run(db.event_page, with_page(filters, page), newest_first=order == "-date")
    return _listing(rows, page, format, "events")


@router.get("/events/{article_id}/{event_id}", summary="One event's full record and its article")
def event(db: StoreDep, article_id: str, event_id: str):
    found = db.event(article_id, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in article {article_id!r}")
    return _json(found)


@router.get("/articles", summary="Articles, by full-text search (q) and filters")
def articles(db: StoreDep, filters: FiltersDep, page: Page, format: FormatParam = "json",
             q: Annotated[str | None, Query(description="Full-text query over titles and texts (SQLite FTS5).")]
             = None):
    rows = _run(db.articles, with_page(filters, page), search=q or None)
    return _listing(rows, page, format, "articles")


@router.get("/articles/{article_id}", summary="The evidence view: an article's text with every extracted span")
def article(db: StoreDep, article_id: str):
    found = db.evidence(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return _json(found)


@router.get("/actors", summary="Actors across articles, most mentioned first")
def actors(db: StoreDep, filters: FiltersDep, page: Page, format: FormatParam = "json"):
    return _listing(_run(db.actors, with_page(filters, page)), page, format, "actors")


@router.get("/quotes", summary="Quotations and reported speech with their speakers")
def quotes(db: StoreDep, filters: FiltersDep, page: Page, format: FormatParam = "json",
           speaker: Annotated[str | None, Query(description="Speaker name (substring), CAMEO code or kb id.")]
           = None):
    return _listing(_run(db.quotes, with_page(filters, page), speaker=speaker or None), page, format, "quotes")


@router.get("/places", summary="Places named in articles")
def places(db: StoreDep, filters: FiltersDep, page: Page, format: FormatParam = "json"):
    return _listing(_run(db.places, with_page(filters, page)), page, format, "places")


@router.get("/series", summary="Events, Goldstein sum and mean and quad-class shares per day, week or month")
def series(db: StoreDep, filters: FiltersDep, format: FormatParam = "json",
           interval: Annotated[Literal["day", "week", "month"], Query(
               description="Period: a day, a week (labelled by its Monday) or a month (its first day).")] = "day",
           normalize: Annotated[bool, Query(
               description="Add share_of_volume: the period's events over all events in it (date filter only).")]
           = False):
    items = _run(db.series, filters, interval, normalize)
    if format == "csv":
        flat = [{k: v for k, v in item.items() if k != "quad_shares"}
                | {f"quad_{q}_share": share for q, share in item["quad_shares"].items()} for item in items]
        return csv_response(flat, "series")
    return _json({"interval": interval, "items": items})


@router.get("/network", summary="Actor network: top dyads by events with mean Goldstein, and their actors")
def network(db: StoreDep, filters: FiltersDep, format: FormatParam = "json",
            min_events: Annotated[int, Query(ge=1, description="Leave out dyads with fewer events.")] = 1,
            limit: Annotated[int, Query(ge=1, description="Edges, most events first (at most 1000).")] = 100):
    graph = _run(db.network, filters, min_events, cap_limit(limit))
    if format == "csv":
        return csv_response(graph["edges"], "network")
    return _json(graph)


@router.get("/map", summary="Event locations grouped by place, with counts and mean Goldstein")
def map_(db: StoreDep, filters: FiltersDep, format: FormatParam = "json",
         limit: Annotated[int, Query(ge=1, description="Places, most events first (at most 1000).")] = 1000):
    points = _run(db.map_points, filters, cap_limit(limit))
    if format == "csv":
        return csv_response(points, "map")
    return _json({"points": points})
