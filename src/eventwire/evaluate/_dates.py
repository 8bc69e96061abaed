"""``eventwire eval dates``: temporal expressions and event dates against eventwire's own gold sentences.

Gold
    ``tests/data/dates.yaml`` in the source tree (or ``--gold PATH``): a list of items, each with a document
    ``date`` (null: undated), one sentence ``text``, the expected ``times`` (``text`` locates the expression
    in the sentence; ``date``, ``precision`` and optionally ``end``, ``relation``, ``historical``) and
    optionally an ``event`` (``trigger``: a word of the sentence, its first occurrence; the ``date`` and
    ``precision`` the event should get, optionally ``historical``).

Scores
    A predicted expression matches a gold one when their spans overlap (one to one, in text order).  A gold
    expression is *right* when its match has the same date and precision, and the same end, relation and
    historical flag where the gold gives them.  A *sentence* is right when all its gold expressions are right,
    no predicted expression is left unmatched (spurious) and, when the item names an event, the event gets the
    expected date and precision.  The event is scored on the trigger alone (``date_events`` on an event with
    that trigger), so the score does not depend on the event coder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..config import Settings, load_settings
from ..dates import date_events, resolve_dates
from ..nlp import load_pipeline
from ..records import Event, Span, TimeExpression

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "dates.yaml"
_OPTIONAL = ("end", "relation", "historical")


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold items, dates as ISO strings."""
    if not path.is_file():
        from . import DataMissing

        raise DataMissing(f"{path}: dates gold set not found (it ships in the source tree as tests/data/dates.yaml;"
                          f" pass --gold PATH)")
    with open(path, encoding="utf-8") as f:
        items = yaml.safe_load(f) or []
    return [_normalise(item) for item in items]


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def evaluate_dates(path: Path | None = None, settings: Settings | None = None, max_errors: int = 20
                   ) -> dict[str, Any]:
    """Run the dates stage over the gold sentences and score it."""
    items = read_gold(Path(path) if path else DEFAULT_GOLD)
    settings = settings or load_settings()
    nlp = load_pipeline(settings.model)
    predictions = []
    for item, doc in zip(items, nlp.pipe([item["text"] for item in items], batch_size=settings.batch_size)):
        expressions = resolve_dates(doc, item.get("date"))
        event = None
        if item.get("event"):
            event = _event_for(item["text"], item["event"]["trigger"])
            date_events([event], expressions, doc, item.get("date"))
        predictions.append((expressions, event))
    return score_dates(items, predictions, max_errors)


def score_dates(items: list[dict[str, Any]], predictions: list[tuple[list[TimeExpression], Event | None]],
                max_errors: int = 20) -> dict[str, Any]:
    """The pure part: gold items and (expressions, dated event or None) per item → scores and misses."""
    right_sentences = gold_times = right_times = spurious = gold_events = right_events = 0
    misses = []
    for item, (expressions, event) in zip(items, predictions):
        problems = []
        text = item["text"]
        unmatched = list(expressions)
        for gold in item.get("times") or []:
            gold_times += 1
            start = text.find(str(gold["text"]))
            match = next((e for e in unmatched if start >= 0 and e.span.start < start + len(str(gold["text"]))
                          and e.span.end > start), None)
            if match is None:
                problems.append(f"missed {gold['text']!r}")
                continue
            unmatched.remove(match)
            wrong = _differences(gold, match)
            if wrong:
                problems.append(f"{match.span.text!r}: " + ", ".join(wrong))
            else:
                right_times += 1
        for extra in unmatched:
            spurious += 1
            problems.append(f"spurious {extra.span.text!r} → {extra.date} {extra.precision}")
        if item.get("event"):
            gold_events += 1
            expected = item["event"]
            got = (event.date, event.date_precision, event.historical) if event else (None, None, False)
            want = (expected.get("date"), expected.get("precision"),
                    expected.get("historical", got[2]))
            if got == want:
                right_events += 1
            else:
                problems.append(f"event {expected['trigger']!r}: got {got[0]} {got[1]}"
                                f"{' historical' if got[2] else ''}, want {want[0]} {want[1]}"
                                f"{' historical' if want[2] else ''}")
        if problems:
            misses.append({"id": item.get("id"), "date": item.get("date"), "text": text, "problems": problems})
        else:
            right_sentences += 1
    n = len(items)
    return {
        "gold": "tests/data/dates.yaml",
        "sentences": n,
        "sentences_right": right_sentences,
        "sentence_accuracy": round(right_sentences / n, 4) if n else 0.0,
        "expressions": {"gold": gold_times, "right": right_times, "spurious": spurious,
                        "accuracy": round(right_times / gold_times, 4) if gold_times else 0.0},
        "events": {"gold": gold_events, "right": right_events,
                   "accuracy": round(right_events / gold_events, 4) if gold_events else 0.0},
        "n_misses": len(misses),
        "misses": misses[:max_errors],
    }


def _differences(gold: dict[str, Any], got: TimeExpression) -> list[str]:
    wrong = []
    if (gold.get("date"), gold.get("precision")) != (got.date, got.precision):
        wrong.append(f"got {got.date} {got.precision}, want {gold.get('date')} {gold.get('precision')}")
    for key in _OPTIONAL:
        if key in gold and gold[key] != getattr(got, key):
            wrong.append(f"{key} {getattr(got, key)!r}, want {gold[key]!r}")
    return wrong


def _event_for(text: str, trigger: str) -> Event:
    """A bare event on the first whole-word occurrence of ``trigger``, to be dated."""
    match = re.search(rf"\b{re.escape(trigger)}\b", text)
    start, end = (match.start(), match.end()) if match else (0, 0)
    sentence = Span.of(text, 0, len(text))
    return Event(id="e1", sentence=sentence, trigger=Span.of(text, start, end), source=[], target=[],
                 plover_type="", cameo_code="")
