"""The extraction pipeline: articles → AnalyzedDocuments, stage by stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .actors import actor_resolver
from .events import event_coder
from .config import Settings, load_settings
from .dates import date_events, resolve_dates
from .nlp import load_pipeline, parse, sentences_and_entities
from .places import places_and_locations
from .quotes import link_events, quote_finder
from .records import AnalyzedDocument, Article


def analyze(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[AnalyzedDocument]:
    """Run every stage over ``articles`` (lazily, in input order).

    Knowledge is loaded (and user files checked) before the first document.
    A stage that fails on one document leaves its part empty and notes the
    failure in that document's ``errors``; the run goes on.
    """
    settings = settings or load_settings()
    resolve_actors = actor_resolver(load_pipeline(settings.model), tuple(settings.actors_files))
    code_events = event_coder(tuple(settings.events_files))
    return _run(articles, settings, resolve_actors, code_events, quote_finder(tuple(settings.quotes_files)))


def _run(articles, settings, resolve_actors, code_events, quotes) -> Iterator[AnalyzedDocument]:
    for article, doc in parse(articles, settings):
        sentences, entities = sentences_and_entities(doc)
        result = AnalyzedDocument(article=article, sentences=sentences, entities=entities)
        try:
            result.actors = resolve_actors(doc, article.date)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
            article.errors.append(f"actor resolution failed: {type(exc).__name__}: {exc}")
        try:
            result.events = code_events.detect(doc, result.actors, sentences, article.date)
        except Exception as exc:  # noqa: BLE001
            article.errors.append(f"event coding failed: {type(exc).__name__}: {exc}")
        try:
            result.quotes = quotes.find(doc, result.actors, [s.start for s in sentences], article.text)
            link_events(result.events, result.quotes)
        except Exception as exc:  # noqa: BLE001
            article.errors.append(f"quote extraction failed: {type(exc).__name__}: {exc}")
        try:
            result.places = places_and_locations(doc, result.actors, result.events, article.text)
        except Exception as exc:  # noqa: BLE001
            article.errors.append(f"place resolution failed: {type(exc).__name__}: {exc}")
        try:
            result.times = resolve_dates(doc, article.date, article.text)
            date_events(result.events, result.times, doc, article.date)
        except Exception as exc:  # noqa: BLE001
            article.errors.append(f"date resolution failed: {type(exc).__name__}: {exc}")
        yield result
