"""Finding temporal expressions in text: regular patterns for the forms news writing uses, each read into a
:class:`Reading` (what the words say, before any document date or tense is known).

Each pattern's core is scanned for once over the whole text; where two matches overlap the longer wins.  Bare month names and years
need a context word ("in March", "since 1999") or, for years, spaCy's DATE label, so that "May" the modal,
"2000 troops" and the like are no dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30, "a couple of": 2}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # northern-hemisphere seasons
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
PRECISION_OF_UNIT = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


@dataclass(frozen=True)
class Reading:
    """What an expression says: ``kind`` picks the fields that matter.

    kinds: ``date`` (year, month, day; any of them may be missing: "May 3" has no year; "on the 12th" has only
    a day), ``decade`` (year), ``quarter`` (month it starts in, year if given, else ``n`` years from the
    document's when ``shift`` is "year": "the fourth quarter of last year"), ``relative`` (unit, n from the
    expression before it: "the next day", "two weeks later"),
    ``weekday`` (weekday 0 = Monday, shift), ``season`` (month it starts in, year if given, shift), ``weekend`` (shift), ``unit`` (unit, n: "last week" is n = -1),
    ``offset`` (unit, n: "two days ago" is n = -2, "in two weeks" n = 2), ``deictic`` (n days from the
    document date: "yesterday" -1).  ``shift`` is last | next | this | past | coming | None.
    """

    kind: str
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    n: int = 0
    shift: str | None = None
    end: "Reading | None" = None  # the last period of a range


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    reading: Reading
    relation: str | None = None  # since | until, from the word before
    needs_date_label: bool = False  # a bare year: only when spaCy calls it a DATE
    is_name: bool = False  # a holiday: a date even where spaCy labels it an EVENT


_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = r"(?:\d{1,2}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|" \
       r"twenty|thirty)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_TO = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*"
_NOT_QUANTITY = r"(?!\s*(?:%|percent|per cent|people|troops|soldiers|km|kilometres|miles|of\b))"

# "In November of that year" dates by another sentence's year, not the document's
_ANAPHORIC_YEAR = r"\s+of\s+(?:that|the\s+(?:same|following|previous|next))\s+year"
# names that hold a weekday but are no relative date ("Good Friday agreement", "Fox News Sunday")
_FEAST = r"(?:Good|Black|Super|Ash|Bloody|Easter|Palm|Holy|Maundy|Cyber|Fat|Shrove|News)"
_MODIFIER_WORDS = r"early|late|mid|the end of|the start of|the beginning of|the middle of"
_MODIFIER = rf"(?:{_MODIFIER_WORDS})[-\s]+"
_CONTEXT = r"(?:in|since|until|till|by|during|before|after|throughout|through|from)"

# Each pattern is a core, found by scanning the text, and a prefix looked for just before it (words such as
# "in", "last", "early" that are cheaper to check where a core matched than to scan for).  Prefix groups are
# part of the expression except ``ctx`` (the context word: "in March" is the expression "March").
_PATTERNS: dict[str, tuple[re.Pattern, re.Pattern | None]] = {
    name: (re.compile(core), re.compile(prefix + "$", re.IGNORECASE) if prefix else None)
    for name, (core, prefix) in {
        "iso": (r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", None),
        # "Tuesday, May 3, 2024", "May 3", "from May 3 to 5", "May 30 to June 2"
        "month_day": (rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
                      rf"(?:{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})\b(?:,?\s+(?P<y2>{_YEAR})\b)?{_NOT_QUANTITY})?",
                      rf"(?P<ext>\b{_WEEKDAY},?\s+)"),
        # "3 May 2024", "the 3rd of May", "3-5 May"
        "day_month": (rf"\b(?P<d>{_DAY})(?:{_TO}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MONTH})\b"
                      rf"(?:,?\s+(?P<y>{_YEAR})\b)?",
                      rf"(?P<ext>(?:\b{_WEEKDAY},?\s+)?(?:\bthe\s+)?)"),
        "month_year": (rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b", rf"(?P<mod>\b{_MODIFIER})?"),
        # "between March and May", "from January to March 2024"
        "month_range": (rf"\b(?P<m>{_MONTH_FULL})(?:\s+(?P<y>{_YEAR}))?{_TO}(?P<m2>{_MONTH_FULL})"
                        rf"(?:\s+(?P<y2>{_YEAR}))?\b", r"\b(?P<ctx>from|between)\s+"),
        "month": (rf"\b(?P<m>{_MONTH_FULL})(?P<poss>['’]s)?\b(?![-\s]*\d|{_ANAPHORIC_YEAR})",
                  rf"(?:\b(?P<ctx>{_CONTEXT}|(?:set|scheduled|planned|slated|due|postponed|delayed)\s+for|"
                  rf"(?:week|weekend|half|days|part|end|start|beginning|middle)\s+of|"
                  rf"(?P<det>the|an?))\s+)?(?P<mod>(?:\b(?:last|next|this|earlier|later|{_MODIFIER_WORDS})"
                  rf"[-\s]+)+)?"),
        # "this summer", "in the fall of 2014", "earlier this spring": the season's three months
        "season": (rf"(?i:\b(?P<season>spring|summer|autumn|fall|winter)\b)(?:['’]s)?(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?",
                   rf"(?:\b(?P<ctx>{_CONTEXT}|over)\s+)?(?P<mod>(?:\b(?:last|next|this|earlier|later|"
                   rf"{_MODIFIER_WORDS})[-\s]+)+)?(?P<ext>\bthe\s+)?"),
        "year_range": (rf"\b(?P<y>{_YEAR}){_TO}(?P<y2>{_YEAR}|\d\d)\b(?![-–.,]\d)",
                       r"(?:\b(?P<ctx>from|between)\s+)?"),
        "year": (rf"\b(?P<y>{_YEAR})\b(?![-–.,]\d|\s*(?:%|percent|per cent|UTC|GMT|hours|hrs|local time))",
                 rf"(?:\b(?P<ctx>{_CONTEXT})\s+)?(?P<mod>\b{_MODIFIER})?"),
        "decade": (r"\b(?P<y>(?:1[5-9]|20)\d0)['’]?s\b", r"(?P<ext>(?:\bthe\s+)?(?:\b(?:early|late|mid)[-\s]+)?)"),
        "deictic": (rf"(?i:\b(?:(?P<w>today|tonight|yesterday|tomorrow){_PART}|this\s+(?:morning|afternoon|evening)"
                    rf"|(?P<ln>last\s+night))\b)", r"(?P<owner>\b(?:our|my|his|her|their|its|the|a)\s+)?"),
        "weekday": (rf"\b(?P<wd>{_WEEKDAY})\b(?!s)(?:['’]s)?{_PART}",
                    rf"(?:(?P<feast>\b{_FEAST})\s+|\b(?P<shift>last|next|this|coming|past)\s+)?"),
        "unit": (r"(?i:\b(?P<shift>last|next|this|past|coming|current)\s+(?P<unit>week|month|year|weekend)\b)",
                 r"(?P<mod>\b(?:earlier|later|early|late|mid|(?:at\s+)?the\s+(?:end|start|beginning|middle)\s+of)"
                 r"[-\s]+)?(?P<ext>\bthe\s+)?"),
        # "over the weekend", "at the weekend"
        "the_weekend": (r"(?i:\bthe\s+weekend\b)", r"\b(?P<ctx>over|during|at|on|throughout)\s+"),
        # "the fourth quarter of last year", "the first quarter of 2024", "Q3 2024"
        "quarter": (rf"(?i:\b(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|Q(?P<qn>[1-4])\b)"
                    rf"(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?P<shift>last|this|next)\s+year)\b)?)",
                    r"(?P<ext>\bthe\s+)?"),
        # "on the 12th": a day of a month the context gives
        "month_day_only": (r"\bon\s+the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s*(?:of\b|[a-zA-Z]))", None),
        # "the next day", "the following week", "two days later", "a day earlier", "the day before":
        # counted from the expression before it
        "relative": (r"(?i:\bthe\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit>day|morning|evening|night"
                     r"|week|month)\b)", r"(?P<span>\b(?:over|within|for|during|in)\s+)?"),
        "later": (rf"(?i:\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|before|after)\b)"
                  r"(?!\s+(?:the|a|an|his|her|its|their|[A-Z0-9])\b)", None),
        "day_before": (r"(?i:\bthe\s+day\s+(?P<dir>before|after)\b)(?=\s*[,.;)]|\s*$)", None),
        # weekday ranges: "from Monday to Wednesday", "between Friday and Sunday"
        "weekday_range": (rf"\b(?P<wd>{_WEEKDAY}){_TO}(?P<wd2>{_WEEKDAY})\b", r"\b(?P<ctx>from|between)\s+"),
        "the_unit": (r"(?i:\bthe\s+(?:end|start|beginning|middle)\s+of\s+the\s+(?P<unit>week|month|year)\b)", None),
        "ago": (r"(?i:\b(?P<unit>day|week|month|year|decade)s?\s+ago\b)", rf"\b(?P<n>{_NUM})\s+"),
        "ahead": (rf"(?i:\bin\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?['’]?(?:\s+time)?\b)", None),
        "past_n": (rf"(?i:\b(?:past|last)\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s\b)",
                   r"(?P<ext>\bthe\s+)?"),
    }.items()
}


def _load_holidays() -> dict[str, tuple[int, int]]:
    """Fixed-day holidays from ``data/dates/holidays.yaml``: normalised name → (month, day)."""
    text = resources.files("eventwire").joinpath("data/dates/holidays.yaml").read_text(encoding="utf-8")
    return {_holiday_key(h["name"]): (int(h["month"]), int(h["day"])) for h in yaml.safe_load(text)["holidays"]}


def _holiday_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).lower()


HOLIDAYS = _load_holidays()
_HOLIDAY_NAMES = "|".join(re.escape(k).replace("'", "['’]").replace(r"\ ", r"\s+")
                          for k in sorted(HOLIDAYS, key=len, reverse=True))
_PATTERNS["holiday"] = (re.compile(rf"(?i:\b(?P<h>{_HOLIDAY_NAMES})\b)(?:,?\s+(?P<y>{_YEAR})\b)?"), None)

_PREFIX_REACH = 48  # characters before a core searched for its prefix

_RELATION_BEFORE = re.compile(r"(?i)\b(since|until|till|by|through)\s+$")
_BOILERPLATE = re.compile(r"(?i)(?:©|\(c\)|copyright|\bevery|\beach)\s*$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_RELATION = {"since": "since", "until": "until", "till": "until", "by": "until", "through": "until"}


def find(text: str) -> list[Found]:
    """Every temporal expression the patterns see in ``text``, non-overlapping, in text order."""
    candidates = []
    for name, (core, prefix) in _PATTERNS.items():
        for match in core.finditer(text):
            found = _read(name, match, prefix, text)
            if found is not None:
                candidates.append(found)
    candidates.sort(key=lambda f: (f.start - f.end, f.start))
    taken: list[Found] = []
    for found in candidates:
        if all(found.end <= t.start or found.start >= t.end for t in taken):
            taken.append(found)
    return sorted(taken, key=lambda f: f.start)


def _read(name: str, match: re.Match, prefix: re.Pattern | None, text: str) -> Found | None:
    start, end = match.span()
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if prefix is not None:
        before = prefix.search(text, max(0, start - _PREFIX_REACH), start)
        if before is not None:
            for key, value in before.groupdict().items():
                if value:
                    groups[key] = value
                    if key not in ("ctx", "det"):
                        start = min(start, before.start(key))
    ctx = groups.get("ctx")
    if "feast" in groups or "owner" in groups:
        return None  # "Good Friday", "on our last night in town"
    if name == "month" and "poss" in groups and not ctx and "mod" not in groups and (
            groups["m"] == "May" or _NAME_BEFORE.search(text, max(0, start - 24), start)):
        return None  # "Theresa May's government", "May's cabinet": a name's possessive
    if "det" in groups and "mod" not in groups and (groups["m"] in ("March", "May") or not _NOUN_AFTER.match(text, end)):
        return None  # "the November vote" is a date, "the March on Washington" and "the May government" are not
    if name == "unit" and groups["unit"][0].isupper():
        return None  # "ABC's This Week", "Last Week Tonight": titles
    if name == "season" and not ("mod" in groups or ctx and "ext" in groups or "y" in groups and ctx):
        return None  # "prices fall", "the Arab Spring"
    if name == "month" and not ctx and "mod" not in groups and "poss" not in groups:
        return None  # "May" alone is a modal verb or a name as often as a month; "February's vote" is a date
    if name in ("month_range", "ago") and not (ctx or "n" in groups):
        return None
    if name in ("the_weekend", "weekday_range") and not ctx:
        return None  # "the weekend edition", "Monday to Friday" opening hours
    if name == "relative" and "span" in groups and groups["rel"].lower() == "next":
        return None  # "over the next week": a stretch of time ahead, not a day
    if name in ("later", "day_before") and groups["dir"].lower() in ("before", "after") and not re.match(
            r"\s*(?:[,.;:)]|$)", text[end:end + 3]):
        return None  # "a week after the election" counts from the election, not from the date before
    if name == "year_range" and " and " in match.group(0) and (ctx or "").lower() != "between":
        return None  # "2019 and 2021" is two years unless "between"
    reading = _reading(name, tuple(sorted(groups.items())))
    if reading is None:
        return None
    if _BOILERPLATE.search(text, max(0, start - 12), start):
        return None  # "Copyright © 2019", "every Tuesday morning"
    needs_label = name == "year" and not ctx and "mod" not in groups
    relation = None
    if name not in ("month_range", "year_range"):
        before = _RELATION_BEFORE.search(text, max(0, start - 12), start)
        if before:
            relation = _RELATION[before.group(1).lower()]
    if name == "past_n" or name == "unit" and reading.shift == "past":
        relation = "since"
    return Found(start, end, reading, relation, needs_label, name == "holiday")


@lru_cache(maxsize=4096)
def _reading(name: str, items: tuple[tuple[str, str], ...]) -> Reading | None:
    """The reading of one match (cached: the same words recur across a corpus)."""
    g = dict(items)
    if name == "iso":
        return _date(int(g["y"]), int(g["m"]), int(g["d"]))
    if name in ("month_day", "day_month"):
        first = _date(_year(g.get("y") or g.get("y2")), _month(g["m"]), _day(g["d"]))
        named_day = re.search(_WEEKDAY, g.get("ext") or "")
        if first is not None and named_day and first.year is None:  # "Monday, March 23" picks its year
            first = Reading("date", "day", month=first.month, day=first.day,
                            weekday=WEEKDAYS.index(named_day.group().lower()))
        if first is None or "d2" not in g:
            return first
        last = _date(_year(g.get("y2") or g.get("y")), _month(g.get("m2") or g["m"]), _day(g["d2"]))
        return None if last is None else _with_end(first, last)
    if name == "month_year":
        return Reading("date", "month", year=int(g["y"]), month=_month(g["m"]))
    if name == "month_range":
        first = Reading("date", "month", year=_year(g.get("y")), month=_month(g["m"]))
        last = Reading("date", "month", year=_year(g.get("y2") or g.get("y")), month=_month(g["m2"]))
        return _with_end(first, last)
    if name == "month":
        mod = (g.get("mod") or "").lower().split()
        shift = next((w for w in mod if w in ("last", "next", "this")), None)
        return Reading("date", "month", month=_month(g["m"]), shift=shift)
    if name == "season":
        season = g["season"].lower()
        mod = (g.get("mod") or "").lower().split()
        shift = next((w for w in mod if w in ("last", "next", "this")), None)
        return Reading("season", "month", year=_year(g.get("y")), month=SEASON_START[season], shift=shift)
    if name == "year_range":
        y, y2 = int(g["y"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else y // 100 * 100 + int(y2)
        if y2 <= y:
            return None
        return _with_end(Reading("date", "year", year=y), Reading("date", "year", year=y2))
    if name == "year":
        return Reading("date", "year", year=int(g["y"]))
    if name == "decade":
        y = int(g["y"])
        return _with_end(Reading("decade", "year", year=y), Reading("decade", "year", year=y + 9))
    if name == "deictic":
        word = (g.get("w") or "").lower()
        return Reading("deictic", "day", n={"yesterday": -1, "tomorrow": 1}.get(word, -1 if g.get("ln") else 0))
    if name == "weekday":
        return Reading("weekday", "day", weekday=WEEKDAYS.index(g["wd"].lower()),
                       shift=(g.get("shift") or "").lower() or None)
    if name == "holiday":
        month, day = HOLIDAYS[_holiday_key(g["h"])]
        return Reading("date", "day", year=_year(g.get("y")), month=month, day=day)
    if name == "the_weekend":
        return Reading("weekend", "day")
    if name == "quarter":
        q = int(g["qn"]) if "qn" in g else _ORDINALS[g["q"].lower()]
        shift = (g.get("shift") or "").lower()
        return Reading("quarter", "month", year=_year(g.get("y")), month=3 * q - 2,
                       n={"last": -1, "next": 1}.get(shift, 0), shift="year" if shift else None)
    if name == "month_day_only":
        return Reading("monthday", "day", day=int(g["d"]))
    if name in ("relative", "later", "day_before"):
        unit = g.get("unit", "day").lower()
        unit = "day" if unit in ("morning", "evening", "night") else unit
        n = -1 if (g.get("rel") or "").lower() in ("previous", "preceding") else 1
        if name == "later":
            n = _number(g["n"])
            if n is None:
                return None
        if (g.get("dir") or "").lower() in ("earlier", "before"):
            n = -n
        return Reading("relative", PRECISION_OF_UNIT[unit], unit=unit, n=n)
    if name == "weekday_range":
        return Reading("weekday", "day", weekday=WEEKDAYS.index(g["wd"].lower()),
                       end=Reading("weekday", "day", weekday=WEEKDAYS.index(g["wd2"].lower())))
    if name in ("unit", "the_unit"):
        unit, shift = g["unit"].lower(), (g.get("shift") or "this").lower()
        if unit == "weekend":
            return Reading("weekend", "day", shift=shift)
        n = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(shift, 0)
        return Reading("unit", PRECISION_OF_UNIT[unit], unit=unit, n=n, shift=shift)
    if name in ("ago", "ahead", "past_n"):
        n = _number(g["n"])
        unit = g["unit"].lower()
        if n is None:
            return None
        if unit == "decade":
            unit, n = "year", 10 * n
        return Reading("offset", PRECISION_OF_UNIT[unit], unit=unit, n=n if name == "ahead" else -n)
    return None


def _with_end(first: Reading, last: Reading) -> Reading:
    return Reading(first.kind, first.precision, first.year, first.month, first.day, end=last)


def _date(year: int | None, month: int | None, day: int | None) -> Reading | None:
    if not month or not day or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return Reading("date", "day", year=year, month=month, day=day)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _month(text: str) -> int:
    word = text.lower().rstrip(".")
    return next(n for n, name in enumerate(MONTHS, 1) if name.startswith(word[:3]))


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBERS.get(text)
