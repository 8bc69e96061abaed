"""Calendar arithmetic: a :class:`Reading` plus the document date and the clause's direction in time → the
period it names (ISO start, precision, ISO start of a range's last period).

Conventions (the documentation in ``docs/extract-output.md`` repeats them): a week starts on Monday; a period
is given by its first day ("last month" on 2025-08-14 is 2025-07-01, precision month); "Tuesday" in a past
clause is the latest Tuesday up to the document date, in a future clause the next one from it, and the
document's own weekday is the document date either way; a month or a day without a year is the latest one up
to the document date in a past clause, the next one from it in a future clause, and the nearer one when the
clause gives no direction or bounds an interval ("until March 15").
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from ._grammar import Reading

HISTORICAL_AFTER = timedelta(days=365)  # a period that ended more than a year before the document is historical

Resolved = tuple[date | None, str, date | None]  # start, precision, start of the last period of a range


@lru_cache(maxsize=8192)
def resolve(reading: Reading, anchor: date | None, direction: str | None) -> Resolved:
    """The period ``reading`` names for a document of date ``anchor`` (None: relative readings stay unresolved);
    ``direction`` is ``past``, ``future``, ``nearest`` or None (unknown)."""
    start = _start(reading, anchor, direction)
    end = None
    if reading.end is not None and start is not None and reading.end.kind == "weekday":
        end = start + timedelta(days=(reading.end.weekday - start.weekday()) % 7)  # "from Monday to Wednesday"
    elif reading.end is not None and start is not None:
        end = _range_end(reading.end, start)
    elif reading.kind == "weekend" and start is not None:
        end = start + timedelta(days=1)  # Saturday to Sunday
    elif reading.kind in ("season", "quarter") and start is not None:
        end = _add(start, "month", 2)  # its third month
    return start, reading.precision, end


def is_historical(start: date | None, precision: str, end: date | None, anchor: date | None) -> bool:
    """Whether the period (through its range end) is over more than a year before ``anchor``."""
    if start is None or anchor is None:
        return False
    return last_day(end or start, precision) < anchor - HISTORICAL_AFTER


def last_day(start: date, precision: str) -> date:
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return date(start.year, 12, 31)
    return start


def period_start(day: date, precision: str) -> date:
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return date(day.year, 1, 1)
    return day


def _start(r: Reading, anchor: date | None, direction: str | None) -> date | None:
    if r.kind == "decade" or r.kind in ("date", "season", "quarter") and r.year is not None:
        return _make(r.year, r.month or 1, r.day or 1)
    if anchor is None or r.kind == "relative":  # a relative one counts from another expression: see shifted
        return None
    if r.kind == "quarter":
        return date(anchor.year + r.n, r.month, 1) if r.shift == "year" else _season(r, anchor, direction)
    if r.kind == "monthday":
        return _month_day(r.day, anchor, direction)
    if r.kind == "date":
        return _yearless(r, anchor, direction)
    if r.kind == "season":
        return _season(r, anchor, direction)
    if r.kind == "weekday":
        return _weekday(r.weekday, r.shift, anchor, direction)
    if r.kind == "weekend":
        return _weekend(r.shift, anchor, direction)
    if r.kind == "deictic":
        return anchor + timedelta(days=r.n)
    if r.kind in ("unit", "offset"):
        return period_start(_add(anchor, r.unit, r.n), r.precision)
    return None


def _yearless(r: Reading, anchor: date, direction: str | None) -> date | None:
    """"in March", "on May 3", "last March": the year from the shift or the clause's direction."""
    options = [d for d in (_make(y, r.month, r.day or 1) for y in range(anchor.year - 1, anchor.year + 2)) if d]
    if r.weekday is not None:  # "Monday, March 23": the year in which it is a Monday
        fitting = [d for d in options if d.weekday() == r.weekday]
        if len(fitting) == 1:
            return fitting[0]
    here = period_start(anchor, r.precision)  # the day itself, or this month's first day
    if r.shift == "this":
        return _make(anchor.year, r.month, r.day or 1)
    if r.shift == "last" or direction == "past":
        return max((d for d in options if d < here or d == here and r.shift != "last"), default=None)
    if r.shift == "next" or direction == "future":
        return min((d for d in options if d > here or d == here and r.shift != "next"), default=None)
    # nearest; a tie goes to the future
    return min(options, key=lambda d: (abs((d - here).days), d < here), default=None)


