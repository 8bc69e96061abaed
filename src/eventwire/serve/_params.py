"""Query parameters of the API: the shared filters, their validation, and the unknown-parameter check."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request

from ..store import MAX_PAGE, EventFilters, QueryError

Format = Literal["json", "csv"]
FormatParam = Annotated[Format, Query(description="`json`, or `csv` to download the list as a file.")]


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _filters(**values) -> EventFilters:
    try:
        return EventFilters(**values)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None


def _cap(limit: int) -> int:
    if limit > MAX_PAGE:
        raise HTTPException(400, f"limit: at most {MAX_PAGE} rows per request (page with offset)")
    return limit


def scope_filters(
    since: Annotated[str | None, Query(description="Only on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Only on or before this date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, Query(description="Actor name (substring), CAMEO actor code or knowledge-base id.")] = None,
    country: Annotated[str | None, Query(description="ISO3 country of any source or target actor, e.g. VEN.")] = None,
    source: Annotated[str | None, Query(description="Source actor key or its prefix (CAMEO code, ISO3 or name): "
                                                    "`USA` matches `USAGOV`.")] = None,
    target: Annotated[str | None, Query(description="Target actor key or its prefix, as `source`.")] = None,
    type_: Annotated[str | None, Query(alias="type", description="Events: PLOVER type (ACCUSE) or CAMEO code "
                                       "prefix (11); quotes: kind; actors: sector; places: feature.")] = None,
    quad_class: Annotated[list[int], Query(description="CAMEO quad class 1-4 (repeatable): 1 verbal cooperation, "
                                           "2 material cooperation, 3 verbal conflict, 4 material conflict.")] = [],
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Lowest event confidence, 0-1.")] = None,
    include_hypothetical: Annotated[bool, Query(description="Keep hypothetical events.")] = True,
    include_negated: Annotated[bool, Query(description="Keep negated events.")] = True,
    include_historical: Annotated[bool, Query(description="Keep historical events.")] = True,
) -> EventFilters:
    """The filters every list, series, network and map endpoint takes (no paging)."""
    return _filters(
        since=_date("since", since), until=_date("until", until), actor=actor or None, country=country or None,
        source=source or None, target=target or None, type=type_ or None, quad_class=tuple(quad_class),
        min_confidence=min_confidence, include_hypothetical=include_hypothetical, include_negated=include_negated,
        include_historical=include_historical, limit=None,
    )


def paged(
    limit: Annotated[int, Query(ge=0, description=f"Rows per page (at most {MAX_PAGE}).")] = 50,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> tuple[int, int]:
    return _cap(limit), offset


def with_page(filters: EventFilters, page: tuple[int, int]) -> EventFilters:
    """``filters`` asking one row more than the page, to tell whether there is a next page."""
    values = {k: getattr(filters, k) for k in filters.__dataclass_fields__}
    return _filters(**(values | {"limit": page[0] + 1, "offset": page[1]}))


def cap_limit(limit: int) -> int:
    return _cap(limit)


_known: dict[int, frozenset[str]] = {}


def _query_names(dependant) -> set[str]:
    """The query parameter names of a route and of its dependencies, recursively."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown(request: Request) -> None:
    """400 for a query parameter the route does not declare: a typo must not silently widen a filter."""
    if not request.url.path.startswith("/api/"):
        return  # the dashboard keeps its own state in the page's query string ("/?type=ACCUSE")
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known = _known.get(id(route))
    if known is None:
        known = _known.setdefault(id(route), frozenset(_query_names(route.dependant)))
    for name in request.query_params:
        if name not in known:
            raise HTTPException(400, f"unknown parameter {name!r}")