def shifted(reading: Reading, base: date, base_precision: str) -> Resolved:
    """A ``relative`` reading ("the next day", "two weeks later") counted from ``base``, the start of the
    expression before it; unresolved when that one is coarser than the reading ("in March … the next day")."""
    order = ("day", "week", "month", "year")
    if order.index(base_precision) > order.index(reading.precision):
        return None, reading.precision, None
    return period_start(_add(base, reading.unit, reading.n), reading.precision), reading.precision, None


def _month_day(day: int, anchor: date, direction: str | None) -> date | None:
    """"on the 12th": that day of the document's month, or of the month before or after by the direction."""
    options = [d for d in (_make(y, m, day) for y, m in (_month_shift(anchor, k) for k in (-1, 0, 1))) if d]
    if direction == "past":
        return max((d for d in options if d <= anchor), default=None)
    if direction == "future":
        return min((d for d in options if d >= anchor), default=None)
    return min(options, key=lambda d: (abs((d - anchor).days), d < anchor), default=None)


def _month_shift(anchor: date, k: int) -> tuple[int, int]:
    months = anchor.month - 1 + k
    return anchor.year + months // 12, months % 12 + 1


def _season(r: Reading, anchor: date, direction: str | None) -> date | None:
    """"this summer" is the one of the document's year (a winter starts in December), "last summer" the latest
    one over before the document, "next summer" the first one after it; a bare season goes by the tense."""
    starts = [date(y, r.month, 1) for y in range(anchor.year - 2, anchor.year + 2)]
    ends = {s: last_day(_add(s, "month", 2), "month") for s in starts}
    if r.shift == "this":
        current = [s for s in starts if s <= anchor <= ends[s]]
        year = anchor.year - 1 if r.month == 12 and anchor.month <= 2 else anchor.year
        return current[0] if current else date(year, r.month, 1)
    if r.shift == "last" or r.shift is None and direction != "future":
        past = [s for s in starts if (ends[s] < anchor if r.shift == "last" else s <= anchor)]
        return max(past, default=None)
    return min((s for s in starts if (s > anchor if r.shift == "next" else ends[s] >= anchor)), default=None)


def _weekday(weekday: int, shift: str | None, anchor: date, direction: str | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if shift in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)  # past, and news's default: reports are of what happened


def _weekend(shift: str | None, anchor: date, direction: str | None) -> date:
    """The Saturday of the weekend meant; the expression's range runs to the Sunday."""
    in_weekend = anchor.weekday() >= 5
    latest = anchor - timedelta(days=(anchor.weekday() - 5) % 7)  # the Saturday on or before the anchor
    if shift == "last" or shift == "past":
        return latest - timedelta(days=7) if in_weekend else latest
    if shift in ("next", "coming"):
        return latest + timedelta(days=7)
    if direction == "future" and not in_weekend:
        return latest + timedelta(days=7)
    return latest


def _range_end(r: Reading, start: date) -> date | None:
    """The last period of a range: the first one on or after its start ("from December to February")."""
    if r.year is not None or r.kind == "decade":
        return _make(r.year, r.month or 1, r.day or 1)
    for year in (start.year, start.year + 1):
        d = _make(year, r.month or start.month, r.day or 1)
        if d is not None and d >= start:
            return d
    return None


def _add(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = day.month - 1 + (n if unit == "month" else 12 * n)
    year, month = day.year + months // 12, months % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _make(year: int | None, month: int | None, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (TypeError, ValueError):  # "29 February" in a common year, "31 April"
        return None
